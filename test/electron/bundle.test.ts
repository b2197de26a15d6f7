// The esbuild bundles as shipped: dist-electron/main.js starts (CommonJS, import.meta shim,
// bundled migrations) under a fake 'electron', the sandboxed preload needs only 'electron', and
// the bundled document worker renders a real protocol with the fonts copied beside it.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { PDFDocument, PDFName } from 'pdf-lib';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingDocumentSchema } from '../../core/format/meeting';
import { buildProtocolData } from '../../core/documents';
import type { WorkRequest, WorkResponse } from '../../electron/services/documents/protocol';
import { ensureElectronNative, NATIVE_MODULES, type RebuildRequest } from '../../scripts/electron-native.mjs';

const root = resolve(__dirname, '..', '..');
let out: string;

beforeAll(() => {
  // Inside the project (under node_modules/.cache) so the bundles find better-sqlite3 and pdfkit
  // by walking up, as the packaged app finds them in its own node_modules.
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  out = mkdtempSync(join(cache, 'justera-bundle-'));
  execFileSync(process.execPath, [join(root, 'scripts', 'build-electron.mjs'), '--out', out], { cwd: root, stdio: 'pipe' });
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('dist-electron bundles', () => {
  it('contain main.js (CommonJS), preload.cjs and the migrations', () => {
    expect(JSON.parse(readFileSync(join(out, 'package.json'), 'utf8'))).toStrictEqual({ type: 'commonjs' });
    expect(existsSync(join(out, 'migrations', 'meta', '_journal.json'))).toBe(true);
    const preload = readFileSync(join(out, 'preload.cjs'), 'utf8');
    const required = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toStrictEqual(['electron']);
    expect(preload).not.toMatch(/import\.meta/);
  });

  it('keep native modules and electron outside the main bundle', () => {
    const main = readFileSync(join(out, 'main.js'), 'utf8');
    const required = new Set([...main.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1] ?? ''));
    // Node's own modules, the native modules and pdfkit (loaded from node_modules for its fonts).
    const allowed = new Set(['electron', 'better-sqlite3', 'pkcs11js', 'pdfkit', ...builtinModules]);
    for (const name of required) expect(allowed.has(name.replace(/^node:/, '')) || allowed.has(name), name).toBe(true);
    expect(required.has('better-sqlite3')).toBe(true);
  });

  it('keep native modules out of the worker bundle (a worker thread would load the Node build)', () => {
    const worker = readFileSync(join(out, 'worker.js'), 'utf8');
    expect(worker).not.toMatch(/require\("(better-sqlite3|pkcs11js)"\)/);
  });

  it('start under a fake electron: scheme, window, IPC, database from the bundled migrations', () => {
    const data = mkdtempSync(join(tmpdir(), 'justera-bundle-data-'));
    try {
      const env: Record<string, string | undefined> = { ...process.env, FAKE_APPDATA: data };
      delete env['JUSTERA_MIGRATIONS_DIR'];
      const stdout = execFileSync(process.execPath, ['--import', pathToFileURL(join(__dirname, 'fixtures', 'fake-electron-hook.mjs')).href, join(out, 'main.js'), '--data-dir', join(data, 'db')], {
        cwd: root,
        env,
        encoding: 'utf8',
        timeout: 30_000,
      });
      const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
      expect(report['errors']).toStrictEqual([]);
      expect(report['quit']).toBe(false);
      expect(report['schemes']).toStrictEqual(['app']);
      expect(report['handled']).toStrictEqual(['app']);
      expect(report['ipc']).toStrictEqual(['justera:invoke']);
      expect(report['loaded']).toBe('app://justera/index.html');
      expect(report['migrationsDir']).toBe(join(out, 'migrations'));
      expect((report['windows'] as { preload: string; sandbox: boolean }[])[0]).toMatchObject({ preload: join(out, 'preload.cjs'), sandbox: true, contextIsolation: true });
      expect(existsSync(join(data, 'db', 'justera.db'))).toBe(true);
    } finally {
      rmSync(data, { recursive: true, force: true });
    }
  });

  it("boot as Electron's main process on the native build the prestart step made in .electron-native/<abi>", async () => {
    // The project as `npm start` sees it: its node_modules, and .electron-native made by the real
    // prestart code — with the rebuild mocked by copying Node's addons, so that they load here.
    const app = mkdtempSync(join(tmpdir(), 'justera-boot-'));
    try {
      symlinkSync(join(root, 'node_modules'), join(app, 'node_modules'), 'dir');
      mkdirSync(join(app, 'renderer', 'dist'), { recursive: true });
      writeFileSync(join(app, 'renderer', 'dist', 'index.html'), '<!doctype html><title>Justera</title>');
      const nodeBuild = join(root, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
      const nodeBuildStat = statSync(nodeBuild);
      const rebuild = async (r: RebuildRequest) => {
        for (const m of NATIVE_MODULES) {
          const target = join(r.buildPath, 'node_modules', m.name, m.addon);
          mkdirSync(dirname(target), { recursive: true });
          copyFileSync(join(root, 'node_modules', m.name, m.addon), target);
        }
      };
      const { plan } = await ensureElectronNative(app, { probe: async () => {}, rebuild, electronInstalled: () => true, log: () => {} });
      const abi = readFileSync(join(root, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
      const electronVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
      const nativeDir = join(app, '.electron-native', abi);
      expect(plan.dir).toBe(nativeDir);

      const data = join(app, 'data');
      const env: Record<string, string | undefined> = {
        ...process.env,
        FAKE_APPDATA: data,
        FAKE_APP_PATH: app,
        FAKE_ELECTRON_VERSION: electronVersion,
        FAKE_ELECTRON_ABI: abi,
        FAKE_PKCS11_MODULE: join(app, 'not-a-pkcs11-module.so'),
      };
      writeFileSync(join(app, 'not-a-pkcs11-module.so'), 'no library');
      delete env['JUSTERA_MIGRATIONS_DIR'];
      const stdout = execFileSync(process.execPath, ['--import', pathToFileURL(join(__dirname, 'fixtures', 'fake-electron-hook.mjs')).href, join(out, 'main.js'), '--data-dir', join(data, 'db')], {
        cwd: app,
        env,
        encoding: 'utf8',
        timeout: 30_000,
      });
      const report = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
        errors: string[];
        quit: boolean;
        dlopen: string[];
        sqliteBindings: (string | null)[];
        appProtocol: { status: number; contentType: string; body: string };
        invoke: { ok: boolean; value?: { databasePath: string } };
        meetings: { ok: boolean; value?: { date?: string; startsAt?: string }[] };
        pkcs11: { ok: boolean; error?: { message: string } };
        pkcs11Chosen: { ok: boolean };
        windows: unknown[];
        loaded: string;
      };
      expect(report.errors).toStrictEqual([]);
      expect(report.quit).toBe(false);
      // Every connection got the Electron build as nativeBinding, and no other addon was loaded.
      const binding = join(nativeDir, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
      expect(report.sqliteBindings.length).toBeGreaterThan(0);
      expect(new Set(report.sqliteBindings)).toStrictEqual(new Set([binding]));
      expect(report.dlopen).toContain(binding);
      // pkcs11js too: it loaded from the Electron build (the file picked as the token library is no library).
      expect(report.pkcs11Chosen.ok).toBe(true);
      expect(report.pkcs11.ok).toBe(false);
      expect(report.pkcs11.error?.message).toContain('not-a-pkcs11-module.so');
      expect(report.dlopen).toContain(join(nativeDir, 'node_modules', 'pkcs11js', 'build', 'Release', 'pkcs11.node'));
      for (const file of report.dlopen) expect(file.startsWith(nativeDir + sep), file).toBe(true);
      // The window, app:// and IPC work on it.
      expect(report.windows).toHaveLength(1);
      expect(report.loaded).toBe('app://justera/index.html');
      expect(report.appProtocol).toMatchObject({ status: 200, body: '<!doctype html><title>Justera</title>' });
      expect(report.appProtocol.contentType).toMatch(/^text\/html/);
      expect(report.invoke.ok).toBe(true);
      expect(report.invoke.value?.databasePath).toBe(join(data, 'db', 'justera.db'));
      // A new database in development holds the reference meeting, as with `npm run web`.
      expect(report.meetings.ok).toBe(true);
      expect(JSON.stringify(report.meetings.value)).toContain('2020-11-05');
      expect(existsSync(join(data, 'db', 'justera.db'))).toBe(true);
      // Node's build in node_modules is the one npm ci made, untouched.
      expect(statSync(nodeBuild).mtimeMs).toBe(nodeBuildStat.mtimeMs);
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });

  it('stop with a message, not a NODE_MODULE_VERSION error, when .electron-native has no build for this Electron', () => {
    const app = mkdtempSync(join(tmpdir(), 'justera-boot-'));
    try {
      const env: Record<string, string | undefined> = { ...process.env, FAKE_APPDATA: join(app, 'data'), FAKE_APP_PATH: app, FAKE_ELECTRON_VERSION: '45.4.1', FAKE_ELECTRON_ABI: '150' };
      const result = spawnSync(process.execPath, ['--import', pathToFileURL(join(__dirname, 'fixtures', 'fake-electron-hook.mjs')).href, join(out, 'main.js'), '--data-dir', join(app, 'data')], {
        cwd: app,
        env,
        encoding: 'utf8',
        timeout: 30_000,
      });
      const report = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as { errors: string[]; quit: boolean; dlopen: string[]; windows: unknown[] };
      expect(report.quit).toBe(true);
      expect(report.windows).toStrictEqual([]);
      expect(report.dlopen).toStrictEqual([]);
      expect(report.errors).toHaveLength(1);
      expect(report.errors[0]).toContain('Justera kan inte starta');
      expect(report.errors[0]).toContain('npm start');
      expect(report.errors[0]).toContain('npm run web');
      expect(report.errors[0]).toContain(join('.electron-native', '150'));
      expect(`${result.stdout}${result.stderr}`).not.toMatch(/NODE_MODULE_VERSION/);
      expect(existsSync(join(app, 'data', 'justera.db'))).toBe(false);
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });

  it.skipIf(!existsSync(join(root, 'electron', 'services', 'documents', 'worker.ts')))('render a protocol in the bundled document worker, fonts beside it', async () => {
    const doc = meetingDocumentSchema.parse(JSON.parse(readFileSync(join(root, 'core', 'reference', 'e-namnden-2020-11-05.json'), 'utf8')));
    const data = buildProtocolData(doc, { generatedAt: '2020-11-12T10:00:00+01:00' });
    const worker = new Worker(join(out, 'worker.js'));
    try {
      const request: WorkRequest = { id: 1, type: 'document', data, options: {} };
      const reply = await new Promise<WorkResponse>((resolvePromise, reject) => {
        worker.once('message', resolvePromise);
        worker.once('error', reject);
        worker.postMessage(request);
      });
      if (!reply.ok || reply.answer.kind !== 'document') throw new Error(`worker failed: ${JSON.stringify(reply)}`);
      expect(reply.answer.result.pageCount).toBeGreaterThan(1);
      expect(Buffer.from(reply.answer.result.pdf).subarray(0, 5).toString()).toBe('%PDF-');
      // The pdfkit hooks (font reuse, marked content) reach the pdfkit the bundled @react-pdf loads:
      // the file is tagged, and the working keys are gone.
      const pdf = await PDFDocument.load(reply.answer.result.pdf);
      expect(pdf.catalog.has(PDFName.of('StructTreeRoot'))).toBe(true);
      expect(pdf.catalog.has(PDFName.of('MarkInfo'))).toBe(true);
      expect(pdf.getPages().every((p) => !p.node.has(PDFName.of('JusteraTags')))).toBe(true);
      expect(pdf.getPages().filter((p) => p.node.has(PDFName.of('StructParents'))).length).toBe(pdf.getPageCount());
    } finally {
      await worker.terminate();
    }
  });
});
