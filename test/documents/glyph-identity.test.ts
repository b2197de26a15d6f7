// The root cause of issue 14 at its smallest: fontkit caches one Glyph object per glyph id
// with the code points of the first request, and the subsetter asks for the components of
// composite glyphs (Ä = A + dieresis) with none. After a subset holding "Ä" is written, every
// later "A" of that font object had `codePoints: []`: no text-layer character, and @react-pdf's
// glyph/string index mapping shifted (wrong line breaks). templates/fonts/glyph-identity.ts
// makes the glyph a function of the request.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Font as Fonts } from '@react-pdf/renderer';
import { installGlyphIdentity, type GlyphFont } from '../../templates/fonts/glyph-identity';
import { FONT_FAMILY, loadFonts } from '../../templates/fonts/register';

interface Glyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
  isMark: boolean;
  isLigature: boolean;
}
interface Font extends GlyphFont {
  glyphForCodePoint(cp: number): Glyph;
  layout(text: string): { glyphs: Glyph[] };
  createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array };
}

const fontkit = createRequire(import.meta.url)('fontkit') as { create(data: Uint8Array): unknown };
const FACES = ['Regular', 'Bold', 'Italic', 'BoldItalic'];

function open(face: string, keyed: boolean): Font {
  const file = fileURLToPath(new URL(`../../templates/fonts/LiberationSans-${face}.ttf`, import.meta.url));
  const font = fontkit.create(readFileSync(file)) as Font;
  if (keyed) installGlyphIdentity(font);
  return font;
}

/** Writes a subset holding the glyph of `char`, as pdfkit does at the end of a document. */
function writeSubsetWith(font: Font, char: string): void {
  const subset = font.createSubset();
  subset.includeGlyph(font.glyphForCodePoint(char.codePointAt(0) ?? 0).id);
  subset.encode();
}

const codePointsOf = (font: Font, text: string) =>
  font
    .layout(text)
    .glyphs.map((g) => String.fromCodePoint(...g.codePoints))
    .join('|');
const expected = (text: string) => [...text].join('|');

/** Composite letters of Swedish prose (and names) and the letters they are built on. */
const COMPOSITES: [string, string][] = [
  ['Ä', 'Avsnitt AB'],
  ['Å', 'Anna'],
  ['Ö', 'Ordföranden'],
  ['ä', 'av bara'],
  ['å', 'att'],
  ['ö', 'om'],
  ['é', 'ett'],
  ['ü', 'ur'],
  ['É', 'Ett'],
  ['Ü', 'Uppsala'],
];

describe('glyph objects after a subset with composite glyphs was written', () => {
  it('unpatched fontkit loses the code points of the base letter (the premise of the patch)', () => {
    const font = open('Regular', false);
    writeSubsetWith(font, 'Ä');
    expect(codePointsOf(font, 'Avsnitt')).toBe('|v|s|n|i|t|t');
  });

  it('with the patch every glyph carries the characters it was laid out for, in every face and order', () => {
    for (const face of FACES) {
      for (const [composite, later] of COMPOSITES) {
        const font = open(face, true);
        writeSubsetWith(font, composite);
        expect(codePointsOf(font, later), `${face}: ${composite} före ${later}`).toBe(expected(later));
        expect(codePointsOf(font, composite + later), face).toBe(expected(composite + later));
      }
    }
  });

  it('gives the same glyph data (metrics, flags) as fontkit does in a fresh process', () => {
    for (const face of FACES) {
      const fresh = open(face, false);
      const used = open(face, true);
      for (const [composite] of COMPOSITES) writeSubsetWith(used, composite);
      const text = 'Avsnitt Ordföranden Anna Ärla Östen Åsa Über é ü 0123 AB fi fl';
      const view = (g: Glyph) => [g.id, g.codePoints, g.advanceWidth, g.isMark, g.isLigature];
      expect(used.layout(text).glyphs.map(view), face).toEqual(fresh.layout(text).glyphs.map(view));
    }
  });

  it('keeps fontkit’s object when the request agrees, so nothing is rebuilt per character', () => {
    const font = open('Regular', true);
    const a = font.glyphForCodePoint(0x41);
    expect(font.glyphForCodePoint(0x41)).toBe(a);
    writeSubsetWith(font, 'Ä');
    expect(font.glyphForCodePoint(0x41)).toBe(a);
    const other = open('Regular', true);
    writeSubsetWith(other, 'Ä');
    const late = other.glyphForCodePoint(0x41);
    expect(late.codePoints).toEqual([0x41]);
    expect(other.glyphForCodePoint(0x41)).toBe(late);
  });

  it('loadFonts patches the four faces layout uses (bold ones too: @react-pdf resolves weights as numbers)', async () => {
    await loadFonts();
    const names = new Set<string>();
    for (const fontWeight of [400, 700]) {
      for (const fontStyle of ['normal', 'italic'] as const) {
        const font = Fonts.getFont({ fontFamily: FONT_FAMILY, fontWeight, fontStyle }).data as unknown as Font & { postscriptName: string };
        names.add(font.postscriptName);
        writeSubsetWith(font, 'Ü');
        writeSubsetWith(font, 'Ä');
        expect(codePointsOf(font, 'Uppsala Avsnitt'), `${fontWeight} ${fontStyle}`).toBe(expected('Uppsala Avsnitt'));
      }
    }
    expect([...names].sort()).toEqual(['LiberationSans', 'LiberationSans-Bold', 'LiberationSans-BoldItalic', 'LiberationSans-Italic']);
  });
});
