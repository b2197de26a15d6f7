// Gives every embedded TrueType CID font subset a /CIDSet: the bit string of the CIDs its font
// program holds. PDF/A-2 only asks that a CIDSet, when present, be complete, but PDF/A-1 and
// several archive validators (PDFBox Preflight, veraPDF's PDF/A-1 profile) require one on every
// subset, and an archivist's tool should not stop at it. @react-pdf writes Identity CID-to-GID
// maps and renumbers a subset's glyphs 0…n-1, so the CIDs present are exactly 0…numGlyphs-1.
import * as fontkit from 'fontkit';
import { decodePDFRawStream, PDFDict, PDFName, PDFRawStream, type PDFDocument } from 'pdf-lib';

/** numGlyphs of a TrueType font program (its 'maxp' table, read by fontkit), or null when it cannot be read. */
export function trueTypeGlyphCount(font: Uint8Array): number | null {
  try {
    const f = fontkit.create(Buffer.from(font.buffer, font.byteOffset, font.byteLength));
    return 'numGlyphs' in f && Number.isInteger(f.numGlyphs) ? f.numGlyphs : null;
  } catch {
    return null;
  }
}

/** The CIDSet bytes marking the given CIDs: the high bit of the first byte is CID 0. */
export function cidSetOf(cids: Iterable<number>): Uint8Array {
  const list = [...cids];
  const bytes = new Uint8Array(Math.ceil((Math.max(-1, ...list) + 1) / 8));
  for (const cid of list) bytes[cid >> 3] = (bytes[cid >> 3] ?? 0) | (0x80 >> (cid & 7));
  return bytes;
}

/** The CIDSet bytes for CIDs 0…count-1. */
export function cidSetBits(count: number): Uint8Array {
  return cidSetOf(Array.from({ length: count }, (_, cid) => cid));
}

export function addCidSets(doc: PDFDocument): void {
  const ctx = doc.context;
  for (const [, obj] of ctx.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Subtype')) !== PDFName.of('CIDFontType2')) continue;
    const map = obj.get(PDFName.of('CIDToGIDMap'));
    if (map !== undefined && map !== PDFName.of('Identity')) continue;
    const descriptor = obj.lookupMaybe(PDFName.of('FontDescriptor'), PDFDict);
    if (descriptor === undefined || descriptor.has(PDFName.of('CIDSet'))) continue;
    const program = descriptor.lookup(PDFName.of('FontFile2'));
    if (!(program instanceof PDFRawStream)) continue;
    const count = trueTypeGlyphCount(decodePDFRawStream(program).decode());
    if (count === null || count === 0) continue;
    descriptor.set(PDFName.of('CIDSet'), ctx.register(ctx.flateStream(cidSetBits(count))));
  }
}
