// The third-party packages Justera's patches reach into, at the exact versions the patches were
// written and checked against. package.json pins them (dependencies and `overrides`), and
// test/documents/pinned-versions.test.ts fails as soon as an installed copy differs: read the
// patch again against the new version's source before changing a number here.
//
//   pdfkit          pdf/pdfkit-font-reuse.ts (PDFDocument.prototype.font, _font, _fontCount …),
//                   pdf/pdfkit-tagging.ts (save/restore/addNamedDestination/flushPages/annotate,
//                   page content buffers)
//   fontkit         fonts/glyph-identity.ts (Font#getGlyph, the Glyph constructor, the subsetter's
//                   use of getGlyph), fonts/shaping-cache.ts (Font#layout, GlyphRun/Position,
//                   unitsPerEm, hasGlyphForCodePoint)
//   @react-pdf/*    the calls the patches intercept: render draws text with `ctx.font(fontObject,
//                   size)` and encodes glyphs into the pdfkit subset itself; textkit maps glyphs
//                   to characters by `glyph.codePoints`; font keeps loaded fontkit fonts for the
//                   whole process (Font.getFont().data); layout drives both.
export const PATCHED_PACKAGES = {
  '@react-pdf/renderer': '4.9.0',
  '@react-pdf/render': '4.7.0',
  '@react-pdf/textkit': '7.0.1',
  '@react-pdf/font': '4.1.2',
  '@react-pdf/layout': '5.2.0',
  pdfkit: '0.20.1',
  fontkit: '2.0.4',
} as const;
