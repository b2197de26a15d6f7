// Typesets the "n (N)" overlay (components/PageNumbers.tsx) for a document of `total` pages.
import { renderToBuffer } from '@react-pdf/renderer';
import { PageNumbers } from '../components/PageNumbers';
import type { LayoutShift } from '../components/layout';
import { registerFonts } from '../fonts/register';

export async function typesetPageNumbers(total: number, shift?: LayoutShift): Promise<Uint8Array> {
  registerFonts();
  return new Uint8Array(await renderToBuffer(PageNumbers({ total, ...(shift === undefined ? {} : { shift }) })));
}
