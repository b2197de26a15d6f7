// CIDSet bits and the glyph count read from a TrueType font's maxp table.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cidSetBits, trueTypeGlyphCount } from '../../templates/pdf/cidset';

describe('CIDSet', () => {
  it('sets the first n bits, high bit first', () => {
    expect([...cidSetBits(1)]).toEqual([0x80]);
    expect([...cidSetBits(8)]).toEqual([0xff]);
    expect([...cidSetBits(11)]).toEqual([0xff, 0xe0]);
    expect(cidSetBits(0).length).toBe(0);
  });

  it('reads numGlyphs from the shipped Liberation Sans, and refuses what is not a font', () => {
    const dir = fileURLToPath(new URL('../../templates/fonts/', import.meta.url));
    const file = readdirSync(dir).find((f) => /Regular\.ttf$/.test(f));
    expect(file).toBeDefined();
    const font = new Uint8Array(readFileSync(`${dir}${file}`));
    // Liberation Sans 2.x holds well over two thousand glyphs (Latin, Greek, Cyrillic).
    expect(trueTypeGlyphCount(font)).toBeGreaterThan(2000);
    expect(trueTypeGlyphCount(new Uint8Array(8))).toBeNull();
    expect(trueTypeGlyphCount(new TextEncoder().encode('inte ett typsnitt, bara text'))).toBeNull();
  });
});
