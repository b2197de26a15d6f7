// The esbuild bundles as shipped: dist-electron/main.js starts (CommonJS, import.meta shim,
// bundled migrations) under a fake 'electron', the sandboxed preload needs only 'electron', and
// the bundled document worker renders a real protocol with the fonts copied beside it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { PDFDocument, PDFName } from 'pdf-lib';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingDocumentSchema } from '../../core/format/meeting';
import { buildProtocolData } from '../../core/documents';
import type { WorkRequest, WorkResponse } from '../../electron/services/documents/protocol';

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

  it('start under a fake electron: scheme, window, IPC, database from the bundled migrations', () => {
    const data = mkdtempSync(join(tmpdir(), 'justera-bundle-data-'));
    try {
      const env: Record<string, string | undefined> = { ...process.env, FAKE_APPDATA: data };
      delete env['JUSTERA_MIGRATIONS_DIR'];
      const stdout = execFileSync(
        process.execPath,
        ['--import', pathToFileURL(join(__dirname, 'fixtures', 'fake-electron-hook.mjs')).href, join(out, 'main.js'), '--data-dir', join(data, 'db')],
        { cwd: root, env, encoding: 'utf8', timeout: 30_000 },
      );
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
