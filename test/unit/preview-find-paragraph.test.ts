// Finding the page a § starts on from the text items pdf.js reads out of the preview PDF.
import { describe, expect, it } from 'vitest';
import { findParagraphPage } from '../../renderer/features/preview/find-paragraph';

// Text items of a protocol's pages, as pdf.js gives them for the reference protocol.
const pages = [
  ['SAMMANTRÄDESPROTOKOLL', 'Justerade paragrafer', '20-26, varav 20-22 omedelbart justerade'],
  ['Närvarolista', 'Lena Goldkuhl', 'Jäv § 24'],
  ['§ 20', 'Beslut om tilldelning av ramavtal', '1 § LOU har löpt ut.'],
  ['fortsättning av § 20'],
  ['§ 22', 'Vid nämndens sammanträde 2017-09-06, § godkändes'],
  ['§ 23', 'med fokus på processer (se §23).'],
  ['§§ 24-26 behandlas i ett sammanhang', '§ 24 ', 'Beslut om inköp'],
  ['§ 25', 'Beslut dataskyddsombud', 'Bilaga till § 22'],
];

describe('findParagraphPage', () => {
  it.each([
    [20, 2],
    [22, 4],
    [23, 5],
    [24, 6],
    [25, 7],
  ])('§ %i starts on page index %i', (n, page) => {
    expect(findParagraphPage(pages, n)).toBe(page);
  });

  it('ignores references in running text, page ranges and longer numbers', () => {
    expect(findParagraphPage(pages, 2)).toBeNull();
    expect(findParagraphPage(pages, 26)).toBeNull();
  });

  it('falls back to a line that starts with the label when no item is the label alone', () => {
    expect(findParagraphPage([['inledning'], ['§ 7 Val av justerare']], 7)).toBe(1);
    expect(findParagraphPage([['§ 70 Något annat']], 7)).toBeNull();
  });
});
