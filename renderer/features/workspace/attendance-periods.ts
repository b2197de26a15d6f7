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

