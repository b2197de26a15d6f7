// Scale benchmark: imports a generated data set (10 years × 12 boards × 11 meetings × 25 §§
// and the same with 5× paragraphs), then measures database size, search, opening a meeting and
// listing a board's year. Prints one table; no thresholds (see docs/benchmarks.md).
//   npx tsx test/bench/scale.ts [--quick] [--only=1x|5x] [--plan]
// Search goes through the API method (workspace.search, 50 hits): every query once without a
// filter, once per board and once per year. --plan prints EXPLAIN QUERY PLAN of its statements.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../../electron/backend';
import { searchStatements } from '../../db/repos/workspace-search';
import { generateMeetings, type DatasetOptions } from './dataset';

interface Row {
  set: string;
  paragraphs: number;
  importSeconds: number;
  dbMegabytes: number;
  searchP50: number;
  searchP95: number;
  openMeetingP50: number;
  listYearP50: number;
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

async function measure(label: string, o: DatasetOptions): Promise<Row> {
  const dir = mkdtempSync(join(tmpdir(), 'justera-bench-'));
  const dbPath = join(dir, 'bench.db');
  const backend = createBackend({ databasePath: dbPath, actor: 'bench' });
  try {
    let paragraphs = 0;
    const t0 = performance.now();
    for (const doc of generateMeetings(o)) {
      const r = await backend.dispatch('meetings.import', { document: doc });
      if (!r.ok) throw new Error(r.error.message);
      paragraphs += doc.paragraphs.length;
    }
    const importSeconds = (performance.now() - t0) / 1000;
    backend.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const dbMegabytes = statSync(dbPath).size / 1e6;

    const sql = backend.db.$client;
    const boardIds = (sql.prepare('SELECT id FROM boards ORDER BY name').all() as { id: string }[]).map((r) => r.id);
    const queries = ['nyckelsystem', 'upphandling', 'dataskyddsombud', 'hemtjänst*', 'ramavtal leverantör', 'arkivering', 'informationssäkerhet', 'säbo', 'förlängning', 'Luleå'];
    const filters: Record<string, unknown>[] = [{}, ...boardIds.map((boardId) => ({ boardId })), ...Array.from({ length: o.years }, (_, y) => ({ year: 2015 + y }))];
    const searchTimes: number[] = [];
    for (let i = 0; i < 200; i += 1) {
      const query = queries[i % queries.length] as string;
      const filter = filters[Math.floor(i / queries.length) % filters.length];
      const s = performance.now();
      const r = await backend.dispatch('workspace.search', { query, limit: 50, ...filter });
      searchTimes.push(performance.now() - s);
      if (!r.ok) throw new Error(r.error.message);
    }
    if (process.argv.includes('--plan')) printPlans(label, sql);
    const meetingIds = (sql.prepare('SELECT id FROM meetings ORDER BY random() LIMIT 50').all() as { id: string }[]).map((r) => r.id);
    const openTimes: number[] = [];
    for (const id of meetingIds) {
      const s = performance.now();
      const r = await backend.dispatch('meetings.get', { meetingId: id });
      if (!r.ok) throw new Error(r.error.message);
      openTimes.push(performance.now() - s);
    }
    const boards = (sql.prepare('SELECT id FROM boards').all() as { id: string }[]).map((r) => r.id);
    const listTimes: number[] = [];
    for (let i = 0; i < 50; i += 1) {
      const s = performance.now();
      await backend.dispatch('meetings.list', { boardId: boards[i % boards.length], year: 2015 + (i % o.years) });
      listTimes.push(performance.now() - s);
    }
    return {
      set: label,
      paragraphs,
      importSeconds,
      dbMegabytes,
      searchP50: percentile(searchTimes, 50),
      searchP95: percentile(searchTimes, 95),
      openMeetingP50: percentile(openTimes, 50),
      listYearP50: percentile(listTimes, 50),
    };
  } finally {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** EXPLAIN QUERY PLAN of every search statement, as evidence next to the (load-dependent) times. */
function printPlans(label: string, sql: ReturnType<typeof createBackend>['db']['$client']): void {
  const params = { q: '"x"', board: null, meeting: null, year: null, limit: 50, lo: 0, hi: 1, ids: '[]' };
  for (const [name, st] of Object.entries(searchStatements(sql))) {
    if (st === null) continue;
    const names = [...st.source.matchAll(/@(\w+)/g)].map((m) => m[1] as keyof typeof params);
    const args = names.length > 0 ? [Object.fromEntries(names.map((n) => [n, params[n]]))] : st.source.includes('term >=') ? ['a', 'b'] : ['"x"'];
    const plan = sql.prepare(`EXPLAIN QUERY PLAN ${st.source}`).all(...args) as { detail: string }[];
    console.error(`[${label}] ${name}: ${plan.map((r) => r.detail).join(' → ')}`);
  }
}

export async function runScaleBenchmark(quick = process.argv.includes('--quick')): Promise<Row[]> {
  const base: DatasetOptions = { years: 10, boards: 12, meetingsPerYear: 11, paragraphsPerMeeting: 25, wordsPerParagraph: 150 };
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  const all: [string, DatasetOptions][] = quick
    ? [
        ['snabb 1×', { ...base, years: 1, boards: 2 }],
        ['snabb 5×', { ...base, years: 1, boards: 2, paragraphsPerMeeting: 125 }],
      ]
    : [
        ['1×', base],
        ['5×', { ...base, paragraphsPerMeeting: 125 }],
      ];
  const sets = all.filter(([label]) => only === undefined || label.endsWith(only.replace('x', '×')));
  const rows: Row[] = [];
  for (const [label, o] of sets) rows.push(await measure(label, o));
  return rows;
}

export function formatScaleTable(rows: Row[]): string {
  const head = '| data set | §§ | import (s) | db (MB) | search p50 (ms) | search p95 (ms) | open meeting p50 (ms) | list board-year p50 (ms) |';
  const lines = [head, '|---|---|---|---|---|---|---|---|'];
  for (const r of rows) {
    lines.push(
      `| ${r.set} | ${r.paragraphs} | ${r.importSeconds.toFixed(1)} | ${r.dbMegabytes.toFixed(0)} | ${r.searchP50.toFixed(2)} | ${r.searchP95.toFixed(2)} | ${r.openMeetingP50.toFixed(1)} | ${r.listYearP50.toFixed(2)} |`,
    );
  }
  const [a, b] = rows;
  if (a && b) {
    const g = (x: number, y: number) => `${(y / x).toFixed(1)}×`;
    lines.push(
      `| growth ${a.set}→${b.set} | ${g(a.paragraphs, b.paragraphs)} | ${g(a.importSeconds, b.importSeconds)} | ${g(a.dbMegabytes, b.dbMegabytes)} | ${g(a.searchP50, b.searchP50)} | ${g(a.searchP95, b.searchP95)} | ${g(a.openMeetingP50, b.openMeetingP50)} | ${g(a.listYearP50, b.listYearP50)} |`,
    );
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runScaleBenchmark().then((rows) => console.log(formatScaleTable(rows)));
}
