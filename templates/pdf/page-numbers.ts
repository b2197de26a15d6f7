// Typesets the "n (N)" overlay (components/PageNumbers.tsx) for a document of `total` pages.
// The overlay depends on the total (and the test shift) only, so recent ones are kept.
import { renderToBuffer } from '@react-pdf/renderer';
import { PageNumbers } from '../components/PageNumbers';
import type { LayoutShift } from '../components/layout';
import { loadFonts } from '../fonts/register';

/** The last few overlays: a document typeset again (preview, then the final file) mostly keeps its page count. */
const recent = new Map<string, Uint8Array>();
const KEEP = 4;

export async function typesetPageNumbers(total: number, shift?: LayoutShift): Promise<Uint8Array> {
  const key = JSON.stringify([total, shift ?? null]);
  const hit = recent.get(key);
  if (hit !== undefined) return hit.slice();
  await loadFonts();
  const bytes = new Uint8Array(await renderToBuffer(PageNumbers({ total, ...(shift === undefined ? {} : { shift }) })));
  recent.set(key, bytes.slice());
  if (recent.size > KEEP) recent.delete(recent.keys().next().value as string);
  return bytes;
}
