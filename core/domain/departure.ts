// A seat left empty in the middle of a meeting (issue 16): a member — or the substitute serving in
// a member's seat — leaves after § N ("Till §" N), nobody holds the seat from the next §, and a
// substitute is there, present but not serving. The board's substitute order then says who
// should serve from that § on: the member's personal substitute, else a free substitute of the
// member's party, else the next in order (proposeSubstitutes, the same rule as at the start of
// the meeting and for jäv). The mirror of the late arrival, where the member takes the seat back.
//
// One rule for every entrance: the attendance editor offers what departureOffers() finds, the API
// (workspace.attendance.serveAfterDeparture) refuses anything it does not find and applies
// serveAfterDeparture(), and the problem list, import and the CLI warn with departureWarnings().
import type { Attendance, MeetingDocument, Member } from '../format/meeting';
import { covers, proposeSubstitutes } from './presence';

type DepartureInput = Pick<MeetingDocument, 'attendance' | 'members'> & { paragraphs: readonly { number: number }[] };

export interface DepartureOffer {
  /** Whose seat is empty: the member (also when a substitute served in it and left). */
  seat: string;
  /** Who left: the member, or the substitute who served in the seat. */
  leaver: string;
  /** The last § the leaver served on. */
  lastServed: number;
  /** The first § the seat is empty. */
  from: number;
  /** The last § the proposed substitute would serve: the seat stays empty and they stay free through it. */
  to: number;
  /** Who the substitutes' order calls in. */
  substitute: string;
  /** Every substitute present and free at `from`, the proposal first, then in their order. */
  candidates: string[];
}

/** Who holds each seat on § n (seat → person), from the intervals; jäv is per § and not a departure. */
export function seatHolders(attendance: readonly Attendance[], n: number): Map<string, string> {
  const holders = new Map<string, string>();
  for (const a of attendance) {
    if (!covers(a, n)) continue;
    if (a.capacity === 'member' && !holders.has(a.person)) holders.set(a.person, a.person);
    if (a.capacity === 'substitute' && a.replaces !== undefined && !holders.has(a.replaces)) holders.set(a.replaces, a.person);
  }
  return holders;
}

/** Substitutes of the roster present at § n and holding no seat there. */
function freeSubstitutes(doc: DepartureInput, n: number): Member[] {
  const busy = new Set(doc.attendance.filter((a) => covers(a, n) && (a.capacity === 'member' || a.capacity === 'substitute')).map((a) => a.person));
  const present = new Set(doc.attendance.filter((a) => covers(a, n) && a.capacity === 'present').map((a) => a.person));
  const seen = new Set<string>();
  return doc.members.filter((m) => {
    if (m.role !== 'ersattare' || !present.has(m.person) || busy.has(m.person) || seen.has(m.person)) return false;
    seen.add(m.person);
    return true;
  });
}

/** The seat's member as the roster has them (a person outside the roster is a plain ledamot). */
function seatMember(doc: DepartureInput, seat: string): Member {
  return doc.members.find((m) => m.person === seat && m.role !== 'ersattare') ?? { person: seat, role: 'ledamot', termStart: '0001-01-01', termEnd: '9999-12-31' };
}

/**
 * Substitutes free at § `from` for `seat`: the one the order calls in first, then the rest in their
 * order. A personal substitute of another member serves only for that member (as in proposeSubstitutes).
 */
export function candidatesFor(doc: DepartureInput, seat: string, from: number): string[] {
  const free = freeSubstitutes(doc, from).filter((m) => m.substituteFor === undefined || m.substituteFor === seat);
  const proposal = proposeSubstitutes([seatMember(doc, seat), ...free], new Set(free.map((m) => m.person))).get(seat);
  const rest = free
    .filter((m) => m.person !== proposal)
    .sort((a, b) => (a.substituteOrder ?? Number.MAX_SAFE_INTEGER) - (b.substituteOrder ?? Number.MAX_SAFE_INTEGER))
    .map((m) => m.person);
  return proposal === undefined ? rest : [proposal, ...rest];
}

/**
 * The last § from `from` on where `seat` stays empty and `substitute` stays present and free —
 * how far a substitute called in at `from` serves. Null when they cannot serve at `from` at all.
 */
export function servingSpan(doc: DepartureInput, seat: string, from: number, substitute: string): number | null {
  const numbers = doc.paragraphs.map((p) => p.number);
  const start = numbers.indexOf(from);
  if (start < 0) return null;
  let to: number | null = null;
  for (const n of numbers.slice(start)) {
    if (seatHolders(doc.attendance, n).has(seat)) break;
    if (!freeSubstitutes(doc, n).some((m) => m.person === substitute)) break;
    to = n;
  }
  return to;
}

/**
 * Every seat left empty after a departure while a substitute was there to take it: per seat, each
 * run of §§ where it stays empty after its holder's serving period ended ("Till §") gives one
 * offer, at the first § of the run where a substitute is free — at once, or when one becomes free
 * (say, because the member they replaced came back).
 */
export function departureOffers(doc: DepartureInput): DepartureOffer[] {
  const numbers = doc.paragraphs.map((p) => p.number);
  const holders = numbers.map((n) => seatHolders(doc.attendance, n));
  const seats = new Set(holders.flatMap((h) => [...h.keys()]));
  const offers: DepartureOffer[] = [];
  for (const seat of seats) {
    // The departure the current empty run follows, once its holder's period ended there; null outside such a run.
    let run: { leaver: string; lastServed: number; offered: boolean } | null = null;
    for (let i = 1; i < numbers.length; i += 1) {
      const prev = numbers[i - 1] as number;
      const n = numbers[i] as number;
      if ((holders[i] as Map<string, string>).has(seat)) {
        run = null;
        continue;
      }
      const leaver = (holders[i - 1] as Map<string, string>).get(seat);
      if (leaver !== undefined) {
        // A departure recorded as such: the leaver's serving period in this seat ends at § prev.
        const ended = doc.attendance.some((a) => a.person === leaver && a.toParagraph === prev && (a.capacity === 'member' ? a.person === seat : a.capacity === 'substitute' && a.replaces === seat));
        run = ended ? { leaver, lastServed: prev, offered: false } : null;
      }
      if (run === null || run.offered) continue;
      const candidates = candidatesFor(doc, seat, n);
      const substitute = candidates[0];
      if (substitute === undefined) continue;
      run.offered = true;
      offers.push({ seat, leaver: run.leaver, lastServed: run.lastServed, from: n, to: servingSpan(doc, seat, n, substitute) ?? n, substitute, candidates });
    }
  }
  return offers.sort((a, b) => a.from - b.from);
}

/**
 * Takes an offer: `substitute` serves in `seat` from § `from` for as long as the seat stays empty
 * and they stay free (servingSpan), and is present, not serving, before and after — one change, so
 * the seat is never held twice and nobody else's attendance changes. Returns the attendance
 * unchanged when the substitute cannot serve at `from`.
 */
export function serveAfterDeparture(doc: DepartureInput, seat: string, from: number, substitute: string): Attendance[] {
  const numbers = doc.paragraphs.map((p) => p.number);
  const to = servingSpan(doc, seat, from, substitute);
  if (to === null) return [...doc.attendance];
  const at = (n: number) => numbers.indexOf(n);
  const last = numbers[numbers.length - 1];
  const out: Attendance[] = [];
  let inserted = false;
  for (const a of doc.attendance) {
    const start = a.fromParagraph === undefined ? 0 : at(a.fromParagraph);
    const end = a.toParagraph === undefined ? numbers.length - 1 : at(a.toParagraph);
    if (a.person !== substitute || a.capacity !== 'present' || end < at(from) || start > at(to)) {
      out.push(a);
      continue;
    }
    // This presence period meets the span: the part before stays, the span serves, the part after stays.
    const { fromTime, toTime, ...plain } = a;
    const beforePart = start < at(from);
    const afterPart = end > at(to);
    if (beforePart) out.push(withTimes({ ...plain, toParagraph: numbers[at(from) - 1] as number }, fromTime, undefined));
    if (!inserted) {
      const serving: Attendance = { person: substitute, capacity: 'substitute', replaces: seat, fromParagraph: from };
      if (to !== last) serving.toParagraph = to;
      out.push(withTimes(serving, beforePart ? undefined : fromTime, afterPart ? undefined : toTime));
      inserted = true;
    }
    if (afterPart) {
      const rest: Attendance = { ...plain, fromParagraph: numbers[at(to) + 1] as number };
      if (a.toParagraph === undefined) delete rest.toParagraph;
      out.push(withTimes(rest, undefined, toTime));
    }
  }
  return out;
}

function withTimes(a: Attendance, fromTime: string | undefined, toTime: string | undefined): Attendance {
  const r: Attendance = { ...a };
  delete r.fromTime;
  delete r.toTime;
  if (fromTime !== undefined) r.fromTime = fromTime;
  if (toTime !== undefined) r.toTime = toTime;
  return r;
}

/** The problem-list and CLI sentence for an offer not taken. */
export function departureWarning(o: DepartureOffer, names: (key: string) => string): string {
  const who = o.leaver === o.seat ? names(o.leaver) : `${names(o.leaver)} (ersättare för ${names(o.seat)})`;
  const span = o.from === o.to ? `§ ${o.from}` : `§§ ${o.from}–${o.to}`;
  return `${who} lämnade sammanträdet efter § ${o.lastServed} och platsen står tom på ${span}, fast ersättaren ${names(o.substitute)} var närvarande. Låt ${names(o.substitute)} tjänstgöra från § ${o.from} (Närvaro), eller ange ersättarens närvaro rätt.`;
}

export function departureWarnings(doc: DepartureInput, names: (key: string) => string): string[] {
  return departureOffers(doc).map((o) => departureWarning(o, names));
}
