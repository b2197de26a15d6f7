// Benchmark of pasting a large Word document into the § editor (issue 16 item 7: a 519 KB paste
// from Word froze the execCommand editor for 20.6 s). Builds ~500 KB of Word clipboard HTML from
// the fixture test/fixtures/paste/word-lists.html (its fragment repeated), then measures
//  1. in Node: cleaning it to rich text (linkedom's parser + the editor's reader, paste.ts),
//     inserting it into an editor state (pasteBlocks) and reading the document back (docToBlocks);
//  2. in Debian's Chromium through the loopback host (when renderer/dist and Chromium exist): a
//     real paste event in the § editor to the next painted frame, CSP violations counted, and
//     then Ctrl+A, Delete to the next frame. RENDERER_DIST=<dir> measures another build (e.g.
//     the execCommand editor of an older commit) with the same script.
// Run: npx tsx test/bench/paste.ts [--quick]. Prints Markdown tables; no pass/fail.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { EditorState, TextSelection } from 'prosemirror-state';
import { htmlToBlocks } from '../../renderer/components/editor/paste';
import { blocksToDoc, docToBlocks } from '../../renderer/components/editor/convert';
import { pasteBlocks } from '../../renderer/components/editor/commands';
import { parseHtml } from '../helpers/html-parser';

const quick = process.argv.includes('--quick');
const RUNS = quick ? 3 : 7;
const TARGET = 500 * 1024;
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Word clipboard HTML of at least `bytes`: the fixture's head, its fragment repeated. */
export function wordHtml(bytes: number): string {
  const src = readFileSync(join(root, 'test/fixtures/paste/word-lists.html'), 'utf8');
  const start = src.indexOf('<!--StartFragment-->');
  const end = src.indexOf('<!--EndFragment-->');
  const head = src.slice(0, start + '<!--StartFragment-->'.length);
  const fragment = src.slice(start + '<!--StartFragment-->'.length, end);
  const tail = src.slice(end);
  const parts: string[] = [];
  let size = head.length + tail.length;
  for (let i = 0; size < bytes; i += 1) {
    // Distinct list ids per copy, as Word numbers them in a long document.
    const copy = fragment.replace(/lfo(\d)/g, (_m, n: string) => `lfo${Number(n) + i * 2}`);
    parts.push(copy);
    size += Buffer.byteLength(copy);
  }
  return head + parts.join('') + tail;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (n: number) => `${n.toFixed(1)} ms`;

function nodeBench(html: string): string[][] {
  const cpu: number[] = [];
  const clean: number[] = [];
  const insert: number[] = [];
  const read: number[] = [];
  let blockCount = 0;
  for (let i = 0; i < RUNS; i += 1) {
    const c0 = process.cpuUsage();
    let t = performance.now();
    const blocks = htmlToBlocks(html, parseHtml);
    clean.push(performance.now() - t);
    blockCount = blocks.length;
    const state0 = EditorState.create({ doc: blocksToDoc([{ type: 'paragraph', content: [{ text: 'Före.' }] }]) });
    const state = state0.apply(state0.tr.setSelection(TextSelection.atEnd(state0.doc)));
    t = performance.now();
    const tr = pasteBlocks(state, blocks);
    const next = tr === null ? state : state.apply(tr);
    insert.push(performance.now() - t);
    t = performance.now();
    docToBlocks(next.doc);
    read.push(performance.now() - t);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const total = median(clean) + median(insert) + median(read);
  return [
    [`Clean ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB of Word HTML to rich text (linkedom parse + reader)`, `${RUNS}`, ms(median(clean)), `${blockCount} blocks`],
    ['Insert the blocks into the editor state (pasteBlocks)', `${RUNS}`, ms(median(insert)), ''],
    ['Read the document back as rich text (docToBlocks, what autosave does)', `${RUNS}`, ms(median(read)), ''],
    ['Total in Node', '', ms(total), '< 1 s'],
    ['Total in Node, CPU time (process.cpuUsage: work done, not wall time on a loaded machine)', `${RUNS}`, ms(median(cpu)), ''],
  ];
}

async function chromiumBench(html: string): Promise<string[][] | string> {
  const dist = process.env.RENDERER_DIST ?? join(root, 'renderer/dist');
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(join(dist, 'index.html'))) return `(renderer/dist saknas: kör npm run build:renderer för mätningen i Chromium)`;
  if (!existsSync(chromiumPath)) return `(Chromium saknas på ${chromiumPath})`;
  const { chromium } = await import('@playwright/test');
  const { createBackend } = await import('../../electron/backend');
  const { startHost } = await import('../../electron/host');
  const { meetingDocumentSchema } = await import('../../core/format/meeting');
  const reference = JSON.parse(readFileSync(join(root, 'core/reference/e-namnden-2020-11-05.json'), 'utf8')) as unknown;
  const dir = mkdtempSync(join(tmpdir(), 'justera-paste-bench-'));
  const backend = createBackend({ databasePath: join(dir, 'bench.db'), transport: 'http', actor: 'bench', onInternalError: () => undefined });
  const imported = await backend.dispatch('meetings.import', { document: meetingDocumentSchema.parse(reference) });
  if (!imported.ok) throw new Error(imported.error.message);
  const { meetingId } = imported.value as { meetingId: string };
  const host = await startHost({ dispatch: (m, i) => backend.dispatch(m, i), staticDir: dist });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'sv-SE' });
    await context.addInitScript(() => {
      localStorage.setItem('justera.preview', 'off');
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => {
        w.__csp.push(`${e.violatedDirective} ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
      });
    });
    const page = await context.newPage();
    await page.goto(host.url);
    const base = page.url().replace(/#.*$/, '').replace(/\/$/, '');
    const first = (meetingDocumentSchema.parse(reference).paragraphs[0]?.number ?? 1).toString();
    await page.goto(`${base}/#/meetings/${encodeURIComponent(meetingId)}/p/${first}`);
    const editor = page.locator('[role="textbox"][aria-labelledby="f-summary-label"]').first();
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('Control+End');
    const cspBefore = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp.length);
    // Main-thread busy time from the DevTools protocol (Performance.getMetrics): work done, not
    // the wall time a loaded machine stretches it to.
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const busy = async (): Promise<Record<string, number>> => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
    };
    const m0 = await busy();
    const paste = await editor.evaluate(async (el, data) => {
      const dt = new DataTransfer();
      dt.setData('text/html', data);
      dt.setData('text/plain', data.replace(/<[^>]+>/g, ''));
      const t0 = performance.now();
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      const handled = performance.now() - t0;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const clean = performance.getEntriesByName('justera:paste-clean').at(-1)?.duration ?? NaN;
      const insert = performance.getEntriesByName('justera:paste-insert').at(-1)?.duration ?? NaN;
      return { handled, painted: performance.now() - t0, paragraphs: el.querySelectorAll('p, li').length, clean, insert };
    }, html);
    const m1 = await busy();
    const cpu = (name: string) => ((m1[name] ?? NaN) - (m0[name] ?? NaN)) * 1000;
    const csp = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    const cspAfterPaste = csp.length - cspBefore;
    if (cspAfterPaste > 0) process.stderr.write(`CSP-rapporter: ${csp.slice(cspBefore, cspBefore + 3).join('; ')}\n`);
    await page.evaluate(() => {
      const w = window as unknown as { __del: number[] };
      w.__del = [];
      document.addEventListener(
        'keydown',
        (e) => {
          if (e.key !== 'Delete') return;
          const t0 = e.timeStamp;
          requestAnimationFrame(() => setTimeout(() => w.__del.push(performance.now() - t0), 0));
        },
        true,
      );
    });
    await page.keyboard.press('Control+A');
    const d0 = await busy();
    await page.keyboard.press('Delete');
    await page.waitForFunction(() => (window as unknown as { __del: number[] }).__del.length > 0, undefined, { timeout: 120_000 });
    const d1 = await busy();
    const delCpu = ((d1.TaskDuration ?? NaN) - (d0.TaskDuration ?? NaN)) * 1000;
    const del = await page.evaluate(() => (window as unknown as { __del: number[] }).__del[0] ?? NaN);
    const left = await editor.evaluate((el) => (el.textContent ?? '').length);
    await context.close();
    const version = spawnSync(chromiumPath, ['--version'], { encoding: 'utf8' }).stdout.trim();
    return [
      [`Paste event → handled (${version || 'Chromium'}, ${dist === join(root, 'renderer/dist') ? 'this build' : dist})`, '1', ms(paste.handled), `${paste.paragraphs} paragraphs/items`],
      ['… of which cleaning the HTML (DOMParser + reader)', '1', ms(paste.clean), ''],
      ['… of which the transaction and view update', '1', ms(paste.insert), ''],
      ['Paste event → next painted frame', '1', ms(paste.painted), '< 1 s'],
      ['… main-thread busy time (CDP TaskDuration; script / layout)', '1', ms(cpu('TaskDuration')), `${ms(cpu('ScriptDuration'))} / ${ms(cpu('LayoutDuration'))}`],
      ['CSP violations during the paste', '1', `${cspAfterPaste}`, '0'],
      ['Ctrl+A, Delete → next painted frame', '1', ms(del), `${left} characters left`],
      ['… main-thread busy time (CDP TaskDuration)', '1', ms(delCpu), ''],
    ];
  } finally {
    await browser.close();
    await host.close();
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const html = wordHtml(TARGET);
  console.log(`Word clipboard HTML: ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB (test/fixtures/paste/word-lists.html repeated).\n`);
  console.log('| Measure | n | median | note / target |');
  console.log('|---|---:|---:|---|');
  for (const row of nodeBench(html)) console.log(`| ${row.join(' | ')} |`);
  const browser = await chromiumBench(html);
  if (typeof browser === 'string') console.log(`\n${browser}`);
  else {
    console.log('\n| In Chromium | n | time | note / target |');
    console.log('|---|---:|---:|---|');
    for (const row of browser) console.log(`| ${row.join(' | ')} |`);
  }
}

if (process.argv[1]?.endsWith('paste.ts'))
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
