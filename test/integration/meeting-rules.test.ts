// Issue 15 through the API: the same rule, in the same words, at every entrance — the JSON import,
// the workspace API, freezing for justering and the CLI — with nothing written when refused.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { meetingDocumentSchema, type MeetingDocument } from '../../core/format/meeting';
import { meetingProblems } from '../../core/domain/rules';
import { main } from '../../electron/cli/main';
import { socialnamnd } from '../fixtures/meetings/socialnamnd';
import { rejection, rowCounts, type TestBackend } from '../helpers/backend';
import { backendsPerTest } from '../helpers/backends-per-test';

const MEETING_DAY = new Date('2026-03-12T16:30:00+01:00');
const backend = backendsPerTest(MEETING_DAY);

type Raw = ReturnType<typeof socialnamnd>;
const raw = (change?: (d: Raw) => void): Raw => {
  const d = socialnamnd();
  change?.(d);
  return d;
};
/** § 33's votes, to change; its recorded casting vote goes (the tests change the count). */
const votesOf33 = (d: Raw) => {
  const v = d.paragraphs[2]?.votes?.[0];
  if (v?.kind !== 'open') throw new Error('§ 33 has an open vote');
  delete v.castingVote;
  return v.votes;
};

describe('import refuses what the law does not allow, naming the path; nothing is written', () => {
  const cases: [string, (d: Raw) => void, string][] = [
    [
      'a vote by the socialchef',
      (d) => votesOf33(d).push({ person: 'gunilla-falk', vote: 'ja' }),
      'paragraphs[2].votes[0].votes[9].person: Gunilla Falk tjänstgör inte på § 33 och kan inte rösta där.',
    ],
    [
      'a tie the chair did not settle',
      (d) => {
        const v = votesOf33(d);
        v[0]!.vote = 'avstar';
        v[8]!.vote = 'ja';
      },
      'paragraphs[2].votes[0]: Omröstningen i § 33 slutade lika (4–4) men ordföranden har inte röstat ja eller nej.',
    ],
    [
      'a reservation by one who voted for the decision',
      (d) => (d.paragraphs[2]!.reservations = [{ person: 'lena-viklund' }]),
      'paragraphs[2].reservations[0].person: Lena Viklund röstade Ja i § 33, för det förslag som bifölls',
    ],
    [
      'a protokollsanteckning by an official',
      (d) => (d.paragraphs[2]!.protocolNotes = [{ by: 'bo-nyberg', text: 'x' }]),
      'paragraphs[2].protocolNotes[0].by: Bo Nyberg har inte rätt att delta i § 33',
    ],
    [
      'overlapping attendance',
      (d) => d.attendance!.push({ person: 'karin-ek', capacity: 'member', fromParagraph: 35 }),
      'attendance[17]: Karin Ek är registrerad 2 gånger på § 35. Justera närvaroperioderna så att de inte överlappar.',
    ],
    [
      'a substitute for a serving member',
      (d) => {
        d.attendance![9]!.toParagraph = 33;
        d.attendance![10]!.fromParagraph = 34;
      },
      'attendance[9]: Nina Lund tjänstgör för Maria Holm på § 33, men Maria Holm tjänstgör själv där.',
    ],
    [
      'two in one seat',
      (d) => d.attendance!.splice(11, 1, { person: 'olle-dahl', capacity: 'substitute', replaces: 'maria-holm', toParagraph: 31 }),
      'attendance[11]: Både Nina Lund och Olle Dahl tjänstgör för Maria Holm på § 31.',
    ],
    ['a justerare who was not present', (d) => (d.meeting.justerare = ['erik-sand']), 'meeting.justerare[0]: Erik Sand tjänstgör inte vid sammanträdet och kan inte vara justerare.'],
    [
      'a group adjusted before the meeting',
      (d) => (d.adjustmentGroups![0]!.adjustedAt = '2026-03-05T10:00:00+01:00'),
      'adjustmentGroups[0].adjustedAt: Justeringsgrupp 1 (§ 31, 34) kan inte ha justerats 2026-03-05, före sammanträdet 2026-03-12.',
    ],
  ];
  it.each(cases)('%s', async (_label, change, expected) => {
    const t = backend();
    const before = rowCounts(t.backend);
    const e = await rejection(t.api.call('meetings.import', { document: raw(change) }));
    expect(e.code).toBe('validation');
    expect(e.message).toContain(expected);
    expect(rowCounts(t.backend)).toEqual(before);
  });

  it('the problem list of the UI words a presence contradiction exactly as the import refuses it', async () => {
    const t = backend();
    const change = (a: { toParagraph?: number | undefined; fromParagraph?: number | undefined }[]) => {
      a[9]!.toParagraph = 33;
      a[10]!.fromParagraph = 34;
    };
    const e = await rejection(t.api.call('meetings.import', { document: raw((d) => change(d.attendance!)) }));
    // The UI holds the meeting as parsed data and lists its problems from it.
    const doc: MeetingDocument = meetingDocumentSchema.parse(raw());
    change(doc.attendance);
    const listed = meetingProblems(doc, (k) => doc.people.find((p) => p.key === k)?.name ?? k);
    expect(listed).toEqual(['Nina Lund tjänstgör för Maria Holm på § 33, men Maria Holm tjänstgör själv där.']);
    expect(e.message).toBe(`Filen följer inte Justeras mötesformat: attendance[9]: ${listed[0]}`);
  });

  it('the whole fixture imports, and export → import gives the same JSON', async () => {
    const t = backend();
    const { meetingId } = await t.api.call('meetings.import', { document: raw() });
    const exported = await t.api.call('meetings.export', { meetingId });
    const other = backend();
    const again = await other.api.call('meetings.import', { document: exported });
    expect(JSON.stringify(await other.api.call('meetings.export', { meetingId: again.meetingId }))).toBe(JSON.stringify(exported));
  });
});

describe('§ numbers run on in date order within the board-year', () => {
  it('refuses a later meeting with § 3 after §§ 31–35, at import and when creating in the workspace, saying which number is next', async () => {
    const t = backend();
    await t.api.call('meetings.import', { document: raw() });
    const later = raw((d) => {
      d.meeting.date = '2026-04-09';
      d.adjustmentGroups = [];
      d.paragraphs.forEach((p, i) => (p.number = 3 + i));
      d.attendance!.forEach((a) => {
        if (a.fromParagraph !== undefined) a.fromParagraph -= 28;
        if (a.toParagraph !== undefined) a.toParagraph -= 28;
      });
    });
    const before = rowCounts(t.backend);
    const e = await rejection(t.api.call('meetings.import', { document: later }));
    expect(e.code).toBe('conflict');
    expect(e.message).toBe(
      'paragraphs[0].number: § 3 bryter numreringen: det tidigare sammanträdet 2026-03-12 har redan § 35, och paragrafnumren löper i datumordning över året. Nästa lediga nummer är 36.',
    );
    expect(rowCounts(t.backend)).toEqual(before);

    const ws = await t.api.call('workspace.meetings.get', { meetingId: (await t.api.call('meetings.list', {}))[0]!.id });
    const person = (name: string) => ws.doc.people.find((p) => p.name === name)!.key;
    expect((await t.api.call('workspace.meetings.proposeNumber', { boardId: ws.boardId, date: '2026-04-09' })).next).toBe(36);
    const create = (firstNumber: number, date = '2026-04-09') =>
      t.api.call('workspace.meetings.create', { boardId: ws.boardId, date, startTime: '13:00', place: 'Eken', secretaryId: person('Bo Nyberg'), chairId: person('Karin Ek'), firstNumber });
    expect((await rejection(create(3))).message).toMatch(/nästa lediga nummer är 36\./i);
    expect((await rejection(create(20))).message).toBe(
      '§ 20 bryter numreringen: det tidigare sammanträdet 2026-03-12 har redan § 35, och paragrafnumren löper i datumordning över året. Nästa lediga nummer är 36.',
    );
    expect((await rejection(create(40, '2026-02-01'))).message).toMatch(/^§ 40 bryter numreringen: det senare sammanträdet 2026-03-12 börjar på § 31/);
    expect((await create(36)).firstNumber).toBe(36);
  });
});

describe('the workspace API uses the same rules and words', () => {
  async function imported(t: TestBackend, change?: (d: Raw) => void) {
    const { meetingId } = await t.api.call('meetings.import', { document: raw(change) });
    const ws = await t.api.call('workspace.meetings.get', { meetingId });
    const person = (name: string) => ws.doc.people.find((p) => p.name === name)!.key;
    const paragraph = (n: number) => ws.paragraphs.find((p) => p.number === n)!.id;
    return { meetingId, ws, person, paragraph };
  }

  it('refuses a vote by an official and a reservation by one who voted for the decision, with the import’s wording', async () => {
    const t = backend();
    const { ws, person, paragraph } = await imported(t, (d) => (d.adjustmentGroups = []));
    const full = ws.doc.paragraphs.find((p) => p.number === 33)!.votes[0]!;
    if (full.kind !== 'open') throw new Error('open vote');
    const { castingVote: _casting, ...vote } = full;
    const e = await rejection(
      t.api.call('workspace.paragraphs.update', { paragraphId: paragraph(33), patch: { votes: [{ ...vote, votes: [...vote.votes, { person: person('Gunilla Falk'), vote: 'ja' }] }] } }),
    );
    expect(e.message).toBe('Gunilla Falk tjänstgör inte på § 33 och kan inte rösta där. Bara de som tjänstgör på paragrafen (efter jäv och inkallade ersättare) röstar.');
    expect(e.details).toEqual({ issues: [{ path: 'votes[0].votes[9].person', message: e.message }] });
    const r = await rejection(t.api.call('workspace.paragraphs.update', { paragraphId: paragraph(33), patch: { reservations: [{ person: person('Lena Viklund') }] } }));
    expect(r.message).toMatch(/^Lena Viklund röstade Ja i § 33, för det förslag som bifölls/);
    // A tie while votes are still being entered is not refused; it is in the problem list.
    await t.api.call('workspace.paragraphs.update', { paragraphId: paragraph(33), patch: { reservations: [], votes: [{ ...vote, votes: vote.votes.slice(1, 3).concat(vote.votes.slice(4, 6)) }] } });
    const view = await t.api.call('workspace.meetings.get', { meetingId: ws.meetingId });
    const names = (k: string) => view.doc.people.find((p) => p.key === k)?.name ?? k;
    expect(meetingProblems(view.doc, names)).toContain(
      'Omröstningen i § 33 slutade lika (2–2) men ordföranden har inte röstat ja eller nej. Vid lika röstetal avgör ordförandens utslagsröst; registrera ordförandens röst och utslagsröst.',
    );
  });

  it('the meeting status is locked once a group is adjusted', async () => {
    const t = backend();
    const { meetingId } = await imported(t, (d) => (d.adjustmentGroups![0]!.adjustedAt = '2026-03-12T16:20:00+01:00'));
    for (const status of ['planned', 'cancelled'] as const) {
      const e = await rejection(t.api.call('workspace.meetings.update', { meetingId, patch: { status } }));
      expect(e.code).toBe('locked');
      expect(e.message).toMatch(/^Sammanträdets status kan inte ändras när protokollet helt eller delvis är justerat/);
    }
    expect((await t.api.call('meetings.export', { meetingId })).meeting.status).toBe('held');
  });

  it('freezing: refused before the meeting day; the deadline is shown and a late group warned', async () => {
    const early = backend(new Date('2026-03-11T09:00:00+01:00'));
    const a = await imported(early, (d) => (d.adjustmentGroups = []));
    const e = await rejection(early.api.call('justering.freeze', { meetingId: a.meetingId }));
    expect(e.message).toBe('§§ 31-35 kan inte låsas för justering före sammanträdet (2026-03-12); i dag är det 2026-03-11. Ett protokoll låses och justeras tidigast på sammanträdesdagen.');

    const late = backend(new Date('2026-03-30T09:00:00+02:00'));
    const c = await imported(late);
    const st = await late.api.call('justering.status', { meetingId: c.meetingId });
    expect(st.deadline).toBe('2026-03-26');
    expect(st.groups.map((g) => g.deadlineWarning)).toEqual([
      // §§ 31, 34 are to be adjusted immediately: already late the day after the meeting.
      '§§ 31, 34 skulle justeras omedelbart vid sammanträdet 2026-03-12, men justeringen är inte gjord. Protokollet anger "Justerat omedelbart vid sammanträdet": justera snarast och anteckna då varför det dröjde.',
      'Sista dagen för justering av §§ 32-33, 35 var 2026-03-26 (14 dagar efter sammanträdet, KL 5 kap. 69 §). Justera protokollet snarast och anteckna varför det dröjt.',
    ]);
  });

  it('an immediately adjusted group is warned when adjusted after the meeting day, not on it', async () => {
    const on = backend(new Date('2026-03-12T18:00:00+01:00'));
    const a = await imported(on, (d) => (d.adjustmentGroups![0]!.adjustedAt = '2026-03-12T17:00:00+01:00'));
    const same = await on.api.call('justering.status', { meetingId: a.meetingId });
    // On the meeting day nothing is late: neither the immediate group (adjusted) nor the other (open).
    expect(same.groups.map((g) => [g.immediate, g.deadlineWarning])).toEqual([
      [true, null],
      [false, null],
    ]);

    const later = backend(new Date('2026-03-17T09:00:00+01:00'));
    const b = await imported(later, (d) => (d.adjustmentGroups![0]!.adjustedAt = '2026-03-16T10:00:00+01:00'));
    const st = await later.api.call('justering.status', { meetingId: b.meetingId });
    expect(st.groups[0]?.deadlineWarning).toBe(
      '§§ 31, 34 skulle justeras omedelbart vid sammanträdet 2026-03-12 men justerades 2026-03-16. Protokollet anger "Justerat omedelbart vid sammanträdet"; anteckna när justeringen gjordes och varför den dröjde.',
    );
    // The ordinary group is within its 14 days.
    expect(st.groups[1]?.deadlineWarning).toBeNull();
  });

  it('freezing refuses a tie where the chair did not vote, naming § 33', async () => {
    const t = backend();
    const b = await imported(t, (d) => (d.adjustmentGroups = []));
    const full = b.ws.doc.paragraphs.find((p) => p.number === 33)!.votes[0]!;
    if (full.kind !== 'open') throw new Error('open vote');
    const { castingVote: _casting, ...vote } = full;
    // Karin Ek (chair) abstains, Maria Holm votes Ja: 4–4 with no casting vote.
    const votes = vote.votes.map((v, i) => (i === 0 ? { ...v, vote: 'avstar' as const } : i === 8 ? { ...v, vote: 'ja' as const } : v));
    await t.api.call('workspace.paragraphs.update', { paragraphId: b.paragraph(33), patch: { votes: [{ ...vote, votes }] } });
    const e = await rejection(t.api.call('justering.freeze', { meetingId: b.meetingId }));
    expect(e.message).toBe(
      '§§ 31-35 kan inte låsas för justering: Omröstningen i § 33 slutade lika (4–4) men ordföranden har inte röstat ja eller nej. Vid lika röstetal avgör ordförandens utslagsröst; registrera ordförandens röst och utslagsröst.',
    );
    expect(e.details).toEqual({ issues: [{ path: 'paragraphs[2].votes[0]', message: expect.stringContaining('§ 33') }] });
  });
});

describe('quorum outside the UI', () => {
  it('freeze refuses a § with a decision where the board was not beslutför, and the CLI warns in every command that touches it', async () => {
    const thin = raw((d) => {
      d.adjustmentGroups = [];
      for (const a of d.attendance!) if (['per-olsson', 'anna-berg', 'lars-lind', 'sofia-nord', 'johan-ek'].includes(a.person)) a.toParagraph = 34;
      d.meeting.justerare = ['lena-viklund'];
      d.paragraphs[4]!.decision = { numbered: false, points: [[{ type: 'paragraph', content: [{ text: 'Redovisningen godkänns.' }] }]] };
    });
    const t = backend();
    const { meetingId } = await t.api.call('meetings.import', { document: thin });
    const e = await rejection(t.api.call('justering.freeze', { meetingId }));
    expect(e.message).toBe(
      '§§ 31-35 kan inte låsas för justering: Nämnden är inte beslutför på § 35: 4 av 9 platser är besatta, minst 5 krävs (KL 6 kap. 27 §). Paragrafen har ett beslut eller en omröstning, och den kan inte låsas för justering förrän närvaron är rättad eller beslutet tagits bort.',
    );

    const dir = mkdtempSync(join(tmpdir(), 'justera-quorum-'));
    try {
      const out: string[] = [];
      const err: string[] = [];
      const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s), cwd: dir, today: () => '2026-03-12', now: () => MEETING_DAY };
      writeFileSync(join(dir, 'm.json'), JSON.stringify(thin));
      expect(await main(['import', 'm.json', '--db', 'j.db', '--json'], io)).toBe(0);
      const id = (JSON.parse(out.join('')) as { meetingId: string }).meetingId;
      const warning = 'Varning: Nämnden är inte beslutför på § 35: 4 av 9 platser är besatta, minst 5 krävs (KL 6 kap. 27 §).';
      expect(err.join('\n')).toContain(warning);
      err.length = 0;
      expect(await main(['export', id, '--db', 'j.db', '-o', 'x.json'], io)).toBe(0);
      expect(err.join('\n')).toContain(warning);
      err.length = 0;
      expect(await main(['render', 'kallelse', id, '--db', 'j.db', '-o', 'k.pdf'], io)).toBe(0);
      expect(err.join('\n')).toContain(warning);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('format version 2: what could not be expressed before', () => {
  /** The fixture as version 1 wrote it (stored): no casting vote, no tasks, no absent members, one `vote`. */
  const version1 = (): unknown => JSON.parse(readFileSync(new URL('../fixtures/meetings/socialnamnd-v1.json', import.meta.url), 'utf8'));

  it('an old (version 1) export still imports: the chair’s Ja in the tie becomes the explicit casting vote', async () => {
    const t = backend();
    const { meetingId } = await t.api.call('meetings.import', { document: version1() });
    const doc = await t.api.call('meetings.export', { meetingId });
    expect(doc.formatVersion).toBe(3);
    const vote = doc.paragraphs.find((p) => p.number === 33)?.votes[0];
    expect(vote?.kind === 'open' ? vote.castingVote : null).toEqual({ person: 'karin-ek', side: 'ja' });
    expect(doc.paragraphs.every((p) => Array.isArray(p.tasks))).toBe(true);
  });

  it('in version 2 a tie needs the casting vote as data, and it must be the chair’s own vote', async () => {
    const t = backend();
    const without = raw((d) => {
      const v = d.paragraphs[2]!.votes?.[0];
      if (v?.kind === 'open') delete v.castingVote;
    });
    expect((await rejection(t.api.call('meetings.import', { document: without }))).message).toContain('paragraphs[2].votes[0]: Omröstningen i § 33 slutade lika (4–4)');
    const wrongSide = raw((d) => {
      const v = d.paragraphs[2]!.votes?.[0];
      if (v?.kind === 'open') v.castingVote = { person: 'karin-ek', side: 'nej' };
    });
    expect((await rejection(t.api.call('meetings.import', { document: wrongSide }))).message).toContain(
      'paragraphs[2].votes[0].castingVote.side: Ordförandens utslagsröst i § 33 (Nej) måste vara ordförandens egen röst, som är Ja.',
    );
    const notChair = raw((d) => {
      const v = d.paragraphs[2]!.votes?.[0];
      if (v?.kind === 'open') v.castingVote = { person: 'per-olsson', side: 'nej' };
    });
    expect((await rejection(t.api.call('meetings.import', { document: notChair }))).message).toContain(
      'paragraphs[2].votes[0].castingVote.person: Bara ordföranden (Karin Ek) har utslagsröst i § 33, inte Per Olsson.',
    );
  });

  it('absent members and follow-up tasks are carried by export/import; tasks reach the follow-up register', async () => {
    const t = backend();
    const { meetingId } = await t.api.call('meetings.import', { document: raw() });
    const doc = await t.api.call('meetings.export', { meetingId });
    expect(doc.attendance.find((a) => a.person === 'erik-sand')).toEqual({ person: 'erik-sand', capacity: 'absent', note: 'Anmält förhinder' });
    expect(doc.paragraphs.find((p) => p.number === 33)?.tasks).toEqual([{ what: 'Följa upp riktlinjerna och rapportera till nämnden', responsible: 'Socialchefen', due: '2026-12-31' }]);
    const proposals = await t.api.call('followUp.proposals', { meetingId });
    expect(proposals.filter((p) => p.paragraph === 33)[0]).toMatchObject({
      source: 'uppdrag',
      responsible: 'Socialchefen',
      description: 'Följa upp riktlinjerna och rapportera till nämnden',
      dueOn: '2026-12-31',
    });
  });

  it('the workspace records the casting vote and keeps tasks', async () => {
    const t = backend();
    const { meetingId } = await t.api.call('meetings.import', { document: raw((d) => (d.adjustmentGroups = [])) });
    const ws = await t.api.call('workspace.meetings.get', { meetingId });
    const id33 = ws.paragraphs.find((p) => p.number === 33)!.id;
    const vote = ws.doc.paragraphs.find((p) => p.number === 33)!.votes[0]!;
    if (vote.kind !== 'open') throw new Error('open vote');
    const { castingVote: _c, ...withoutCasting } = vote;
    const r = await t.api.call('workspace.paragraphs.update', { paragraphId: id33, patch: { votes: [withoutCasting] } });
    expect(r.paragraph.votes[0]?.kind === 'open' ? r.paragraph.votes[0].castingVote : null).toEqual({ person: ws.doc.meeting.chair, side: 'ja' });
    const tasks = [{ what: 'Rapportera', responsible: 'Socialchefen', due: '2026-06-30' }];
    expect((await t.api.call('workspace.paragraphs.update', { paragraphId: id33, patch: { tasks } })).paragraph.tasks).toEqual(tasks);
    const bad = await rejection(t.api.call('workspace.paragraphs.update', { paragraphId: id33, patch: { tasks: [{ what: 'x', responsible: '', due: '' }] } }));
    expect(bad.message).toContain('Skriv vem som ansvarar för uppdraget');
  });
});
