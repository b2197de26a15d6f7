// The signature dictionary (/Type /Sig) with fixed-width placeholders for /ByteRange and /Contents,
// and the patching of both once the update's final layout is known.
import { signingError } from './errors';
import { asciiBytes, pdfDate, pdfTextString, toHex } from './pdf-text';

export interface SignatureDictionaryInput {
  signerName: string;
  signingTime: Date;
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** Bytes reserved for the CMS; the hex placeholder is twice as long. */
  contentsSize: number;
}

const BYTE_RANGE_PLACEHOLDER = '[0 0000000000 0000000000 0000000000]';
const BYTE_RANGE_KEY = '/ByteRange ';
const CONTENTS_KEY = '/Contents ';

export function buildSignatureDictionary(input: SignatureDictionaryInput): Uint8Array {
  const optional = (key: string, value: string | undefined): string[] => (value ? [`/${key} ${pdfTextString(value)}`] : []);
  return asciiBytes(
    [
      '<<',
      '/Type /Sig',
      '/Filter /Adobe.PPKLite',
      '/SubFilter /ETSI.CAdES.detached',
      `${BYTE_RANGE_KEY}${BYTE_RANGE_PLACEHOLDER}`,
      `${CONTENTS_KEY}<${'0'.repeat(input.contentsSize * 2)}>`,
      `/M ${pdfTextString(pdfDate(input.signingTime))}`,
      `/Name ${pdfTextString(input.signerName)}`,
      ...optional('Reason', input.reason),
      ...optional('Location', input.location),
      ...optional('ContactInfo', input.contactInfo),
      '/Prop_Build << /App << /Name /Justera >> >>',
      '>>',
    ].join('\n'),
  );
}

export type ByteRange = [number, number, number, number];

function indexOf(haystack: Uint8Array, needle: string, from: number): number {
  return Buffer.from(haystack.buffer, haystack.byteOffset, haystack.byteLength).indexOf(needle, from, 'latin1');
}

/**
 * Writes the real /ByteRange into the placeholder (padding with spaces keeps every offset) and
 * returns it: everything but the /Contents hex string, angle brackets included.
 */
export function fillByteRange(pdf: Uint8Array, sigBodyOffset: number): { byteRange: ByteRange; contentsSize: number } {
  const br = indexOf(pdf, `${BYTE_RANGE_KEY}${BYTE_RANGE_PLACEHOLDER}`, sigBodyOffset);
  const contentsKey = indexOf(pdf, `${CONTENTS_KEY}<`, sigBodyOffset);
  if (br < 0 || contentsKey < 0) throw new Error('Platshållaren för signaturen saknas.');
  const start = contentsKey + CONTENTS_KEY.length;
  const end = indexOf(pdf, '>', start) + 1;
  const byteRange: ByteRange = [0, start, end, pdf.length - end];
  const text = `[${byteRange.join(' ')}]`.padEnd(BYTE_RANGE_PLACEHOLDER.length, ' ');
  if (text.length > BYTE_RANGE_PLACEHOLDER.length) throw new Error('Filen är för stor för signaturens ByteRange.');
  pdf.set(asciiBytes(text), br + BYTE_RANGE_KEY.length);
  return { byteRange, contentsSize: (end - start - 2) / 2 };
}

export function signedRanges(pdf: Uint8Array, [a, b, c, d]: ByteRange): Uint8Array[] {
  return [pdf.subarray(a, a + b), pdf.subarray(c, c + d)];
}

export function fillContents(pdf: Uint8Array, [, start]: ByteRange, contentsSize: number, cms: Uint8Array): void {
  if (cms.length > contentsSize) {
    throw signingError(
      'internal',
      'signature_too_large',
      'Signaturen blev större än det utrymme som reserverats i PDF-filen. Försök igen; kvarstår felet, kontakta IT-supporten.',
      { needed: cms.length, reserved: contentsSize },
    );
  }
  pdf.set(asciiBytes(toHex(cms).toUpperCase()), start + 1);
}
