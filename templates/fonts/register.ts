// Registers the bundled Liberation Sans with @react-pdf. Templates use only this family, so
// every glyph comes from an embedded font (no standard-14 Helvetica, as PDF/A requires).
import { Font } from '@react-pdf/renderer';
import { fileURLToPath } from 'node:url';
import { installPdfkitHooks } from '../pdf/pdfkit-hooks';
import { installLookupMemo, installShapingCache, type LookupFont, type ShapingFont } from './shaping-cache';

export const FONT_FAMILY = 'Liberation Sans';

const file = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));

let registered = false;

const FACES = [
  { fontWeight: 'normal', fontStyle: 'normal' },
  { fontWeight: 'bold', fontStyle: 'normal' },
  { fontWeight: 'normal', fontStyle: 'italic' },
  { fontWeight: 'bold', fontStyle: 'italic' },
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
 * Registers the fonts, loads the four faces and puts the word-shaping and lookup memos
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
    if (isShapingFont(font)) installShapingCache(font);
    if (isLookupFont(font)) installLookupMemo(font);
  }
}

function isLookupFont(font: unknown): font is LookupFont {
  return typeof font === 'object' && font !== null && typeof (font as { hasGlyphForCodePoint?: unknown }).hasGlyphForCodePoint === 'function' && typeof (font as { unitsPerEm?: unknown }).unitsPerEm === 'number';
}

function isShapingFont(font: unknown): font is ShapingFont {
  return typeof font === 'object' && font !== null && typeof (font as { layout?: unknown }).layout === 'function';
}
