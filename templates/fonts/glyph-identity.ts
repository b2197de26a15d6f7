// Makes the glyph objects of a loaded font a function of what was asked for, never of what the
// process asked for before.
//
// fontkit keeps one Glyph object per glyph id (`font.getGlyph(id, characters)` caches in
// `font._glyphs[id]`), and that object carries `codePoints`: the characters of the *first*
// request for that id. Later requests get the same object, whatever characters they ask for.
// The font subsetter asks with no characters at all: when a document (for Justera: each typeset
// part) ends, `TTFSubset.encode` adds the components of composite glyphs — "Ä" is "A" plus a
// dieresis, "Ö" is "O" plus a dieresis, "Å" is "A" plus a ring — through `getGlyph(id)`. If
// that is the first time the process meets "A" in that face, the cached "A" has
// `codePoints: []` for as long as the font stays loaded, and @react-pdf keeps loaded fonts for
// the whole process. From then on every "A" laid out in that face:
//   - maps to no character in the PDF's ToUnicode map (the text layer reads "vsnitt",
//     "Hemtjänst Norr B"), and
//   - shifts @react-pdf's glyph ↔ string index mapping (textkit counts `codePoints.length`),
//     so line breaks fall inside words ("up|pföljning") and lines run past the text column.
// So "Älven" in the front matter before the first capital "A" broke every later "A" of the
// document and of every document the process rendered after it.
//
// This wraps `getGlyph` so the glyph returned always carries the characters of the request:
// fontkit's own object when they agree, otherwise one made for exactly (id, characters) and
// kept for the next time. Metrics and outlines depend on the id only, so nothing else changes.

/** The parts of fontkit's Glyph this file relies on. */
interface Glyph {
  readonly id: number;
  readonly codePoints: readonly number[];
}
export interface GlyphFont {
  getGlyph(id: number, characters?: number[]): Glyph | null;
}
type GlyphClass = new (id: number, codePoints: number[], font: GlyphFont) => Glyph;

const KEYED = Symbol('justera.glyphIdentity');

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** Installs the keying on a fontkit font (once). */
export function installGlyphIdentity(font: GlyphFont): void {
  const marked = font as GlyphFont & { [KEYED]?: true };
  if (marked[KEYED]) return;
  marked[KEYED] = true;
  const original = font.getGlyph.bind(font);
  const variants = new Map<string, Glyph>();
  font.getGlyph = (id, characters = []) => {
    const glyph = original(id, characters);
    if (glyph === null || sameCodePoints(glyph.codePoints, characters)) return glyph;
    const key = `${id}:${characters.join(',')}`;
    let variant = variants.get(key);
    if (variant === undefined) {
      const Ctor = glyph.constructor as GlyphClass;
      variant = new Ctor(id, [...characters], font);
      variants.set(key, variant);
    }
    return variant;
  };
}

export function isGlyphFont(font: unknown): font is GlyphFont {
  return typeof font === 'object' && font !== null && typeof (font as { getGlyph?: unknown }).getGlyph === 'function';
}
