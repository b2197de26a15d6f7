// The secretary's workspace through the typed client and the in-process transport.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rowCounts, testBackend, type TestBackend, rejection } from '../helpers/backend';
import { draftReference, referenceDoc, type Drafted } from './workspace-draft';

let t: TestBackend;
let clock = new Date('2020-11-05T10:00:00+01:00');
beforeEach(() => {
  clock = new Date('2020-11-05T10:00:00+01:00');
  t = testBackend({ memory: true });
  // Let time move so that separate edits do not merge into one undo step.
  (t.backend.deps.clock as { now: () => Date }).now = () => clock;
});
afterEach(() => t.dispose());

function tick(ms = 10_000): void {
  clock = new Date(clock.getTime() + ms);
}

async function view(meetingId: string) {
  return t.api.call('workspace.meetings.get', { meetingId });
}

async function numbers(meetingId: string): Promise<[number, string][]> {
  const v = await view(meetingId);
  return v.doc.paragraphs.map((p) => [p.number, p.title]);
}

describe('drafting the reference meeting', () => {
  it('exports exactly the reference JSON', async () => {
    const d = await draftReference(t.api);
    expect(await t.api.call('meetings.export', { meetingId: d.meetingId })).toEqual(referenceDoc);
    const v = await view(d.meetingId);
    expect(v.firstNumber).toBe(20);
    expect(v.doc.adjustmentGroups).toEqual([
      { paragraphs: [20, 21, 22], immediate: true },
      { paragraphs: [23, 24, 25, 26], immediate: false },
    ]);
    expect(v.locked).toBe(false);
    expect(v.journal.canUndo).toBe(true);
  });

  it('writes every change to the audit log', async () => {
    const d = await draftReference(t.api, { withText: false });
    const actions = t.backend.db.$client.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[];
    expect(actions.map((a) => a.action)).toEqual(
      expect.arrayContaining(['organisation.created', 'board.created', 'member.added', 'official.added', 'meeting.created', 'paragraph.added', 'attendance.updated', 'meeting.updated']),
    );
    expect(d.paragraphIds.size).toBe(7);
  });
});

describe('boards and members', () => {
  it('refuses duplicates and explains what to do', async () => {
    const d = await draftReference(t.api, { withText: false });
    const e = await rejection(t.api.call('workspace.organisations.create', { name: 'Luleå kommun', kind: 'kommun' }));
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('Välj den i listan');
    const m = await rejection(t.api.call('workspace.members.add', { boardId: d.boardId, name: 'Isak Utsi', role: 'ledamot', termStart: '2021-01-01', termEnd: '2022-12-31' }));
    expect(m.code).toBe('conflict');
    const bad = await rejection(t.api.call('workspace.members.add', { boardId: d.boardId, name: 'Ny Person', role: 'ledamot', termStart: '2022-01-01', termEnd: '2021-01-01' }));
    expect(bad.message).toMatch(/slutar .* före den börjar/);
  });

  it('retires a member without losing the meetings they sat in', async () => {
    const d = await draftReference(t.api, { withText: false });
    const board = await t.api.call('workspace.boards.get', { boardId: d.boardId });
    const isak = board.members.find((m) => m.name === 'Isak Utsi');
    await t.api.call('workspace.members.retire', { assignmentId: isak?.assignmentId ?? '', retiredOn: '2021-06-30' });
    const after = await t.api.call('workspace.boards.get', { boardId: d.boardId });
    expect(after.members.find((m) => m.name === 'Isak Utsi')?.retiredOn).toBe('2021-06-30');
    const exported = await t.api.call('meetings.export', { meetingId: d.meetingId });
    expect(exported.members.some((m) => m.person === 'isak-utsi')).toBe(true);
    expect(after.meetingYears).toEqual([2020]);
  });

  it('keeps officials who attended a meeting', async () => {
    const d = await draftReference(t.api, { withText: false });
    const board = await t.api.call('workspace.boards.get', { boardId: d.boardId });
    const lisa = board.officials.find((o) => o.name === 'Lisa Lundgren');
    const e = await rejection(t.api.call('workspace.officials.remove', { officialId: lisa?.officialId ?? '' }));
    expect(e.message).toContain('närvarolistan');
  });
});

describe('CSV import of members', () => {
  const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

  it('imports a Windows-1252 file with Swedish headers and semicolons', async () => {
    const { organisationId } = await t.api.call('workspace.organisations.create', { name: 'Piteå kommun', kind: 'kommun' });
    const { boardId } = await t.api.call('workspace.boards.create', { organisationId, name: 'Kultur- och fritidsnämnden', kind: 'namnd', seats: 9, storagePlace: 'Stadshuset' });
    const text =
      'Namn;Roll;Parti;Representerar;Mandat från;Mandat till;Ersättarordning;Ersättare för\r\n' +
      'Åsa Öberg;Ordförande;S;Piteå;2023-01-01;2026-12-31;;\r\n' +
      'Örjan Ström;Ledamot;M;Piteå;2023-01-01;2026-12-31;;\r\n' +
      '"Nilsson, Märta";Ersättare;S;Piteå;2023-01-01;2026-12-31;1;Åsa Öberg\r\n';
    const latin1 = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    const r = await t.api.call('workspace.members.import', { boardId, dataBase64: b64(latin1) });
    expect(r.imported).toBe(3);
    const board = await t.api.call('workspace.boards.get', { boardId });
    expect(board.members.map((m) => [m.name, m.role, m.substituteOrder, m.substituteForName])).toEqual([
      ['Åsa Öberg', 'ordforande', null, null],
      ['Örjan Ström', 'ledamot', null, null],
      ['Nilsson, Märta', 'ersattare', 1, 'Åsa Öberg'],
    ]);
  });

  it('imports nothing and lists every bad row with its column', async () => {
    const { organisationId } = await t.api.call('workspace.organisations.create', { name: 'Piteå kommun', kind: 'kommun' });
    const { boardId } = await t.api.call('workspace.boards.create', { organisationId, name: 'Nämnd', kind: 'namnd', seats: 9, storagePlace: 'Stadshuset' });
    const before = rowCounts(t.backend);
    const text =
      '\ufeffNamn,Roll,Parti,Mandat från,Mandat till\nAnna Berg,Ledamot,S,2023-01-01,2026-12-31\nBo Ek,Kassör,M,2023-01-01,2026-12-31\nCia Dahl,Ledamot,C,2023-02-30,2026-12-31\n,Ersättare,V,2023-01-01,2026-12-31\n';
    const e = await rejection(t.api.call('workspace.members.import', { boardId, dataBase64: b64(text) }));
    expect(e.code).toBe('validation');
    expect(e.message).toContain('ingenting har importerats');
    expect(e.details?.issues).toEqual([
      { path: 'rad 3, Roll', message: expect.stringContaining('Okänd roll "Kassör"') },
      { path: 'rad 4, Mandat från', message: expect.stringContaining('"2023-02-30" är inget giltigt datum') },
      { path: 'rad 5, Namn', message: 'Namn saknas.' },
    ]);
    const after = rowCounts(t.backend);
    expect({ ...after, audit_log: 0 }).toEqual({ ...before, audit_log: 0 });
  });

  it('uses the term from the form when the file has none', async () => {
    const { organisationId } = await t.api.call('workspace.organisations.create', { name: 'Piteå kommun', kind: 'kommun' });
    const { boardId } = await t.api.call('workspace.boards.create', { organisationId, name: 'Nämnd', kind: 'namnd', seats: 9, storagePlace: 'Stadshuset' });
    const noTerm = await rejection(t.api.call('workspace.members.import', { boardId, dataBase64: b64('Namn;Roll\nAnna Berg;Ledamot\n') }));
    expect(noTerm.details?.issues?.[0]?.message).toContain('Mandat från saknas');
    const r = await t.api.call('workspace.members.import', { boardId, dataBase64: b64('Namn;Roll\nAnna Berg;Ledamot\n'), termStart: '2023-01-01', termEnd: '2026-12-31' });
    expect(r.imported).toBe(1);
  });
});

describe('agenda and § numbers', () => {
  let d: Drafted;
  beforeEach(async () => {
    d = await draftReference(t.api, { withText: false });
  });

  it('proposes the next number of the board year and refuses a used one', async () => {
    expect(await t.api.call('workspace.meetings.proposeNumber', { boardId: d.boardId, date: '2020-12-10' })).toEqual({ next: 27, used: '20-26' });
    expect((await t.api.call('workspace.meetings.proposeNumber', { boardId: d.boardId, date: '2021-02-01' })).next).toBe(1);
    const e = await rejection(
      t.api.call('workspace.meetings.create', {
        boardId: d.boardId,
        date: '2020-12-10',
        startTime: '09:00',
        place: 'Teams',
        secretaryId: d.personIds.get('robert-karlsson') ?? '',
        chairId: d.personIds.get('anders-lundkvist') ?? '',
        firstNumber: 25,
      }),
    );
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('nästa lediga nummer är 27');
  });

  it('removes a § without leaving a hole and moves §§ by renumbering', async () => {
    await t.api.call('workspace.agenda.remove', { meetingId: d.meetingId, paragraphId: d.paragraphIds.get(21) ?? '' });
    const after = await numbers(d.meetingId);
    expect(after.map(([n]) => n)).toEqual([20, 21, 22, 23, 24, 25]);
    expect(after[1]?.[1]).toBe(referenceDoc.paragraphs[2]?.title);
    await t.api.call('workspace.agenda.move', { meetingId: d.meetingId, paragraphId: d.paragraphIds.get(26) ?? '', toIndex: 0 });
    const moved = await numbers(d.meetingId);
    expect(moved[0]).toEqual([20, 'Övriga frågor']);
    expect(moved.map(([n]) => n)).toEqual([20, 21, 22, 23, 24, 25]);
    const r = await t.api.call('workspace.agenda.add', { meetingId: d.meetingId, title: 'Val av justerare', index: 0 });
    expect(r.number).toBe(20);
    expect((await numbers(d.meetingId)).map(([n]) => n)).toEqual([20, 21, 22, 23, 24, 25, 26]);
  });

  it('refuses numbers another meeting of the year uses', async () => {
    const other = await t.api.call('workspace.meetings.create', {
      boardId: d.boardId,
      date: '2020-12-10',
      startTime: '09:00',
      place: 'Teams',
      secretaryId: d.personIds.get('robert-karlsson') ?? '',
      chairId: d.personIds.get('anders-lundkvist') ?? '',
    });
    expect(other.firstNumber).toBe(27);
    await t.api.call('workspace.agenda.add', { meetingId: other.meetingId, title: 'Budget' });
    const e = await rejection(t.api.call('workspace.agenda.add', { meetingId: d.meetingId, title: 'Sent ärende' }));
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('§ 27 används redan av sammanträdet 2020-12-10');
  });

  it('never renumbers §§ of a locked group', async () => {
    for (const n of [20, 21, 22]) await t.api.call('workspace.paragraphs.update', { paragraphId: d.paragraphIds.get(n) ?? '', patch: { immediatelyAdjusted: true } });
    t.backend.db.$client.prepare("UPDATE adjustment_groups SET status = 'frozen' WHERE meeting_id = ? AND immediate = 1").run(d.meetingId);
    const e = await rejection(t.api.call('workspace.agenda.move', { meetingId: d.meetingId, paragraphId: d.paragraphIds.get(26) ?? '', toIndex: 0 }));
    expect(e.code).toBe('locked');
    expect(e.message).toContain('kan inte numreras om');
    const edit = await rejection(t.api.call('workspace.paragraphs.update', { paragraphId: d.paragraphIds.get(20) ?? '', patch: { title: 'Ny rubrik' } }));
    expect(edit.code).toBe('locked');
    // §§ after the locked ones can still move among themselves.
    await t.api.call('workspace.agenda.move', { meetingId: d.meetingId, paragraphId: d.paragraphIds.get(26) ?? '', toIndex: 3 });
    expect((await numbers(d.meetingId))[3]).toEqual([23, 'Övriga frågor']);
  });

  it('keeps attendance intervals on the § they name when §§ move or go', async () => {
    const rows = referenceDoc.attendance.map((a) => ({ personId: d.personIds.get(a.person) ?? '', capacity: a.capacity }));
    const maud = d.personIds.get('maud-lundback') ?? '';
    await t.api.call('workspace.attendance.set', { meetingId: d.meetingId, rows: [...rows, { personId: maud, capacity: 'member', fromParagraph: 23, toParagraph: 25 }] });
    await t.api.call('workspace.agenda.remove', { meetingId: d.meetingId, paragraphId: d.paragraphIds.get(21) ?? '' });
    let v = await view(d.meetingId);
    expect(v.doc.attendance.find((a) => a.person === maud)).toMatchObject({ fromParagraph: 22, toParagraph: 24 });
    await t.api.call('workspace.agenda.remove', { meetingId: d.meetingId, paragraphId: d.paragraphIds.get(23) ?? '' });
    v = await view(d.meetingId);
    expect(v.doc.attendance.find((a) => a.person === maud)).toMatchObject({ fromParagraph: 22, toParagraph: 23 });
  });
});

describe('attendance, quorum, jäv and votes', () => {
  let d: Drafted;
  beforeEach(async () => {
    d = await draftReference(t.api, { withText: false });
  });
  const id = (key: string) => d.personIds.get(key) ?? '';

  it('lets a present substitute step in for one § when a member has jäv, and back out', async () => {
    const p24 = d.paragraphIds.get(24) ?? '';
    await t.api.call('workspace.paragraphs.setJav', { paragraphId: p24, jav: [{ personId: id('lena-goldkuhl'), note: 'Delägare i leverantören', substituteId: id('johan-johansson') }] });
    const v = await view(d.meetingId);
    const johan = v.doc.attendance.filter((a) => a.person === id('johan-johansson'));
    expect(johan).toEqual([
      { person: id('johan-johansson'), capacity: 'present', toParagraph: 23 },
      { person: id('johan-johansson'), capacity: 'substitute', replaces: id('lena-goldkuhl'), fromParagraph: 24, toParagraph: 24 },
      { person: id('johan-johansson'), capacity: 'present', fromParagraph: 25 },
    ]);
    expect(v.doc.paragraphs.find((p) => p.number === 24)?.jav).toEqual([{ person: id('lena-goldkuhl'), note: 'Delägare i leverantören' }]);
    const exported = await t.api.call('meetings.export', { meetingId: d.meetingId });
    const { servingOn } = await import('../../core/domain/presence');
    const serving24 = servingOn(exported, 24).map((s) => s.person);
    expect(serving24).toContain('johan-johansson');
    expect(serving24).not.toContain('lena-goldkuhl');
    expect(serving24).toHaveLength(12);

    await t.api.call('workspace.paragraphs.setJav', { paragraphId: p24, jav: [] });
    const back = await view(d.meetingId);
    expect(back.doc.attendance.filter((a) => a.person === id('johan-johansson'))).toEqual([{ person: id('johan-johansson'), capacity: 'present' }]);
  });

  it('refuses jäv for someone who does not serve, and a substitute who is not there', async () => {
    const p24 = d.paragraphIds.get(24) ?? '';
    const e = await rejection(t.api.call('workspace.paragraphs.setJav', { paragraphId: p24, jav: [{ personId: id('maud-lundback') }] }));
    expect(e.message).toContain('tjänstgör inte på § 24');
    const s = await rejection(t.api.call('workspace.paragraphs.setJav', { paragraphId: p24, jav: [{ personId: id('isak-utsi'), substituteId: id('lisa-lundgren') }] }));
    expect(s.message).toContain('inte närvarande som ersättare');
  });

  it('accepts an open vote only from those serving on the §', async () => {
    const p25 = d.paragraphIds.get(25) ?? '';
    const serving = [
      'isak-utsi',
      'sara-lundberg',
      'lena-goldkuhl',
      'magnus-johansson',
      'sven-tornberg',
      'henrik-blind',
      'stefan-sydberg',
      'ulrica-hammarstrom',
      'anders-lundkvist',
      'leif-nilsson',
      'roland-kemppainen',
      'anders-josefsson',
    ];
    const votes = serving.map((k, i) => ({ person: id(k), vote: (i < 6 ? 'ja' : 'nej') as 'ja' | 'nej' }));
    await t.api.call('workspace.paragraphs.update', { paragraphId: p25, patch: { votes: [{ kind: 'open', jaMeans: 'bifall', nejMeans: 'avslag', votes }] } });
    const bad = await rejection(
      t.api.call('workspace.paragraphs.update', {
        paragraphId: p25,
        patch: { votes: [{ kind: 'open', jaMeans: 'bifall', nejMeans: 'avslag', votes: [...votes, { person: id('maud-lundback'), vote: 'ja' }] }] },
      }),
    );
    expect(bad.message).toContain('tjänstgör inte på § 25 och kan inte rösta');
    const closed = await rejection(
      t.api.call('workspace.paragraphs.update', { paragraphId: p25, patch: { votes: [{ kind: 'closed', jaMeans: 'bifall', nejMeans: 'avslag', ja: 10, nej: 10, avstar: 0 }] } }),
    );
    expect(closed.message).toContain('bara 12 tjänstgör');
  });

  it('only lets serving people be justerare', async () => {
    const e = await rejection(t.api.call('workspace.meetings.update', { meetingId: d.meetingId, patch: { justerare: [id('johan-johansson')] } }));
    expect(e.message).toContain('tjänstgör inte vid sammanträdet och kan inte vara justerare');
    const chair = await rejection(t.api.call('workspace.meetings.update', { meetingId: d.meetingId, patch: { justerare: [id('anders-lundkvist')] } }));
    expect(chair.message).toContain('är ordförande');
  });
});

describe('undo and redo', () => {
  it('undoes and redoes field edits, merging quick typing into one step', async () => {
    const d = await draftReference(t.api, { withText: false });
    const p = d.paragraphIds.get(23) ?? '';
    tick();
    const para = (text: string) => [{ type: 'paragraph' as const, content: [{ text }] }];
    await t.api.call('workspace.paragraphs.update', { paragraphId: p, patch: { summary: para('Ordf') } });
    tick(1000);
    await t.api.call('workspace.paragraphs.update', { paragraphId: p, patch: { summary: para('Ordförande informerar') } });
    tick();
    await t.api.call('workspace.paragraphs.update', { paragraphId: p, patch: { title: 'Tillfällig arbetsgrupp' } });
    const summary = async () => (await view(d.meetingId)).doc.paragraphs.find((x) => x.number === 23)?.summary;

    const u1 = await t.api.call('workspace.undo', { meetingId: d.meetingId });
    expect(u1.label).toBe('Ändring i § 23 (Rubrik)');
    expect(u1.paragraphId).toBe(p);
    const u2 = await t.api.call('workspace.undo', { meetingId: d.meetingId });
    expect(u2.label).toBe('Ändring i § 23 (Sammanfattning)');
    expect(await summary()).toBeUndefined();
    expect(u2.journal.canRedo).toBe(true);
    const r = await t.api.call('workspace.redo', { meetingId: d.meetingId });
    expect(r.label).toBe('Ändring i § 23 (Sammanfattning)');
    expect(await summary()).toEqual(para('Ordförande informerar'));
    // A new change drops what could have been redone.
    tick();
    await t.api.call('workspace.paragraphs.update', { paragraphId: p, patch: { caseNumber: '2020/1' } });
    expect((await view(d.meetingId)).journal.canRedo).toBe(false);
  });

  it('undoes the removal of a § with its text and attachments, and the renumbering', async () => {
    const d = await draftReference(t.api);
    const before = await t.api.call('meetings.export', { meetingId: d.meetingId });
    tick();
    await t.api.call('workspace.agenda.remove', { meetingId: d.meetingId, paragraphId: d.paragraphIds.get(22) ?? '' });
    expect((await numbers(d.meetingId)).length).toBe(6);
    await t.api.call('workspace.undo', { meetingId: d.meetingId });
    expect(await t.api.call('meetings.export', { meetingId: d.meetingId })).toEqual(before);
    await t.api.call('workspace.redo', { meetingId: d.meetingId });
    expect((await numbers(d.meetingId)).length).toBe(6);
    await t.api.call('workspace.undo', { meetingId: d.meetingId });
    expect(await t.api.call('meetings.export', { meetingId: d.meetingId })).toEqual(before);
  });

  it('undoes immediate adjustment and the groups follow', async () => {
    const d = await draftReference(t.api);
    tick();
    await t.api.call('workspace.paragraphs.update', { paragraphId: d.paragraphIds.get(22) ?? '', patch: { immediatelyAdjusted: false } });
    expect((await view(d.meetingId)).doc.adjustmentGroups.map((g) => g.paragraphs)).toEqual([
      [20, 21],
      [22, 23, 24, 25, 26],
    ]);
    await t.api.call('workspace.undo', { meetingId: d.meetingId });
    expect((await view(d.meetingId)).doc.adjustmentGroups.map((g) => g.paragraphs)).toEqual([
      [20, 21, 22],
      [23, 24, 25, 26],
    ]);
  });
});

describe('search', () => {
  it('finds words by prefix, Swedish letters in any case, with snippets', async () => {
    const d = await draftReference(t.api);
    const hits = await t.api.call('workspace.search', { query: 'NYCKELSYS', boardId: d.boardId });
    expect(hits.map((h) => h.number)).toEqual([20]);
    expect(hits[0]?.snippet).toContain('\u0002');
    const lulea = await t.api.call('workspace.search', { query: 'LULEÅ kommuns', meetingId: d.meetingId });
    expect(lulea.map((h) => h.number).sort()).toEqual([20, 21, 22]);
    expect(await t.api.call('workspace.search', { query: 'ÅÄÖ"* OR (', meetingId: d.meetingId })).toEqual([]);
    expect(await t.api.call('workspace.search', { query: '  " ', meetingId: d.meetingId })).toEqual([]);
    // The optional year filter: the meeting's year finds it, another year nothing.
    expect((await t.api.call('workspace.search', { query: 'NYCKELSYS', year: 2020 })).map((h) => h.number)).toEqual([20]);
    expect(await t.api.call('workspace.search', { query: 'NYCKELSYS', year: 2021 })).toEqual([]);
    // Text edited in the workspace is found at once.
    await t.api.call('workspace.paragraphs.update', { paragraphId: d.paragraphIds.get(24) ?? '', patch: { protocolNotes: [{ text: 'Överenskommelse om älgjakt' }] } });
    expect((await t.api.call('workspace.search', { query: 'älgj' })).map((h) => h.number)).toEqual([24]);
  });
});

describe('paragraph fields', () => {
  it('normalises rich text and lists and validates OSL provisions', async () => {
    const d = await draftReference(t.api, { withText: false });
    const p = d.paragraphIds.get(24) ?? '';
    const r = await t.api.call('workspace.paragraphs.update', {
      paragraphId: p,
      patch: {
        summary: [
          { type: 'paragraph', content: [{ text: '  Text ' }, { text: 'mer', bold: false }, { text: '' }] },
          { type: 'paragraph', content: [] },
          { type: 'bullets', items: [[], [{ type: 'paragraph', content: [{ text: 'punkt' }] }]] },
        ],
        decisionDocuments: ['Tjänsteskrivelse', '  ', ''],
        decision: { numbered: true, points: [[], [{ type: 'paragraph', content: [{ text: 'Beslut' }] }]] },
        confidential: '21 kap. 7 §',
      },
    });
    expect(r.paragraph.summary).toEqual([
      { type: 'paragraph', content: [{ text: 'Text mer' }] },
      { type: 'bullets', items: [[{ type: 'paragraph', content: [{ text: 'punkt' }] }]] },
    ]);
    expect(r.paragraph.decisionDocuments).toEqual(['Tjänsteskrivelse']);
    expect(r.paragraph.decision?.points).toHaveLength(1);
    expect(r.paragraph.confidential).toEqual({ provision: '21 kap. 7 §' });
    const bad = await rejection(t.api.call('workspace.paragraphs.update', { paragraphId: p, patch: { confidential: '21:7 OSL' } }));
    expect(bad.code).toBe('validation');
    expect(bad.message).toContain('N kap. N §');
    const empty = await rejection(t.api.call('workspace.paragraphs.update', { paragraphId: p, patch: { title: '  ' } }));
    expect(empty.message).toContain('Paragrafen måste ha en rubrik');
  });

  it('keeps PDF attachments and refuses other files', async () => {
    const d = await draftReference(t.api, { withText: false });
    const p = d.paragraphIds.get(24) ?? '';
    const pdf = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');
    const { attachmentId } = await t.api.call('workspace.attachments.addFile', { paragraphId: p, title: 'Offert', filename: 'offert.pdf', dataBase64: pdf });
    const got = await t.api.call('workspace.attachments.get', { attachmentId });
    expect(got.dataBase64).toBe(pdf);
    const v = await view(d.meetingId);
    expect(v.paragraphs.find((x) => x.id === p)?.attachments).toEqual([{ id: attachmentId, kind: 'file', title: 'Offert', filename: 'offert.pdf', size: Buffer.from(pdf, 'base64').length }]);
    const notPdf = await rejection(t.api.call('workspace.attachments.addFile', { paragraphId: p, title: 'X', filename: 'x.pdf', dataBase64: Buffer.from('hello world').toString('base64') }));
    expect(notPdf.message).toContain('inte en giltig PDF-fil');
  });
});
