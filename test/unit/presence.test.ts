// Presence intervals, jäv, substitutes, quorum and the närvarolista groups.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { meetingDocumentSchema, type MeetingDocument } from '../../core/format/meeting';
import { conflictedParagraphs, narvarolista, presenceProblems, proposeSubstitutes, quorum, servingOn } from '../../core/domain/presence';
import { peopleOf } from '../../core/documents/people';
import { presenceNotes } from '../../core/documents/presence-notes';
import reference from '../../core/reference/e-namnden-2020-11-05.json' with { type: 'json' };

const ref = (): MeetingDocument => meetingDocumentSchema.parse(structuredClone(reference));
const name = (doc: MeetingDocument) => (key: string) => doc.people.find((p) => p.key === key)?.name ?? key;

describe('quorum (KL 6 kap. 27 §: more than half of the seats)', () => {
  it.each([
    [14, 7, false],
    [14, 8, true],
    [13, 6, false],
    [13, 7, true],
    [1, 1, true],
  ])('%i seats, %i serving → met %s', (seats, serving, met) => {
    expect(quorum(seats, serving).met).toBe(met);
  });

  it('required is always the smallest number greater than half', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 201 }), (seats) => {
        const { required } = quorum(seats, 0);
        return required > seats / 2 && required - 1 <= seats / 2;
      }),
    );
  });
});

describe('who served on each §', () => {
  it('the reference: 11 members and one substitute on every §', () => {
    const doc = ref();
    for (const p of doc.paragraphs) expect(servingOn(doc, p.number)).toHaveLength(12);
  });

  it('a member with jäv does not serve; a substitute serving only for that § does', () => {
    const doc = ref();
    const p24 = doc.paragraphs.find((p) => p.number === 24);
    p24?.jav.push({ person: 'lena-goldkuhl' });
    doc.attendance.push({ person: 'johan-johansson', capacity: 'substitute', replaces: 'lena-goldkuhl', fromParagraph: 24, toParagraph: 24 });
    const on24 = servingOn(doc, 24).map((s) => s.person);
    expect(on24).not.toContain('lena-goldkuhl');
    expect(on24).toContain('johan-johansson');
    expect(on24).toHaveLength(12);
    expect(servingOn(doc, 23).map((s) => s.person)).toContain('lena-goldkuhl');
    expect(servingOn(doc, 25).map((s) => s.person)).not.toContain('johan-johansson');
    // What the protocol states where it happens (the jäv itself has its own section in the §).
    expect(presenceNotes(doc, 24, peopleOf(doc))).toEqual(['Johan Johansson (MP) tjänstgör från och med § 24 i stället för Lena Goldkuhl (S).']);
    expect(presenceNotes(doc, 25, peopleOf(doc))).toEqual(['Johan Johansson (MP) tjänstgör inte från och med § 25.']);
    const lists = narvarolista(doc, name(doc));
    expect(lists.members.find((e) => e.person === 'lena-goldkuhl')?.remarks).toEqual(['Jäv § 24']);
    expect(lists.substitutes.find((e) => e.person === 'johan-johansson')?.remarks).toEqual(['Ersätter Lena Goldkuhl', '§ 24']);
  });

  it('a member arriving late takes the seat back from the substitute at the next §', () => {
    const doc = ref();
    const sara = doc.attendance.find((a) => a.person === 'sara-lundberg');
    if (sara) sara.fromParagraph = 22;
    doc.attendance.push({ person: 'robert-bernhardsson', capacity: 'substitute', replaces: 'sara-lundberg', toParagraph: 21 });
    doc.attendance = doc.attendance.filter((a) => !(a.person === 'robert-bernhardsson' && a.capacity === 'present'));
    expect(servingOn(doc, 21).map((s) => s.person)).toContain('robert-bernhardsson');
    expect(servingOn(doc, 22).map((s) => s.person)).toContain('sara-lundberg');
    expect(servingOn(doc, 22).map((s) => s.person)).not.toContain('robert-bernhardsson');
    expect(presenceNotes(doc, 22, peopleOf(doc))).toEqual(['Robert Bernhardsson (S) lämnar sammanträdet efter § 21.', 'Sara Lundberg (S) ansluter till sammanträdet och tjänstgör från och med § 22.']);
    expect(presenceProblems(doc, name(doc))).toEqual([]);
    expect(narvarolista(doc, name(doc)).members.find((e) => e.person === 'sara-lundberg')?.remarks).toEqual(['§§ 22-26']);
  });

  it('reports contradictions: a substitute in the seat of a member who serves', () => {
    const doc = ref();
    doc.attendance.push({ person: 'johan-johansson', capacity: 'substitute', replaces: 'lena-goldkuhl', fromParagraph: 20, toParagraph: 20 });
    const problems = presenceProblems(doc, name(doc));
    expect(problems.map((p) => p.message)).toContain('Johan Johansson tjänstgör för Lena Goldkuhl på § 20, men Lena Goldkuhl tjänstgör själv där.');
    expect(problems.some((p) => p.message.startsWith('Johan Johansson är registrerad 2 gånger på § 20'))).toBe(true);
  });

  it('a contradiction over several §§ is listed once but makes quorum undecidable on every § it spans', () => {
    const doc = ref();
    expect(conflictedParagraphs(doc)).toEqual(new Set());
    doc.attendance.push({ person: 'johan-johansson', capacity: 'substitute', replaces: 'lena-goldkuhl', fromParagraph: 20, toParagraph: 22 });
    const seat = presenceProblems(doc, name(doc)).filter((p) => p.message.includes('men Lena Goldkuhl tjänstgör själv där'));
    expect(seat.map((p) => p.paragraph)).toEqual([20]);
    expect(conflictedParagraphs(doc)).toEqual(new Set([20, 21, 22]));
  });

  it('quorum fails when too many leave', () => {
    const doc = ref();
    for (const a of doc.attendance.filter((x) => x.capacity === 'member').slice(0, 5)) a.toParagraph = 25;
    expect(servingOn(doc, 26)).toHaveLength(7);
    expect(quorum(doc.board.seats, servingOn(doc, 26).length).met).toBe(false);
  });
});

describe('the närvarolista of the reference', () => {
  it('has the four groups in order, with the chair marked', () => {
    const doc = ref();
    const lists = narvarolista(doc, name(doc));
    expect(lists.members.map((e) => e.person)).toEqual([
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
    ]);
    expect(lists.members.find((e) => e.person === 'anders-lundkvist')?.remarks).toEqual(['Ordförande']);
    expect(lists.substitutes.map((e) => e.person)).toEqual(['anders-josefsson']);
    expect(lists.present.map((e) => e.person)).toEqual(['johan-johansson', 'robert-bernhardsson']);
    expect(lists.officials.map((e) => e.person)).toEqual(['lisa-lundgren', 'robert-karlsson']);
  });
});

describe('proposing substitutes', () => {
  const doc = ref();
  it('calls the personal substitute first, then free substitutes preferring the party', () => {
    const present = new Set(doc.members.map((m) => m.person).filter((p) => !['lena-goldkuhl', 'henrik-blind', 'stefan-sydberg'].includes(p)));
    const proposal = proposeSubstitutes(doc.members, present);
    expect(proposal.get('lena-goldkuhl')).toBe('johan-johansson');
    expect(proposal.get('henrik-blind')).toBe('robert-bernhardsson');
    expect(proposal.get('stefan-sydberg')).toBe('anders-josefsson');
  });
  it('proposes nobody when no substitute is present', () => {
    const present = new Set(doc.members.filter((m) => m.role !== 'ersattare').map((m) => m.person));
    present.delete('isak-utsi');
    expect(proposeSubstitutes(doc.members, present).size).toBe(0);
  });
});
