// A small PDF object parser of our own, for reading a file the way a PDF reader does: every object at
// the byte offset its cross-reference names, with positions kept (pdf-lib parses one merged view).
import { inflateSync } from 'node:zlib';

export class PdfName {
  constructor(readonly name: string) {}
}
export class PdfString {
  /** Raw bytes as a latin1 string. */
  constructor(
    readonly bytes: string,
    readonly hex: boolean,
  ) {}
}
export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
export class PdfDict {
  readonly map = new Map<string, PdfValue>();
  /** Byte span of each value, when parsed from the file (used for /Contents and /ByteRange). */
  readonly spans = new Map<string, [number, number]>();
  get(key: string): PdfValue | undefined {
    return this.map.get(key);
  }
  has(key: string): boolean {
    return this.map.has(key);
  }
}
export type PdfValue = null | boolean | number | PdfName | PdfString | PdfRef | PdfDict | PdfValue[];

export interface PdfStream {
  dict: PdfDict;
  /** Raw (encoded) data. */
  data: Uint8Array;
}

export interface ParsedObject {
  num: number;
  gen: number;
  /** Offset of "N G obj" (or, in an object stream, of the object inside the decoded stream). */
  offset: number;
  value: PdfValue;
  stream?: PdfStream;
  /** Offset just after "endobj" (or after the value when endobj is missing). */
  end: number;
}

export class PdfSyntaxError extends Error {}

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);
const isRegular = (c: number | undefined): boolean => c !== undefined && !WS.has(c) && !DELIM.has(c);

export class Lexer {
  pos: number;
  constructor(
    readonly b: Uint8Array,
    pos = 0,
  ) {
    this.pos = pos;
  }

  skipWs(): void {
    const b = this.b;
    for (;;) {
      const c = b[this.pos];
      if (c === undefined) return;
      if (WS.has(c)) this.pos++;
      else if (c === 0x25) {
        while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else return;
    }
  }

  /** A regular token (number, keyword) without consuming it when `peek`. */
  word(peek = false): string {
    this.skipWs();
    let end = this.pos;
    while (isRegular(this.b[end])) end++;
    let s = '';
    for (let i = this.pos; i < end; i++) s += String.fromCharCode(this.b[i] ?? 0);
    if (!peek) this.pos = end;
    return s;
  }

  private literal(): PdfString {
    const b = this.b;
    let depth = 1;
    let out = '';
    this.pos++;
    while (this.pos < b.length) {
      const c = b[this.pos++] ?? 0;
      if (c === 0x5c) {
        const n = b[this.pos++] ?? 0;
        const map: Record<number, string> = { 0x6e: '\n', 0x72: '\r', 0x74: '\t', 0x62: '\b', 0x66: '\f', 0x28: '(', 0x29: ')', 0x5c: '\\' };
        if (map[n] !== undefined) out += map[n];
        else if (n >= 0x30 && n <= 0x37) {
          let oct = n - 0x30;
          for (let k = 0; k < 2 && (b[this.pos] ?? 0) >= 0x30 && (b[this.pos] ?? 0) <= 0x37; k++) oct = oct * 8 + ((b[this.pos++] ?? 0) - 0x30);
          out += String.fromCharCode(oct & 0xff);
        } else if (n === 0x0d) {
          if (b[this.pos] === 0x0a) this.pos++;
        } else if (n !== 0x0a) out += String.fromCharCode(n);
      } else if (c === 0x28) {
        depth++;
        out += '(';
      } else if (c === 0x29) {
        if (--depth === 0) return new PdfString(out, false);
        out += ')';
      } else out += String.fromCharCode(c);
    }
    throw new PdfSyntaxError('unterminated string');
  }

  private hexString(): PdfString {
    const b = this.b;
    this.pos++;
    let digits = '';
    while (this.pos < b.length && b[this.pos] !== 0x3e) {
      const c = b[this.pos++] ?? 0;
      if (WS.has(c)) continue;
      const ch = String.fromCharCode(c);
      if (!/[0-9a-fA-F]/.test(ch)) throw new PdfSyntaxError('bad hex string');
      digits += ch;
    }
    if (this.pos >= b.length) throw new PdfSyntaxError('unterminated hex string');
    this.pos++;
    if (digits.length % 2) digits += '0';
    let out = '';
    for (let i = 0; i < digits.length; i += 2) out += String.fromCharCode(parseInt(digits.slice(i, i + 2), 16));
    return new PdfString(out, true);
  }

  private name(): PdfName {
    this.pos++;
    let s = '';
    while (isRegular(this.b[this.pos])) {
      const c = this.b[this.pos++] ?? 0;
      if (c === 0x23 && /^[0-9a-fA-F]{2}$/.test(String.fromCharCode(this.b[this.pos] ?? 0, this.b[this.pos + 1] ?? 0))) {
        s += String.fromCharCode(parseInt(String.fromCharCode(this.b[this.pos] ?? 0, this.b[this.pos + 1] ?? 0), 16));
        this.pos += 2;
      } else s += String.fromCharCode(c);
    }
    return new PdfName(s);
  }

  value(depth = 0): PdfValue {
    if (depth > 200) throw new PdfSyntaxError('nesting too deep');
    this.skipWs();
    const b = this.b;
    const c = b[this.pos];
    if (c === undefined) throw new PdfSyntaxError('unexpected end');
    if (c === 0x2f) return this.name();
    if (c === 0x28) return this.literal();
    if (c === 0x3c && b[this.pos + 1] === 0x3c) {
      this.pos += 2;
      const dict = new PdfDict();
      for (;;) {
        this.skipWs();
        if (b[this.pos] === 0x3e && b[this.pos + 1] === 0x3e) {
          this.pos += 2;
          return dict;
        }
        if (b[this.pos] !== 0x2f) throw new PdfSyntaxError('dictionary key expected');
        const key = this.name().name;
        this.skipWs();
        const start = this.pos;
        const v = this.value(depth + 1);
        if (v !== null) {
          dict.map.set(key, v);
          dict.spans.set(key, [start, this.pos]);
        } else dict.map.delete(key); // a null value is the same as an absent key
      }
    }
    if (c === 0x3c) return this.hexString();
    if (c === 0x5b) {
      this.pos++;
      const arr: PdfValue[] = [];
      for (;;) {
        this.skipWs();
        if (b[this.pos] === 0x5d) {
          this.pos++;
          return arr;
        }
        arr.push(this.value(depth + 1));
      }
    }
    const w = this.word();
    if (w === '') throw new PdfSyntaxError(`unexpected character ${String.fromCharCode(c)}`);
    if (w === 'null') return null;
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) throw new PdfSyntaxError(`unexpected keyword ${w}`);
    const n = Number(w);
    // "N G R": look ahead without consuming when it is not a reference.
    if (/^\d+$/.test(w)) {
      const save = this.pos;
      const g = this.word();
      if (/^\d+$/.test(g) && this.word() === 'R') return new PdfRef(n, Number(g));
      this.pos = save;
    }
    return n;
  }
}

/** Parses "N G obj … endobj" at `offset`. */
export function parseIndirectAt(b: Uint8Array, offset: number, resolveLength?: (ref: PdfRef) => number | undefined): ParsedObject {
  const lx = new Lexer(b, offset);
  const n = lx.word();
  const g = lx.word();
  if (!/^\d+$/.test(n) || !/^\d+$/.test(g) || lx.word() !== 'obj') throw new PdfSyntaxError('no object header');
  const value = lx.value();
  const result: ParsedObject = { num: Number(n), gen: Number(g), offset, value, end: lx.pos };
  const after = lx.word(true);
  if (after === 'stream' && value instanceof PdfDict) {
    lx.word();
    if (b[lx.pos] === 0x0d) lx.pos++;
    if (b[lx.pos] === 0x0a) lx.pos++;
    const start = lx.pos;
    const lenValue = value.get('Length');
    const declared = typeof lenValue === 'number' ? lenValue : lenValue instanceof PdfRef ? resolveLength?.(lenValue) : undefined;
    let end: number;
    const tail = (at: number) => new Lexer(b, at).word(true) === 'endstream';
    if (declared !== undefined && Number.isInteger(declared) && declared >= 0 && start + declared <= b.length && tail(start + declared)) end = start + declared;
    else {
      const found = Buffer.from(b.buffer, b.byteOffset, b.byteLength).indexOf('endstream', start, 'latin1');
      if (found < 0) throw new PdfSyntaxError('unterminated stream');
      end = found;
      if (b[end - 1] === 0x0a) end--;
      if (b[end - 1] === 0x0d) end--;
    }
    result.stream = { dict: value, data: b.subarray(start, end) };
    lx.pos = end;
    if (lx.word() !== 'endstream') throw new PdfSyntaxError('endstream expected');
  }
  if (lx.word(true) === 'endobj') lx.word();
  result.end = lx.pos;
  return result;
}

function predictor(data: Uint8Array, parms: PdfDict | undefined): Uint8Array {
  const p = parms?.get('Predictor');
  const pred = typeof p === 'number' ? p : 1;
  if (pred === 1) return data;
  const colors = typeof parms?.get('Colors') === 'number' ? (parms.get('Colors') as number) : 1;
  const bpc = typeof parms?.get('BitsPerComponent') === 'number' ? (parms.get('BitsPerComponent') as number) : 8;
  const columns = typeof parms?.get('Columns') === 'number' ? (parms.get('Columns') as number) : 1;
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLen = Math.ceil((colors * bpc * columns) / 8);
  if (pred === 2) {
    if (bpc !== 8) throw new PdfSyntaxError('unsupported TIFF predictor');
    const out = new Uint8Array(data);
    for (let r = 0; r < out.length; r += rowLen) for (let i = bpp; i < rowLen && r + i < out.length; i++) out[r + i] = ((out[r + i] ?? 0) + (out[r + i - bpp] ?? 0)) & 0xff;
    return out;
  }
  if (pred < 10) throw new PdfSyntaxError('unsupported predictor');
  const rows = Math.floor(data.length / (rowLen + 1));
  const out = new Uint8Array(rows * rowLen);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLen + 1)] ?? 0;
    const src = r * (rowLen + 1) + 1;
    const dst = r * rowLen;
    for (let i = 0; i < rowLen; i++) {
      const x = data[src + i] ?? 0;
      const a = i >= bpp ? (out[dst + i - bpp] ?? 0) : 0;
      const up = r > 0 ? (out[dst - rowLen + i] ?? 0) : 0;
      const c = r > 0 && i >= bpp ? (out[dst - rowLen + i - bpp] ?? 0) : 0;
      let v: number;
      if (type === 0) v = x;
      else if (type === 1) v = x + a;
      else if (type === 2) v = x + up;
      else if (type === 3) v = x + Math.floor((a + up) / 2);
      else if (type === 4) {
        const pa = Math.abs(up - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + up - 2 * c);
        v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? up : c);
      } else throw new PdfSyntaxError('bad PNG predictor row');
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

/** Decodes a stream with no filter or FlateDecode (with predictors): what xref and object streams use. */
export function decodeStream(s: PdfStream): Uint8Array {
  const f = s.dict.get('Filter');
  const filters = f instanceof PdfName ? [f] : Array.isArray(f) ? f : [];
  const p = s.dict.get('DecodeParms');
  const parms = p instanceof PdfDict ? [p] : Array.isArray(p) ? p : [];
  let data = s.data;
  for (const [i, filter] of filters.entries()) {
    if (!(filter instanceof PdfName) || (filter.name !== 'FlateDecode' && filter.name !== 'Fl')) throw new PdfSyntaxError('unsupported filter');
    data = new Uint8Array(inflateSync(data));
    const parm = parms[i];
    data = predictor(data, parm instanceof PdfDict ? parm : undefined);
  }
  return data;
}

/** A canonical text form: two values are the same PDF object content exactly when these are equal. */
export function canonical(v: PdfValue): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (v instanceof PdfName) return `/${encodeURIComponent(v.name)}`;
  if (v instanceof PdfString) return `<${Buffer.from(v.bytes, 'latin1').toString('hex')}>`;
  if (v instanceof PdfRef) return `${v.num} ${v.gen} R`;
  if (Array.isArray(v)) return `[${v.map(canonical).join(' ')}]`;
  const keys = [...v.map.keys()].sort();
  return `<<${keys.map((k) => `/${encodeURIComponent(k)} ${canonical(v.map.get(k) ?? null)}`).join(' ')}>>`;
}
