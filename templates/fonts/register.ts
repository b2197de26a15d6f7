// Registers the bundled Liberation Sans with @react-pdf. Templates use only this family, so
// every glyph comes from an embedded font (no standard-14 Helvetica, as PDF/A requires).
import { Font } from '@react-pdf/renderer';
import { fileURLToPath } from 'node:url';

export const FONT_FAMILY = 'Liberation Sans';

const file = (name: string) => fileURLToPath(new URL(`./${name}`, import.meta.url));

let registered = false;

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
