// The order in which substitutes are called in (issue 15). A member's personal substitute
// (substituteFor) steps in first; then the substitutes of the member's own party, then the others,
// each in their order (substituteOrder, 1 first) — as proposeSubstitutes proposes them and as
// most boards' rules (reglemente) call them in. A serving substitute is out of order on a § where someone earlier in that order was
// there, free (present, not serving, no jäv on the §) and could have served. That is not always
// wrong — "ersättare 2 jävig", a party agreement — so the attendance period carries the reason
// (orderReason), which answers the warning and is printed in the närvarolista.
import type { MeetingDocument, Member } from '../format/meeting';
import { covers } from './presence';

export { orderReasonRemark } from './presence';

export interface SubstituteOrderProblem {
  /** The first § where it happens. */
  paragraph: number;
  /** The substitute serving out of order. */
  person: string;
  /** Who should have been called in first. */
  before: string;
  /** The attendance row (index in `attendance`) to give the reason on. */
  attendanceIndex: number;
  message: string;
}

type OrderInput = Pick<MeetingDocument, 'attendance' | 'paragraphs' | 'members'>;

/** Every serving substitute who is out of order without a reason, once per attendance row. */
export function substituteOrderProblems(doc: OrderInput, names: (key: string) => string): SubstituteOrderProblem[] {
  const substitutes = new Map<string, Member>();
  for (const m of doc.members) if (m.role === 'ersattare' && !substitutes.has(m.person)) substitutes.set(m.person, m);
  const partyOf = new Map<string, string | undefined>();
  for (const m of doc.members) if (m.role !== 'ersattare' && !partyOf.has(m.person)) partyOf.set(m.person, m.party);
  const problems: SubstituteOrderProblem[] = [];
  const reported = new Set<number>();
  for (const p of doc.paragraphs) {
    const jav = new Set(p.jav.map((j) => j.person));
    const rows = doc.attendance.map((a, i) => ({ a, i })).filter(({ a }) => covers(a, p.number));
    const serving = new Set(rows.filter(({ a }) => a.capacity === 'member' || a.capacity === 'substitute').map(({ a }) => a.person));
    // Substitutes who were there and could have served on this §.
    const free = rows
      .filter(({ a }) => a.capacity === 'present' && !serving.has(a.person) && !jav.has(a.person))
      .map(({ a }) => substitutes.get(a.person))
      .filter((m): m is Member => m !== undefined);
    for (const { a, i } of rows) {
      if (a.capacity !== 'substitute' || a.replaces === undefined || reported.has(i)) continue;
      if (a.orderReason !== undefined && a.orderReason.trim() !== '') continue;
      const self = substitutes.get(a.person);
      if (self?.substituteFor === a.replaces) continue;
      const personal = free.find((m) => m.substituteFor === a.replaces);
      // Rank: the member's party first, then the order; a substitute without an order is not ranked.
      const party = partyOf.get(a.replaces);
      const rank = (m: Member | undefined): [number, number] | null => (m?.substituteOrder === undefined ? null : [party !== undefined && m.party === party ? 0 : 1, m.substituteOrder]);
      const own = rank(self);
      const ahead = (m: Member) => {
        const r = rank(m);
        return r !== null && own !== null && (r[0] < own[0] || (r[0] === own[0] && r[1] < own[1]));
      };
      const byRank = (x: Member, y: Member) => {
        const rx = rank(x) ?? [9, 0];
        const ry = rank(y) ?? [9, 0];
        return rx[0] - ry[0] || rx[1] - ry[1];
      };
      // A personal substitute of another member serves only for that member (as proposeSubstitutes calls them in).
      const earlier = personal ?? free.filter((m) => m.substituteFor === undefined && ahead(m)).sort(byRank)[0];
      if (earlier === undefined) continue;
      reported.add(i);
      const why =
        personal !== undefined
          ? `${names(personal.person)}, personlig ersättare för ${names(a.replaces)}, var närvarande och tjänstgjorde inte`
          : `${names(earlier.person)}, ersättare nr ${earlier.substituteOrder}${party !== undefined && earlier.party === party && self?.party !== party ? ` från samma parti som ${names(a.replaces)}` : ''}, var närvarande och tjänstgjorde inte`;
      problems.push({
        paragraph: p.number,
        person: a.person,
        before: earlier.person,
        attendanceIndex: i,
        message: `${names(a.person)} tjänstgör för ${names(a.replaces)} på § ${p.number} utanför turordningen: ${why}. Ange skälet på närvaroperioden (t.ex. "${names(earlier.person)} jävig" eller "partiöverenskommelse"), eller låt ${names(earlier.person)} tjänstgöra.`,
      });
    }
  }
  return problems;
}
