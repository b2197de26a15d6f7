// PDF text strings and dates, written by hand because the signature dictionary is assembled byte by byte.

const latin1 = new TextDecoder('latin1');

/** Bytes of an ASCII/Latin-1 string; used for PDF syntax, which is byte-oriented. */
export function asciiBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

/** Latin-1 view of bytes, so byte offsets equal string indexes when searching PDF syntax. */
export function bytesToLatin1(bytes: Uint8Array): string {
  return latin1.decode(bytes);
}

/** A copy backed by a plain ArrayBuffer, as WebCrypto-typed APIs (pkijs, asn1js) require. */
export function owned(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(bytes);
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/[^0-9a-fA-F]/g, '');
  return new Uint8Array(Buffer.from(clean.length % 2 === 0 ? clean : `${clean}0`, 'hex'));
}

function isPlainAscii(s: string): boolean {
  return /^[\x20-\x7e]*$/.test(s);
}

/**
 * A PDF text string token. Plain ASCII stays a readable literal; anything else (å, ä, ö, é …)
 * becomes UTF-16BE with a byte order mark, the only encoding every reader agrees on. Raw UTF-8
 * in a literal would be read as PDFDocEncoding and show "Ã…sa".
 */
export function pdfTextString(s: string): string {
  if (isPlainAscii(s)) return `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
  const units = new Uint8Array(2 + s.length * 2);
  units[0] = 0xfe;
  units[1] = 0xff;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i); // UTF-16 code units, so surrogate pairs pass through intact
    units[2 + i * 2] = code >> 8;
    units[3 + i * 2] = code & 0xff;
  }
  return `<${toHex(units).toUpperCase()}>`;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** PDF date in UTC ("D:20201106130300Z"): no local offset to get wrong. */
export function pdfDate(d: Date): string {
  return `D:${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}` + `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** Parses "D:YYYYMMDDHHmmSS(Z|+HH'mm'|-HH'mm')" with the optional parts PDF allows. */
export function parsePdfDate(s: string): Date | null {
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?$/.exec(s.trim());
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', sign, oh = '00', om = '00'] = m;
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se));
  if (Number.isNaN(utc)) return null;
  const offsetMin = (Number(oh) * 60 + Number(om)) * (sign === '-' ? -1 : 1);
  return new Date(sign === '+' || sign === '-' ? utc - offsetMin * 60_000 : utc);
}
