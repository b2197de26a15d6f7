// Words a user should never see: every screen of the app (boards, board with members, meeting,
// attendance, a §, justering, documents, anslag with extracts, signing package, settings, search),
// with the reference meeting's first group locked for justering, is walked in Swedish and English; the test
// fails on an internal id (a signature field name like "sig-justerare-1", a uuid), a raw ISO
// timestamp, an English field name in a message, "Något gick fel:" before a message, any console
// error or failed request (the app icon included), and runs axe (WCAG 2.1 AA) on every screen.
// A second walk starts from a fresh database, as a new user does.
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import { startApp, type JusteringApp } from './justering-helpers';

let app: JusteringApp;

// Axe on every screen of a loaded machine takes minutes.
test.describe.configure({ timeout: 420_000 });
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
  ['a generic error prefix before a message', /(Något gick fel|Something went wrong):/],
];

async function check(page: Page, label: string): Promise<void> {
  await expect(page.locator('main')).not.toContainText('Hämtar…');
  const text = await page.locator('body').innerText();
  const labels = await page.locator('[aria-label], [title]').evaluateAll((els) => els.map((e) => `${e.getAttribute('aria-label') ?? ''} ${e.getAttribute('title') ?? ''}`).join('\n'));
  for (const [what, re] of FORBIDDEN) {
    expect(`${text}\n${labels}`.match(re)?.[0] ?? null, `${what} på ${label}`).toBeNull();
  }
}

/** Console errors, uncaught errors and failed requests (a 404 for the icon included) while the page is walked. */
function watch(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A download or navigation the page itself cancels is no failure.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`${page.url()}: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${page.url()}: ${r.status()} ${r.url()}`);
  });
  return errors;
}

test('every screen, in Swedish and English, shows no internal ids, raw timestamps or console errors', async ({ page }) => {
  const errors = watch(page);
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
      // The markup is the same in both languages: axe once per screen.
      if (lang === 'sv') await expectAccessible(page, route);
    }
  }
  expect(errors).toEqual([]);
});

// A new user's first screens: a fresh database, before any board exists.
test('a fresh database: every screen reachable, in Swedish and English, passes the same checks', async ({ page, emptyApp }) => {
  const errors = watch(page);
  const origin = new URL(emptyApp.url).origin;
  const routes: [string, string, string][] = [
    ['/', 'Nämnder och sammanträden', 'Boards and meetings'],
    ['/anslag', 'Anslag', 'Anslag'],
    ['/underskrift', 'underskriftspaket', 'signing package'],
    ['/installningar', 'Inställningar', 'Settings'],
    ['/sok?q=budget', 'Sök', 'Search'],
  ];
  for (const lang of ['sv', 'en'] as const) {
    await page.goto(emptyApp.url);
    await page.evaluate((l) => localStorage.setItem('justera.lang', l), lang);
    await page.reload();
    for (const [route, sv, en] of routes) {
      await page.goto(`${origin}/#${route}`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText(lang === 'sv' ? sv : en, { ignoreCase: true });
      await check(page, `${route} (${lang}, tom databas)`);
      await expectAccessible(page, `${route} (${lang}, tom databas)`);
    }
  }
  expect(errors).toEqual([]);
});
