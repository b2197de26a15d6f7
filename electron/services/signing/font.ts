// Finds the TrueType font for signature appearances: caller's bytes first, else a system font.
import { existsSync, readFileSync } from 'node:fs';
import { signingError } from './errors';
import { parseTrueType, type TrueTypeFont } from './truetype';

/** Fonts that cover Swedish and are TrueType-outlined, in order of preference. */
export const defaultFontPaths = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
  '/System/Library/Fonts/Supplemental/Arial.ttf',
  '/Library/Fonts/Arial.ttf',
];

export function loadAppearanceFont(bytes?: Uint8Array): TrueTypeFont {
  const tryParse = (b: Uint8Array, where: string): TrueTypeFont => {
    try {
      return parseTrueType(b);
    } catch (e) {
      throw signingError('validation', 'font_missing', `Typsnittet ${where} kan inte användas för signaturens utseende: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  if (bytes) return tryParse(bytes, 'som angavs');
  const path = defaultFontPaths.find((p) => existsSync(p));
  if (!path) {
    throw signingError(
      'validation',
      'font_missing',
      'Inget typsnitt hittades för signaturens synliga ruta. Installera DejaVu Sans (paketet fonts-dejavu-core) eller ange ett typsnitt i inställningarna.',
    );
  }
  return tryParse(new Uint8Array(readFileSync(path)), path);
}
