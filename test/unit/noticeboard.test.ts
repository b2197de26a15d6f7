// The notice-board generator (core/noticeboard): what is up and what is archived by the day,
// the Swedish content each notice must carry, relative links only, no JavaScript, escaping,
// byte-identical output for the same input, the Atom feed and the OParl data (the schemas and the
// generated multi-year dataset are in noticeboard-oparl.test.ts).
import { describe, expect, it } from 'vitest';
import { generateNoticeBoard, noticeState, permanentId, placeNotices, slugify, type BoardNotice, type NoticeBoardInput } from '../../core/noticeboard';

const appeal = (posted: string, last: string) => ({
  heading: 'Så överklagar du (laglighetsprövning)',
  paragraphs: [
    'Den som är medlem av någon av de kommuner som samverkar i nämnden kan överklaga besluten genom laglighetsprövning enligt 13 kap. kommunallagen (2017:725). Förvaltningsrätten prövar överklagandet.',
    `Överklagandet ska ha kommit in till förvaltningsrätten inom tre veckor från den dag då det tillkännagavs på anslagstavlan att protokollet har justerats. Anslaget sattes upp ${posted}, så överklagandet ska ha kommit in senast ${last}.`,
    'Skicka överklagandet direkt till förvaltningsrätten, inte till kommunen.',
  ],
});

function notice(over: Partial<BoardNotice> & Pick<BoardNotice, 'id' | 'postedOn' | 'takeDownOn' | 'lastAppealDay'>, numbers: number[]): BoardNotice {
  return {
    organisationName: 'Luleå kommun',
    board: { id: 'b1', name: 'Norrbottens e-nämnd', shortName: 'E-nämnden', kind: 'gemensam_namnd' },
    meeting: { id: 'm1', date: '2020-11-05', startTime: '09:00', endTime: '10:30', place: 'Teams' },
    paragraphs: numbers.map((n) => ({ number: n, title: n === 25 ? '[Sekretess enligt 39 kap. 3 § OSL]' : `Ärende ${n}`, public: n !== 25 })),
    adjustedOn: '2020-11-05',
    takenDownOn: null,
    storagePlace: 'IT-kontoret Luleå kommun',
    intro: `Norrbottens e-nämnds protokoll från sammanträdet 2020-11-05, §§ ${numbers[0]}-${numbers[numbers.length - 1]}, är justerat. Justeringen tillkännages genom detta anslag.`,
    appeal: appeal(over.postedOn, over.lastAppealDay),
    protocol: { fileName: 'norrbottens-e-namnd-2020-11-05-offentlig-version.pdf', size: 251_000, sha256: 'ab'.repeat(32), paragraphs: [20, 21, 22, 23, 24, 25, 26], createdOn: '2020-11-12' },
    ...over,
  };
}

const first = notice({ id: 'n1', postedOn: '2020-11-06', takeDownOn: '2020-11-28', lastAppealDay: '2020-11-27' }, [20, 21, 22]);
const second = notice({ id: 'n2', postedOn: '2020-11-12', takeDownOn: '2020-12-04', lastAppealDay: '2020-12-03' }, [23, 24, 25, 26]);

function input(today: string, notices: BoardNotice[] = [first, second], extra: Partial<NoticeBoardInput> = {}): NoticeBoardInput {
  return { organisation: { id: 'o1', name: 'Luleå kommun', kind: 'kommun' }, today, notices, ...extra };
}

function files(i: NoticeBoardInput): Map<string, string> {
  return new Map(generateNoticeBoard(i).map((f) => [f.path, f.content]));
}

const PAGE_20_22 = 'anslag/norrbottens-e-namnd-2020-11-05-20-22.html';
const PAGE_23_26 = 'anslag/norrbottens-e-namnd-2020-11-05-23-26.html';

describe('what is up and what is archived', () => {
  it.each([
    ['2020-11-05', 'future'],
    ['2020-11-06', 'up'],
    ['2020-11-27', 'up'],
    ['2020-11-28', 'archived'],
    ['2021-01-01', 'archived'],
  ])('posted 2020-11-06, take-down 2020-11-28: on %s the notice is %s', (today, state) => {
    expect(noticeState(first, today)).toBe(state);
  });

  it('archives a notice recorded as taken down, from that day', () => {
    const down = { ...first, takenDownOn: '2020-11-30' };
    expect(noticeState(down, '2020-11-29')).toBe('archived'); // past take-down day anyway
    expect(noticeState({ ...second, takenDownOn: '2020-12-04' }, '2020-12-03')).toBe('up');
  });

  it('shows both notices on 2020-11-20 and moves §§ 20-22 to the archive on 2020-11-28', () => {
    const during = files(input('2020-11-20'));
    expect([...during.keys()]).toEqual(['anslag.atom', PAGE_20_22, PAGE_23_26, 'arkiv.html', 'index.html', 'stil.css']);
    const index = during.get('index.html') ?? '';
    expect(index).toContain(`href="${PAGE_23_26}"`);
    expect(index).toContain(`href="${PAGE_20_22}"`);
    expect(index.indexOf(PAGE_23_26)).toBeLessThan(index.indexOf(PAGE_20_22)); // newest first
    expect(during.get('arkiv.html')).toContain('Det finns inga tidigare anslag.');

    const after = files(input('2020-11-28'));
    expect(after.get('index.html')).not.toContain(PAGE_20_22);
    expect(after.get('index.html')).toContain(PAGE_23_26);
    expect(after.get('arkiv.html')).toContain(`href="${PAGE_20_22}"`);
    expect(after.get(PAGE_20_22)).toContain('Anslaget är nedtaget. Tiden för överklagande gick ut <time datetime="2020-11-27">2020-11-27</time>');

    const before = files(input('2020-11-10'));
    expect(before.has(PAGE_23_26)).toBe(false); // not posted yet on that day
    expect(before.get('index.html')).not.toContain('23-26');
  });
});

describe('a notice page', () => {
  const page = files(input('2020-11-20')).get(PAGE_20_22) ?? '';

  it('says what KL 8 kap. 12 § asks and how to appeal under KL 13 kap., with the last day', () => {
    expect(page).toContain('<html lang="sv">');
    expect(page).toContain('<h1>Tillkännagivande om justerat protokoll: Norrbottens e-nämnd – sammanträde 2020-11-05, §§ 20-22</h1>');
    for (const [label, value] of [
      ['Organ', 'Norrbottens e-nämnd'],
      ['Sammanträdesdatum', '<time datetime="2020-11-05">2020-11-05</time> <span class="veckodag">(torsdag)</span>'],
      ['Paragrafer', '§§ 20-22'],
      ['Anslaget sattes upp', '<time datetime="2020-11-06">2020-11-06</time> <span class="veckodag">(fredag)</span>'],
      ['Anslaget tas ned', '<time datetime="2020-11-28">2020-11-28</time> <span class="veckodag">(lördag)</span>'],
      ['Sista dag för överklagande', '<time datetime="2020-11-27">2020-11-27</time> <span class="veckodag">(fredag)</span>'],
      ['Förvaringsplats för protokollet', 'IT-kontoret Luleå kommun'],
    ]) {
      expect(page).toContain(`<dt>${label}</dt><dd>${value}</dd>`);
    }
    expect(page).toContain('laglighetsprövning enligt 13 kap. kommunallagen (2017:725)');
    expect(page).toContain('inom tre veckor från den dag då det tillkännagavs på anslagstavlan');
    expect(page).toContain('senast 2020-11-27');
    expect(page).toContain('Skicka överklagandet direkt till förvaltningsrätten');
    expect(page).toContain('<li><span class="nummer">§ 21</span> Ärende 21</li>');
  });

  it('links the public version relatively, with its size, and has no script and no absolute link', () => {
    expect(page).toContain('<a href="../dokument/norrbottens-e-namnd-2020-11-05-offentlig-version.pdf" type="application/pdf">Protokollet i offentlig version, §§ 20-26 (PDF, 245\u00a0kB)</a>');
    expect(page).toContain('<link rel="stylesheet" href="../stil.css">');
    for (const content of files(input('2020-11-20')).values()) {
      expect(content.toLowerCase()).not.toContain('<script');
      expect(content).not.toMatch(/\son[a-z]+=/i);
    }
    for (const [path, content] of files(input('2020-11-20'))) {
      if (!path.endsWith('.html')) continue;
      for (const m of content.matchAll(/(?:href|src)="([^"]*)"/g)) {
        expect(m[1], `${path}: ${m[1]}`).not.toMatch(/^(?:\/|[a-z]+:)/i);
      }
    }
  });

  it('escapes text from the data', () => {
    const odd = notice(
      { id: 'n3', postedOn: '2020-11-06', takeDownOn: '2020-11-28', lastAppealDay: '2020-11-27', board: { id: 'b2', name: 'Nämnd <script>alert("x")</script> & Co', kind: 'namnd' } },
      [1],
    );
    // HTML and the feed escape; the OParl data (JSON, only with a published address) keeps the text as it is.
    const out = [...files(input('2020-11-20', [odd])).entries()]
      .filter(([path]) => !path.endsWith('.json'))
      .map(([, c]) => c)
      .join('\n');
    expect(out).not.toContain('<script>');
    expect(out).toContain('Nämnd &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
    expect(placeNotices([odd], '2020-11-20')[0]?.path).toBe('anslag/namnd-script-alert-x-script-co-2020-11-05-1.html');
  });
});

describe('the same input gives the same bytes', () => {
  it('regardless of the order of the notices, and two notices with the same name get distinct pages', () => {
    const a = generateNoticeBoard(input('2020-11-20', [first, second]));
    const b = generateNoticeBoard(input('2020-11-20', [second, first]));
    expect(b).toEqual(a);
    const twin = { ...first, id: 'n9', board: { ...first.board, id: 'b9' } };
    expect(placeNotices([first, twin], '2020-11-20').map((p) => p.path)).toEqual([PAGE_20_22, 'anslag/norrbottens-e-namnd-2020-11-05-20-22-2.html']);
  });

  it('slugs fold Swedish letters', () => {
    expect(slugify('Kommunstyrelsens arbetsutskott, Älvsbyn')).toBe('kommunstyrelsens-arbetsutskott-alvsbyn');
    expect(slugify('Överförmyndarnämnden')).toBe('overformyndarnamnden');
    expect(slugify('§§§')).toBe('namnd');
  });
});

describe('feed and data', () => {
  it('the Atom feed lists every notice newest first with ids, dates in Swedish time and relative links', () => {
    const atom = files(input('2020-11-28')).get('anslag.atom') ?? '';
    expect(atom.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="sv">')).toBe(true);
    expect(atom).toContain('<updated>2020-11-12T00:00:00+01:00</updated>');
    const entries = atom.split('<entry>').slice(1);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toContain(`<link rel="alternate" type="text/html" href="${PAGE_23_26}"/>`);
    expect(entries[0]).toContain('<published>2020-11-12T00:00:00+01:00</published>');
    expect(entries[1]).toContain('togs ned 2020-11-28');
    expect(entries[1]).toContain('<id>tag:justera.invalid,2020:n1</id>');
    expect(atom).toContain('<link rel="related" type="application/pdf" href="dokument/norrbottens-e-namnd-2020-11-05-offentlig-version.pdf" title="Protokollet i offentlig version"/>');
  });

  it('uses the published address for ids and links when the base URL is known, and urn:uuid for uuids', () => {
    const atom = files(input('2020-11-20', [first], { baseUrl: 'https://www.lulea.se/anslag/' })).get('anslag.atom') ?? '';
    expect(atom).toContain(`<id>https://www.lulea.se/anslag/${PAGE_20_22}</id>`);
    expect(atom).toContain('<link rel="self" type="application/atom+xml" href="https://www.lulea.se/anslag/anslag.atom"/>');
    expect(permanentId(undefined, 'x', '0F8FAD5B-D9CB-469F-A165-70867728950E')).toBe('urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e');
  });

  it('with the published address, OParl 1.1 objects carry the posting dates; the confidential § only as its OSL reference', () => {
    const base = 'https://www.lulea.se/anslag/';
    const out = files(input('2020-11-20', [first, second], { baseUrl: base }));
    const read = (path: string) => JSON.parse(out.get(path) ?? 'null') as Record<string, unknown>;
    expect(read('oparl/body.json')).toMatchObject({
      type: 'https://schema.oparl.org/1.1/Body',
      name: 'Luleå kommun',
      website: `${base}index.html`,
      classification: 'Kommun',
      'justera:today': '2020-11-20',
    });
    expect(read('oparl/organization/b1.json')).toMatchObject({
      type: 'https://schema.oparl.org/1.1/Organization',
      name: 'Norrbottens e-nämnd',
      shortName: 'E-nämnden',
      classification: 'Gemensam nämnd',
      organizationType: 'Gremium',
    });
    const meeting = read('oparl/meeting/m1.json');
    expect(meeting).toMatchObject({
      id: `${base}oparl/meeting/m1.json`,
      type: 'https://schema.oparl.org/1.1/Meeting',
      start: '2020-11-05T09:00:00+01:00',
      end: '2020-11-05T10:30:00+01:00',
      location: { type: 'https://schema.oparl.org/1.1/Location', description: 'Teams' },
      resultsProtocol: {
        id: `${base}oparl/file/m1-offentlig-version.json`,
        type: 'https://schema.oparl.org/1.1/File',
        accessUrl: `${base}dokument/norrbottens-e-namnd-2020-11-05-offentlig-version.pdf`,
        size: 251_000,
      },
      'justera:storagePlace': 'IT-kontoret Luleå kommun',
    });
    expect(meeting['justera:notice']).toEqual([
      expect.objectContaining({ paragraphs: [20, 21, 22], postedOn: '2020-11-06', takeDownOn: '2020-11-28', lastAppealDay: '2020-11-27', state: 'uppsatt' }),
      expect.objectContaining({ paragraphs: [23, 24, 25, 26], postedOn: '2020-11-12', takeDownOn: '2020-12-04' }),
    ]);
    const items = meeting.agendaItem as Record<string, unknown>[];
    expect(items.map((i) => [i.number, i.order])).toEqual([
      ['20', 20],
      ['21', 21],
      ['22', 22],
      ['23', 23],
      ['24', 24],
      ['25', 25],
      ['26', 26],
    ]);
    expect(items.find((i) => i.number === '25')).toEqual(read('oparl/agendaitem/m1-25.json'));
    expect(read('oparl/agendaitem/m1-25.json')).toMatchObject({ public: false, name: '[Sekretess enligt 39 kap. 3 § OSL]', 'justera:postedOn': '2020-11-12' });
  });

  it('states who may appeal by the kind of organisation', () => {
    expect(files(input('2020-11-20')).get('index.html')).toContain('Den som är medlem av kommunen kan överklaga');
    const region = files({ ...input('2020-11-20'), organisation: { id: 'r', name: 'Region Norrbotten', kind: 'region' } }).get('index.html');
    expect(region).toContain('Den som är medlem av regionen kan överklaga');
  });
});
