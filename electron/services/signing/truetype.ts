// Minimal TrueType reader and glyph subsetter, so the signature appearance can embed a few kB of
// DejaVu Sans (Swedish letters included) instead of the whole 700 kB font or a non-embedded Helvetica.

export interface TrueTypeFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  capHeight: number;
  bbox: [number, number, number, number];
  italicAngle: number;
  postscriptName: string;
  /** Glyph id for a Unicode code point; 0 (.notdef) when the font lacks it. */
  glyphFor(codePoint: number): number;
  /** Advance width in font units. */
  advance(gid: number): number;
  subset(gids: Iterable<number>): { bytes: Uint8Array; newGid: Map<number, number> };
}

class Reader {
  readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  u16 = (at: number): number => this.view.getUint16(at);
  i16 = (at: number): number => this.view.getInt16(at);
  u32 = (at: number): number => this.view.getUint32(at);
  i32 = (at: number): number => this.view.getInt32(at);
}

interface TableRecord {
  offset: number;
  length: number;
}

function fontError(what: string): Error {
  return new Error(`Typsnittet kan inte användas för signaturens utseende: ${what}.`);
}

function readTables(r: Reader): Map<string, TableRecord> {
  const version = r.u32(0);
  if (version !== 0x00010000 && version !== 0x74727565) throw fontError('endast TrueType-typsnitt (.ttf) stöds');
  const tables = new Map<string, TableRecord>();
  const count = r.u16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(...r.bytes.subarray(at, at + 4));
    tables.set(tag, { offset: r.u32(at + 8), length: r.u32(at + 12) });
  }
  for (const need of ['head', 'hhea', 'maxp', 'hmtx', 'loca', 'glyf', 'cmap']) {
    if (!tables.has(need)) throw fontError(`tabellen ${need} saknas`);
  }
  return tables;
}

function cmapLookup(r: Reader, cmapAt: number): (cp: number) => number {
  const n = r.u16(cmapAt + 2);
  const subtables: { pid: number; eid: number; at: number }[] = [];
  for (let i = 0; i < n; i++) {
    const rec = cmapAt + 4 + i * 8;
    subtables.push({ pid: r.u16(rec), eid: r.u16(rec + 2), at: cmapAt + r.u32(rec + 4) });
  }
  const pick = (pid: number, eid: number, format: number) =>
    subtables.find((s) => s.pid === pid && s.eid === eid && r.u16(s.at) === format);
  const f12 = pick(3, 10, 12) ?? pick(0, 4, 12);
  if (f12) {
    const groups = r.u32(f12.at + 12);
    return (cp) => {
      for (let g = 0; g < groups; g++) {
        const at = f12.at + 16 + g * 12;
        const start = r.u32(at);
        if (cp >= start && cp <= r.u32(at + 4)) return r.u32(at + 8) + (cp - start);
      }
      return 0;
    };
  }
  const f4 = pick(3, 1, 4) ?? pick(0, 3, 4);
  if (!f4) throw fontError('ingen Unicode-teckentabell');
  const segs = r.u16(f4.at + 6) / 2;
  const ends = f4.at + 14;
  const starts = ends + segs * 2 + 2;
  const deltas = starts + segs * 2;
  const rangeOffsets = deltas + segs * 2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let i = 0; i < segs; i++) {
      if (r.u16(ends + i * 2) < cp) continue;
      const start = r.u16(starts + i * 2);
      if (start > cp) return 0;
      const delta = r.u16(deltas + i * 2);
      const ro = r.u16(rangeOffsets + i * 2);
      if (ro === 0) return (cp + delta) & 0xffff;
      const g = r.u16(rangeOffsets + i * 2 + ro + (cp - start) * 2);
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
}

function postscriptName(r: Reader, nameAt: number | undefined): string {
  if (nameAt === undefined) return 'Font';
  const count = r.u16(nameAt + 2);
  const strings = nameAt + r.u16(nameAt + 4);
  for (let i = 0; i < count; i++) {
    const rec = nameAt + 6 + i * 12;
    if (r.u16(rec + 6) !== 6) continue;
    const pid = r.u16(rec);
    const len = r.u16(rec + 8);
    const at = strings + r.u16(rec + 10);
    const raw = r.bytes.subarray(at, at + len);
    const name = pid === 3 || pid === 0 ? Buffer.from(raw).swap16().toString('utf16le') : Buffer.from(raw).toString('latin1');
    const clean = name.replace(/[^A-Za-z0-9-]/g, '');
    if (clean) return clean;
  }
  return 'Font';
}

// Composite glyph flags (OpenType 'glyf' spec).
const ARG_WORDS = 0x0001;
const HAS_SCALE = 0x0008;
const MORE = 0x0020;
const XY_SCALE = 0x0040;
const TWO_BY_TWO = 0x0080;

/** Offsets (within the glyph) of component glyph ids, empty for simple glyphs. */
function componentOffsets(glyph: Uint8Array): number[] {
  if (glyph.length < 10) return [];
  const r = new Reader(glyph);
  if (r.i16(0) >= 0) return [];
  const out: number[] = [];
  let at = 10;
  for (;;) {
    const flags = r.u16(at);
    out.push(at + 2);
    at += 4 + (flags & ARG_WORDS ? 4 : 2);
    at += flags & HAS_SCALE ? 2 : flags & XY_SCALE ? 4 : flags & TWO_BY_TWO ? 8 : 0;
    if (!(flags & MORE)) return out;
  }
}

function checksum(data: Uint8Array): number {
  const padded = new Uint8Array(Math.ceil(data.length / 4) * 4);
  padded.set(data);
  const v = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + v.getUint32(i)) >>> 0;
  return sum;
}

function buildFont(tables: [string, Uint8Array][]): Uint8Array {
  tables.sort(([a], [b]) => (a < b ? -1 : 1));
  const n = tables.length;
  const headerLen = 12 + 16 * n;
  const total = headerLen + tables.reduce((s, [, d]) => s + Math.ceil(d.length / 4) * 4, 0);
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  const pow = 2 ** Math.floor(Math.log2(n));
  v.setUint32(0, 0x00010000);
  v.setUint16(4, n);
  v.setUint16(6, pow * 16);
  v.setUint16(8, Math.log2(pow));
  v.setUint16(10, n * 16 - pow * 16);
  let at = headerLen;
  let headAt = -1;
  tables.forEach(([tag, data], i) => {
    const rec = 12 + i * 16;
    for (let c = 0; c < 4; c++) out[rec + c] = tag.charCodeAt(c);
    v.setUint32(rec + 4, checksum(data));
    v.setUint32(rec + 8, at);
    v.setUint32(rec + 12, data.length);
    out.set(data, at);
    if (tag === 'head') headAt = at;
    at += Math.ceil(data.length / 4) * 4;
  });
  if (headAt >= 0) v.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

export function parseTrueType(bytes: Uint8Array): TrueTypeFont {
  const r = new Reader(bytes);
  const tables = readTables(r);
  const t = (tag: string): TableRecord => {
    const rec = tables.get(tag);
    if (!rec) throw fontError(`tabellen ${tag} saknas`);
    return rec;
  };
  const raw = (tag: string): Uint8Array => bytes.slice(t(tag).offset, t(tag).offset + t(tag).length);
  const head = t('head').offset;
  const hhea = t('hhea').offset;
  const unitsPerEm = r.u16(head + 18);
  const longLoca = r.i16(head + 50) === 1;
  const numGlyphs = r.u16(t('maxp').offset + 4);
  const numHMetrics = r.u16(hhea + 34);
  const hmtx = t('hmtx').offset;
  const loca = t('loca').offset;
  const glyf = t('glyf').offset;
  const os2 = tables.get('OS/2');
  const post = tables.get('post');

  const glyphRange = (gid: number): [number, number] =>
    longLoca ? [r.u32(loca + gid * 4), r.u32(loca + gid * 4 + 4)] : [r.u16(loca + gid * 2) * 2, r.u16(loca + gid * 2 + 2) * 2];
  const glyphBytes = (gid: number): Uint8Array => {
    const [s, e] = glyphRange(gid);
    return bytes.slice(glyf + s, glyf + e);
  };
  const metric = (gid: number): [number, number] => {
    if (gid < numHMetrics) return [r.u16(hmtx + gid * 4), r.i16(hmtx + gid * 4 + 2)];
    const lastAdvance = r.u16(hmtx + (numHMetrics - 1) * 4);
    return [lastAdvance, r.i16(hmtx + numHMetrics * 4 + (gid - numHMetrics) * 2)];
  };
  const lookup = cmapLookup(r, t('cmap').offset);

  return {
    unitsPerEm,
    ascent: r.i16(hhea + 4),
    descent: r.i16(hhea + 6),
    capHeight: os2 && r.u16(os2.offset) >= 2 ? r.i16(os2.offset + 88) : r.i16(hhea + 4),
    bbox: [r.i16(head + 36), r.i16(head + 38), r.i16(head + 40), r.i16(head + 42)],
    italicAngle: post ? r.i32(post.offset + 4) / 65536 : 0,
    postscriptName: postscriptName(r, tables.get('name')?.offset),
    glyphFor: (cp) => {
      const g = lookup(cp);
      return g < numGlyphs ? g : 0;
    },
    advance: (gid) => metric(gid)[0],
    subset(gids) {
      // Composite glyphs (Å, Ö …) refer to other glyphs, which must come along.
      const keep = new Set<number>([0]);
      const queue = [...gids];
      while (queue.length > 0) {
        const g = queue.pop();
        if (g === undefined || keep.has(g) || g >= numGlyphs) continue;
        keep.add(g);
        const glyph = glyphBytes(g);
        const gv = new DataView(glyph.buffer, glyph.byteOffset, glyph.byteLength);
        for (const at of componentOffsets(glyph)) queue.push(gv.getUint16(at));
      }
      const order = [...keep].sort((a, b) => a - b);
      const newGid = new Map(order.map((g, i) => [g, i]));
      const glyphs = order.map((g) => {
        const glyph = glyphBytes(g);
        const gv = new DataView(glyph.buffer, glyph.byteOffset, glyph.byteLength);
        for (const at of componentOffsets(glyph)) gv.setUint16(at, newGid.get(gv.getUint16(at)) ?? 0);
        return glyph;
      });
      const glyfLen = glyphs.reduce((s, g) => s + Math.ceil(g.length / 4) * 4, 0);
      const newGlyf = new Uint8Array(glyfLen);
      const newLoca = new DataView(new ArrayBuffer((order.length + 1) * 4));
      const newHmtx = new DataView(new ArrayBuffer(order.length * 4));
      let at = 0;
      glyphs.forEach((g, i) => {
        newLoca.setUint32(i * 4, at);
        newGlyf.set(g, at);
        at += Math.ceil(g.length / 4) * 4;
        const [adv, lsb] = metric(order[i] ?? 0);
        newHmtx.setUint16(i * 4, adv);
        newHmtx.setInt16(i * 4 + 2, lsb);
      });
      newLoca.setUint32(order.length * 4, at);
      const newHead = raw('head');
      new DataView(newHead.buffer).setUint32(8, 0);
      new DataView(newHead.buffer).setInt16(50, 1);
      const newHhea = raw('hhea');
      new DataView(newHhea.buffer).setUint16(34, order.length);
      const newMaxp = raw('maxp');
      new DataView(newMaxp.buffer).setUint16(4, order.length);
      const out: [string, Uint8Array][] = [
        ['head', newHead],
        ['hhea', newHhea],
        ['maxp', newMaxp],
        ['hmtx', new Uint8Array(newHmtx.buffer)],
        ['loca', new Uint8Array(newLoca.buffer)],
        ['glyf', newGlyf],
      ];
      // Hinting programs are referenced by glyph instructions, so they are kept as they are.
      for (const tag of ['cvt ', 'fpgm', 'prep']) if (tables.has(tag)) out.push([tag, raw(tag)]);
      return { bytes: buildFont(out), newGid };
    },
  };
}
