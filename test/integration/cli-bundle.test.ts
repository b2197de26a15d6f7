// The `justera` command as installed: the esbuild bundle (scripts/build-cli.mjs, built fresh into
// a temporary folder here) run from folders that are not the checkout, a reader that closes the
// pipe early, and the split that keeps `--help` from loading the back end. The start-up times
// themselves are measured in `npm run bench` (test/bench/cli.ts), not asserted here.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { mainHelp } from '../../electron/cli/main';
import { buildProtocolData } from '../../core/documents';
import { meetingDocumentSchema } from '../../core/format/meeting';
import type { WorkRequest, WorkResponse } from '../../electron/services/documents/protocol';

const root = resolve(__dirname, '..', '..');
let out: string;
let cwd: string;

interface Meta {
  inputs: Record<string, unknown>;
  outputs: Record<string, { entryPoint?: string; inputs: Record<string, unknown>; imports: { path: string; kind: string; external?: boolean }[] }>;
}

function cli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}) {
  return spawnSync(process.execPath, [join(out, 'justera.js'), ...args], {
    cwd: options.cwd ?? cwd,
    env: { ...process.env, JUSTERA_DB: undefined, ...options.env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

/** Output chunks loaded by static imports from `start` (the chunk itself included). */
function staticClosure(meta: Meta, start: string): Set<string> {
  const seen = new Set<string>();
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of meta.outputs[file]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) walk(i.path);
  };
  walk(start);
  return seen;
}

beforeAll(() => {
  // Under node_modules/.cache so the externals (better-sqlite3, pdfkit) resolve by walking up, as
  // from dist-cli/ in the checkout.
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  out = mkdtempSync(join(cache, 'justera-cli-'));
  execFileSync(process.execPath, [join(root, 'scripts', 'build-cli.mjs'), '--out', out, '--metafile'], { cwd: root, stdio: 'pipe' });
  // A working folder far from the checkout: no tsconfig, no templates, no node_modules.
  cwd = mkdtempSync(join(tmpdir(), 'justera-cwd-'));
});
afterAll(() => {
  rmSync(out, { recursive: true, force: true });
  rmSync(cwd, { recursive: true, force: true });
});

describe('the bundled justera command', () => {
  it('prints the same help as the sources, from any folder', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${mainHelp()}\n`);
    expect(r.stderr).toBe('');
  });

  it('keeps the back end, the PDF templates and the signing libraries out of what --help loads', () => {
    const meta = JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8')) as Meta;
    const entry = Object.keys(meta.outputs).find((o) => meta.outputs[o]?.entryPoint === 'electron/cli/entry.ts');
    expect(entry).toBeDefined();
    const loaded = staticClosure(meta, entry!);
    const inputs = [...loaded].flatMap((o) => Object.keys(meta.outputs[o]?.inputs ?? {}));
    expect(inputs).toContain('electron/cli/main.ts');
    const heavy = inputs.filter((i) => /node_modules\/(@react-pdf|pdf-lib|pkijs|fontkit|drizzle-orm|@signpdf)\/|electron\/backend\.ts|templates\//.test(i));
    expect(heavy).toStrictEqual([]);
    // …and the back end's own start (what `justera list` loads) leaves the renderer and signing out.
    const backend = Object.keys(meta.outputs).find((o) => Object.keys(meta.outputs[o]?.inputs ?? {}).includes('electron/backend.ts'));
    const backendInputs = [...staticClosure(meta, backend!)].flatMap((o) => Object.keys(meta.outputs[o]?.inputs ?? {}));
    expect(backendInputs).toContain('db/open.ts');
    expect(backendInputs.filter((i) => /node_modules\/(@react-pdf|pdf-lib|pkijs|fontkit|@signpdf)\//.test(i))).toStrictEqual([]);
  });

  it('works from another folder: relative --db against that folder, migrations and the reference meeting from the bundle', () => {
    mkdirSync(join(cwd, 'data'), { recursive: true });
    const demo = cli(['demo', '--db', 'data/p.db', '--json']);
    expect(demo.stderr).toBe('');
    expect(JSON.parse(demo.stdout)).toMatchObject({ created: true });
    expect(existsSync(join(cwd, 'data', 'p.db'))).toBe(true);
    const list = cli(['list', '--db', join(cwd, 'data', 'p.db'), '--json'], { cwd: tmpdir() });
    expect(list.status).toBe(0);
    expect(list.stdout).toContain('2020-11-05');
  });

  it('renders the protocol from another folder: templates, fonts and the worker come from beside the bundle', () => {
    const db = join(cwd, 'r.db');
    const demo = JSON.parse(cli(['demo', '--db', db, '--json']).stdout) as { meetingId: string };
    const r = cli(['render', 'protocol', demo.meetingId, '-o', 'protokoll.pdf', '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const pdf = join(cwd, 'protokoll.pdf');
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const fonts = execFileSync('pdffonts', [pdf], { encoding: 'utf8' });
    expect(fonts).toMatch(/LiberationSans/);
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(text).toMatch(/§\s*20/);
  });

  it('starts the document worker (worker.js, sharing the chunks) and renders the reference protocol in it', async () => {
    const doc = meetingDocumentSchema.parse(JSON.parse(readFileSync(join(root, 'core', 'reference', 'e-namnden-2020-11-05.json'), 'utf8')));
    const worker = new Worker(join(out, 'worker.js'));
    try {
      const request: WorkRequest = { id: 1, type: 'document', data: buildProtocolData(doc, { generatedAt: '2020-11-12T10:00:00+01:00' }), options: {} };
      const reply = await new Promise<WorkResponse>((resolvePromise, reject) => {
        worker.once('message', resolvePromise);
        worker.once('error', reject);
        worker.postMessage(request);
      });
      if (!reply.ok || reply.answer.kind !== 'document') throw new Error(`worker failed: ${JSON.stringify(reply)}`);
      expect(reply.answer.result.pageCount).toBeGreaterThan(1);
      expect(Buffer.from(reply.answer.result.pdf).subarray(0, 5).toString()).toBe('%PDF-');
    } finally {
      await worker.terminate();
    }
  });

  it('ends quietly when the reader of its output has gone (EPIPE), bundled and from the sources', async () => {
    const db = join(cwd, 'e.db');
    cli(['demo', '--db', db]);
    const runs = [[join(out, 'justera.js')], [join(root, 'bin', 'justera.js')]];
    for (const [script] of runs) {
      const env = { ...process.env, JUSTERA_CLI: script!.endsWith('bin/justera.js') ? 'source' : undefined };
      const result = await new Promise<{ code: number | null; stderr: string }>((resolvePromise) => {
        const child = spawn(process.execPath, [script!, 'list', '--db', db, '--json'], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
        // The reader closes before the command writes (like `| head -c0` or a failing jq).
        child.stdout.destroy();
        let stderr = '';
        child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
        child.on('close', (code) => resolvePromise({ code, stderr }));
      });
      expect(result.stderr, script).toBe('');
      expect(result.code, script).toBe(0);
    }
  });
});
