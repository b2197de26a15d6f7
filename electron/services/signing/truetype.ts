// The signature appearance's font through fontkit (already in the tree through @react-pdf): metrics,
// cmap lookup and a glyph subset (Type0/Identity-H embeds a few kB instead of the whole font).
import * as fontkit from 'fontkit';
import { trueTypeGlyphCount } from '../../../templates/pdf/cidset';

export interface TrueTypeFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  bbox: [number, number, number, number];
  italicAngle: number;
  postscriptName: string;
  /** Glyph id for a Unicode code point; 0 (.notdef) when the font lacks it. */
  glyphFor(codePoint: number): number;
  /** Advance width in font units. */
  advance(gid: number): number;
  /**
   * A TrueType program with .notdef and these glyphs (and the parts of composite glyphs),
   * renumbered 0, 1, 2 … in order; `glyphCount` counts the program's glyphs, composite parts included.
   */
  subset(gids: Iterable<number>): { bytes: Uint8Array; newGid: Map<number, number>; glyphCount: number };
}

function fontError(what: string): Error {
  return new Error(`Typsnittet kan inte användas för signaturens utseende: ${what}.`);
}

/** Opens a TrueType font (.ttf) with fontkit; CFF-outlined or collection files are refused. */
export function openTrueType(bytes: Uint8Array): TrueTypeFont {
  let opened: ReturnType<typeof fontkit.create>;
  try {
    opened = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (e) {
    throw fontError(e instanceof Error ? e.message : String(e));
  }
  if (!('glyphForCodePoint' in opened)) throw fontError('en typsnittssamling (.ttc) stöds inte; ange en .ttf-fil');
  const font = opened;
  // A CFF (.otf) program would need FontFile3; the appearance embeds FontFile2 (TrueType outlines).
  if (!('glyf' in (font as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables)) throw fontError('endast TrueType-typsnitt (.ttf) stöds');
  const { minX, minY, maxX, maxY } = font.bbox;
  return {
    unitsPerEm: font.unitsPerEm,
    ascent: font.ascent,
    descent: font.descent,
    capHeight: font.capHeight,
    bbox: [minX, minY, maxX, maxY],
    italicAngle: font.italicAngle,
    postscriptName: font.postscriptName ?? 'Font',
    glyphFor: (codePoint) => (font.hasGlyphForCodePoint(codePoint) ? font.glyphForCodePoint(codePoint).id : 0),
    advance: (gid) => font.getGlyph(gid).advanceWidth,
    subset(gids) {
      const subset = font.createSubset();
      // .notdef stays glyph 0 (fontkit puts it first), so CID n of the appearance is glyph n.
      const newGid = new Map<number, number>([[0, 0]]);
      for (const gid of gids) if (!newGid.has(gid)) newGid.set(gid, subset.includeGlyph(gid));
      const bytes = new Uint8Array(subset.encode());
      const glyphCount = trueTypeGlyphCount(bytes);
      if (glyphCount === null) throw fontError('delmängden av typsnittet gick inte att läsa');
      return { bytes, newGid, glyphCount };
    },
  };
}
