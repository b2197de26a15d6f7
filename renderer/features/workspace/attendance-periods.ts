// Attendance periods ("Från §"/"Till §") as the editor adds them: pure, so they are tested alone.
import type { AttendanceRow } from '../../../core/app/workspace/ports';

/**
 * A new period of attendance for the person of row `i`: it starts on the § after the person's last
 * period ends (a period running to the end is cut before the last § first), so the two never
 * overlap; a substitute's next period is as present (not serving), a member's as member.
 */
export function addPeriod(rows: readonly AttendanceRow[], i: number, kind: 'member' | 'substitute' | 'official' | 'other', numbers: readonly number[]): AttendanceRow[] {
  const row = rows[i];
  if (row === undefined || numbers.length < 2) return [...rows];
  const own = rows.map((r, j) => ({ r, j })).filter((x) => x.r.personId === row.personId);
  const endIndex = (r: AttendanceRow) => (r.toParagraph === null ? numbers.length - 1 : numbers.indexOf(r.toParagraph));
  const last = own.reduce((a, b) => (endIndex(b.r) > endIndex(a.r) ? b : a));
  let next = [...rows];
  let start = endIndex(last.r) + 1;
  if (start >= numbers.length) {
    // The last period runs to the end: it ends one § earlier, if it has room to.
    const from = last.r.fromParagraph === null ? 0 : numbers.indexOf(last.r.fromParagraph);
    if (from >= numbers.length - 1) return next;
    next = next.map((r, j) => (j === last.j ? { ...r, toParagraph: numbers[numbers.length - 2] ?? null } : r));
    start = numbers.length - 1;
  }
  const capacity: AttendanceRow['capacity'] = kind === 'member' ? 'member' : kind === 'official' ? 'official' : 'present';
  return [...next, { personId: row.personId, capacity, replacesPersonId: null, fromParagraph: numbers[start] ?? null, toParagraph: null, note: null }];
}

/** A member arrived at § `at` while a substitute served in their seat there: the substitute's service should end. */
export interface LateArrival {
  member: string;
  substitute: string;
  /** The § the member arrived at (their period's "Från §"). */
  at: number;
  /** The last § the substitute serves on once the offer is taken. */
  lastServed: number;
}

/**
 * Late arrivals the editor offers to settle: a member's period starts at § N after the first §,
 * and a substitute who took that member's seat before § N is still down as serving on § N (a seat
 * conflict). One offer per such substitute period.
 */
export function lateArrivals(rows: readonly AttendanceRow[], numbers: readonly number[]): LateArrival[] {
  const offers: LateArrival[] = [];
  for (const m of rows) {
    if (m.capacity !== 'member' || m.fromParagraph === null) continue;
    const at = numbers.indexOf(m.fromParagraph);
    if (at <= 0) continue;
    const n = m.fromParagraph;
    const lastServed = numbers[at - 1] as number;
    for (const s of rows) {
      if (s.capacity !== 'substitute' || s.replacesPersonId !== m.personId) continue;
      const startsBefore = s.fromParagraph === null || s.fromParagraph < n;
      const stillThere = s.toParagraph === null || s.toParagraph >= n;
      if (startsBefore && stillThere && !offers.some((o) => o.member === m.personId && o.substitute === s.personId)) {
        offers.push({ member: m.personId, substitute: s.personId, at: n, lastServed });
      }
    }
  }
  return offers;
}

/**
 * Takes a late-arrival offer: the substitute serves up to the § before the member arrived and is
 * present (not serving) from there for as long as they were down to serve — one change, so the
 * seat never has two people on it.
 */
export function endSubstituteAtArrival(rows: readonly AttendanceRow[], offer: LateArrival): AttendanceRow[] {
  const i = rows.findIndex(
    (s) =>
      s.personId === offer.substitute &&
      s.capacity === 'substitute' &&
      s.replacesPersonId === offer.member &&
      (s.fromParagraph === null || s.fromParagraph < offer.at) &&
      (s.toParagraph === null || s.toParagraph >= offer.at),
  );
  const s = rows[i];
  if (s === undefined) return [...rows];
  const next = rows.map((r, j) => (j === i ? { ...r, toParagraph: offer.lastServed } : r));
  // Still present from the member's arrival, unless another period of theirs already covers it.
  const covered = rows.some((r, j) => j !== i && r.personId === s.personId && (r.fromParagraph === null || r.fromParagraph <= offer.at) && (r.toParagraph === null || r.toParagraph >= offer.at));
  if (!covered) next.splice(i + 1, 0, { personId: s.personId, capacity: 'present', replacesPersonId: null, fromParagraph: offer.at, toParagraph: s.toParagraph, note: null });
  return next;
}
