import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adjustedParagraphsLine, formatRanges, nextParagraphNumber, paragraphLabel, parseRanges } from '../../core/domain/numbering';

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
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 40 }), (xs) => {
      expect(parseRanges(formatRanges(xs))).toEqual([...new Set(xs)].sort((a, b) => a - b));
    }));
  });

  it('the next meeting starts after the last number used that year', () => {
    expect(nextParagraphNumber([])).toBe(1);
    expect(nextParagraphNumber([1, 2, 19])).toBe(20);
  });
});
