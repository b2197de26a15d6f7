// Crash test: a writer process is killed with SIGKILL at random moments while it types through
// the API. After each kill the database passes integrity_check, every acknowledged change is
// there, and the app opens normally. Bounded: JUSTERA_CRASH_KILLS kills (default 50).
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSync } from 'esbuild';
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBackend } from '../../electron/backend';
import { plainText } from '../../core/format/richtext';
import { prng } from '../bench/dataset';

const writerSource = fileURLToPath(new URL('./crash-writer.ts', import.meta.url));
const migrations = fileURLToPath(new URL('../../db/migrations', import.meta.url));
const kills = Number(process.env.JUSTERA_CRASH_KILLS ?? '50');
let writer = '';

// Bundled once, so each restarted writer starts in a fraction of a second instead of via tsx.
beforeAll(() => {
  // Inside the repository (.tmp/ is ignored by git) so the bundle finds node_modules.
  const dir = fileURLToPath(new URL('../../.tmp/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  writer = join(dir, `crash-writer-${process.pid}.mjs`);
  buildSync({
    entryPoints: [writerSource],
    outfile: writer,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Only the native modules stay outside. An external package is imported at the top of a
    // one-file bundle even where the source imports it lazily: @react-pdf, react and pdf-lib
    // outside made every writer load the document templates it never uses (1.2 s a start, 0.6 s now).
    external: ['better-sqlite3', 'pkcs11js'],
    banner: { js: "import { createRequire as __justeraRequire } from 'node:module'; const require = __justeraRequire(import.meta.url);" },
    logLevel: 'silent',
  });
});

function lastVersion(dbPath: string): { version: number; integrity: string } {
  const backend = createBackend({ databasePath: dbPath, actor: 'crash-check' });
  try {
    const integrity = (backend.db.$client.pragma('integrity_check', { simple: true }) as string) ?? '';
    const row = backend.db.$client.prepare('SELECT content FROM paragraphs WHERE number = 23').get() as { content: string };
    const summary = (JSON.parse(row.content) as { summary?: Parameters<typeof plainText>[0] }).summary ?? [];
    const m = /version (\d+)/.exec(plainText(summary));
    return { version: m ? Number(m[1]) : 0, integrity };
  } finally {
    backend.close();
  }
}

/**
 * Runs the writer until `ms` after its first acknowledged write, kills it, and returns the last
 * acknowledged N. Timed from the first ack, not from start-up, so that every run makes progress
 * however slowly a loaded machine writes: the kill still lands at a random point mid-write.
 */
function writeThenKill(dbPath: string, paragraphId: string, start: number, ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dbPath, paragraphId, String(start)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, JUSTERA_MIGRATIONS_DIR: migrations },
    });
    let acked = start;
    let timed = false;
    let buffer = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const l of lines) {
        const m = /^ack (\d+)$/.exec(l);
        if (m === null) continue;
        if (!timed) setTimeout(() => child.kill('SIGKILL'), ms);
        timed = true;
        acked = Number(m[1]);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // 'close', not 'exit': 'exit' may come before the last "ack N" lines still in the pipe are
    // read, and the count would then lag the database by more than the one write in flight.
    child.on('close', (_code, signal) => (signal === 'SIGKILL' ? resolve(acked) : reject(new Error(`writer stopped by itself: ${stderr}`))));
  });
}

describe('crash safety', () => {
  it(`survives ${kills} SIGKILLs mid-write without losing an acknowledged change`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'justera-crash-'));
    try {
      const dbPath = join(dir, 'justera.db');
      const setup = createBackend({ databasePath: dbPath, actor: 'crash-setup' });
      const demo = await setup.dispatch('demo.load', {});
      if (!demo.ok) throw new Error(demo.error.message);
      const view = await setup.dispatch('meetings.get', { meetingId: (demo.value as { meetingId: string }).meetingId });
      setup.close();
      if (!view.ok) throw new Error('demo meeting missing');
      const paragraphId = (view.value as { paragraphs: { id: string; number: number }[] }).paragraphs.find((p) => p.number === 23)?.id ?? '';

      const random = prng(2020);
      let acked = 0;
      for (let i = 0; i < kills; i += 1) {
        acked = await writeThenKill(dbPath, paragraphId, acked, 20 + Math.floor(random() * 250));
        const after = lastVersion(dbPath);
        expect(after.integrity).toBe('ok');
        // Every change the API acknowledged is there; at most the one in flight is also there.
        expect(after.version).toBeGreaterThanOrEqual(acked);
        expect(after.version).toBeLessThanOrEqual(acked + 1);
        acked = after.version;
      }
      // Each run acknowledged at least one write before it was killed.
      expect(acked).toBeGreaterThanOrEqual(kills);
      // And the app opens normally afterwards.
      const app = createBackend({ databasePath: dbPath });
      const list = await app.dispatch('meetings.list', {});
      app.close();
      expect(list.ok).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);

  it('a copy of the files taken mid-write (WAL included) opens and is consistent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'justera-powercut-'));
    try {
      const dbPath = join(dir, 'justera.db');
      const setup = createBackend({ databasePath: dbPath, actor: 'powercut' });
      const demo = await setup.dispatch('demo.load', {});
      if (!demo.ok) throw new Error(demo.error.message);
      const view = await setup.dispatch('meetings.get', { meetingId: (demo.value as { meetingId: string }).meetingId });
      const paragraphId = view.ok ? ((view.value as { paragraphs: { id: string; number: number }[] }).paragraphs.find((p) => p.number === 23)?.id ?? '') : '';
      for (let n = 1; n <= 60; n += 1) {
        await setup.dispatch('workspace.paragraphs.update', { paragraphId, patch: { summary: [{ type: 'paragraph', content: [{ text: `version ${n}` }] }] } });
        if (n % 20 === 0) {
          // Copy the main file and the WAL as a power cut would leave them (no checkpoint, no close).
          const snap = join(dir, `snap-${n}`);
          copyFileSync(dbPath, `${snap}.db`);
          if (existsSync(`${dbPath}-wal`)) copyFileSync(`${dbPath}-wal`, `${snap}.db-wal`);
          const check = lastVersion(`${snap}.db`);
          expect(check.integrity).toBe('ok');
          expect(check.version).toBe(n);
        }
      }
      setup.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
