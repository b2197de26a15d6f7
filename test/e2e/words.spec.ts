// Words a user should never see: every screen of the app (boards, board with members, meeting,
// attendance, a §, justering, documents, anslag with extracts, signing package, settings, search),
// with the reference meeting's first group locked for justering, is walked in Swedish and English; the test
// fails on an internal id (a signature field name like "sig-justerare-1", a uuid), a raw ISO
// timestamp, an English field name in a message, "Något gick fel:" before a message, any console
// error or failed request (the app icon included), and runs axe (WCAG 2.1 AA) on every screen.
// A second walk starts from a fresh database, as a new user does. A third follows one meeting
// through its whole life (draft and kallelse, frozen, signed package, justerat, notice posted,
// extract, the notice board's public pages, rättelse) and also fails, in English, on Swedish
// interface words around the data (SWEDISH_UI).
import type { Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import reference from '../../core/reference/e-namnden-2020-11-05.json' with { type: 'json' };
import { startHost, type Host } from '../../electron/host';
import { tempDir, type TempDir } from '../documents/helpers/pdf-tools';
import { anslagFixture, type AnslagFixture } from '../integration/anslag-fixture';
import { expect, expectAccessible, rendererDist, test } from './fixtures';
import { makeCertificates, PASSWORD, startApp, type Certificates, type JusteringApp } from './justering-helpers';

/** A route, and what its h1 says in Swedish and in English. */
type Screen = [string, string, string];

let app: JusteringApp;

// Axe on every screen of a loaded machine takes minutes.
test.describe.configure({ timeout: 420_000 });

const FORBIDDEN: [string, RegExp][] = [
  ['a signature field name', /\bsig-[a-z]/],
  ['a uuid', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i],
  ['a raw ISO timestamp', /\d{4}-\d\d-\d\dT\d\d:\d\d/],
  ['an internal field name in a message', /\b(orgNumber|meetingId|versionId|boardId|groupId|paragraphs\[\d+\]):/],
  ['a generic error prefix before a message', /(Något gick fel|Something went wrong):/],
];

/**
 * Swedish interface words that an English screen must not show in its controls, headings, labels
 * and messages (the data — names, § titles, recipients — stays Swedish, and so do the kept legal
 * terms justering, anslag, protokollsutdrag).
 */
const SWEDISH_UI =
  /(?<!\p{L})(Skriv under|Hämta|Spara|Avbryt|Ladda ner|Visa|Stäng|Ändra|Ta bort|Lägg till|Sätt upp|Skapa|Kontrollera|Välj|Öppna|Kryssa|Gör|Mottagare|Sammanträde|Paragrafer|Underskrift|Version \d+ (?:gällande|ersatt)|Låst|Justerad|Skickad|saknar|inga|ingen|och|eller|för|till|från|med)(?!\p{L})/u;

/** The reference meeting's own Swedish words (§ titles, names, places, recipients): data, not interface. */
const DATA = [
  ...reference.paragraphs.flatMap((p) => [p.title, ...((p as { distribution?: string[] }).distribution ?? [])]),
  ...reference.people.map((p) => p.name),
  reference.board.name,
  reference.board.shortName,
  reference.board.storagePlace,
  reference.organisation.name,
  'Kommunstyrelsen',
].sort((a, b) => b.length - a.length);

function withoutData(text: string): string {
  // A quoted Swedish term ("Expedieras till") is kept on purpose, with its gloss.
  return DATA.reduce((t, d) => t.split(d).join(' '), text).replace(/"[^"]*"/g, ' ');
}

async function check(page: Page, label: string, lang: 'sv' | 'en' = 'sv'): Promise<void> {
  // A loaded machine can take a while to answer: wait for the state, not a time.
  await expect(page.locator('body')).not.toContainText('Hämtar…', { timeout: 60_000 });
  await expect(page.locator('body')).not.toContainText('Loading…', { timeout: 60_000 });
  const text = await page.locator('body').innerText();
  const labels = await page.locator('[aria-label], [title]').evaluateAll((els) => els.map((e) => `${e.getAttribute('aria-label') ?? ''} ${e.getAttribute('title') ?? ''}`).join('\n'));
  for (const [what, re] of FORBIDDEN) {
    // Soft: one walk reports every word it finds, not only the first.
    expect.soft(`${text}\n${labels}`.match(re)?.[0] ?? null, `${what} på ${label}`).toBeNull();
  }
  if (lang === 'en') {
    // Interface text only: what the page itself writes around the data.
    const ui = await page
      .locator('main button, main label, main legend, main th, main caption, main h1, main h2, main h4, main .help, main [role="status"], main [role="alert"], header, nav')
      .evaluateAll((els) =>
        els
          .map((e) => {
            // A file format's column names (<code>) are what the file says, not interface text.
            const copy = e.cloneNode(true) as HTMLElement;
            copy.querySelectorAll('code').forEach((c) => c.remove());
            return (copy.textContent ?? '').trim();
          })
          .filter((x) => x !== ''),
      );
    const swedish = ui.filter((x) => SWEDISH_UI.test(withoutData(x)));
    expect.soft(swedish, `svensk text i det engelska läget på ${label}`).toEqual([]);
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

test.describe('the reference meeting', () => {
  test.beforeEach(async () => {
    app = await startApp();
    await app.api.call('justering.freeze', { meetingId: app.meetingId, groupIndex: 0 });
  });
  test.afterEach(async () => {
    await app.dispose();
  });

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

// A meeting's whole life, every screen on the way, in Swedish and English: a draft with its
// kallelse, the kallelse sent, the first group locked for justering (with its signing package
// opened on #/underskrift), signed by all three (justerat), the notice posted, a protokollsutdrag
// made, the notice board's public pages, and a rättelse (the dialog with its validation messages,
// then version 2). The clock moves as the real days would.
test.describe("a meeting's whole life", () => {
  let f: AnslagFixture;
  let host: Host;
  let certs: Certificates;
  let out: TempDir;

  test.describe.configure({ timeout: 1_800_000 });
  test.beforeAll(async () => {
    certs = await makeCertificates();
  });
  test.afterAll(() => certs.dispose());
  test.beforeEach(async () => {
    f = await anslagFixture({ adjusted: [undefined, undefined], now: '2020-10-20T09:00:00+02:00' });
    await certs.trust(f.api);
    host = await startHost({ dispatch: (m, i) => f.backend.dispatch(m, i), staticDir: rendererDist });
    out = tempDir('justera-e2e-words-');
  });
  test.afterEach(async () => {
    await host.close();
    f.dispose();
    out.remove();
  });

  test('draft → kallelse → frozen → justerat → anslag → utdrag → rättelse: every screen passes', async ({ page }) => {
    const errors = watch(page);
    const origin = new URL(host.url).origin;
    const m = encodeURIComponent(f.meetingId);
    const boardId = (await f.api.call('workspace.meetings.get', { meetingId: f.meetingId })).boardId;
    const b = encodeURIComponent(boardId);
    const meeting: Screen = [`/meetings/${m}`, 'Norrbottens e-nämnd', 'Norrbottens e-nämnd'];
    const justering: Screen = [`/meetings/${m}/justering`, 'Justering', 'Justering'];
    const documents: Screen = [`/meetings/${m}/dokument`, 'Dokument', 'Documents'];
    const boardDocuments: Screen = [`/boards/${b}/dokument/2020`, 'Dokument', 'Documents'];
    const anslag: Screen = ['/anslag', 'Anslag', 'Anslag'];
    const settings: Screen = ['/installningar', 'Inställningar', 'Settings'];

    const walk = async (stage: string, screens: Screen[]) => {
      for (const lang of ['sv', 'en'] as const) {
        await page.goto(host.url);
        await page.evaluate((l) => localStorage.setItem('justera.lang', l), lang);
        await page.reload();
        for (const [route, sv, en] of screens) {
          await page.goto(`${origin}/#${route}`);
          await expect(page.getByRole('heading', { level: 1 })).toContainText(lang === 'sv' ? sv : en, { ignoreCase: true });
          await check(page, `${route} (${lang}, ${stage})`, lang);
          if (lang === 'sv') await expectAccessible(page, `${route} (${stage})`);
        }
      }
      expect(errors, stage).toEqual([]);
    };

    // A draft: nothing locked, the kallelse not sent yet.
    await walk('utkast', [
      ['/', 'Nämnder och sammanträden', 'Boards and meetings'],
      [`/boards/${b}`, 'Norrbottens e-nämnd', 'Norrbottens e-nämnd'],
      meeting,
      [`/meetings/${m}/narvaro`, 'Norrbottens e-nämnd', 'Norrbottens e-nämnd'],
      [`/meetings/${m}/p/20`, 'Norrbottens e-nämnd', 'Norrbottens e-nämnd'],
      justering,
      documents,
      anslag,
      settings,
    ]);

    // The kallelse is sent (in time): the meeting page shows the record.
    const board = await f.api.call('workspace.boards.get', { boardId });
    for (const member of board.members.slice(0, 3)) await f.api.call('people.setEmail', { personId: member.personId, email: `ledamot${member.personId.replace(/\W/g, '')}@kommun.se` });
    await f.api.call('kallelse.send', { meetingId: f.meetingId, from: 'namnd@kommun.se' });
    await walk('kallelsen skickad', [meeting]);

    // §§ 20-22 locked for justering; the justerare's signing package opened on another machine.
    f.at('2020-11-05T10:35:00+01:00');
    const { version } = await f.api.call('justering.freeze', { meetingId: f.meetingId, groupIndex: 0 });
    await walk('låst för justering', [meeting, justering, documents]);
    const pkg = await f.api.call('justering.exportPackage', { versionId: version.id, field: 'sig-justerare-1' });
    for (const lang of ['sv', 'en'] as const) {
      await page.goto(host.url);
      await page.evaluate((l) => localStorage.setItem('justera.lang', l), lang);
      await page.goto(`${origin}/#/underskrift`);
      await page.reload();
      await page.locator('input[type="file"]').setInputFiles({ name: pkg.fileName, mimeType: 'application/json', buffer: Buffer.from(pkg.content) });
      await page.getByRole('button', { name: lang === 'sv' ? 'Öppna paketet' : 'Open the package' }).click();
      await expect(page.getByRole('region', { name: lang === 'sv' ? 'Paketets innehåll' : 'Contents of the package' })).toBeVisible({ timeout: 30_000 });
      await check(page, `#/underskrift med öppnat paket (${lang})`, lang);
      if (lang === 'sv') await expectAccessible(page, '#/underskrift med öppnat paket');
    }

    // Signed by the secretary, the chair and the justerare: justerat.
    const signers = [
      ['sig-sekreterare', 'Robert Karlsson'],
      ['sig-ordforande', 'Anders Lundkvist'],
      ['sig-justerare-1', 'Sara Lundberg'],
    ] as const;
    let adjusted = false;
    for (const [i, [field, name]] of signers.entries()) {
      f.at(`2020-11-05T10:4${i}:00+01:00`);
      const p12 = certs.p12.get(name) as Buffer;
      adjusted = (await f.api.call('justering.sign', { versionId: version.id, field, credential: { kind: 'p12', p12Base64: p12.toString('base64'), password: PASSWORD } })).groupAdjusted;
    }
    expect(adjusted).toBe(true);
    await walk('justerat', [meeting, justering, documents, anslag]);

    // The notice posted the next day, an extract to the applicant, the notice board written.
    f.at('2020-11-06T09:00:00+01:00');
    await f.api.call('anslag.post', { groupId: f.groupIds[0] as string });
    await f.api.call('extracts.create', { meetingId: f.meetingId, paragraphs: [21], recipients: ['Kommunstyrelsen'] });
    await walk('anslag och utdrag', [anslag, documents, boardDocuments]);
    const site = join(out.path, 'anslagstavla');
    await f.api.call('noticeboard.export', { directory: site, baseUrl: 'https://www.lulea.se/anslagstavla/' });
    const publicPages = ['index.html', 'arkiv.html', ...readdirSync(join(site, 'anslag')).map((n) => `anslag/${n}`)];
    expect(publicPages.length).toBeGreaterThan(2);
    for (const path of publicPages) {
      await page.goto(pathToFileURL(join(site, path)).href);
      await expect(page.locator('h1')).toHaveCount(1);
      await check(page, `anslagstavlan: ${path}`, 'sv');
      await expectAccessible(page, `anslagstavlan: ${path}`);
    }
    // axe-core reads the style sheet with XMLHttpRequest, which Chromium refuses for file:// pages;
    // that is the test tool, not the site (noticeboard.spec.ts checks that stil.css is applied).
    errors.splice(0, errors.length, ...errors.filter((e) => !(e.startsWith('file://') && /stil\.css|Failed to load resource: net::ERR_FAILED/.test(e))));

    // A rättelse of the adjusted §§ 20-22: the dialog and its messages, then version 2.
    f.at('2020-11-10T13:00:00+01:00');
    for (const lang of ['en', 'sv'] as const) {
      await page.goto(host.url);
      await page.evaluate((l) => localStorage.setItem('justera.lang', l), lang);
      await page.goto(`${origin}/#${justering[0]}`);
      await page.reload();
      const open = page.getByRole('button', { name: lang === 'sv' ? 'Gör en rättelse i §§ 20-22' : 'Make a correction in §§ 20-22' });
      await open.click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      await check(page, `rättelsedialogen (${lang})`, lang);
      // Nothing changed, then a change without a reason: the messages, without a generic prefix.
      await dialog.getByRole('button', { name: lang === 'sv' ? 'Skapa rättad version' : 'Create the corrected version' }).click();
      await expect(dialog.locator('[aria-invalid="true"]')).toHaveCount(1);
      await check(page, `rättelsedialogen utan ändring (${lang})`, lang);
      const title = dialog.getByLabel(lang === 'sv' ? 'Rubrik' : 'Title', { exact: true });
      await title.fill(`${await title.inputValue()} (rättad)`);
      await dialog.getByRole('button', { name: lang === 'sv' ? 'Skapa rättad version' : 'Create the corrected version' }).click();
      await expect(dialog.getByLabel(lang === 'sv' ? 'Skäl till rättelsen' : 'Reason for the correction')).toHaveAttribute('aria-invalid', 'true');
      await check(page, `rättelsedialogen utan skäl (${lang})`, lang);
      if (lang === 'sv') {
        await expectAccessible(page, 'rättelsedialogen utan skäl');
        await dialog.getByLabel('Skäl till rättelsen').fill('Felskriven rubrik');
        await dialog.getByRole('button', { name: 'Skapa rättad version' }).click();
        await expect(page.getByRole('heading', { level: 3, name: 'Version 2 gällande' })).toBeVisible({ timeout: 30_000 });
      } else {
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      }
    }
    await walk('rättelse', [justering, documents, settings]);
  });
});
