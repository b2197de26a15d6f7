// Presence as intervals over paragraphs: who served on each §, the närvarolista groups, quorum.
// Pure functions over the meeting format; the UI, documents and checks all derive from here.
import type { Attendance, MeetingDocument, Member } from '../format/meeting';
import { actingChairs } from './chair';
import { paragraphLabel } from './numbering';

export interface ServingSeat {
  person: string;
  capacity: 'member' | 'substitute';
  /** For a substitute: whose seat. */
  replaces?: string;
}

export interface Quorum {
  seats: number;
  /** Serving members needed: more than half of the seats (KL 6 kap. 27 §). */
  required: number;
  serving: number;
  met: boolean;
}

type PresenceInput = Pick<MeetingDocument, 'attendance' | 'paragraphs'>;

/** What the närvarolista prints for a substitute called in out of order (see substitute-order.ts). */
export function orderReasonRemark(reason: string): string {
  return `inkallad utanför turordningen (${reason})`;
}

/** Whether an attendance interval covers § `n`. */
export function covers(a: Attendance, n: number): boolean {
  return (a.fromParagraph === undefined || a.fromParagraph <= n) && (a.toParagraph === undefined || n <= a.toParagraph);
}

/** Who decided on § `n`: serving members and substitutes present for it, minus those with jäv. */
export function servingOn(doc: PresenceInput, n: number): ServingSeat[] {
  const paragraph = doc.paragraphs.find((p) => p.number === n);
  const disqualified = new Set((paragraph?.jav ?? []).map((j) => j.person));
  const seats: ServingSeat[] = [];
  const seen = new Set<string>();
  for (const a of doc.attendance) {
    if ((a.capacity !== 'member' && a.capacity !== 'substitute') || !covers(a, n)) continue;
    if (disqualified.has(a.person) || seen.has(a.person)) continue;
    seen.add(a.person);
    seats.push(a.replaces === undefined ? { person: a.person, capacity: a.capacity } : { person: a.person, capacity: a.capacity, replaces: a.replaces });
  }
  return seats;
}

export function quorum(seats: number, serving: number): Quorum {
  const required = Math.floor(seats / 2) + 1;
  return { seats, required, serving, met: serving >= required };
}

export function quorumOn(doc: PresenceInput & Pick<MeetingDocument, 'board'>, n: number): Quorum {
  return quorum(doc.board.seats, servingOn(doc, n).length);
}

export interface PresenceProblem {
  paragraph: number;
  person: string;
  /** The attendance row (index in `attendance`) that makes the contradiction. */
  attendanceIndex: number;
  message: string;
}

/** The §§ on which the attendance contradicts itself: there the number serving decides nothing. */
export function conflictedParagraphs(doc: PresenceInput): Set<number> {
  return new Set(presenceProblems(doc, (k) => k, { everyParagraph: true }).map((pr) => pr.paragraph));
}

/**
 * Contradictions a secretary must fix: the same person holding two capacities on one §,
 * a substitute serving in the seat of a member who serves, two substitutes in one seat.
 * Each is reported once, at the first § where it occurs.
 */
export function presenceProblems(doc: PresenceInput, names: (key: string) => string, options: { everyParagraph?: boolean } = {}): PresenceProblem[] {
  const problems: PresenceProblem[] = [];
  const reported = new Set<string>();
  const report = (kind: string, paragraph: number, person: string, attendanceIndex: number, message: string) => {
    // With everyParagraph a contradiction is reported on each § it spans (for per-§ quorum), not only the first.
    const key = options.everyParagraph === true ? `${kind}:${attendanceIndex}:${paragraph}` : `${kind}:${attendanceIndex}`;
    if (reported.has(key)) return;
    reported.add(key);
    problems.push({ paragraph, person, attendanceIndex, message });
  };
  for (const p of doc.paragraphs) {
    const here = doc.attendance.map((a, i) => ({ a, i })).filter(({ a }) => covers(a, p.number));
    const byPerson = new Map<string, number[]>();
    for (const { a, i } of here) byPerson.set(a.person, [...(byPerson.get(a.person) ?? []), i]);
    for (const [person, list] of byPerson) {
      if (list.length > 1) {
        report('twice', p.number, person, list[1] as number, `${names(person)} är registrerad ${list.length} gånger på § ${p.number}. Justera närvaroperioderna så att de inte överlappar.`);
      }
    }
    const serving = servingOn(doc, p.number);
    const servingPeople = new Set(serving.map((s) => s.person));
    const seatTaken = new Map<string, string>();
    const rowOf = (person: string) => here.find(({ a }) => a.person === person && a.capacity === 'substitute')?.i ?? -1;
    for (const s of serving) {
      if (s.replaces === undefined) continue;
      if (servingPeople.has(s.replaces)) {
        report('seat', p.number, s.person, rowOf(s.person), `${names(s.person)} tjänstgör för ${names(s.replaces)} på § ${p.number}, men ${names(s.replaces)} tjänstgör själv där.`);
      }
      const other = seatTaken.get(s.replaces);
      if (other !== undefined) {
        report('double', p.number, s.person, rowOf(s.person), `Både ${names(other)} och ${names(s.person)} tjänstgör för ${names(s.replaces)} på § ${p.number}.`);
      }
      seatTaken.set(s.replaces, s.person);
    }
  }
  return problems;
}

export interface NarvaroEntry {
  person: string;
  /** Remark column: "Ordförande", "Ersätter X", "§§ 20-22", "Jäv § 24", "Ordförande § 24" (chaired that § in the chair's place) … */
  remarks: string[];
}

export interface Narvarolista {
  members: NarvaroEntry[];
  substitutes: NarvaroEntry[];
  present: NarvaroEntry[];
  officials: NarvaroEntry[];
  /** Members not there (anmält förhinder): "Ej tjänstgörande ledamöter". */
  absent: NarvaroEntry[];
}

/** The four groups of the närvarolista, in the order attendance lists them. */
export function narvarolista(doc: MeetingDocument, names: (key: string) => string): Narvarolista {
  const numbers = doc.paragraphs.map((p) => p.number);
  const first = numbers[0];
  const last = numbers[numbers.length - 1];
  const groups: Narvarolista = { members: [], substitutes: [], present: [], officials: [], absent: [] };
  const entryFor = new Map<string, NarvaroEntry>();
  for (const a of doc.attendance) {
    const group = groupOf(groups, a.capacity);
    const key = `${a.capacity}:${a.person}`;
    let entry = entryFor.get(key);
    if (entry === undefined) {
      entry = { person: a.person, remarks: [] };
      if (a.capacity === 'member' && a.person === doc.meeting.chair) entry.remarks.push('Ordförande');
      entryFor.set(key, entry);
      group.push(entry);
    }
    if (a.capacity === 'substitute' && a.replaces !== undefined) entry.remarks.push(`Ersätter ${names(a.replaces)}`);
    if (a.capacity === 'substitute' && a.orderReason !== undefined && a.orderReason.trim() !== '') entry.remarks.push(orderReasonRemark(a.orderReason.trim()));
    const span = spanText(a, first, last);
    const times = [a.fromTime === undefined ? null : `från kl. ${a.fromTime.replace(':', '.')}`, a.toTime === undefined ? null : `till kl. ${a.toTime.replace(':', '.')}`].filter((x) => x !== null);
    if (span !== null || times.length > 0) entry.remarks.push([span, ...times].filter((x) => x !== null).join(', '));
  }
  for (const p of doc.paragraphs) {
    for (const j of p.jav) {
      const entry = entryFor.get(`member:${j.person}`) ?? entryFor.get(`substitute:${j.person}`);
      entry?.remarks.push(`Jäv § ${p.number}`);
    }
  }
  // Who chaired the §§ the meeting's chair did not lead (chair.ts): "Ordförande § 24".
  const chaired = new Map<string, number[]>();
  for (const [n, acting] of actingChairs(doc)) if (acting !== null) chaired.set(acting.person, [...(chaired.get(acting.person) ?? []), n]);
  for (const [person, numbers] of chaired) {
    const entry = entryFor.get(`member:${person}`) ?? entryFor.get(`substitute:${person}`);
    entry?.remarks.push(`Ordförande ${paragraphLabel(numbers)}`);
  }
  return groups;
}

function groupOf(groups: Narvarolista, capacity: Attendance['capacity']): NarvaroEntry[] {
  switch (capacity) {
    case 'member':
      return groups.members;
    case 'substitute':
      return groups.substitutes;
    case 'present':
      return groups.present;
    case 'official':
      return groups.officials;
    case 'absent':
      return groups.absent;
    default: {
      const never: never = capacity;
      return never;
    }
  }
}

function spanText(a: Attendance, first: number | undefined, last: number | undefined): string | null {
  const from = a.fromParagraph;
  const to = a.toParagraph;
  const startsLate = from !== undefined && from !== first;
  const endsEarly = to !== undefined && to !== last;
  if (!startsLate && !endsEarly) return null;
  const f = from ?? first;
  const t = to ?? last;
  return f === t ? `§ ${f}` : `§§ ${f}-${t}`;
}

/**
 * Proposes substitutes for absent members: a member's personal substitute first
 * (substituteFor), then the free substitutes in their order, preferring the member's party.
 * Returns member → substitute.
 */
export function proposeSubstitutes(roster: readonly Member[], present: ReadonlySet<string>): Map<string, string> {
  const proposal = new Map<string, string>();
  const absent = roster.filter((m) => m.role !== 'ersattare' && !present.has(m.person));
  const byOrder = (a: Member, b: Member) => (a.substituteOrder ?? Number.MAX_SAFE_INTEGER) - (b.substituteOrder ?? Number.MAX_SAFE_INTEGER);
  const available = roster.filter((m) => m.role === 'ersattare' && present.has(m.person)).sort(byOrder);
  const used = new Set<string>();
  const take = (member: Member, substitute: Member | undefined) => {
    if (substitute === undefined) return;
    proposal.set(member.person, substitute.person);
    used.add(substitute.person);
  };
  for (const member of absent)
    take(
      member,
      available.find((s) => s.substituteFor === member.person && !used.has(s.person)),
    );
  for (const member of absent) {
    if (proposal.has(member.person)) continue;
    const free = available.filter((s) => s.substituteFor === undefined && !used.has(s.person));
    take(member, free.find((s) => s.party !== undefined && s.party === member.party) ?? free[0]);
  }
  return proposal;
}
