// The signature dictionary (/Type /Sig) with the placeholders @signpdf/signpdf fills: /ByteRange
// [0 /********** …] (its DEFAULT_BYTE_RANGE_PLACEHOLDER) and a zero /Contents hex string.
import { DEFAULT_BYTE_RANGE_PLACEHOLDER } from '@signpdf/utils';
import { asciiBytes, pdfDate, pdfTextString } from './pdf-text';

export interface SignatureDictionaryInput {
  signerName: string;
  signingTime: Date;
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** Bytes reserved for the CMS; the hex placeholder is twice as long. */
  contentsSize: number;
}

const BYTE_RANGE_PLACEHOLDER = `[0 /${DEFAULT_BYTE_RANGE_PLACEHOLDER} /${DEFAULT_BYTE_RANGE_PLACEHOLDER} /${DEFAULT_BYTE_RANGE_PLACEHOLDER}]`;
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
