// "Ny period" starts where the person's previous period ended, never overlapping it (an overlap is
// a presence conflict at once), with a sensible role: a member as member, a substitute as present.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttendanceRow } from '../../core/app/workspace/ports';
import { addPeriod } from '../../renderer/features/workspace/attendance-periods';

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
