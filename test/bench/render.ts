// Benchmark: time and peak memory to render protocols of growing length with @react-pdf, and
// the 100-page protocol as HTML printed by headless Chromium for comparison.
//   npx tsx test/bench/render.ts                    all cases, each in a fresh process, prints a table
//   npx tsx test/bench/render.ts --case=100         one case in this process, in this thread
//   npx tsx test/bench/render.ts --case=100 --pool  … on a long-lived pool of worker threads (the preview)
//   npx tsx test/bench/render.ts --case=100 --shared  … shared between this thread and helper threads
//                                                   started for the job (renderShared, what
//                                                   `justera render protocol` does for long protocols
//                                                   on machines with ONE_OFF_POOL_CORES cores or more)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProtocolData, type ProtocolData } from '../../core/documents';
import type { Block } from '../../core/format/richtext';
import { plainText } from '../../core/format/richtext';
import { DocumentWorkerPool } from '../../electron/services/documents';
import { renderShared } from '../../electron/services/documents/shared-render';
import { renderProtocol, type RenderResult } from '../../templates/render';
import { generatedMeeting } from '../fixtures/documents/generate';
import { referenceMeeting } from '../documents/helpers/reference';

interface Case {
  name: string;
  label: string;
  data: () => ProtocolData;
  /** Targets from the issue; null where none was set. */
  targetMs: number | null;
  targetMb: number | null;
}

const AT = '2025-10-20T12:00:00+02:00';
const long = (paragraphs: number, textParagraphs: number) => () => buildProtocolData(generatedMeeting({ paragraphs, textParagraphs, wordsPerTextParagraph: 150, seed: 42 }), { generatedAt: AT });

const CASES: Case[] = [
  { name: 'ref', label: 'Referensprotokollet (e-nämnden 2020-11-05)', data: () => buildProtocolData(referenceMeeting(), { generatedAt: AT }), targetMs: 1000, targetMb: null },
  { name: '100', label: '~100 sidor (20 §§, 330 stycken à ~150 ord)', data: long(20, 330), targetMs: 3000, targetMb: 400 },
  { name: '300', label: '~300 sidor (60 §§, 1000 stycken à ~150 ord)', data: long(60, 1000), targetMs: null, targetMb: null },
];

interface Measurement {
  name: string;
  pages: number;
  coldMs: number;
  warmMs: number;
  /** CPU time of the warm render (all threads): less disturbed than wall time when the machine is busy. */
  warmCpuMs: number;
  peakMb: number;
}

/** Threads in the pool runs: the machine's cores, at least two. */
const POOL_SIZE = Math.max(2, availableParallelism());

type Mode = 'single' | 'pool' | 'shared';

/** Helper threads in the shared runs: as renderAdaptive would start them (from ONE_OFF_POOL_CORES cores), at least one. */
const HELPERS = Math.max(1, Math.min(4, availableParallelism()) - 1);

async function runCase(c: Case, mode: Mode): Promise<Measurement> {
  const data = c.data();
  const pool = mode === 'pool' ? new DocumentWorkerPool(POOL_SIZE) : null;
  const render = (): Promise<RenderResult> => (pool !== null ? pool.render('protocol', data) : mode === 'shared' ? renderShared(data, HELPERS) : renderProtocol(data));
  try {
    return await measure(c, render);
  } finally {
    await pool?.close();
  }
}

async function measure(c: Case, renderProtocol: () => Promise<RenderResult>): Promise<Measurement> {
  let t = performance.now();
  const first = await renderProtocol();
  const coldMs = performance.now() - t;
  t = performance.now();
  const cpu = process.cpuUsage();
  await renderProtocol();
  const warmMs = performance.now() - t;
  const used = process.cpuUsage(cpu);
  const warmCpuMs = (used.user + used.system) / 1000;
  // maxRSS is in kilobytes and covers the whole process, fonts and modules included.
  const peakMb = process.resourceUsage().maxRSS / 1024;
  return { name: c.name, pages: first.pageCount, coldMs, warmMs, warmCpuMs, peakMb };
}

/** The same protocol as plain HTML with print CSS, for Chromium's print-to-pdf. */
function protocolHtml(data: ProtocolData): string {
  const e = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const blocks = (bs: readonly Block[]): string => bs.map((b) => (b.type === 'heading' ? `<h4>${e(b.text)}</h4>` : `<p>${e(plainText([b]))}</p>`)).join('');
  const paragraphs = data.paragraphs
    .map((p) => {
      const sections = p.sections
        .map((s) => {
          switch (s.kind) {
            case 'decision':
              return `<h3>${s.heading}</h3><ol>${s.points.map((pt) => `<li>${blocks(pt)}</li>`).join('')}</ol>`;
            case 'text':
              return `${s.heading === undefined ? '' : `<h3>${s.heading}</h3>`}${blocks(s.blocks)}`;
            case 'list':
              return `<h3>${s.heading}</h3><ul>${s.items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`;
            case 'statements':
              return `<h3>${s.heading}</h3>${s.items.map((i) => `<p>${e(i.text)}</p>`).join('')}`;
            case 'vote':
              return `<h3>${s.heading}</h3><p>${e(s.vote.result)}</p>`;
            default: {
              const never: never = s;
              return never;
            }
          }
        })
        .join('');
      return `<section><h2>${p.label}<br>${e(p.title)}</h2><p class="case">${e(p.caseNumber ?? '')}</p>${sections}</section>`;
    })
    .join('');
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>
@page { size: A4; margin: 96pt 48pt 80pt 62pt; }
body { font-family: 'Liberation Sans', sans-serif; font-size: 10.5pt; line-height: 1.3; }
section { break-before: page; } h2 { font-size: 13pt; } h3 { font-size: 11pt; break-after: avoid; } p { margin: 0 0 6pt; }
</style></head><body>${paragraphs}</body></html>`;
}

function chromiumMs(data: ProtocolData, dir: string): { ms: number; pages: number } | null {
  const chromium = '/usr/bin/chromium';
  if (!existsSync(chromium)) return null;
  const html = join(dir, 'protokoll.html');
  const pdf = join(dir, 'protokoll-chromium.pdf');
  writeFileSync(html, protocolHtml(data));
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    `--user-data-dir=${join(dir, 'profile')}`,
    '--no-pdf-header-footer',
    `--print-to-pdf=${pdf}`,
    `file://${html}`,
  ];
  const t = performance.now();
  const r = spawnSync(chromium, args, { encoding: 'utf8', timeout: 120_000 });
  const ms = performance.now() - t;
  if (r.status !== 0 || !existsSync(pdf)) return null;
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return { ms, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0) };
}

async function main(): Promise<void> {
  const only = process.argv.find((a) => a.startsWith('--case='))?.slice('--case='.length);
  const mode: Mode = process.argv.includes('--pool') ? 'pool' : process.argv.includes('--shared') ? 'shared' : 'single';
  if (only !== undefined) {
    const c = CASES.find((x) => x.name === only);
    if (c === undefined) throw new Error(`Okänt fall: ${only}`);
    process.stdout.write(`${JSON.stringify(await runCase(c, mode))}\n`);
    return;
  }
  // Each case runs in a process of its own, so peak memory is that case's alone.
  const self = fileURLToPath(import.meta.url);
  const rows: string[][] = [];
  let hundred: Measurement | undefined;
  const longCases = CASES.filter((c) => c.name !== 'ref');
  const runs: { c: Case; mode: Mode }[] = [
    ...CASES.map((c) => ({ c, mode: 'single' as const })),
    ...longCases.map((c) => ({ c, mode: 'pool' as const })),
    ...longCases.map((c) => ({ c, mode: 'shared' as const })),
  ];
  const labels: Record<Mode, (c: Case) => string> = {
    single: (c) => c.label,
    pool: (c) => `${c.label}, pool om ${POOL_SIZE} trådar`,
    shared: (c) => `${c.label}, tråden + ${HELPERS} nystartad(e) hjälptråd(ar)`,
  };
  for (const { c, mode } of runs) {
    const args = ['--import', 'tsx', self, `--case=${c.name}`, ...(mode === 'single' ? [] : [`--${mode}`])];
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
    const line = r.stdout.trim().split('\n').pop() ?? '';
    if (r.status !== 0 || !line.startsWith('{')) throw new Error(`Fallet ${c.name} misslyckades:\n${r.stderr}`);
    const m = JSON.parse(line) as Measurement;
    if (c.name === '100' && mode === 'single') hundred = m;
    const ok = (c.targetMs === null || m.warmMs <= c.targetMs) && (c.targetMb === null || m.peakMb <= c.targetMb);
    const target = [c.targetMs === null ? '' : `< ${c.targetMs / 1000} s`, c.targetMb === null ? '' : `< ${c.targetMb} MB`].filter((x) => x !== '').join(', ');
    rows.push([
      labels[mode](c),
      `${m.pages}`,
      `${(m.coldMs / 1000).toFixed(2)} s`,
      `${(m.warmMs / 1000).toFixed(2)} s`,
      `${(m.warmCpuMs / 1000).toFixed(2)} s`,
      `${m.peakMb.toFixed(0)} MB`,
      target === '' ? '–' : `${target} ${ok ? 'OK' : 'MISSAR'}`,
    ]);
  }
  const dir = mkdtempSync(join(tmpdir(), 'justera-bench-'));
  try {
    const chrome = chromiumMs(CASES[1]?.data() ?? long(20, 330)(), dir);
    if (chrome !== null && hundred !== undefined) {
      rows.push([
        'Samma ~100 sidor som HTML, Chromium --print-to-pdf',
        `${chrome.pages}`,
        `${(chrome.ms / 1000).toFixed(2)} s`,
        '–',
        '–',
        '–',
        `react-pdf/Chromium = ${(hundred.coldMs / chrome.ms).toFixed(2)} (kall)`,
      ]);
    } else rows.push(['Chromium --print-to-pdf', '–', 'ej tillgänglig', '–', '–', '–', '–']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const head = ['Fall', 'Sidor', 'Första (kall)', 'Andra (varm)', 'CPU-tid (varm)', 'Toppminne (RSS)', 'Mål'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(fmt(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(fmt(r));
}

await main();
