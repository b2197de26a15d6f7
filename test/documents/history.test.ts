// A document is a function of its data, whatever the process rendered before (issue 14).
// Every job of the corpus (helpers/corpus.ts: the reference meeting, the fixture meeting and
// the letter meetings "Älven … Avsnitt", "Öjebyn … Ordföranden", "Åsa … Anna", the reverse
// and lower case, each through preview with part reuse, freeze, extract, public version,
// notice or kallelse) is rendered first in a fresh process: that is the reference. Then the
// same jobs are rendered in other orders — right after another job in a child process, and
// all of them forwards, backwards and shuffled in this process (the preview jobs then take
// typeset §-runs from the part cache) — and every output must equal its reference byte for
// byte, dates and /ID aside.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seeded } from '../fixtures/documents/generate';
import { digest, job, renderJob } from './helpers/corpus';
import { pdfText, tempDir, type TempDir } from './helpers/pdf-tools';

const CORPUS = [
  'alven:preview',
  'fixture:preview',
  'alven:freeze',
  'ojebyn:public',
  'asa:preview',
  'asa:notice',
  'reverse:freeze',
  'lower:extract',
  'reference:extract',
  'reference:notice',
  'reference:kallelse',
];
/** Two meetings previewed in one process: child 0 renders CORPUS[0] then CORPUS[1]; this one the other way round. */
const PAIR_REVERSED = ['fixture:preview', 'alven:preview'];

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHILD = fileURLToPath(new URL('./helpers/render-jobs.ts', import.meta.url));

interface Line {
  id: string;
  digest: string;
  pages: number;
}

/** Renders `ids` in this order in a fresh Node process (`dir` gets the PDFs). */
function child(dir: string, ids: readonly string[]): Promise<Line[]> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, ...ids], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => {
      if (code !== 0) reject(new Error(`render-jobs ${ids.join(' ')}: exit ${code}\n${err}`));
      else
        resolve(
          out
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l) as Line),
        );
    });
  });
}

/** Runs the tasks two at a time (two cores). */
async function twoAtATime<T>(tasks: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const lane = async () => {
    while (next < tasks.length) {
      const i = next;
      next += 1;
      const task = tasks[i];
      if (task !== undefined) results[i] = await task();
    }
  };
  await Promise.all([lane(), lane()]);
  return results;
}

let dir: TempDir;
/** Job id → digest of its render in a fresh process. */
const fresh = new Map<string, string>();
/** Job id → digest of its render right after the previous corpus job, in a child. */
const afterAnother = new Map<string, string>();
const children: string[] = [];
let reversedPair: Line[] = [];

beforeAll(async () => {
  dir = tempDir('justera-history-');
  // Child i renders job i first (fresh), then job i+1 (after job i).
  const orders = [...CORPUS.map((id, i) => [id, CORPUS[(i + 1) % CORPUS.length] ?? id]), PAIR_REVERSED];
  const runs = await twoAtATime(
    orders.map((ids, i) => () => {
      const sub = join(dir.path, `c${i}`);
      mkdirSync(sub);
      children.push(sub);
      return child(sub, ids);
    }),
  );
  reversedPair = runs[runs.length - 1] ?? [];
  for (const [first, second] of runs.slice(0, CORPUS.length)) {
    if (first === undefined || second === undefined) throw new Error('render-jobs gav för få rader');
    fresh.set(first.id, first.digest);
    afterAnother.set(second.id, second.digest);
  }
}, 600_000);
afterAll(() => dir.remove());

/** The PDF a child wrote for a job rendered first in its process. */
function freshPdf(id: string): string {
  const i = CORPUS.indexOf(id);
  const sub = join(dir.path, `c${i}`);
  const name = readdirSync(sub).find((f) => f.startsWith('0-'));
  if (name === undefined) throw new Error(`ingen PDF för ${id}`);
  return join(sub, name);
}

describe('the letters reach the page, whatever came first in the font', () => {
  it('"Älven … Avsnitt": no capital A lost after an Ä (fresh process, freeze and preview)', () => {
    for (const id of ['alven:freeze', 'alven:preview']) {
      const text = pdfText(freshPdf(id));
      expect(text, id).toContain('Hemtjänst Norr AB');
      expect(text, id).toContain('Avsnitt');
      expect(text, id).toContain('Anna Berg');
      expect(text, id).not.toMatch(/Norr B\b|(^|[^\p{L}])(vsnitt|nna Berg|rdföranden|mröstningen)/mu);
      expect(text, id).not.toMatch(/V otering|b eslutat/);
    }
  });

  it('"Öjebyn … Ordföranden" and "Åsa … Anna" keep their O and A', () => {
    expect(pdfText(freshPdf('ojebyn:public'))).not.toMatch(/(^|[^\p{L}])(rdföranden|mröstningen|lle Ek)/mu);
    expect(pdfText(freshPdf('ojebyn:public'))).toContain('Ordföranden ställer proposition');
    const asa = pdfText(freshPdf('asa:preview'));
    expect(asa).toContain('Anna');
    expect(asa).not.toMatch(/(^|[^\p{L}])(nna|vsnitt|rvid)\b/mu);
  });
});

describe('history independence', () => {
  it('two meetings previewed in one process, in both orders, equal their fresh renders', () => {
    // Child 0 rendered alven:preview then fixture:preview; the extra child the other way round.
    expect(CORPUS.slice(0, 2)).toEqual([...PAIR_REVERSED].reverse());
    expect(afterAnother.get('fixture:preview')).toBe(fresh.get('fixture:preview'));
    expect(reversedPair.map((l) => l.id)).toEqual(PAIR_REVERSED);
    for (const line of reversedPair) expect(line.digest, line.id).toBe(fresh.get(line.id));
  });

  it('every job rendered right after another job in a child equals its fresh render', () => {
    expect(afterAnother.size).toBe(CORPUS.length);
    for (const id of CORPUS) expect(afterAnother.get(id), id).toBe(fresh.get(id));
  });

  it('the corpus forwards, backwards and shuffled in this process equals the fresh renders', async () => {
    const random = seeded(14);
    const shuffled = [...CORPUS].sort(() => random() - 0.5);
    const orders = [CORPUS, [...CORPUS].reverse(), shuffled];
    for (const [n, order] of orders.entries()) {
      for (const id of order) {
        const result = await renderJob(job(id));
        expect(digest(result.pdf), `order ${n}: ${id}`).toBe(fresh.get(id));
      }
    }
  }, 600_000);
});
