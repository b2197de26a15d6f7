// "Ny period" starts where the person's previous period ended, never overlapping it (an overlap is
// a presence conflict at once), with a sensible role: a member as member, a substitute as present.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttendanceRow } from '../../core/app/workspace/ports';
import { addPeriod, endSubstituteAtArrival, lateArrivals, type LateArrival } from '../../renderer/features/workspace/attendance-periods';
import { toAttendance } from '../../core/app/workspace/attendance';
import { conflictedParagraphs } from '../../core/domain/presence';
import type { Paragraph } from '../../core/format/meeting';

const numbers = [20, 21, 22, 23, 24, 25, 26];
const row = (p: Partial<AttendanceRow>): AttendanceRow => ({ personId: 'a', capacity: 'member', replacesPersonId: null, fromParagraph: null, toParagraph: null, note: null, ...p });

function covered(r: AttendanceRow): number[] {
  const from = r.fromParagraph === null ? 0 : numbers.indexOf(r.fromParagraph);
  const to = r.toParagraph === null ? numbers.length - 1 : numbers.indexOf(r.toParagraph);
  return numbers.slice(from, to + 1);
}

describe('addPeriod', () => {
  it('starts after a period that ends early, as member for a member', () => {
    const next = addPeriod([row({ toParagraph: 22 })], 0, 'member', numbers);
    expect(next).toEqual([row({ toParagraph: 22 }), row({ fromParagraph: 23 })]);
  });

  it('cuts a period running to the end before the last §, and a substitute continues as present', () => {
    const next = addPeriod([row({ capacity: 'substitute', replacesPersonId: 'm' })], 0, 'substitute', numbers);
    expect(next).toEqual([row({ capacity: 'substitute', replacesPersonId: 'm', toParagraph: 25 }), row({ capacity: 'present', fromParagraph: 26 })]);
  });

  it('never makes two periods of one person cover the same §', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.constantFrom('member' as const, 'substitute' as const), (a, b, kind) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const first = row({ fromParagraph: from === 0 ? null : (numbers[from] ?? null), toParagraph: to === 6 ? null : (numbers[to] ?? null) });
        const next = addPeriod([first, row({ personId: 'other' })], 0, kind, numbers);
        const mine = next.filter((r) => r.personId === 'a');
        const seen = mine.flatMap(covered);
        expect(new Set(seen).size).toBe(seen.length);
        expect(next.filter((r) => r.personId === 'other')).toHaveLength(1);
      }),
    );
  });
});

// A member who arrives late at § N while a substitute serves in their seat: the editor offers to
// end the substitute's service at § N−1; taking it leaves no contradiction in that seat and keeps
// the substitute present (not serving) from § N.
describe('lateArrivals and endSubstituteAtArrival', () => {
  const sub = (p: Partial<AttendanceRow>) => row({ personId: 's', capacity: 'substitute', replacesPersonId: 'm', ...p });
  const member = (p: Partial<AttendanceRow>) => row({ personId: 'm', ...p });
  const presence = (rows: AttendanceRow[]) => ({ attendance: rows.map(toAttendance), paragraphs: numbers.map((number) => ({ number, jav: [] })) as unknown as Paragraph[] });

  it('offers ending the substitute who served until the member came, and takes it in one change', () => {
    const rows = [member({ fromParagraph: 23 }), sub({ note: 'för m' })];
    const offers = lateArrivals(rows, numbers);
    expect(offers).toEqual([{ member: 'm', substitute: 's', at: 23, lastServed: 22 }]);
    expect(conflictedParagraphs(presence(rows))).toEqual(new Set([23, 24, 25, 26]));
    const next = endSubstituteAtArrival(rows, offers[0] as LateArrival);
    expect(next).toEqual([member({ fromParagraph: 23 }), sub({ note: 'för m', toParagraph: 22 }), row({ personId: 's', capacity: 'present', fromParagraph: 23 })]);
    expect(conflictedParagraphs(presence(next)).size).toBe(0);
    expect(lateArrivals(next, numbers)).toEqual([]);
  });

  it('offers nothing for a member there from the start, or a substitute who started at the arrival or ended before it', () => {
    expect(lateArrivals([member({}), sub({})], numbers)).toEqual([]);
    expect(lateArrivals([member({ fromParagraph: 23 }), sub({ toParagraph: 22 })], numbers)).toEqual([]);
    expect(lateArrivals([member({ fromParagraph: 23 }), sub({ fromParagraph: 23 })], numbers)).toEqual([]);
    expect(lateArrivals([member({ fromParagraph: 23 }), sub({ replacesPersonId: 'other' })], numbers)).toEqual([]);
  });

  it('leaves no seat conflict at the arrival and changes nobody else, whatever the periods', () => {
    const idx = fc.integer({ min: 0, max: numbers.length - 1 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: numbers.length - 1 }), idx, idx, fc.boolean(), (arrive, a, b, otherFirst) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        const at = numbers[arrive] as number;
        const rows = [
          member({ fromParagraph: at }),
          sub({ fromParagraph: from === 0 ? null : (numbers[from] ?? null), toParagraph: to === numbers.length - 1 ? null : (numbers[to] ?? null) }),
          row({ personId: 'x', capacity: 'member' }),
        ];
        if (otherFirst) rows.reverse();
        // Offered exactly when the substitute began before the arrival and is still down for it.
        expect(lateArrivals(rows, numbers).length).toBe(from < arrive && to >= arrive ? 1 : 0);
        for (const offer of lateArrivals(rows, numbers)) {
          const next = endSubstituteAtArrival(rows, offer);
          const conflicts = conflictedParagraphs(presence(next));
          for (const n of numbers) if (n >= at) expect(conflicts.has(n)).toBe(false);
          // The substitute still serves before the arrival wherever they did, and is present from it.
          const served = (rs: AttendanceRow[], n: number) => rs.some((r) => r.personId === 's' && r.capacity === 'substitute' && toAttendanceCovers(r, n));
          for (const n of numbers) if (n < at) expect(served(next, n)).toBe(served(rows, n));
          expect(next.filter((r) => r.personId !== 's')).toEqual(rows.filter((r) => r.personId !== 's'));
        }
      }),
    );
  });
});

function toAttendanceCovers(r: AttendanceRow, n: number): boolean {
  return (r.fromParagraph === null || r.fromParagraph <= n) && (r.toParagraph === null || n <= r.toParagraph);
}
