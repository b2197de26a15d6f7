// The notice board's OParl 1.1 data (core/noticeboard/oparl.ts) on a generated dataset: two
// organisations, several boards each, eight years of meetings across three mandate periods,
// confidential §§, notices taken down, meetings without a public version, people who sit on two
// boards and two people who share a key. Every object validates against the official schemas
// (test/fixtures/oparl), every URL names a file of the export, lists page and chain correctly,
// and the bytes do not depend on the order the notices and people come in.
import { describe, expect, it } from 'vitest';
import { OPARL_ENTRY, OPARL_PAGE_SIZE, electionYearOf, generateNoticeBoard, linkedDocuments, type BoardNotice, type BoardNoticePerson, type NoticeBoardInput } from '../../core/noticeboard';
import { stockholmMidnight } from '../../core/app/anslag/dates';
import { checkOparlExport, oparlValidator } from '../helpers/oparl-schemas';

/** mulberry32: a small seeded generator, so the dataset is the same on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const uuid = (n: number) => `00000000-0000-4000-8000-${pad(n, 12)}`;

interface Org {
  id: string;
  name: string;
  kind: string;
  boards: { id: string; name: string; kind: string; shortName?: string }[];
}

const ORGS: Org[] = [
  {
    id: uuid(1),
    name: 'Luleå kommun',
    kind: 'kommun',
    boards: [
      { id: uuid(11), name: 'Kommunstyrelsen', kind: 'styrelse' },
      { id: uuid(12), name: 'Barn- och utbildningsnämnden', kind: 'namnd', shortName: 'BUN' },
      // An id that is not safe in a path: hashed into one.
      { id: 'nämnd/ä 13?', name: 'Norrbottens e-nämnd', kind: 'gemensam_namnd', shortName: 'E-nämnden' },
    ],
  },
  {
    id: uuid(2),
    name: 'Region Norrbotten',
    kind: 'region',
    boards: [
      { id: uuid(21), name: 'Regionstyrelsen', kind: 'styrelse' },
      { id: uuid(22), name: 'Hälso- och sjukvårdsnämnden', kind: 'namnd' },
    ],
  },
];

const PEOPLE: BoardNoticePerson[] = [
  { key: 'anders-lundkvist', name: 'Anders Lundkvist', role: 'Ordförande', member: true },
  { key: 'maria-berg', name: 'Maria Berg', role: 'Ledamot', member: true },
  { key: 'ake-ostlund', name: 'Åke Östlund', role: 'Ersättare', member: true },
  { key: 'karin-nilsson', name: 'Karin Nilsson', role: 'Tjänsteperson', member: false },
  { key: 'eva-sjoberg', name: 'Eva Sjöberg', role: 'Sekreterare', member: false },
];

/** Eight years of meetings for one organisation; notices posted the day after adjustment. */
function dataset(org: Org, seed: number): BoardNotice[] {
  const random = rng(seed);
  const notices: BoardNotice[] = [];
  let noticeNo = 0;
  org.boards.forEach((board, b) => {
    for (let year = 2017; year <= 2024; year += 1) {
      let paragraph = 1;
      const meetings = 6 + Math.floor(random() * 5);
      for (let k = 0; k < meetings; k += 1) {
        const month = 1 + Math.floor((k * 11) / meetings);
        const date = `${year}-${pad(month)}-${pad(5 + Math.floor(random() * 20))}`;
        const meetingId = `${org.id}-m-${b}-${year}-${k}`;
        // Two people share the key "anna-svensson" in different boards: two persons.
        const participants = [...PEOPLE.filter(() => random() < 0.8), { key: 'anna-svensson', name: b % 2 === 0 ? 'Anna Svensson' : 'Anna Svensson Lind', role: 'Ledamot', member: true }];
        const groups = 1 + Math.floor(random() * 2);
        const hasProtocol = random() < 0.85;
        const numbers: number[][] = [];
        for (let g = 0; g < groups; g += 1) {
          const count = 1 + Math.floor(random() * 5);
          numbers.push(Array.from({ length: count }, (_, i) => paragraph + i));
          paragraph += count;
        }
        numbers.forEach((nums, g) => {
          noticeNo += 1;
          const adjustedOn = addDays(date, 2 + g * 5);
          const postedOn = addDays(adjustedOn, 1);
          const takeDownOn = addDays(postedOn, 22);
          notices.push({
            id: uuid(100_000 * seed + noticeNo),
            organisationName: org.name,
            board,
            meeting: { id: meetingId, date, startTime: '09:00', ...(random() < 0.5 ? { endTime: '11:30' } : {}), place: random() < 0.5 ? 'Kommunhuset, sal "Norrsken" & Co' : 'Teams', participants },
            paragraphs: nums.map((n) => {
              const secret = random() < 0.1;
              return { number: n, title: secret ? '[Sekretess enligt 26 kap. 1 § OSL]' : `Ärende ${n} <${board.name}>`, public: !secret };
            }),
            adjustedOn,
            postedOn,
            takeDownOn,
            lastAppealDay: addDays(takeDownOn, -1),
            takenDownOn: random() < 0.3 ? addDays(takeDownOn, 3) : null,
            storagePlace: `${board.name}s kansli`,
            intro: 'Protokollet är justerat.',
            appeal: { heading: 'Så överklagar du', paragraphs: ['Inom tre veckor.'] },
            protocol: hasProtocol
              ? {
                  fileName: `${board.name.toLowerCase().replace(/[^a-z]+/g, '-')}-${date}-offentlig-version.pdf`,
                  size: 10_000 + Math.floor(random() * 500_000),
                  sha256: 'ab'.repeat(32),
                  ...(random() < 0.5 ? { sha512: 'cd'.repeat(64) } : {}),
                  paragraphs: numbers.flat(),
                  createdOn: addDays(date, 12),
                }
              : null,
          });
        });
      }
    }
  });
  return notices;
}

const BASE = 'https://www.example.se/anslagstavla/';

function input(org: Org, notices: BoardNotice[], extra: Partial<NoticeBoardInput> = {}): NoticeBoardInput {
  return { organisation: { id: org.id, name: org.name, kind: org.kind }, today: '2024-12-20', baseUrl: BASE, notices, ...extra };
}

/** The generated files plus the PDFs they link to (written beside them by the export). */
function site(i: NoticeBoardInput): Map<string, string> {
  const files = new Map(generateNoticeBoard(i).map((f) => [f.path, f.content]));
  for (const pdf of linkedDocuments(i)) files.set(pdf, '%PDF-');
  return files;
}

const validator = oparlValidator();

describe.each(ORGS.map((org, i) => [org.name, org, i + 1] as const))('OParl export of %s, eight years', (_name, org, seed) => {
  const notices = dataset(org, seed);
  const files = site(input(org, notices));
  const json = (path: string) => JSON.parse(files.get(path) ?? 'null') as Record<string, unknown>;

  it('validates against the official schemas, every object, and every URL names a file of the export', () => {
    const check = checkOparlExport(files, BASE, validator);
    expect(check.problems).toEqual([]);
    for (const type of ['System', 'Body', 'Organization', 'Meeting', 'AgendaItem', 'File', 'Person', 'Membership', 'LegislativeTerm', 'Location']) {
      expect(check.validated[type], type).toBeGreaterThan(0);
    }
    expect(check.urls.length).toBeGreaterThan(1000);
  });

  it('has System → Body → lists, each object in its own file at its id', () => {
    const system = json(OPARL_ENTRY);
    expect(system).toMatchObject({ id: `${BASE}${OPARL_ENTRY}`, type: 'https://schema.oparl.org/1.1/System', oparlVersion: 'https://schema.oparl.org/1.1/', body: `${BASE}oparl/bodies.json` });
    const bodies = json('oparl/bodies.json') as { data: Record<string, unknown>[] };
    expect(bodies.data).toHaveLength(1);
    const body = bodies.data[0] as Record<string, unknown>;
    expect(body).toEqual(json('oparl/body.json'));
    expect(body).toMatchObject({ name: org.name, system: `${BASE}${OPARL_ENTRY}`, 'justera:feed': `${BASE}anslag.atom`, 'justera:today': '2024-12-20' });
    // Three mandate periods: 2014–2018 (before 15 October 2018), 2018–2022 and 2022–2026.
    expect((body.legislativeTerm as { name: string; startDate: string; endDate: string }[]).map((t) => [t.name, t.startDate, t.endDate])).toEqual([
      ['Mandatperioden 2014–2018', '2014-10-15', '2018-10-14'],
      ['Mandatperioden 2018–2022', '2018-10-15', '2022-10-14'],
      ['Mandatperioden 2022–2026', '2022-10-15', '2026-10-14'],
    ]);
    const meetings = new Set(notices.map((n) => n.meeting.id));
    expect(collect(files, body.meeting as string)).toHaveLength(meetings.size);
    const items = collect(files, body.agendaItem as string);
    expect(items).toHaveLength(notices.reduce((s, n) => s + n.paragraphs.length, 0));
    expect(collect(files, body.organization as string).map((o) => o.name)).toEqual(expect.arrayContaining(org.boards.map((b) => b.name)));
    expect(collect(files, body.paper as string)).toEqual([]);
  });

  it('pages lists of more than 100 objects: pages chain by next/prev, none is repeated or lost, ordered by id', () => {
    const body = json('oparl/body.json');
    for (const prop of ['meeting', 'agendaItem', 'file', 'person', 'membership', 'organization']) {
      const first = JSON.parse(files.get((body[prop] as string).slice(BASE.length)) ?? '{}') as ListPage;
      const all = collect(files, body[prop] as string);
      expect(all.length, prop).toBe(first.pagination.totalElements);
      expect(new Set(all.map((o) => o.id)).size, prop).toBe(all.length);
      const ids = all.map((o) => o.id as string);
      expect(ids, prop).toEqual([...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      expect(first.pagination.totalPages, prop).toBe(Math.max(1, Math.ceil(all.length / OPARL_PAGE_SIZE)));
    }
    const agenda = JSON.parse(files.get('oparl/agenda-items.json') ?? '{}') as ListPage;
    expect(agenda.pagination.totalPages).toBeGreaterThan(3);
    expect(agenda.links.prev).toBeUndefined();
    const last = JSON.parse(files.get((agenda.links.last as string).slice(BASE.length)) ?? '{}') as ListPage;
    expect(last.links.next).toBeUndefined();
    expect(last.pagination.currentPage).toBe(agenda.pagination.totalPages);
  });

  it('publishes confidential §§ only as their OSL reference, and people only by name', () => {
    const items = collect(files, `${BASE}oparl/agenda-items.json`);
    const secret = items.filter((i) => i.public === false);
    expect(secret.length).toBeGreaterThan(0);
    for (const i of secret) expect(i.name).toBe('[Sekretess enligt 26 kap. 1 § OSL]');
    for (const p of collect(files, `${BASE}oparl/persons.json`)) {
      expect(
        Object.keys(p).filter((k) => !['id', 'type', 'body', 'name', 'membership', 'created', 'modified'].includes(k)),
        String(p.id),
      ).toEqual([]);
    }
    const names = collect(files, `${BASE}oparl/persons.json`).map((p) => p.name);
    // Two people who share a key stay two people; the same key and name across boards is one.
    expect(names.filter((n) => n === 'Anna Svensson')).toHaveLength(1);
    expect(names.filter((n) => n === 'Anna Svensson Lind')).toHaveLength(org.boards.length > 1 ? 1 : 0);
    expect(names.filter((n) => n === 'Anders Lundkvist')).toHaveLength(1);
    const anders = collect(files, `${BASE}oparl/persons.json`).find((p) => p.name === 'Anders Lundkvist') as { membership: { organization: string; role: string }[] };
    expect(new Set(anders.membership.map((m) => m.organization)).size).toBe(org.boards.length);
  });

  it('carries the Swedish notice dates and the förvaringsplats as justera: properties', () => {
    const n = notices[7] as BoardNotice;
    const item = json(`oparl/agendaitem/${n.meeting.id}-${(n.paragraphs[0] as { number: number }).number}.json`);
    expect(item).toMatchObject({
      order: (n.paragraphs[0] as { number: number }).number,
      'justera:postedOn': n.postedOn,
      'justera:takeDownOn': n.takeDownOn,
      'justera:lastAppealDay': n.lastAppealDay,
      'justera:adjustedOn': n.adjustedOn,
    });
    expect(item['justera:takenDownOn']).toBe(n.takenDownOn ?? undefined);
    const meeting = json((item.meeting as string).slice(BASE.length));
    expect(meeting['justera:storagePlace']).toBe(n.storagePlace);
    expect(meeting['justera:notice']).toEqual(
      expect.arrayContaining([expect.objectContaining({ postedOn: n.postedOn, lastAppealDay: n.lastAppealDay, paragraphs: n.paragraphs.map((p) => p.number) })]),
    );
  });

  it('gives the same bytes whatever order the notices and the people come in', () => {
    const random = rng(seed * 7919);
    const reordered = shuffled(notices, random).map((n) => ({ ...n, meeting: { ...n.meeting, participants: shuffled(n.meeting.participants ?? [], random) } }));
    const a = generateNoticeBoard(input(org, notices));
    const b = generateNoticeBoard(input(org, reordered));
    expect(b.map((f) => f.path)).toEqual(a.map((f) => f.path));
    expect(b.filter((f, i) => f.content !== a[i]?.content).map((f) => f.path)).toEqual([]);
  });
});

interface ListPage {
  data: Record<string, unknown>[];
  pagination: { totalElements: number; elementsPerPage: number; currentPage: number; totalPages: number };
  links: Record<string, string | undefined>;
}

/** Follows a list from its first page by `next`, checking the paging on the way. */
function collect(files: ReadonlyMap<string, string>, listUrl: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  let next: string | undefined = listUrl;
  let page = 0;
  let prev: string | undefined;
  while (next !== undefined) {
    const text = files.get(next.slice(BASE.length));
    if (text === undefined) throw new Error(`no page at ${next}`);
    const p = JSON.parse(text) as ListPage;
    page += 1;
    expect(p.pagination.currentPage).toBe(page);
    expect(p.pagination.elementsPerPage).toBe(OPARL_PAGE_SIZE);
    expect(p.data.length).toBeLessThanOrEqual(OPARL_PAGE_SIZE);
    if (p.links.next !== undefined) expect(p.data.length).toBe(OPARL_PAGE_SIZE);
    expect(p.links.prev).toBe(prev);
    expect(p.links.first).toBe(listUrl);
    out.push(...p.data);
    prev = next;
    next = p.links.next;
  }
  return out;
}

describe('without the published address', () => {
  const org = ORGS[0] as Org;
  const notices = dataset(org, 1).slice(0, 6);

  it('writes no OParl data and links to none; with it, every page, the head and the feed link to the entry point', () => {
    const without = generateNoticeBoard(input(org, notices, { baseUrl: undefined }));
    expect(without.filter((f) => f.path.startsWith('oparl/') || f.path.endsWith('.json'))).toEqual([]);
    for (const f of without) expect(f.content, f.path).not.toContain('oparl');
    const withUrl = generateNoticeBoard(input(org, notices));
    const pages = withUrl.filter((f) => f.path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(2);
    for (const f of pages) {
      const up = f.path.includes('/') ? '../' : '';
      expect(f.content, f.path).toContain(`<li><a href="${up}${OPARL_ENTRY}" type="application/json">Öppna data (OParl)</a></li>`);
      expect(f.content, f.path).toContain(`<link rel="alternate" type="application/json" title="Öppna data enligt OParl 1.1 – Luleå kommun" href="${up}${OPARL_ENTRY}">`);
    }
    const atom = withUrl.find((f) => f.path === 'anslag.atom')?.content ?? '';
    expect(atom).toContain(`<link rel="related" type="application/json" href="${BASE}${OPARL_ENTRY}" title="Öppna data enligt OParl 1.1"/>`);
  });
});

describe('the checker itself', () => {
  const org = ORGS[1] as Org;
  const files = site(input(org, dataset(org, 3).slice(0, 10)));
  const edit = (path: string, change: (o: Record<string, unknown>) => void) => {
    const copy = new Map(files);
    const o = JSON.parse(copy.get(path) ?? '{}') as Record<string, unknown>;
    change(o);
    copy.set(path, JSON.stringify(o));
    return checkOparlExport(copy, BASE, validator).problems;
  };
  const anItem = [...files.keys()].find((p) => p.startsWith('oparl/agendaitem/')) as string;
  const aMeeting = [...files.keys()].find((p) => p.startsWith('oparl/meeting/')) as string;

  it('passes the untouched export', () => {
    expect(checkOparlExport(files, BASE, validator).problems).toEqual([]);
  });

  it.each([
    ['an AgendaItem without its order', anItem, (o: Record<string, unknown>) => delete o.order, /must have required property 'order'/],
    ['a relative id', anItem, (o: Record<string, unknown>) => (o.meeting = 'meeting.json'), /must match format "url"/],
    ['a Meeting whose agenda items are references', aMeeting, (o: Record<string, unknown>) => (o.agendaItem = [`${BASE}${anItem}`]), /must be object/],
    ['an embedded Location without an id', aMeeting, (o: Record<string, unknown>) => delete (o.location as Record<string, unknown>).id, /must have required property 'id'/],
    ['a URL to a file that is not there', anItem, (o: Record<string, unknown>) => (o.web = `${BASE}anslag/finns-inte.html`), /URL without a file/],
    ['a date that is not a day', aMeeting, (o: Record<string, unknown>) => (o.start = '2020-02-30T09:00:00+01:00'), /must match format "date-time"/],
    ['an object without modified', anItem, (o: Record<string, unknown>) => delete o.modified, /created\/modified missing/],
    ['modified before created', aMeeting, (o: Record<string, unknown>) => (o.modified = '2000-01-01T00:00:00+01:00'), /is after modified/],
  ])('finds %s', (_what, path, change, problem) => {
    expect(edit(path, change).join('\n')).toMatch(problem);
  });

  it('finds a Body without its required lists', () => {
    expect(edit('oparl/body.json', (o) => delete o.paper).join('\n')).toMatch(/must have required property 'paper'/);
  });
});

describe('created and modified', () => {
  const org = ORGS[0] as Org;
  const n = dataset(org, 5).find((x) => x.takenDownOn === null) as BoardNotice;
  const path = `oparl/agendaitem/${n.meeting.id}-${(n.paragraphs[0] as { number: number }).number}.json`;
  const read = (i: NoticeBoardInput) => JSON.parse(new Map(generateNoticeBoard(i).map((f) => [f.path, f.content])).get(path) ?? 'null') as Record<string, string>;

  it('come from the notice days, not the clock: posted; then the take-down day; then the recorded take-down', () => {
    const midnight = stockholmMidnight;
    const up = read(input(org, [n], { today: n.postedOn }));
    expect([up.created, up.modified]).toEqual([midnight(n.postedOn), midnight(n.postedOn)]);
    const archived = read(input(org, [n], { today: addDays(n.takeDownOn, 10) }));
    expect([archived.created, archived.modified]).toEqual([midnight(n.postedOn), midnight(n.takeDownOn)]);
    const recorded = addDays(n.takeDownOn, 2);
    const down = read(input(org, [{ ...n, takenDownOn: recorded }], { today: addDays(n.takeDownOn, 10) }));
    expect([down.created, down.modified]).toEqual([midnight(n.postedOn), midnight(recorded)]);
    // The meeting changed when its item did; the system only when it was first published.
    const files = new Map(generateNoticeBoard(input(org, [{ ...n, takenDownOn: recorded }], { today: addDays(n.takeDownOn, 10) })).map((f) => [f.path, f.content]));
    const meeting = JSON.parse(files.get(`oparl/meeting/${n.meeting.id}.json`) ?? '{}') as Record<string, string>;
    expect(meeting.modified).toBe(midnight(recorded));
    const system = JSON.parse(files.get(OPARL_ENTRY) ?? '{}') as Record<string, string>;
    expect([system.created, system.modified]).toEqual([midnight(n.postedOn), midnight(n.postedOn)]);
  });

  it('a meeting does not change when a later meeting is posted, and neither do its embedded objects', () => {
    const notices = dataset(org, 5);
    const byPosting = [...notices].sort((a, b) => (a.postedOn < b.postedOn ? -1 : a.postedOn > b.postedOn ? 1 : 0));
    const cut = byPosting[Math.floor(byPosting.length / 2)] as BoardNotice;
    const today = '2024-12-20';
    // The board as it was just before the later postings, and as it is now (same day shown, so
    // the states are the same): the earlier meetings' files must not differ.
    const earlier = byPosting.filter((x) => x.postedOn < cut.postedOn);
    const laterMeetings = new Set(byPosting.filter((x) => x.postedOn >= cut.postedOn).map((x) => x.meeting.id));
    const before = new Map(generateNoticeBoard(input(org, earlier, { today })).map((f) => [f.path, f.content]));
    const after = new Map(generateNoticeBoard(input(org, notices, { today })).map((f) => [f.path, f.content]));
    const stable = [...before.keys()].filter((p) => /^oparl\/(meeting|agendaitem|file|location)\//.test(p) && ![...laterMeetings].some((id) => p.includes(id)));
    expect(stable.length).toBeGreaterThan(50);
    expect(stable.filter((p) => before.get(p) !== after.get(p))).toEqual([]);
  });
});

describe('mandate periods (KL 5 kap. 5 §)', () => {
  it.each([
    ['2018-10-14', 2014],
    ['2018-10-15', 2018],
    ['2019-01-01', 2018],
    ['2022-10-14', 2018],
    ['2022-10-15', 2022],
    ['2026-12-31', 2026],
    ['2017-06-30', 2014],
  ])('%s falls in the period from the election of %i', (date, year) => {
    expect(electionYearOf(date)).toBe(year);
  });
});
