// The checks of the words walks (words*.spec.ts): the words a user should never see on a screen,
// Swedish interface words on an English screen, console errors and failed requests — and the
// reference meeting's life, brought to each stage through the API so that each walk file starts
// where it looks (the walks run in parallel on Playwright's workers instead of one long test).
import type { Page } from '@playwright/test';
import reference from '../../core/reference/e-namnden-2020-11-05.json' with { type: 'json' };
import { startHost, type Host } from '../../electron/host';
import { tempDir, type TempDir } from '../documents/helpers/pdf-tools';
import { anslagFixture, type AnslagFixture } from '../integration/anslag-fixture';
import { expect, expectAccessible, rendererDist, test } from './fixtures';
import { makeCertificates, PASSWORD, type Certificates } from './justering-helpers';

/** A route, and what its h1 says in Swedish and in English. */
export type Screen = [string, string, string];

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

export async function check(page: Page, label: string, lang: 'sv' | 'en' = 'sv'): Promise<void> {
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
export function watch(page: Page): string[] {
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

/** The reference meeting in a fresh back end at the start of its life (a draft, nothing sent), served over HTTP. */
export interface Life {
  f: AnslagFixture;
  host: Host;
  certs: Certificates;
  out: TempDir;
  origin: string;
  boardId: string;
  screens: Record<'meeting' | 'paragraph' | 'justering' | 'documents' | 'boardDocuments' | 'anslag' | 'settings', Screen>;
  /** Walks the screens in Swedish and in English: the checks on each, axe once per screen. */
  walk(page: Page, errors: string[], stage: string, screens: Screen[]): Promise<void>;
  /** The kallelse sent to three members. */
  sendKallelse(): Promise<void>;
  /** §§ 20-22 locked for justering; the version. */
  freeze(): Promise<{ id: string }>;
  /** Signed by the secretary, the chair and the justerare: justerat. */
  signAll(versionId: string): Promise<void>;
  /** The notice posted the next day and an extract of § 21 to the applicant. */
  postAndExtract(): Promise<void>;
}

/** Registers the hooks of a life walk in the calling file; the returned object is filled before each test. */
export function useLife(): Life {
  const life = {} as Life;
  // Axe on every screen of a loaded machine takes minutes.
  test.describe.configure({ timeout: 900_000 });
  test.beforeAll(async () => {
    life.certs = await makeCertificates();
  });
  test.afterAll(() => life.certs.dispose());
  test.beforeEach(async () => {
    const f = await anslagFixture({ adjusted: [undefined, undefined], now: '2020-10-20T09:00:00+02:00' });
    await life.certs.trust(f.api);
    life.f = f;
    life.host = await startHost({ dispatch: (m, i) => f.backend.dispatch(m, i), staticDir: rendererDist });
    life.out = tempDir('justera-e2e-words-');
    life.origin = new URL(life.host.url).origin;
    life.boardId = (await f.api.call('workspace.meetings.get', { meetingId: f.meetingId })).boardId;
    const m = encodeURIComponent(f.meetingId);
    const b = encodeURIComponent(life.boardId);
    life.screens = {
      meeting: [`/meetings/${m}`, 'Norrbottens e-nämnd', 'Norrbottens e-nämnd'],
      paragraph: [`/meetings/${m}/p/20`, 'Norrbottens e-nämnd', 'Norrbottens e-nämnd'],
      justering: [`/meetings/${m}/justering`, 'Justering', 'Justering'],
      documents: [`/meetings/${m}/dokument`, 'Dokument', 'Documents'],
      boardDocuments: [`/boards/${b}/dokument/2020`, 'Dokument', 'Documents'],
      anslag: ['/anslag', 'Anslag', 'Anslag'],
      settings: ['/installningar', 'Inställningar', 'Settings'],
    };
  });
  test.afterEach(async () => {
    await life.host.close();
    life.f.dispose();
    life.out.remove();
  });

  life.walk = async (page, errors, stage, screens) => {
    for (const lang of ['sv', 'en'] as const) {
      await page.goto(life.host.url);
      await page.evaluate((l) => localStorage.setItem('justera.lang', l), lang);
      await page.reload();
      for (const [route, sv, en] of screens) {
        await page.goto(`${life.origin}/#${route}`);
        await expect(page.getByRole('heading', { level: 1 })).toContainText(lang === 'sv' ? sv : en, { ignoreCase: true });
        await check(page, `${route} (${lang}, ${stage})`, lang);
        if (lang === 'sv') await expectAccessible(page, `${route} (${stage})`);
      }
    }
    expect(errors, stage).toEqual([]);
  };
  life.sendKallelse = async () => {
    const { f } = life;
    const board = await f.api.call('workspace.boards.get', { boardId: life.boardId });
    for (const member of board.members.slice(0, 3)) await f.api.call('people.setEmail', { personId: member.personId, email: `ledamot${member.personId.replace(/\W/g, '')}@kommun.se` });
    await f.api.call('kallelse.send', { meetingId: f.meetingId, from: 'namnd@kommun.se' });
  };
  life.freeze = async () => {
    life.f.at('2020-11-05T10:35:00+01:00');
    return (await life.f.api.call('justering.freeze', { meetingId: life.f.meetingId, groupIndex: 0 })).version;
  };
  life.signAll = async (versionId) => {
    const signers = [
      ['sig-sekreterare', 'Robert Karlsson'],
      ['sig-ordforande', 'Anders Lundkvist'],
      ['sig-justerare-1', 'Sara Lundberg'],
    ] as const;
    let adjusted = false;
    for (const [i, [field, name]] of signers.entries()) {
      life.f.at(`2020-11-05T10:4${i}:00+01:00`);
      const p12 = life.certs.p12.get(name) as Buffer;
      adjusted = (await life.f.api.call('justering.sign', { versionId, field, credential: { kind: 'p12', p12Base64: p12.toString('base64'), password: PASSWORD } })).groupAdjusted;
    }
    expect(adjusted).toBe(true);
  };
  life.postAndExtract = async () => {
    const { f } = life;
    f.at('2020-11-06T09:00:00+01:00');
    await f.api.call('anslag.post', { groupId: f.groupIds[0] as string });
    await f.api.call('extracts.create', { meetingId: f.meetingId, paragraphs: [21], recipients: ['Kommunstyrelsen'] });
  };
  return life;
}
