// Benchmark of the secretary's workspace in Debian's Chromium, through the loopback host, with a
// meeting of 60 §§ (the reference text repeated): time to open the meeting and show the first §,
// and keystroke-to-paint latency in the § editor, with a plain <textarea> on the same page as the
// peer, first with the preview pane off, then with the PDF preview on. Run:
// npx tsx test/bench/workspace.ts [--quick]. Prints a Markdown table; no pass/fail.
//
// Keystroke-to-paint: Playwright sends real key events (CDP Input.dispatchKeyEvent); in the page a
// capture listener takes the event's timeStamp and, after the next animation frame, a task
// queued behind that frame reads the clock — i.e. once the frame with the new character has been
// produced. Opening: from the navigation (or hash change) to the first frame after the § editor
// mounted (marks justera:paragraph-shown/-painted in ParagraphEditor).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { createBackend } from '../../electron/backend';
import { startHost } from '../../electron/host';
import { meetingDocumentSchema, type MeetingDocument } from '../../core/format/meeting';
import reference from '../../core/reference/e-namnden-2020-11-05.json' with { type: 'json' };

const quick = process.argv.includes('--quick');
const PARAGRAPHS = 60;
const OPEN_RUNS = quick ? 3 : 9;
const KEYSTROKES = quick ? 60 : 240;

const rendererDist = fileURLToPath(new URL('../../renderer/dist', import.meta.url));
const root = fileURLToPath(new URL('../..', import.meta.url));

function ensureRenderer(): void {
  if (existsSync(join(rendererDist, 'index.html'))) return;
  process.stderr.write('Bygger gränssnittet (renderer/dist saknas)…\n');
  const r = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.ts'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build misslyckades');
}

/** The reference meeting with its seven §§ repeated to 60, numbered 1–60. */
function bigMeeting(): MeetingDocument {
  const ref = meetingDocumentSchema.parse(reference);
  const paragraphs = Array.from({ length: PARAGRAPHS }, (_, i) => {
    const src = ref.paragraphs[i % ref.paragraphs.length] as MeetingDocument['paragraphs'][number];
    return { ...src, number: i + 1, title: `${src.title} (${i + 1})`, immediatelyAdjusted: false, attachments: i < 7 ? src.attachments : [] };
  });
  return { ...ref, paragraphs, adjustmentGroups: [{ paragraphs: paragraphs.map((p) => p.number), immediate: false }] };
}

function stats(xs: number[]): { median: number; p95: number; max: number } {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? NaN;
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1] ?? NaN };
}

const fmt = (n: number) => `${n.toFixed(1)} ms`;

async function installKeyProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __lat: number[] };
    w.__lat = [];
    document.addEventListener(
      'keydown',
      (e) => {
        const t0 = e.timeStamp;
        requestAnimationFrame(() => setTimeout(() => w.__lat.push(performance.now() - t0), 0));
      },
      true,
    );
  });
}

async function typeAndMeasure(page: Page, target: string, text: string): Promise<number[]> {
  await page.locator(target).first().click();
  await page.keyboard.press('Control+End');
  await page.evaluate(() => {
    (window as unknown as { __lat: number[] }).__lat = [];
  });
  await page.keyboard.type(text, { delay: 35 });
  await page.waitForTimeout(100);
  return page.evaluate(() => (window as unknown as { __lat: number[] }).__lat.slice());
}

async function paintedAfter(page: Page, since: number): Promise<number> {
  await page.waitForFunction((t) => performance.getEntriesByName('justera:paragraph-painted').some((e) => e.startTime > t), since, { timeout: 30_000 });
  return page.evaluate((t) => (performance.getEntriesByName('justera:paragraph-painted').find((e) => e.startTime > t)?.startTime ?? NaN) - t, since);
}

async function main(): Promise<void> {
  ensureRenderer();
  const dir = mkdtempSync(join(tmpdir(), 'justera-bench-'));
  const backend = createBackend({ databasePath: join(dir, 'bench.db'), transport: 'http', actor: 'bench', onInternalError: () => undefined });
  const imported = await backend.dispatch('meetings.import', { document: bigMeeting() });
  if (!imported.ok) throw new Error(imported.error.message);
  const { meetingId } = imported.value as { meetingId: string };
  const host = await startHost({ dispatch: (m, i) => backend.dispatch(m, i), staticDir: rendererDist });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const rows: string[][] = [];
  try {
    // Phase 1, the preview pane switched off (as a user on a slow laptop may): opening and typing
    // measure the workspace alone, without the protocol being typeset beside them.
    const context = await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'sv-SE' });
    await context.addInitScript(() => localStorage.setItem('justera.preview', 'off'));
    const page = await context.newPage();
    await page.goto(host.url);
    const base = page.url().replace(/#.*$/, '').replace(/\/$/, '');
    const meetingUrl = `${base}/#/meetings/${encodeURIComponent(meetingId)}/p/1`;

    // Opening from a fresh page load (HTML, scripts, API call, render).
    const cold: number[] = [];
    for (let i = 0; i < OPEN_RUNS; i += 1) {
      await page.goto('about:blank');
      await page.goto(meetingUrl);
      await page.getByRole('heading', { level: 2, name: /^§ 1 / }).waitFor();
      cold.push(await paintedAfter(page, 0));
    }
    // Opening from within the app (the board list is on screen; the meeting is not yet loaded).
    const warm: number[] = [];
    for (let i = 0; i < OPEN_RUNS; i += 1) {
      await page.goto(`${base}/#/`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const t0 = await page.evaluate((id) => {
        const t = performance.now();
        window.location.hash = `#/meetings/${encodeURIComponent(id)}/p/1`;
        return t;
      }, meetingId);
      warm.push(await paintedAfter(page, t0));
    }

    // Keystroke to paint in the rich text editor, and in a plain textarea on the same page.
    const sentence = 'Nämnden beslutar att godkänna förslaget och att uppdra åt förvaltningen att återrapportera. ';
    const text = sentence.repeat(Math.ceil(KEYSTROKES / sentence.length)).slice(0, KEYSTROKES);
    await page.goto('about:blank');
    await page.goto(meetingUrl);
    await page.getByRole('heading', { level: 2, name: /^§ 1 / }).waitFor();
    await page.waitForTimeout(1500);
    await installKeyProbe(page);
    const rte = await typeAndMeasure(page, '[role="textbox"][aria-labelledby="f-summary-label"]', text);
    await page.waitForTimeout(2500);
    const plain = await typeAndMeasure(page, 'textarea', text);
    await page.waitForTimeout(2500);
    await context.close();

    // Phase 2, the preview on (the default): the protocol PDF typeset in the host's worker pool
    // and drawn by pdf.js beside the editor, refreshed when typing pauses.
    const withPreview = await browser.newContext({ viewport: { width: 1500, height: 1000 }, locale: 'sv-SE' });
    const page2 = await withPreview.newPage();
    await page2.goto(host.url); // the token URL: a new context needs its own session cookie
    await page2.goto(meetingUrl);
    await page2.getByRole('heading', { level: 2, name: /^§ 1 / }).waitFor();
    await page2.waitForFunction(() => performance.getEntriesByName('justera:preview-painted').length > 0, undefined, { timeout: 120_000 });
    await installKeyProbe(page2);
    const rtePreview = await typeAndMeasure(page2, '[role="textbox"][aria-labelledby="f-summary-label"]', text);
    await page2.waitForFunction(() => performance.getEntriesByName('justera:preview-painted').length > 1, undefined, { timeout: 120_000 });
    const preview = await page2.evaluate(() => ({
      build: performance.getEntriesByName('justera:preview-build').map((e) => e.duration),
      apply: performance.getEntriesByName('justera:preview-apply').map((e) => e.duration),
    }));
    await withPreview.close();

    const c = stats(cold);
    const w = stats(warm);
    const r = stats(rte);
    const rp = stats(rtePreview);
    const p = stats(plain);
    // The first preview typesets every part; later ones, after typing in one §, only its run.
    const [firstBuild, ...editBuilds] = preview.build;
    const b = stats(editBuilds.length > 0 ? editBuilds : preview.build);
    const a = stats(preview.apply);
    rows.push(
      ['Open meeting, show § 1 (page load)', `${cold.length}`, fmt(c.median), fmt(c.p95), '< 300 ms'],
      ['Open meeting, show § 1 (in the app)', `${warm.length}`, fmt(w.median), fmt(w.p95), '< 300 ms'],
      ['Keystroke → paint, rich text editor', `${rte.length}`, fmt(r.median), fmt(r.p95), '< 16 ms median, < 50 ms p95'],
      ['Keystroke → paint, plain textarea (peer)', `${plain.length}`, fmt(p.median), fmt(p.p95), '–'],
      ['Keystroke → paint, rich text editor, PDF preview on', `${rtePreview.length}`, fmt(rp.median), fmt(rp.p95), '< 16 ms median, < 50 ms p95'],
      ['Preview PDF typeset by the worker pool (60 §§), on opening', '1', firstBuild === undefined ? '–' : fmt(firstBuild), '–', 'off the UI thread'],
      ['Preview PDF typeset again after typing in one §', `${editBuilds.length}`, editBuilds.length > 0 ? fmt(b.median) : '–', editBuilds.length > 0 ? fmt(b.p95) : '–', 'off the UI thread'],
      ['Preview PDF parsed and drawn by pdf.js (visible pages)', `${preview.apply.length}`, fmt(a.median), fmt(a.p95), 'parsing off the UI thread'],
    );
  } finally {
    await browser.close();
    await host.close();
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const chromiumVersion = spawnSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`Meeting of ${PARAGRAPHS} §§ (the reference text repeated), ${chromiumVersion || 'Chromium'}, headless.\n`);
  console.log('| Measure | n | median | p95 | target |');
  console.log('|---|---:|---:|---:|---|');
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
