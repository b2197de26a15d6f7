// The prestart step of `npm start` (scripts/electron-native.mjs) with the network parts mocked:
// it picks .electron-native/<abi> from node_modules/electron/abi_version, builds only when the
// folder is missing or stale, never writes into node_modules, and stops with a clear message
// when the network does not answer. One run goes through the real script as a process, offline.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureElectronNative, NativeSetupError, NATIVE_MODULES, probe, type EnsureDeps, type RebuildRequest } from '../../scripts/electron-native.mjs';
import { findElectronNativeBuild } from '../../electron/native';

const script = resolve(__dirname, '..', '..', 'scripts', 'electron-native.mjs');
let root: string;

/** A project with fake electron, better-sqlite3 and pkcs11js packages (sources and a Node build). */
function makeProject(dir: string, electron = '45.4.1', abi = '150'): void {
  const pkg = (name: string, version: string, files: Record<string, string>) => {
    for (const [file, text] of Object.entries({ 'package.json': JSON.stringify({ name, version }), ...files })) {
      const path = join(dir, 'node_modules', name, file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
  };
  pkg('electron', electron, { abi_version: `${abi}\n` });
  pkg('better-sqlite3', '12.11.1', { 'binding.gyp': '{}', 'lib/index.js': '', 'src/better_sqlite3.cpp': '', 'build/Release/better_sqlite3.node': 'node-abi-115' });
  pkg('pkcs11js', '2.1.7', { 'binding.gyp': '{}', 'index.js': '', 'src/main.cpp': '', 'build/Release/pkcs11.node': 'node-abi-115' });
}

/** Every file under node_modules with a hash of its content. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex') + String(statSync(p).mtimeMs);
    }
  };
  walk(join(dir, 'node_modules'));
  return out;
}

function harness(overrides: EnsureDeps = {}) {
  const calls = { rebuild: [] as RebuildRequest[], probe: [] as string[], install: 0 };
  const deps: EnsureDeps = {
    probe: async (url) => {
      calls.probe.push(url);
    },
    rebuild: async (r) => {
      calls.rebuild.push(r);
      for (const m of NATIVE_MODULES) {
        const target = join(r.buildPath, 'node_modules', m.name, m.addon);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, `electron-${r.electronVersion}`);
      }
    },
    installElectron: async () => {
      calls.install++;
    },
    electronInstalled: () => true,
    log: () => {},
    env: {},
    ...overrides,
  };
  return { calls, deps };
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'justera-native-'));
  makeProject(root);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('prestart: the Electron build of the native modules', () => {
  it('builds into .electron-native/<abi from abi_version> from a copy of the sources, and leaves node_modules alone', async () => {
    rmSync(root, { recursive: true, force: true });
    makeProject(root, '45.4.1', '777');
    const before = snapshot(root);
    const { calls, deps } = harness();
    const result = await ensureElectronNative(root, deps);
    expect(result.rebuilt).toBe(true);
    expect(result.plan.dir).toBe(join(root, '.electron-native', '777'));
    expect(calls.rebuild).toHaveLength(1);
    const request = calls.rebuild[0]!;
    expect(request.electronVersion).toBe('45.4.1');
    expect(request.modules).toStrictEqual(['better-sqlite3', 'pkcs11js']);
    // The rebuild runs on a staging copy outside node_modules, without Node's build in it.
    expect(request.buildPath.startsWith(join(root, '.electron-native'))).toBe(true);
    expect(snapshot(root)).toStrictEqual(before);
    const dir = join(root, '.electron-native', '777');
    expect(readFileSync(join(dir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe('electron-45.4.1');
    expect(readFileSync(join(dir, 'node_modules', 'pkcs11js', 'build', 'Release', 'pkcs11.node'), 'utf8')).toBe('electron-45.4.1');
    expect(existsSync(join(dir, 'node_modules', 'better-sqlite3', 'src', 'better_sqlite3.cpp'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'build.json'), 'utf8'))).toMatchObject({ electron: '45.4.1', abi: '777', modules: { 'better-sqlite3': '12.11.1', pkcs11js: '2.1.7' } });
    expect(readdirSync(join(root, '.electron-native'))).toStrictEqual(['777']);
    // What the main process looks for is exactly what was built.
    const found = findElectronNativeBuild(root, { electron: '45.4.1', modules: '777' });
    expect(found.ok && found.build.sqliteBinding).toBe(join(dir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'));
  });

  it('rebuilds only when missing or stale: same Electron twice builds once; a new Electron, module version or lost addon builds again', async () => {
    const { calls, deps } = harness({
      probe: async () => {
        throw new Error('offline');
      },
    });
    const online = harness();
    await ensureElectronNative(root, online.deps);
    // Up to date: no network needed at all (the offline probe would throw).
    const again = await ensureElectronNative(root, deps);
    expect(again.rebuilt).toBe(false);
    expect(calls.rebuild).toHaveLength(0);
    expect(calls.probe).toHaveLength(0);

    // Electron 45.4.1 → 45.5.0, same ABI: the same folder, rebuilt.
    writeFileSync(join(root, 'node_modules', 'electron', 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
    expect((await ensureElectronNative(root, online.deps)).rebuilt).toBe(true);
    expect(online.calls.rebuild.map((r) => r.electronVersion)).toStrictEqual(['45.4.1', '45.5.0']);
    expect(findElectronNativeBuild(root, { electron: '45.4.1', modules: '150' }).ok).toBe(false);
    expect(findElectronNativeBuild(root, { electron: '45.5.0', modules: '150' }).ok).toBe(true);

    writeFileSync(join(root, 'node_modules', 'better-sqlite3', 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.12.0' }));
    expect((await ensureElectronNative(root, online.deps)).rebuilt).toBe(true);

    rmSync(join(root, '.electron-native', '150', 'node_modules', 'pkcs11js', 'build', 'Release', 'pkcs11.node'));
    expect((await ensureElectronNative(root, online.deps)).rebuilt).toBe(true);
    expect(online.calls.rebuild).toHaveLength(4);
    expect((await ensureElectronNative(root, online.deps)).rebuilt).toBe(false);
  });

  it('offline: a Swedish and English message naming what is missing and pointing at npm run web; nothing built, nothing half-written', async () => {
    const { calls, deps } = harness({
      probe: async (url) => {
        calls.probe.push(url);
        throw new Error('ENOTFOUND');
      },
      electronInstalled: () => false,
    });
    const error = await ensureElectronNative(root, deps).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NativeSetupError);
    const message = (error as Error).message;
    expect(message).toMatch(/kan inte startas/);
    expect(message).toMatch(/cannot start/);
    expect(message).toContain('npm run web');
    expect(message).toContain('Electron 45.4.1');
    expect(message).toContain(join('.electron-native', '150'));
    expect(message).toContain('better-sqlite3');
    expect(message).not.toMatch(/NODE_MODULE_VERSION|\n\s+at /);
    expect(calls.rebuild).toHaveLength(0);
    expect(calls.install).toBe(0);
    expect(calls.probe.length).toBeGreaterThan(0);
    expect(existsSync(join(root, '.electron-native'))).toBe(false);
  });

  it('downloads the Electron binary in the same step when it is missing (electron@45 would otherwise do it at launch)', async () => {
    const { calls, deps } = harness({ electronInstalled: () => false });
    await ensureElectronNative(root, deps);
    expect(calls.install).toBe(1);
    expect(calls.probe).toContain('https://github.com/electron/electron/releases/');
    expect(calls.probe).toContain('https://www.electronjs.org/headers');
  });

  it('a failed build leaves the previous build and no staging folder, and says what it needs', async () => {
    const online = harness();
    await ensureElectronNative(root, online.deps);
    writeFileSync(join(root, 'node_modules', 'electron', 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0' }));
    const { deps } = harness({
      rebuild: async () => {
        throw new Error("node-gyp failed to rebuild 'pkcs11js'");
      },
    });
    const error = await ensureElectronNative(root, deps).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(NativeSetupError);
    expect((error as Error).message).toContain('npm run web');
    expect((error as Error).message).toContain('pkcs11js');
    expect(readdirSync(join(root, '.electron-native'))).toStrictEqual(['150']);
    expect(JSON.parse(readFileSync(join(root, '.electron-native', '150', 'build.json'), 'utf8'))).toMatchObject({ electron: '45.4.1' });
  });

  it('a rebuild that reports success but made no addon is a failure, not a stamp', async () => {
    const { deps } = harness({ rebuild: async () => {} });
    await expect(ensureElectronNative(root, deps)).rejects.toThrow(/better-sqlite3.*byggdes inte/);
    expect(existsSync(join(root, '.electron-native', '150'))).toBe(false);
  });

  it('as `npm start` runs it, with the download hosts unreachable: exit status 1 and the message, no stack trace', async () => {
    const closed = await new Promise<number>((resolvePort) => {
      const s = createNetServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as AddressInfo;
        s.close(() => resolvePort(port));
      });
    });
    const env: Record<string, string | undefined> = { ...process.env, ELECTRON_MIRROR: `http://127.0.0.1:${closed}/`, ELECTRON_REBUILD_DIST_URL: `http://127.0.0.1:${closed}/headers` };
    for (const k of ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'npm_config_proxy', 'npm_config_https_proxy']) delete env[k];
    const result = spawnSync(process.execPath, [script, '--root', root], { env, encoding: 'utf8', timeout: 30_000 });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('npm run web');
    expect(result.stderr).toContain(`127.0.0.1:${closed}`);
    expect(result.stderr).toMatch(/ECONNREFUSED/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(root, '.electron-native'))).toBe(false);
  });
});

describe('prestart: the network probe', () => {
  let proxy: Server | undefined;
  afterEach(async () => {
    await new Promise<void>((r) => (proxy ? proxy.close(() => r()) : r()));
    proxy = undefined;
  });

  async function startProxy(status: number): Promise<{ url: string; asked: string[] }> {
    const asked: string[] = [];
    proxy = createServer();
    proxy.on('connect', (req, socket) => {
      asked.push(req.url ?? '');
      socket.end(`HTTP/1.1 ${status} ${status === 200 ? 'Connection established' : 'Forbidden'}\r\n\r\n`);
    });
    await new Promise<void>((r) => proxy!.listen(0, '127.0.0.1', () => r()));
    return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, asked };
  }

  it('goes through HTTPS_PROXY when set: a proxy that connects is online, one that refuses is not', async () => {
    const open = await startProxy(200);
    await expect(probe('https://www.electronjs.org/headers', { env: { HTTPS_PROXY: open.url } })).resolves.toBeUndefined();
    expect(open.asked).toStrictEqual(['www.electronjs.org:443']);
    await new Promise<void>((r) => proxy!.close(() => r()));
    const refusing = await startProxy(403);
    await expect(probe('https://github.com/electron/electron/releases/', { env: { https_proxy: refusing.url } })).rejects.toThrow(/403/);
    expect(refusing.asked).toStrictEqual(['github.com:443']);
  });
});
