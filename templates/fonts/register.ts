// Registers the bundled Liberation Sans with @react-pdf. Templates use only this family, so
// every glyph comes from an embedded font (no standard-14 Helvetica, as PDF/A requires).
import { Font } from '@react-pdf/renderer';
import { fileURLToPath } from 'node:url';
import { installPdfkitHooks } from '../pdf/pdfkit-hooks';
import { installGlyphIdentity, isGlyphFont } from './glyph-identity';
import { installLookupMemo, installShapingCache, type LookupFont, type ShapingFont } from './shaping-cache';

export const FONT_FAMILY = 'Liberation Sans';

const file = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));

let registered = false;

// Numeric weights, as @react-pdf's layout asks for them: FontFamily.resolve finds no exact fit
// for the string 'bold' and falls back to the 400 face, so with 'bold' here the bold faces
// were never loaded or patched (glyph identity, memos) before layout loaded them on its own.
const FACES = [
  { fontWeight: 400, fontStyle: 'normal' },
  { fontWeight: 700, fontStyle: 'normal' },
  { fontWeight: 400, fontStyle: 'italic' },
  { fontWeight: 700, fontStyle: 'italic' },
] as const;

export function registerFonts(): void {
  if (registered) return;
  registered = true;
  Font.register({
    family: FONT_FAMILY,
    fonts: [
      { src: file('LiberationSans-Regular.ttf'), fontWeight: 'normal', fontStyle: 'normal' },
      { src: file('LiberationSans-Bold.ttf'), fontWeight: 'bold', fontStyle: 'normal' },
      { src: file('LiberationSans-Italic.ttf'), fontWeight: 'normal', fontStyle: 'italic' },
      { src: file('LiberationSans-BoldItalic.ttf'), fontWeight: 'bold', fontStyle: 'italic' },
    ],
  });
  // The default hyphenation is English; Swedish words would be split in wrong places.
  // Long compounds wrap whole instead, which left-aligned text absorbs.
  Font.registerHyphenationCallback((word) => [word]);
}

/**
 * Registers the fonts, loads the four faces, makes their glyph objects independent of what was
 * laid out before (glyph-identity.ts) and puts the word-shaping and lookup memos
 * (shaping-cache.ts) on them. Cheap after the first call; @react-pdf may drop loaded fonts (Font.reset), so the
 * memo is checked every time.
 */
export async function loadFonts(): Promise<void> {
  registerFonts();
  installPdfkitHooks();
  for (const face of FACES) {
    const descriptor = { fontFamily: FONT_FAMILY, ...face };
    await Font.load(descriptor);
    const font: unknown = Font.getFont(descriptor).data;
    // First: the glyph objects everything else hands around (glyph-identity.ts).
    if (isGlyphFont(font)) installGlyphIdentity(font);
    if (isShapingFont(font)) installShapingCache(font);
    if (isLookupFont(font)) installLookupMemo(font);
  }
}

function isLookupFont(font: unknown): font is LookupFont {
  return (
    typeof font === 'object' &&
    font !== null &&
    typeof (font as { hasGlyphForCodePoint?: unknown }).hasGlyphForCodePoint === 'function' &&
    typeof (font as { unitsPerEm?: unknown }).unitsPerEm === 'number'
  );
}

function isShapingFont(font: unknown): font is ShapingFont {
  return typeof font === 'object' && font !== null && typeof (font as { layout?: unknown }).layout === 'function';
}
