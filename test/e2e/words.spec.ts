// Words a user should never see, walked over every screen of the app in Swedish and English:
// the test fails on an internal id (a signature field name like "sig-justerare-1", a uuid), a raw
// ISO timestamp, an English field name in a message, "Något gick fel:" before a message, any
// console error or failed request (the app icon included), and — in English — on Swedish
// interface words around the data (SWEDISH_UI); axe (WCAG 2.1 AA) runs on every screen.
// The checks live in words-helpers.ts. This file: a fresh database, as a new user sees it, and the
// reference meeting as a draft, before and after its kallelse is sent. words-justering.spec.ts
// and words-anslag.spec.ts walk the rest of the meeting's life (the files run in parallel).
import { expect, expectAccessible, test } from './fixtures';
import { check, useLife, watch } from './words-helpers';

// Axe on every screen of a loaded machine takes minutes.
test.describe.configure({ timeout: 420_000 });

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
      // The markup is the same in both languages: axe once per screen.
      if (lang === 'sv') await expectAccessible(page, `${route} (tom databas)`);
    }
  }
  expect(errors).toEqual([]);
});

test.describe("a meeting's life: the draft", () => {
  const life = useLife();

  test('draft and kallelse: every screen (boards, board, meeting, attendance, a §, justering, documents, anslag, signing package, settings, search) passes', async ({ page }) => {
    const errors = watch(page);
    const { screens: s } = life;
    const m = encodeURIComponent(life.f.meetingId);
    await life.walk(page, errors, 'utkast', [
      ['/', 'Nämnder och sammanträden', 'Boards and meetings'],
      [`/boards/${encodeURIComponent(life.boardId)}`, 'Norrbottens e-nämnd', 'Norrbottens e-nämnd'],
      s.meeting,
      [`/meetings/${m}/narvaro`, 'Norrbottens e-nämnd', 'Norrbottens e-nämnd'],
      s.paragraph,
      s.justering,
      s.documents,
      s.anslag,
      ['/underskrift', 'underskriftspaket', 'signing package'],
      s.settings,
      ['/sok?q=nyckelsystem', 'Sök', 'Search'],
    ]);
    // The kallelse is sent (in time): the meeting page shows the record.
    await life.sendKallelse();
    await life.walk(page, errors, 'kallelsen skickad', [s.meeting]);
  });
});
