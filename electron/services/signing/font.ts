// The font for signature appearances: the caller's bytes, else the bundled Liberation Sans
// (templates/fonts, the font every document uses), else a system font that covers Swedish.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { signingError } from './errors';
import { openTrueType, type TrueTypeFont } from './truetype';

const LIBERATION = 'LiberationSans-Regular.ttf';

/** A path relative to this module, or null where the module has no file URL. */
function besideThis(rel: string): string | null {
  try {
    return fileURLToPath(new URL(rel, import.meta.url));
  } catch {
    return null;
  }
}

/**
 * Liberation Sans Regular as committed in templates/fonts (OFL) — beside the bundle, where
 * scripts/build-electron.mjs copies it, or in the source tree — first; system fonts after it.
 */
export const defaultFontPaths = [
  ...[besideThis(`./${LIBERATION}`), besideThis(`../../../templates/fonts/${LIBERATION}`)].filter((p): p is string => p !== null),
  '/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  'C:\\Windows\\Fonts\\arial.ttf',
  '/System/Library/Fonts/Supplemental/Arial.ttf',
  '/Library/Fonts/Arial.ttf',
];

export function loadAppearanceFont(bytes?: Uint8Array): TrueTypeFont {
  const open = (b: Uint8Array, where: string): TrueTypeFont => {
    try {
      return openTrueType(b);
    } catch (e) {
      throw signingError('validation', 'font_missing', `Typsnittet ${where} kan inte användas för signaturens utseende: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  if (bytes) return open(bytes, 'som angavs');
  const path = defaultFontPaths.find((p) => existsSync(p));
  if (!path) {
    throw signingError(
      'validation',
      'font_missing',
      'Inget typsnitt hittades för signaturens synliga ruta. Installera Justera på nytt (typsnittet Liberation Sans följer med) eller ange ett typsnitt.',
    );
  }
  return open(new Uint8Array(readFileSync(path)), path);
}
