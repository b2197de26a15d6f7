import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adjustedParagraphsLine, formatRanges, nextParagraphNumber, numberOrderProblem, numberSlot, paragraphLabel, parseRanges } from '../../core/domain/numbering';

describe('§ numbers', () => {
  it.each([
    [[20, 21, 22, 23, 24, 25, 26], '20-26'],
    [[20, 22], '20, 22'],
    [[26, 20, 21, 21, 24], '20-21, 24, 26'],
    [[7], '7'],
    [[], ''],
  ])('formatRanges(%j) = %s', (input, out) => expect(formatRanges(input)).toBe(out));

  it('labels one or many', () => {
    expect(paragraphLabel([20])).toBe('§ 20');
    expect(paragraphLabel([20, 21, 22])).toBe('§§ 20-22');
  });

  it('prints the "Justerade paragrafer" line of the reference', () => {
    expect(adjustedParagraphsLine([20, 21, 22, 23, 24, 25, 26], [20, 21, 22])).toBe('20-26, varav 20-22 omedelbart justerade');
    expect(adjustedParagraphsLine([1, 2], [])).toBe('1-2');
    expect(adjustedParagraphsLine([1, 2], [2])).toBe('1-2, varav 2 omedelbart justerad');
  });

  it('parses ranges and rejects junk', () => {
    expect(parseRanges('20-22')).toEqual([20, 21, 22]);
    expect(parseRanges('20, 23–24')).toEqual([20, 23, 24]);
    expect(parseRanges('22-20')).toBeNull();
    expect(parseRanges('x')).toBeNull();
  });

  it('parse(format(xs)) gives the sorted unique numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 40 }), (xs) => {
        expect(parseRanges(formatRanges(xs))).toEqual([...new Set(xs)].sort((a, b) => a - b));
      }),
    );
  });

  it('the next meeting starts after the last number used that year', () => {
    expect(nextParagraphNumber([])).toBe(1);
    expect(nextParagraphNumber([1, 2, 19])).toBe(20);
  });
});

describe('§ numbers run on in date order within a board-year (issue 15)', () => {
  const used = [
    ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => ({ number: n, meetingId: 'feb', meetingDate: '2026-02-10' })),
    ...[12, 13, 14, 15, 16].map((n) => ({ number: n, meetingId: 'mar', meetingDate: '2026-03-12' })),
  ];
  it('refuses § 3 at a later meeting and says which number is next', () => {
    expect(numberOrderProblem(used, null, '2026-04-09', [3, 4])).toBe(
      '§ 3 används redan av sammanträdet 2026-02-10. Paragrafnummer löper över året och får aldrig användas två gånger; nästa lediga nummer är 17.',
    );
    expect(
      numberOrderProblem(
        used.filter((u) => u.number !== 3),
        null,
        '2026-04-09',
        [3],
      ),
    ).toBe('§ 3 bryter numreringen: det tidigare sammanträdet 2026-03-12 har redan § 16, och paragrafnumren löper i datumordning över året. Nästa lediga nummer är 17.');
    expect(numberOrderProblem(used, null, '2026-04-09', [17, 18])).toBeNull();
  });
  it('a meeting between two others must fit below the later one', () => {
    const sparse = used.filter((u) => u.meetingId === 'feb').concat([{ number: 20, meetingId: 'mar', meetingDate: '2026-03-12' }]);
    expect(numberSlot(sparse, null, '2026-02-24').next).toBe(12);
    expect(numberOrderProblem(sparse, null, '2026-02-24', [12, 13])).toBeNull();
    expect(numberOrderProblem(sparse, null, '2026-02-24', [19, 20, 21])).toMatch(/^§ 20 används redan/);
    expect(numberOrderProblem(sparse, null, '2026-02-24', [18, 19, 25])).toMatch(/^§ 25 bryter numreringen: det senare sammanträdet 2026-03-12 börjar på § 20/);
  });
  it('property: the proposed next number always fits after the earlier meetings and the same meeting may keep its own numbers', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { maxLength: 30 }), fc.integer({ min: 1, max: 28 }), (numbers, day) => {
        // Numbers assigned in date order: the k-th smallest at the k-th meeting date.
        const sorted = [...numbers].sort((a, b) => a - b);
        const list = sorted.map((n, i) => ({ number: n, meetingId: `m${i}`, meetingDate: `2026-01-${String(1 + Math.floor((i * 28) / Math.max(1, sorted.length))).padStart(2, '0')}` }));
        const date = `2026-02-${String(day).padStart(2, '0')}`;
        const { next } = numberSlot(list, null, date);
        return numberOrderProblem(list, null, date, [next, next + 1]) === null && list.every((u) => numberOrderProblem(list, u.meetingId, u.meetingDate, [u.number]) === null);
      }),
    );
  });
});
