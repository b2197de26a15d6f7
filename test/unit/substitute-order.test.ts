// Substitutes called in out of order (issue 15): the rule flags a serving substitute when the
// member's personal substitute, or one earlier in the order, was there and free; a reason on the
// attendance period answers it and is printed in the närvarolista.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAttendance } from '../../core/documents/attendance';
import { peopleOf } from '../../core/documents/people';
import { substituteOrderProblems } from '../../core/domain/substitute-order';
import { meetingProblems } from '../../core/domain/rules';
import { meetingDocumentSchema, type MeetingDocument } from '../../core/format/meeting';
import reference from '../../core/reference/e-namnden-2020-11-05.json' with { type: 'json' };

const ref = (): MeetingDocument => meetingDocumentSchema.parse(structuredClone(reference));
const names = (doc: MeetingDocument) => (key: string) => doc.people.find((p) => p.key === key)?.name ?? key;

/**
 * The reference with numbered substitutes: Anders Josefsson (M) nr 3 serving for Maud Lundbäck
 * (S), Johan Johansson (MP) nr 1 and Robert Bernhardsson nr 2 present, no longer personal
 * substitutes. Robert Bernhardsson is made M here, so that only the numbers decide.
 */
function ordered(): MeetingDocument {
  const doc = withSeat();
  for (const m of doc.members) {
    if (m.person === 'anders-josefsson') m.substituteOrder = 3;
    if (m.person === 'johan-johansson') {
      m.substituteOrder = 1;
      delete m.substituteFor;
    }
    if (m.person === 'robert-bernhardsson') {
      m.substituteOrder = 2;
      m.party = 'M';
      delete m.substituteFor;
    }
  }
  return doc;
}
/** The reference with Anders Josefsson's seat recorded (the seed does not say whose it is). */
function withSeat(): MeetingDocument {
  const doc = ref();
  const row = doc.attendance.find((a) => a.person === 'anders-josefsson');
  if (row) row.replaces = 'maud-lundback';
  return doc;
}
const josefsson = (doc: MeetingDocument) => doc.attendance.find((a) => a.person === 'anders-josefsson' && a.capacity === 'substitute') as MeetingDocument['attendance'][number];

describe('the substitute order', () => {
  it('the reference has no order and no warning', () => {
    const doc = ref();
    expect(substituteOrderProblems(doc, names(doc))).toEqual([]);
  });

  it('nr 3 serving while nr 1 is there and free is flagged once, naming nr 1 and what to do', () => {
    const doc = ordered();
    const problems = substituteOrderProblems(doc, names(doc));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ paragraph: 20, person: 'anders-josefsson', before: 'johan-johansson' });
    expect(problems[0]?.message).toBe(
      'Anders Josefsson tjänstgör för Maud Lundbäck på § 20 utanför turordningen: Johan Johansson, ersättare nr 1, var närvarande och tjänstgjorde inte. Ange skälet på närvaroperioden (t.ex. "Johan Johansson jävig" eller "partiöverenskommelse"), eller låt Johan Johansson tjänstgöra.',
    );
    expect(meetingProblems(doc, names(doc))).toContain(problems[0]?.message);
  });

  it('a reason answers the warning and is printed in the närvarolista', () => {
    const doc = ordered();
    josefsson(doc).orderReason = 'partiöverenskommelse';
    expect(substituteOrderProblems(doc, names(doc))).toEqual([]);
    const list = buildAttendance(doc, peopleOf(doc));
    const rows = list.sections.flatMap((s) => s.groups).find((g) => g.heading === 'Tjänstgörande ersättare')?.rows;
    expect(rows?.find((r) => r.name === 'Anders Josefsson')?.remark).toBe('Ersätter Maud Lundbäck; inkallad utanför turordningen (partiöverenskommelse)');
  });

  it('an earlier substitute with jäv on the § is not free there', () => {
    const doc = ordered();
    for (const p of doc.paragraphs) p.jav = [{ person: 'johan-johansson' }, { person: 'robert-bernhardsson' }];
    expect(substituteOrderProblems(doc, names(doc))).toEqual([]);
  });

  it("the member's own personal substitute comes first, whatever the numbers", () => {
    const doc = withSeat();
    // Maud Lundbäck's personal substitute is Robert Bernhardsson, present and free.
    const robert = doc.members.find((m) => m.person === 'robert-bernhardsson');
    if (robert) robert.substituteFor = 'maud-lundback';
    const problems = substituteOrderProblems(doc, names(doc));
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('Robert Bernhardsson, personlig ersättare för Maud Lundbäck, var närvarande och tjänstgjorde inte')]);
  });

  it('import accepts an out-of-order substitute (a warning, not a refusal) and keeps the reason', () => {
    const raw = structuredClone(reference) as unknown as { attendance: Record<string, unknown>[] };
    const row = raw.attendance.find((a) => a.person === 'anders-josefsson');
    if (row) row.orderReason = 'ersättare 2 jävig';
    expect(meetingDocumentSchema.parse(raw).attendance.find((a) => a.person === 'anders-josefsson')?.orderReason).toBe('ersättare 2 jävig');
    if (row) row.orderReason = '   ';
    expect(meetingDocumentSchema.safeParse(raw).error?.issues[0]?.message).toContain('Skriv varför ersättaren kallades in utanför turordningen');
  });

  it("a substitute of the member's party comes before a lower number of another party", () => {
    const doc = ordered();
    const robert = doc.members.find((m) => m.person === 'robert-bernhardsson');
    if (robert) {
      robert.party = 'S';
      robert.substituteOrder = 4;
    }
    const problems = substituteOrderProblems(doc, names(doc));
    expect(problems.map((p) => p.before)).toEqual(['robert-bernhardsson']);
    expect(problems[0]?.message).toContain('Robert Bernhardsson, ersättare nr 4 från samma parti som Maud Lundbäck, var närvarande');
  });

  it('property: any parties and orders of three present substitutes — flagged exactly when another comes first (party, then number), never with a reason', () => {
    const party = fc.constantFrom('S', 'M', 'MP');
    fc.assert(
      fc.property(fc.shuffledSubarray([1, 2, 3], { minLength: 3, maxLength: 3 }), fc.tuple(party, party, party), fc.boolean(), (orders, parties, withReason) => {
        const doc = ordered();
        const who = ['anders-josefsson', 'johan-johansson', 'robert-bernhardsson'];
        for (const m of doc.members) {
          const i = who.indexOf(m.person);
          if (i < 0) continue;
          m.substituteOrder = orders[i] as number;
          m.party = parties[i] as string;
        }
        if (withReason) josefsson(doc).orderReason = 'ersättare 1 jävig';
        // Who the rule of the board calls first: Maud Lundbäck's party (S) first, then the number.
        const first = [...who].sort((x, y) => {
          const key = (k: string) => [parties[who.indexOf(k)] === 'S' ? 0 : 1, orders[who.indexOf(k)] as number];
          const [a1, a2] = key(x) as [number, number];
          const [b1, b2] = key(y) as [number, number];
          return a1 - b1 || a2 - b2;
        })[0];
        const problems = substituteOrderProblems(doc, names(doc));
        expect(problems.map((p) => p.before)).toEqual(!withReason && first !== 'anders-josefsson' ? [first] : []);
      }),
    );
  });
});
