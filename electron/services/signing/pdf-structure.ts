// Reads a PDF's header, last startxref and trailer: enough to append a correct incremental update.
import { PDFArray, PDFContext, PDFDict, PDFName, PDFNumber, PDFObject, PDFObjectParser, PDFRawStream, PDFRef } from 'pdf-lib';
import { isAppError } from '../../../core/api/errors';
import { signingError } from './errors';
import { bytesToLatin1 } from './pdf-text';

export interface TrailerInfo {
  /** The kind of the last cross-reference section; the update writes the same kind. */
  xrefKind: 'table' | 'stream';
  startxref: number;
  size: number;
  root: PDFRef;
  info?: PDFRef;
  id?: [PDFObject, PDFObject];
}

const notPdf = () => signingError('validation', 'not_pdf', 'Filen är inte en PDF. Välj protokollets PDF-fil och försök igen.');
const truncated = () =>
  signingError('validation', 'truncated_pdf', 'PDF-filen är ofullständig eller skadad (slutet saknas). Hämta filen på nytt, t.ex. exportera protokollet igen, och försök sedan igen.');

export function assertPdfHeader(bytes: Uint8Array): void {
  const head = bytesToLatin1(bytes.subarray(0, 1024));
  if (!head.includes('%PDF-')) throw notPdf();
}

/** Offset of the last "startxref" value, or throws when the file does not end like a PDF. */
function lastStartxref(bytes: Uint8Array): number {
  const tailStart = Math.max(0, bytes.length - 2048);
  const tail = bytesToLatin1(bytes.subarray(tailStart));
  const eof = tail.lastIndexOf('%%EOF');
  // A file cut short loses its final %%EOF; only trailing whitespace (or NUL padding) may follow it.
  if (
    eof < 0 ||
    tail
      .slice(eof + 5)
      .replace(/\0/g, '')
      .trim() !== ''
  )
    throw truncated();
  const sx = tail.lastIndexOf('startxref', eof);
  if (sx < 0) throw truncated();
  const m = /^startxref\s+(\d+)\s+%%EOF/.exec(tail.slice(sx));
  if (!m?.[1]) throw truncated();
  const offset = Number(m[1]);
  if (!Number.isSafeInteger(offset) || offset >= bytes.length) throw truncated();
  return offset;
}

function parseObjectAt(bytes: Uint8Array, offset: number): PDFObject {
  return PDFObjectParser.forBytes(bytes.subarray(offset), PDFContext.create()).parseObject();
}

export function readTrailer(bytes: Uint8Array): TrailerInfo {
  assertPdfHeader(bytes);
  const startxref = lastStartxref(bytes);
  const at = bytesToLatin1(bytes.subarray(startxref, startxref + 64));
  let dict: PDFDict;
  let xrefKind: TrailerInfo['xrefKind'];
  try {
    if (at.startsWith('xref')) {
      xrefKind = 'table';
      const rest = bytesToLatin1(bytes.subarray(startxref));
      const t = rest.indexOf('trailer');
      if (t < 0) throw truncated();
      const obj = parseObjectAt(bytes, startxref + t + 'trailer'.length);
      if (!(obj instanceof PDFDict)) throw truncated();
      dict = obj;
    } else {
      const m = /^(\d+)\s+(\d+)\s+obj/.exec(at);
      if (!m) throw truncated();
      xrefKind = 'stream';
      const obj = parseObjectAt(bytes, startxref + m[0].length);
      if (!(obj instanceof PDFRawStream) || obj.dict.get(PDFName.of('Type')) !== PDFName.of('XRef')) throw truncated();
      dict = obj.dict;
    }
  } catch (e) {
    if (isAppError(e)) throw e;
    throw truncated();
  }
  if (dict.has(PDFName.of('Encrypt'))) {
    throw signingError('validation', 'encrypted_pdf', 'PDF-filen är krypterad eller lösenordsskyddad och kan inte signeras. Använd en oskyddad version av protokollet.');
  }
  const size = dict.get(PDFName.of('Size'));
  const root = dict.get(PDFName.of('Root'));
  if (!(size instanceof PDFNumber) || !(root instanceof PDFRef)) throw truncated();
  const info = dict.get(PDFName.of('Info'));
  const idArr = dict.get(PDFName.of('ID'));
  const id0 = idArr instanceof PDFArray ? idArr.get(0) : undefined;
  const id1 = idArr instanceof PDFArray ? idArr.get(1) : undefined;
  return {
    xrefKind,
    startxref,
    size: size.asNumber(),
    root,
    info: info instanceof PDFRef ? info : undefined,
    id: id0 && id1 ? [id0, id1] : undefined,
  };
}

/** True when the covered prefix ends like a complete revision ("%%EOF" and optional EOL). */
export function endsWithEof(bytes: Uint8Array, length: number): boolean {
  const tail = bytesToLatin1(bytes.subarray(Math.max(0, length - 16), length));
  return /%%EOF\s*$/.test(tail);
}
