// Who chairs each § (core/domain/chair.ts): the meeting's chair where they serve; elsewhere the
// chair recorded for the §, else the vice ordförande, then the andre vice ordförande serving on it.
// The acting chair holds the casting vote on that § (rules.ts), and the närvarolista names them.
// Judged on the social services board (test/fixtures/meetings/socialnamnd.ts: Karin Ek chairs,
// Per Olsson is vice ordförande) and, as properties, on random boards.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actingChair, chairAbsence, chairServes, proposedChair } from '../../core/domain/chair';
import { freezeIssues, meetingIssues, meetingProblems, paragraphIssues } from '../../core/domain/rules';
import { narvarolista, servingOn } from '../../core/domain/presence';
import { countVote } from '../../core/documents/vote';
import { buildParagraph } from '../../core/documents/paragraph';
import { restrictTo } from '../../core/documents/extract';
import { peopleOf } from '../../core/documents/people';
import { presenceSourceOf } from '../../core/documents/presence-notes';
import { meetingDocumentSchema, type Attendance, type MeetingDocument, type Member, type Paragraph } from '../../core/format/meeting';
import { socialnamnd } from '../fixtures/meetings/socialnamnd';
import { FUZZ_TIMEOUT_MS } from '../helpers/fuzz';

const parsed = (): MeetingDocument => meetingDocumentSchema.parse(socialnamnd());
const names = (doc: MeetingDocument) => (key: string) => doc.people.find((p) => p.key === key)?.name ?? key;
const messages = (doc: MeetingDocument) => meetingIssues(doc, names(doc)).map((i) => i.message);

/**
 * § 33 (index 2) with the chair Karin Ek reporting jäv: 8 serve, the vote ties 4–4 and Per Olsson,
 * vice ordförande, who voted Nej, casts the casting vote. The motion and the reservation are moved
 * to people who take part and lost.
 */
function chairJavOn33(casting: { person: string; side: 'ja' | 'nej' }): MeetingDocument {
  const doc = parsed();
  const p33 = doc.paragraphs[2]!;
  p33.jav = [{ person: 'karin-ek', note: 'Styrelseledamot i en av leverantörerna.' }];
  p33.motions = [
    { by: 'anna-berg', text: 'bifall till förvaltningens förslag' },
    { by: 'per-olsson', text: 'avslag på förvaltningens förslag' },
  ];
  p33.votes = [
    {
      kind: 'open',
      jaMeans: 'bifall till förvaltningens förslag',
      nejMeans: 'avslag',
      votes: [
        { person: 'anna-berg', vote: 'ja' },
        { person: 'eva-strom', vote: 'ja' },
        { person: 'lena-viklund', vote: 'ja' },
        { person: 'maria-holm', vote: 'ja' },
        { person: 'per-olsson', vote: 'nej' },
        { person: 'lars-lind', vote: 'nej' },
        { person: 'sofia-nord', vote: 'nej' },
        { person: 'johan-ek', vote: 'nej' },
      ],
      castingVote: casting,
    },
  ];
  p33.reservations = [{ person: 'anna-berg', reason: 'Riktlinjerna behövs nu.' }];
  return doc;
}

describe('the chair has jäv on a tied §', () => {
  it('the vice ordförande chairs it, and their casting vote settles the tie', () => {
    const doc = chairJavOn33({ person: 'per-olsson', side: 'nej' });
    expect(actingChair(doc, 33)).toEqual({ person: 'per-olsson', basis: 'vice' });
    expect(chairAbsence(doc, 33)).toBe('jav');
    expect(messages(doc)).toEqual([]);
    expect(meetingProblems(doc, names(doc))).toEqual([]);
    expect(freezeIssues(doc, [32, 33, 35], names(doc))).toEqual([]);
    expect(countVote(doc.paragraphs[2]!.votes[0]!, actingChair(doc, 33)!.person, 33)).toMatchObject({ winner: 'nej', decidedBy: 'casting_vote' });
    // The same file goes through the one validation path (schema + rules) of import.
    expect(meetingDocumentSchema.safeParse(doc).success).toBe(true);
  });

  it("refuses the meeting chair's casting vote there, naming who chairs the §", () => {
    const doc = chairJavOn33({ person: 'karin-ek', side: 'nej' });
    expect(messages(doc)).toContain('Bara ordföranden under paragrafen (Per Olsson) har utslagsröst i § 33, inte Karin Ek.');
    const result = meetingDocumentSchema.safeParse(doc);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain('paragraphs.2.votes.0.castingVote.person');
  });

  it('the chair still chairs every § they serve on (§§ 31, 32, 34, 35)', () => {
    const doc = chairJavOn33({ person: 'per-olsson', side: 'nej' });
    for (const n of [31, 32, 34, 35]) expect(actingChair(doc, n)).toEqual({ person: 'karin-ek', basis: 'meeting' });
  });

  it('the närvarolista says who chaired § 33', () => {
    const doc = chairJavOn33({ person: 'per-olsson', side: 'nej' });
    const lists = narvarolista(doc, names(doc));
    expect(lists.members.find((e) => e.person === 'per-olsson')?.remarks).toEqual(['Ordförande § 33']);
    expect(lists.members.find((e) => e.person === 'karin-ek')?.remarks).toEqual(['Ordförande', 'Jäv § 33']);
  });

  it('the reference case — the chair chairs everything — has no such remark', () => {
    const doc = parsed();
    const lists = narvarolista(doc, names(doc));
    expect([...lists.members, ...lists.substitutes].flatMap((e) => e.remarks).filter((r) => r.startsWith('Ordförande '))).toEqual([]);
  });
});

describe('a § no vice chair can lead', () => {
  /** Karin Ek and Per Olsson both have jäv on § 33; no tie. */
  function bothJav(): MeetingDocument {
    const doc = chairJavOn33({ person: 'per-olsson', side: 'nej' });
    const p33 = doc.paragraphs[2]!;
    p33.jav.push({ person: 'per-olsson' });
    p33.motions = [{ by: 'anna-berg', text: 'bifall till förvaltningens förslag' }];
    p33.votes = [];
    p33.reservations = [];
    return doc;
  }

  it('asks in the problem list and at freezing who chaired it, but a file without the field still imports', () => {
    const doc = bothJav();
    expect(actingChair(doc, 33)).toBeNull();
    const message =
      'Ordföranden Karin Ek deltar inte i § 33 (jäv) och varken vice ordföranden eller andre vice ordföranden tjänstgör där. Ange vem som var ordförande under § 33 (den som varit ledamot längst tid, eller den nämnden utsåg) i paragrafens redigerare, under Ordförande under paragrafen.';
    expect(meetingProblems(doc, names(doc))).toContain(message);
    expect(freezeIssues(doc, [32, 33, 35], names(doc)).map((i) => i.message)).toContain(message);
    expect(freezeIssues(doc, [31, 34], names(doc)).map((i) => i.message)).not.toContain(message);
    expect(messages(doc)).toEqual([]);
  });

  it('a chair recorded for the § (the longest-serving member) answers it, and holds the casting vote', () => {
    const doc = bothJav();
    doc.paragraphs[2]!.chair = 'lars-lind';
    expect(actingChair(doc, 33)).toEqual({ person: 'lars-lind', basis: 'chosen' });
    expect(meetingProblems(doc, names(doc))).toEqual([]);
    doc.paragraphs[2]!.votes = [
      {
        kind: 'open',
        jaMeans: 'bifall',
        nejMeans: 'avslag',
        votes: [
          { person: 'anna-berg', vote: 'ja' },
          { person: 'eva-strom', vote: 'ja' },
          { person: 'lena-viklund', vote: 'ja' },
          { person: 'lars-lind', vote: 'nej' },
          { person: 'sofia-nord', vote: 'nej' },
          { person: 'johan-ek', vote: 'nej' },
          { person: 'maria-holm', vote: 'avstar' },
        ],
        castingVote: { person: 'lars-lind', side: 'nej' },
      },
    ];
    expect(messages(doc)).toEqual([]);
  });

  it('refuses a recorded chair who does not serve on the §, and one where the meeting chair serves', () => {
    const doc = bothJav();
    doc.paragraphs[2]!.chair = 'erik-sand';
    doc.paragraphs[3]!.chair = 'per-olsson';
    const issues = meetingIssues(doc, names(doc)).map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(issues).toContain(
      'paragraphs.2.chair: Erik Sand tjänstgör inte på § 33 och kan inte vara ordförande under paragrafen. Välj en ledamot eller ersättare som tjänstgör på § 33, eller rätta närvaron.',
    );
    expect(issues).toContain('paragraphs.3.chair: Karin Ek är sammanträdets ordförande och tjänstgör på § 34, och leder därför paragrafen. Ta bort valet av Per Olsson som ordförande under § 34.');
    expect(meetingDocumentSchema.safeParse(doc).success).toBe(false);
  });

  it('the workspace check of one § reports the recorded chair at its field', () => {
    const doc = bothJav();
    const p = { ...doc.paragraphs[2]!, chair: 'gunilla-falk' };
    const issues = paragraphIssues(doc, { chair: 'karin-ek', members: doc.members }, p, names(doc), false);
    expect(issues.map((i) => i.path)).toEqual([['chair']]);
  });
});

describe('leaving early and arriving late', () => {
  it('the vice chair leads the §§ after the chair left, the andre vice chair when the vice is gone too', () => {
    const doc = parsed();
    doc.members.push({ person: 'lena-viklund', role: 'andre_vice_ordforande', party: 'S', termStart: '2023-01-01', termEnd: '2026-12-31' });
    doc.members = doc.members.filter((m) => !(m.person === 'lena-viklund' && m.role === 'ledamot'));
    doc.attendance[0] = { person: 'karin-ek', capacity: 'member', toParagraph: 33 };
    doc.attendance[1] = { person: 'per-olsson', capacity: 'member', toParagraph: 34 };
    expect(actingChair(doc, 34)).toEqual({ person: 'per-olsson', basis: 'vice' });
    expect(actingChair(doc, 35)).toEqual({ person: 'lena-viklund', basis: 'andre_vice' });
    expect(chairAbsence(doc, 35)).toBe('left');
  });

  it('an extract of a § after the chair left says so as the protocol does', () => {
    const doc = parsed();
    doc.attendance[0] = { person: 'karin-ek', capacity: 'member', toParagraph: 33 };
    const people = peopleOf(doc);
    const sentence = (d: MeetingDocument) =>
      buildParagraph(
        d,
        d.paragraphs.find((p) => p.number === 35)!,
        people,
        presenceSourceOf(doc),
      ).sections.find((x) => x.heading === 'Ordförande under paragrafen');
    const expected = { kind: 'statements', heading: 'Ordförande under paragrafen', items: [{ text: 'Per Olsson (M), vice ordförande, då ordföranden Karin Ek (S) har lämnat sammanträdet.' }] };
    expect(sentence(doc)).toEqual(expected);
    expect(sentence(restrictTo(doc, [35]))).toEqual(expected);
  });

  it('a chair who arrives late does not chair the §§ before', () => {
    const doc = parsed();
    doc.attendance[0] = { person: 'karin-ek', capacity: 'member', fromParagraph: 33 };
    expect(actingChair(doc, 31)).toEqual({ person: 'per-olsson', basis: 'vice' });
    expect(chairAbsence(doc, 31)).toBe('not_arrived');
    expect(actingChair(doc, 33)?.person).toBe('karin-ek');
  });
});

// ---- Properties over random boards ----

const people = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'];
const numbers = [10, 11, 12, 13, 14];
const term = { termStart: '2020-01-01', termEnd: '2030-12-31' };

const boardArb = fc
  .record({
    roles: fc.array(fc.constantFrom<Member['role']>('ledamot', 'vice_ordforande', 'andre_vice_ordforande', 'ersattare'), { minLength: people.length, maxLength: people.length }),
    chair: fc.integer({ min: 0, max: people.length - 1 }),
    periods: fc.array(
      fc.record({
        person: fc.integer({ min: 0, max: people.length - 1 }),
        capacity: fc.constantFrom<Attendance['capacity']>('member', 'substitute', 'present', 'absent'),
        from: fc.option(fc.constantFrom(...numbers), { nil: undefined }),
        to: fc.option(fc.constantFrom(...numbers), { nil: undefined }),
      }),
      { maxLength: 12 },
    ),
    jav: fc.array(fc.array(fc.integer({ min: 0, max: people.length - 1 }), { maxLength: 3 }), { minLength: numbers.length, maxLength: numbers.length }),
    chosen: fc.array(fc.option(fc.integer({ min: 0, max: people.length - 1 }), { nil: undefined }), { minLength: numbers.length, maxLength: numbers.length }),
  })
  .map(({ roles, chair, periods, jav, chosen }) => {
    const members: Member[] = people.map((person, i) => ({ person, role: i === chair ? 'ordforande' : (roles[i] as Member['role']), ...term }));
    const attendance: Attendance[] = periods.map((p) => {
      const a: Attendance = { person: people[p.person] as string, capacity: p.capacity };
      if (p.from !== undefined) a.fromParagraph = p.from;
      if (p.to !== undefined && (p.from === undefined || p.to >= p.from)) a.toParagraph = p.to;
      return a;
    });
    const paragraphs = numbers.map((number, i) => {
      const p: Pick<Paragraph, 'number' | 'jav' | 'chair'> = { number, jav: [...new Set(jav[i])].map((k) => ({ person: people[k] as string })) };
      const c = chosen[i];
      if (c !== undefined) p.chair = people[c];
      return p;
    });
    return { members, attendance, paragraphs, meeting: { chair: people[chair] as string } };
  });

const serving = (doc: { attendance: Attendance[]; paragraphs: Pick<Paragraph, 'number' | 'jav'>[] }, n: number) =>
  new Set(servingOn(doc as unknown as Pick<MeetingDocument, 'attendance' | 'paragraphs'>, n).map((s) => s.person));

describe('properties over random boards', () => {
  it(
    'the acting chair always serves on the §, and is the meeting chair whenever the chair serves',
    () => {
      fc.assert(
        fc.property(boardArb, (doc) => {
          for (const p of doc.paragraphs) {
            const acting = actingChair(doc, p.number);
            const here = serving(doc, p.number);
            if (acting !== null) expect(here.has(acting.person)).toBe(true);
            if (here.has(doc.meeting.chair)) expect(acting).toEqual({ person: doc.meeting.chair, basis: 'meeting' });
            expect(chairServes(doc, p.number)).toBe(here.has(doc.meeting.chair));
          }
        }),
        { numRuns: 500 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'where the chair does not serve: a serving recorded chair wins, else the vice chairs in turn, else nobody',
    () => {
      fc.assert(
        fc.property(boardArb, (doc) => {
          for (const p of doc.paragraphs) {
            const here = serving(doc, p.number);
            if (here.has(doc.meeting.chair)) continue;
            const acting = actingChair(doc, p.number);
            const vice = doc.members.find((m) => m.role === 'vice_ordforande' && here.has(m.person))?.person;
            const andre = doc.members.find((m) => m.role === 'andre_vice_ordforande' && here.has(m.person))?.person;
            if (p.chair !== undefined && here.has(p.chair)) expect(acting).toEqual({ person: p.chair, basis: 'chosen' });
            else if (vice !== undefined) expect(acting).toEqual({ person: vice, basis: 'vice' });
            else if (andre !== undefined) expect(acting).toEqual({ person: andre, basis: 'andre_vice' });
            else expect(acting).toBeNull();
            expect(proposedChair(doc, p.number)?.person).toBe(vice ?? andre);
          }
        }),
        { numRuns: 500 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'the rules object to a recorded chair exactly when it is not the one who chairs',
    () => {
      fc.assert(
        fc.property(boardArb, (board) => {
          const doc = { ...board, paragraphs: board.paragraphs.map((p) => ({ ...p, votes: [], motions: [], reservations: [], protocolNotes: [] })) };
          for (const p of doc.paragraphs) {
            const issues = paragraphIssues(doc as unknown as MeetingDocument, { chair: doc.meeting.chair, members: doc.members }, p, (k) => k, true).filter((i) => i.path[0] === 'chair');
            const acting = actingChair(doc, p.number);
            const used = p.chair !== undefined && acting?.basis === 'chosen' && acting.person === p.chair;
            expect(issues.length).toBe(p.chair === undefined || used ? 0 : 1);
          }
        }),
        { numRuns: 500 },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
