// `npm start`'s prestart step: makes sure the native modules exist built for Electron, beside
// (never instead of) the Node build that `npm ci` made in node_modules.
//
//   node_modules/better-sqlite3/build/…        Node's ABI (tests, CLI, `npm run web`) — never touched
//   .electron-native/<abi>/node_modules/…      Electron's ABI (node_modules/electron/abi_version),
//                                              loaded explicitly by dist-electron/main.js
//   .electron-native/<abi>/build.json          what it was built for (Electron version, modules,
//                                              platform, arch): a different value means stale
//
// The build copies each module's sources (not its build/) into a staging folder and runs
// @electron/rebuild there (prebuilt binaries through prebuild-install where the module has them,
// else node-gyp with Electron's headers), then renames the folder into place. It runs only when
// the folder is missing or stale. Electron's own binary (electron@45 downloads it on first
// launch) is fetched here too, so that every download happens in this step.
//
// Offline or behind a proxy that blocks the hosts, it stops within seconds with a Swedish and
// English message naming what is missing and pointing at `npm run web` (exit status 1).
//
// Keep in step with electron/native.ts (the main process's side of the same layout).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const NATIVE_FOLDER = '.electron-native';
export const STAMP_FILE = 'build.json';
/** The native modules the main process loads, and the addon file each must end up with. */
export const NATIVE_MODULES = [
  { name: 'better-sqlite3', addon: join('build', 'Release', 'better_sqlite3.node') },
  { name: 'pkcs11js', addon: join('build', 'Release', 'pkcs11.node') },
];
const PROBE_TIMEOUT_MS = 5000;

export class NativeSetupError extends Error {
  /** @param {string} message @param {string[]} missing */
  constructor(message, missing) {
    super(message);
    this.name = 'NativeSetupError';
    this.missing = missing;
  }
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** What this checkout needs: Electron's version and ABI, the folder, the modules' versions. */
export function nativePlan(root, { platform = process.platform, arch = process.arch } = {}) {
  const electronDir = join(root, 'node_modules', 'electron');
  let electronVersion;
  let abi;
  try {
    electronVersion = readJson(join(electronDir, 'package.json')).version;
    abi = readFileSync(join(electronDir, 'abi_version'), 'utf8').trim();
  } catch {
    throw new NativeSetupError(['Justera: paketet electron saknas i node_modules. Kör `npm ci` först.', 'Justera: the electron package is missing from node_modules. Run `npm ci` first.'].join('\n'), [
      'node_modules/electron',
    ]);
  }
  if (!/^\d+$/.test(abi)) throw new NativeSetupError(`Justera: node_modules/electron/abi_version är ogiltig (${abi}). / is invalid.`, ['abi_version']);
  const dir = join(root, NATIVE_FOLDER, abi);
  const modules = NATIVE_MODULES.map((m) => {
    const source = join(root, 'node_modules', m.name);
    const version = readJson(join(source, 'package.json')).version;
    return { ...m, source, version, target: join(dir, 'node_modules', m.name), addonPath: join(dir, 'node_modules', m.name, m.addon) };
  });
  const stamp = { electron: electronVersion, abi, platform, arch, modules: Object.fromEntries(modules.map((m) => [m.name, m.version])) };
  return { root, electronVersion, abi, dir, stampPath: join(dir, STAMP_FILE), modules, stamp };
}

/** Null when the Electron build in plan.dir is there and made for this plan; else why not. */
export function staleReason(plan) {
  if (!existsSync(plan.stampPath)) return `${relative(plan.root, plan.dir)} saknas / is missing`;
  let built;
  try {
    built = readJson(plan.stampPath);
  } catch {
    return `${STAMP_FILE} är oläslig / is unreadable`;
  }
  if (built.electron !== plan.stamp.electron) return `byggd för Electron ${built.electron}, nu ${plan.stamp.electron} / built for Electron ${built.electron}, now ${plan.stamp.electron}`;
  if (built.platform !== plan.stamp.platform || built.arch !== plan.stamp.arch) return `byggd för ${built.platform}-${built.arch} / built for ${built.platform}-${built.arch}`;
  for (const m of plan.modules) {
    if (built.modules?.[m.name] !== m.version) return `${m.name} ${m.version} har inte byggts / has not been built`;
    if (!existsSync(m.addonPath)) return `${relative(plan.root, m.addonPath)} saknas / is missing`;
  }
  return null;
}

/** True when electron@45's binary is downloaded (the check its own install.js makes). */
export function electronBinaryInstalled(root) {
  const electronDir = join(root, 'node_modules', 'electron');
  try {
    const version = readJson(join(electronDir, 'package.json')).version;
    const exe = readFileSync(join(electronDir, 'path.txt'), 'utf8');
    if (
      readFileSync(join(electronDir, 'dist', 'version'), 'utf8')
        .replace(/^v/, '')
        .trim() !== version
    )
      return false;
    return existsSync(join(process.env.ELECTRON_OVERRIDE_DIST_PATH || join(electronDir, 'dist'), exe));
  } catch {
    return false;
  }
}

/** The hosts the downloads come from (mirrors from the usual environment variables). */
export function downloadHosts(env = process.env) {
  return {
    headers: env.ELECTRON_REBUILD_DIST_URL || env.npm_config_electron_rebuild_dist_url || 'https://www.electronjs.org/headers',
    binaries: env.ELECTRON_MIRROR || env.npm_config_electron_mirror || 'https://github.com/electron/electron/releases/',
  };
}

function proxyFor(url, env) {
  const value = url.startsWith('https:') ? env.HTTPS_PROXY || env.https_proxy || env.npm_config_https_proxy : env.HTTP_PROXY || env.http_proxy || env.npm_config_proxy;
  return value || null;
}

/**
 * Resolves when `url`'s host answers (any HTTP status, or a proxy's CONNECT 2xx), rejects after
 * `timeoutMs` or on a network error.
 */
export function probe(url, { timeoutMs = PROBE_TIMEOUT_MS, env = process.env } = {}) {
  const target = new URL(url);
  const proxy = proxyFor(url, env);
  if (proxy) {
    return new Promise((resolvePromise, reject) => {
      const p = new URL(proxy);
      const port = target.port || (target.protocol === 'https:' ? '443' : '80');
      const req = httpRequest({ host: p.hostname, port: p.port || 80, method: 'CONNECT', path: `${target.hostname}:${port}`, timeout: timeoutMs });
      req.on('connect', (res, socket) => {
        socket.destroy();
        if (res.statusCode && res.statusCode >= 200 && res.statusCode < 300) resolvePromise();
        else reject(new Error(`proxyn ${p.host} svarade ${res.statusCode}`));
      });
      req.on('timeout', () => req.destroy(new Error(`ingen kontakt inom ${timeoutMs / 1000} s`)));
      req.on('error', reject);
      req.end();
    });
  }
  return fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) }).then(
    () => undefined,
    (e) => {
      throw new Error(e?.name === 'TimeoutError' ? `ingen kontakt inom ${timeoutMs / 1000} s` : (e?.cause?.code ?? e?.message ?? String(e)));
    },
  );
}

function offlineMessage(missing, failures) {
  return [
    'Justera: skrivbordsappen kan inte startas — det som saknas måste laddas ned, och nätet svarar inte.',
    ...missing.map((m) => `  saknas: ${m.sv}`),
    ...failures.map((f) => `  ${f}`),
    'Anslut till internet (eller ställ in HTTPS_PROXY) och kör `npm start` igen,',
    'eller använd webbläsarversionen utan Electron: `npm run web`.',
    '',
    'Justera: the desktop app cannot start — what is missing must be downloaded, and the network does not answer.',
    ...missing.map((m) => `  missing: ${m.en}`),
    `Connect to the internet (or set HTTPS_PROXY) and run \`npm start\` again, or use the browser version without Electron: \`npm run web\`.`,
  ].join('\n');
}

/** Runs @electron/rebuild on the staging folder only (projectRootPath stops it walking up). */
async function electronRebuild({ buildPath, electronVersion, arch, modules, headerURL }) {
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath, projectRootPath: buildPath, electronVersion, arch, onlyModules: modules, force: true, mode: 'sequential', headerURL });
}

/** Downloads Electron's binary with electron's own install script. */
function installElectronBinary(root) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise() : reject(new Error(stderr.trim().split('\n').at(-1) || `install.js avslutades med status ${code}`))));
  });
}

/**
 * Makes sure the Electron build exists and is current. `deps` replaces the network parts in
 * tests: probe(url), rebuild({buildPath, electronVersion, arch, modules, headerURL}),
 * installElectron(root), electronInstalled(root), log(line).
 */
export async function ensureElectronNative(root, deps = {}) {
  const {
    probe: probeUrl = (url) => probe(url),
    rebuild = electronRebuild,
    installElectron = installElectronBinary,
    electronInstalled = electronBinaryInstalled,
    log = (line) => console.log(line),
    env = process.env,
    platform = process.platform,
    arch = process.arch,
  } = deps;
  const plan = nativePlan(root, { platform, arch });
  const stale = staleReason(plan);
  const needBinary = !electronInstalled(root);
  if (stale === null && !needBinary) {
    log(`Justera: inbyggda moduler för Electron ${plan.electronVersion} (ABI ${plan.abi}) finns i ${relative(root, plan.dir)} / native modules for Electron are up to date.`);
    return { plan, rebuilt: false, downloadedElectron: false };
  }

  // Everything below needs the network: check it answers before starting, so that a machine
  // without it gets a clear message in seconds instead of a hanging download.
  const hosts = downloadHosts(env);
  const missing = [];
  const urls = [];
  if (needBinary) {
    const what = `Electron ${plan.electronVersion} (${hosts.binaries})`;
    missing.push({ sv: `programmet ${what}`, en: `the binary of ${what}` });
    urls.push(hosts.binaries);
  }
  if (stale !== null) {
    const names = plan.modules.map((m) => m.name).join(', ');
    const where = relative(root, plan.dir);
    missing.push({
      sv: `${names} byggda för Electron ${plan.electronVersion} (ABI ${plan.abi}) i ${where} (${stale})`,
      en: `${names} built for Electron ${plan.electronVersion} (ABI ${plan.abi}) in ${where}`,
    });
    urls.push(hosts.headers, hosts.binaries);
  }
  const failures = [];
  for (const url of [...new Set(urls)]) {
    try {
      await probeUrl(url);
    } catch (e) {
      failures.push(`${url}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (failures.length > 0)
    throw new NativeSetupError(
      offlineMessage(missing, failures),
      missing.map((m) => m.en),
    );

  if (needBinary) {
    log(`Justera: laddar ned Electron ${plan.electronVersion} / downloading Electron ${plan.electronVersion} …`);
    try {
      await installElectron(root);
    } catch (e) {
      throw new NativeSetupError(offlineMessage([missing[0]], [`${e instanceof Error ? e.message : String(e)}`]), [missing[0].en]);
    }
  }
  if (stale === null) return { plan, rebuilt: false, downloadedElectron: needBinary };

  log(
    `Justera: bygger ${plan.modules.map((m) => m.name).join(' och ')} för Electron ${plan.electronVersion} (ABI ${plan.abi}) i ${relative(root, plan.dir)} (${stale}) / building native modules for Electron …`,
  );
  const stage = `${plan.dir}.partial-${process.pid}`;
  await rm(stage, { recursive: true, force: true });
  try {
    await mkdir(join(stage, 'node_modules'), { recursive: true });
    for (const m of plan.modules) {
      // Sources only: the copy gets its own build/ for Electron; node_modules/<m>/build is Node's.
      const skip = [join(m.source, 'build'), join(m.source, 'prebuilds'), join(m.source, 'node_modules')];
      await cp(m.source, join(stage, 'node_modules', m.name), {
        recursive: true,
        dereference: true,
        filter: (src) => !skip.some((s) => src === s || src.startsWith(s + sep)),
      });
    }
    await writeFile(join(stage, 'package.json'), `${JSON.stringify({ name: 'justera-electron-native', private: true, dependencies: plan.stamp.modules }, null, 2)}\n`);
    await rebuild({ buildPath: stage, electronVersion: plan.electronVersion, arch, modules: plan.modules.map((m) => m.name), headerURL: hosts.headers });
    for (const m of plan.modules) {
      const built = join(stage, 'node_modules', m.name, m.addon);
      if (!existsSync(built)) throw new Error(`${m.name}: ${m.addon} byggdes inte / was not built`);
    }
    await writeFile(join(stage, STAMP_FILE), `${JSON.stringify(plan.stamp, null, 2)}\n`);
    await rm(plan.dir, { recursive: true, force: true });
    await mkdir(dirname(plan.dir), { recursive: true });
    await rename(stage, plan.dir);
  } catch (e) {
    await rm(stage, { recursive: true, force: true });
    if (e instanceof NativeSetupError) throw e;
    const reason = e instanceof Error ? e.message.split('\n').slice(0, 3).join(' ') : String(e);
    throw new NativeSetupError(
      [
        `Justera: de inbyggda modulerna kunde inte byggas för Electron ${plan.electronVersion}: ${reason}`,
        'Det kräver internet (Electrons headerfiler) och samma byggverktyg som `npm ci` (Python 3, en C++-kompilator).',
        'Webbläsarversionen fungerar utan detta: `npm run web`.',
        `Justera: the native modules could not be built for Electron ${plan.electronVersion}: ${reason}`,
        'This needs the internet (Electron headers) and the build tools `npm ci` needs (Python 3, a C++ compiler). The browser version works without it: `npm run web`.',
      ].join('\n'),
      plan.modules.map((m) => m.name),
    );
  }
  log(`Justera: klart / done: ${plan.modules.map((m) => relative(root, m.addonPath)).join(', ')}`);
  return { plan, rebuilt: true, downloadedElectron: needBinary };
}

async function cli() {
  const flag = process.argv.indexOf('--root');
  const root = flag > 0 && process.argv[flag + 1] ? resolve(process.argv[flag + 1]) : join(dirname(fileURLToPath(import.meta.url)), '..');
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 12)) {
    console.warn(`Justera: Electron 45 och @electron/rebuild kräver Node 22.12 eller senare (nu ${process.versions.node}); nedladdning eller bygge kan misslyckas.`);
    console.warn(`Justera: Electron 45 and @electron/rebuild require Node 22.12 or later (now ${process.versions.node}); downloading or building may fail.`);
  }
  try {
    await ensureElectronNative(root);
  } catch (e) {
    if (!(e instanceof NativeSetupError)) throw e;
    console.error(e.message);
    process.exitCode = 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await cli();
