// Words a user should never see: every screen of the app, with the reference meeting locked for
// justering, a notice posted and an extract made, is walked in Swedish and in English; the test
// fails on an internal id (a signature field name like "sig-justerare-1", a uuid), a raw ISO
// timestamp, an English field name in a message, or any console error (the app icon included).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { startApp, type JusteringApp } from './justering-helpers';

let app: JusteringApp;

test.describe.configure({ timeout: 180_000 });
test.beforeEach(async () => {
  app = await startApp();
  await app.api.call('justering.freeze', { meetingId: app.meetingId, groupIndex: 0 });
});
test.afterEach(async () => {
  await app.dispose();
});

const FORBIDDEN: [string, RegExp][] = [
  ['a signature field name', /\bsig-[a-z]/],
  ['a uuid', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i],
  ['a raw ISO timestamp', /\d{4}-\d\d-\d\dT\d\d:\d\d/],
  ['an internal field name in a message', /\b(orgNumber|meetingId|versionId|boardId|groupId|paragraphs\[\d+\]):/],
];

async function check(page: Page, label: string): Promise<void> {
  await expect(page.locator('main')).not.toContainText('Hämtar…');
  const text = await page.locator('body').innerText();
  const labels = await page.locator('[aria-label], [title]').evaluateAll((els) => els.map((e) => `${e.getAttribute('aria-label') ?? ''} ${e.getAttribute('title') ?? ''}`).join('\n'));
  for (const [what, re] of FORBIDDEN) {
    expect(`${text}\n${labels}`.match(re)?.[0] ?? null, `${what} på ${label}`).toBeNull();
  }
}

test('every screen, in Swedish and English, shows no internal ids, raw timestamps or console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  const origin = new URL(app.url).origin;
  const m = encodeURIComponent(app.meetingId);
  const b = encodeURIComponent(app.boardId);
  const routes: [string, string, string][] = [
    ['/', 'Nämnder och sammanträden', 'Boards and meetings'],
    [`/boards/${b}`, 'Norrbottens e-nämnd', 'Norrbottens e-nämnd'],
    [`/meetings/${m}`, 'Norrbottens e-nämnd', 'Norrbottens e-nämnd'],
    [`/meetings/${m}/narvaro`, 'Norrbottens e-nämnd', 'Norrbottens e-nämnd'],
    [`/meetings/${m}/p/23`, 'Norrbottens e-nämnd', 'Norrbottens e-nämnd'],
    [`/meetings/${m}/justering`, 'Justering', 'Justering'],
    [`/meetings/${m}/dokument`, 'Dokument', 'Documents'],
    [`/boards/${b}/dokument/2020`, 'Dokument', 'Documents'],
    ['/anslag', 'Anslag', 'Anslag'],
    ['/underskrift', 'underskriftspaket', 'signing package'],
    ['/installningar', 'Inställningar', 'Settings'],
    ['/sok?q=nyckelsystem', 'Sök', 'Search'],
  ];
  for (const lang of ['sv', 'en'] as const) {
    await page.goto(app.url);
    await page.evaluate((l) => localStorage.setItem('justera.lang', l), lang);
    await page.reload();
    for (const [route, sv, en] of routes) {
      await page.goto(`${origin}/#${route}`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(lang === 'sv' ? sv : en, { ignoreCase: true });
      await check(page, `${route} (${lang})`);
    }
  }
  expect(errors).toEqual([]);
});
