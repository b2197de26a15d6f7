// Every revision of a PDF as a reader sees it: the startxref → xref → /Prev chain from each %%EOF,
// classic tables, xref streams (with object streams) and hybrid files (/XRefStm), and for each
// revision the object each number resolves to. Also finds what a reader would never show but a
// sloppy parser might: an object number defined twice in one update, objects outside the xref, and
// xref entries pointing at garbage.
import { createHash } from 'node:crypto';
import { canonical, decodeStream, Lexer, parseIndirectAt, PdfDict, PdfRef, PdfSyntaxError, type ParsedObject, type PdfValue } from './pdf-syntax';
import { bytesToLatin1 } from './pdf-text';

export interface XrefEntry {
  type: 'free' | 'inuse' | 'compressed';
  /** inuse: byte offset; compressed: number of the object stream. */
  offset: number;
  gen: number;
  /** compressed: index within the object stream. */
  index?: number;
}

export interface XrefSection {
  kind: 'table' | 'stream';
  offset: number;
  entries: Map<number, XrefEntry>;
  trailer: PdfDict;
}

export interface Revision {
  /** 1 = the first complete version of the file. */
  number: number;
  /** Byte length of the file up to and including this revision's %%EOF (and its end of line). */
  end: number;
  /** Offset where the update's bytes start (the end of the previous revision, or 0). */
  start: number;
  startxref: number;
  sections: XrefSection[];
  trailer: PdfDict;
  /** The resolved cross-reference: newest section wins. */
  map: Map<number, XrefEntry>;
  /** Swedish descriptions of structural problems in this update's bytes or its xref. */
  anomalies: string[];
}

export interface RevisionModel {
  bytes: Uint8Array;
  revisions: Revision[];
  /** Non-whitespace bytes after the last complete revision. */
  trailingBytes: number;
  problems: string[];
}

export class ResolvedObject {
  constructor(
    readonly num: number,
    readonly value: PdfValue,
    readonly parsed: ParsedObject | null,
    readonly streamHash: string | null,
  ) {}
  get dict(): PdfDict | null {
    return this.value instanceof PdfDict ? this.value : null;
  }
  get canonical(): string {
    return `${canonical(this.value)}${this.streamHash ? ` stream:${this.streamHash}` : ''}`;
  }
}

const num = (v: PdfValue | undefined): number | undefined => (typeof v === 'number' ? v : undefined);

function readTable(b: Uint8Array, offset: number): { entries: Map<number, XrefEntry>; trailer: PdfDict } {
  const lx = new Lexer(b, offset);
  if (lx.word() !== 'xref') throw new PdfSyntaxError('xref expected');
  const entries = new Map<number, XrefEntry>();
  for (;;) {
    const w = lx.word(true);
    if (w === 'trailer') {
      lx.word();
      const trailer = lx.value();
      if (!(trailer instanceof PdfDict)) throw new PdfSyntaxError('trailer dictionary expected');
      return { entries, trailer };
    }
    const first = Number(lx.word());
    const count = Number(lx.word());
    if (!Number.isInteger(first) || !Number.isInteger(count) || count < 0 || count > 10_000_000) throw new PdfSyntaxError('bad xref subsection');
    for (let i = 0; i < count; i++) {
      const off = lx.word();
      const gen = lx.word();
      const kind = lx.word();
      if (!/^\d+$/.test(off) || !/^\d+$/.test(gen) || (kind !== 'n' && kind !== 'f')) throw new PdfSyntaxError('bad xref entry');
      // Within one section the first entry for a number counts (as pdf.js and poppler do).
      if (!entries.has(first + i)) entries.set(first + i, { type: kind === 'n' ? 'inuse' : 'free', offset: Number(off), gen: Number(gen) });
    }
  }
}

function readXrefStream(b: Uint8Array, offset: number): { entries: Map<number, XrefEntry>; trailer: PdfDict } {
  const obj = parseIndirectAt(b, offset);
  const dict = obj.stream?.dict;
  const type = dict?.get('Type');
  if (!obj.stream || !dict || !(type && typeof type === 'object' && 'name' in type && type.name === 'XRef')) throw new PdfSyntaxError('xref stream expected');
  const data = decodeStream(obj.stream);
  const w = dict.get('W');
  const widths = Array.isArray(w) ? w.map((x) => (typeof x === 'number' ? x : -1)) : [];
  if (widths.length !== 3 || widths.some((x) => x < 0 || x > 8)) throw new PdfSyntaxError('bad /W');
  const size = num(dict.get('Size')) ?? 0;
  const idx = dict.get('Index');
  const index = Array.isArray(idx) ? idx.map((x) => (typeof x === 'number' ? x : -1)) : [0, size];
  const row = (widths[0] ?? 0) + (widths[1] ?? 0) + (widths[2] ?? 0);
  const entries = new Map<number, XrefEntry>();
  let at = 0;
  const field = (width: number, dflt: number): number => {
    if (width === 0) return dflt;
    let v = 0;
    for (let i = 0; i < width; i++) v = v * 256 + (data[at++] ?? 0);
    return v;
  };
  for (let s = 0; s + 1 < index.length; s += 2) {
    const first = index[s] ?? 0;
    const count = index[s + 1] ?? 0;
    if (first < 0 || count < 0) throw new PdfSyntaxError('bad /Index');
    for (let i = 0; i < count; i++) {
      if (at + row > data.length) throw new PdfSyntaxError('xref stream too short');
      const t = field(widths[0] ?? 0, 1);
      const f2 = field(widths[1] ?? 0, 0);
      const f3 = field(widths[2] ?? 0, 0);
      if (entries.has(first + i)) continue;
      if (t === 0) entries.set(first + i, { type: 'free', offset: f2, gen: f3 });
      else if (t === 1) entries.set(first + i, { type: 'inuse', offset: f2, gen: f3 });
      else if (t === 2) entries.set(first + i, { type: 'compressed', offset: f2, gen: 0, index: f3 });
      // Other types are reserved and mean a null object.
    }
  }
  return { entries, trailer: dict };
}

function readSection(b: Uint8Array, offset: number, limit: number): XrefSection {
  if (offset < 0 || offset >= limit) throw new PdfSyntaxError('startxref outside the file');
  const lx = new Lexer(b.subarray(0, limit), offset);
  const head = lx.word(true);
  const view = b.subarray(0, limit);
  if (head === 'xref') {
    const t = readTable(view, offset);
    const section: XrefSection = { kind: 'table', offset, ...t };
    // Hybrid file: the hidden xref stream lists what the table leaves out.
    const stm = num(t.trailer.get('XRefStm'));
    if (stm !== undefined) {
      const hidden = readXrefStream(view, stm);
      for (const [n, e] of hidden.entries) {
        const existing = section.entries.get(n);
        if (!existing || existing.type === 'free') section.entries.set(n, e);
      }
    }
    return section;
  }
  return { kind: 'stream', offset, ...readXrefStream(view, offset) };
}

/** End offsets of every "startxref N %%EOF", with the startxref value. */
function eofMarkers(b: Uint8Array): { end: number; startxref: number }[] {
  const text = bytesToLatin1(b);
  const out: { end: number; startxref: number }[] = [];
  for (const m of text.matchAll(/startxref[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+%%EOF/g)) {
    let end = (m.index ?? 0) + m[0].length;
    if (text[end] === '\r') end++;
    if (text[end] === '\n') end++;
    out.push({ end, startxref: Number(m[1]) });
  }
  return out;
}

const HEADER = /(\d+)[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+obj\b/g;

/** Objects written in bytes [start, end), skipping stream data, in file order. */
export function scanObjects(b: Uint8Array, start: number, end: number): { num: number; gen: number; offset: number; ok: boolean }[] {
  const text = bytesToLatin1(b.subarray(0, end));
  const out: { num: number; gen: number; offset: number; ok: boolean }[] = [];
  HEADER.lastIndex = start;
  for (;;) {
    const m = HEADER.exec(text);
    if (!m) break;
    const at = m.index;
    if (at > 0 && /[0-9]/.test(text[at - 1] ?? '')) continue; // inside a longer number
    try {
      const o = parseIndirectAt(b.subarray(0, end), at);
      out.push({ num: o.num, gen: o.gen, offset: at, ok: true });
      HEADER.lastIndex = Math.max(o.end, at + m[0].length);
    } catch {
      out.push({ num: Number(m[1]), gen: Number(m[2]), offset: at, ok: false });
      HEADER.lastIndex = at + m[0].length;
    }
  }
  return out;
}

export function parseRevisions(b: Uint8Array): RevisionModel {
  const problems: string[] = [];
  const revisions: Revision[] = [];
  const sectionCache = new Map<string, XrefSection>();
  let previousEnd = 0;
  for (const marker of eofMarkers(b)) {
    let sections: XrefSection[];
    try {
      sections = [];
      const seen = new Set<number>();
      let at: number | undefined = marker.startxref;
      while (at !== undefined) {
        if (seen.has(at)) throw new PdfSyntaxError('xref chain loops');
        seen.add(at);
        const key = `${at}:${marker.end}`;
        const section = sectionCache.get(key) ?? readSection(b, at, marker.end);
        sectionCache.set(key, section);
        sections.push(section);
        at = num(section.trailer.get('Prev'));
        if (sections.length > 10_000) throw new PdfSyntaxError('xref chain too long');
      }
    } catch {
      // A marker whose chain does not resolve within the bytes before it (e.g. the first-page
      // section of a linearised file) is not a complete revision; its bytes join the next one.
      continue;
    }
    const map = new Map<number, XrefEntry>();
    for (const s of sections) for (const [n, e] of s.entries) if (!map.has(n)) map.set(n, e);
    const trailer = sections[0]?.trailer ?? new PdfDict();
    revisions.push({ number: revisions.length + 1, end: marker.end, start: previousEnd, startxref: marker.startxref, sections, trailer, map, anomalies: [] });
    previousEnd = marker.end;
  }
  if (revisions.length === 0) problems.push('Filen har ingen läsbar korsreferenstabell (xref).');
  const last = revisions[revisions.length - 1];
  const tail = last ? bytesToLatin1(b.subarray(last.end)) : '';
  const trailingBytes = tail.replace(/[\0\t\n\f\r ]/g, '').length;
  const model: RevisionModel = { bytes: b, revisions, trailingBytes, problems };
  for (const r of revisions) r.anomalies.push(...updateAnomalies(model, r));
  if (last && trailingBytes > 0) {
    const objects = scanObjects(b, last.end, b.length);
    problems.push(
      objects.length > 0
        ? `Efter filens sista version (%%EOF) finns ${objects.length} objekt som ingen korsreferens pekar på (t.ex. objekt ${objects[0]?.num ?? '?'}).`
        : `Efter filens sista version (%%EOF) finns ${trailingBytes} byte som inte hör till någon version.`,
    );
  }
  return model;
}

/** Problems in the bytes one update added: duplicates, objects outside its xref, xref entries to garbage. */
function updateAnomalies(model: RevisionModel, r: Revision): string[] {
  const out: string[] = [];
  const b = model.bytes;
  const scanned = scanObjects(b, r.start, r.end);
  const ownSections = r.sections.filter((s) => s.offset >= r.start && s.offset < r.end);
  const ownOffsets = new Set(ownSections.map((s) => s.offset));
  for (const s of ownSections) {
    const stm = num(s.trailer.get('XRefStm'));
    if (stm !== undefined) ownOffsets.add(stm);
  }
  const counts = new Map<string, number>();
  for (const o of scanned) counts.set(`${o.num} ${o.gen}`, (counts.get(`${o.num} ${o.gen}`) ?? 0) + 1);
  for (const [key, n] of counts) if (n > 1) out.push(`Objekt ${key.split(' ')[0] ?? ''} definieras ${n} gånger i version ${r.number}.`);
  for (const o of scanned) {
    if (ownOffsets.has(o.offset)) continue; // the xref stream itself
    const e = r.map.get(o.num);
    if (!o.ok) out.push(`Version ${r.number} innehåller ett oläsbart objekt ${o.num} (byte ${o.offset}).`);
    else if (!e || e.type !== 'inuse' || e.offset !== o.offset) {
      out.push(`Objekt ${o.num} i version ${r.number} (byte ${o.offset}) finns inte i versionens korsreferens (xref).`);
    }
  }
  for (const s of ownSections) {
    for (const [n, e] of s.entries) {
      if (e.type !== 'inuse') continue;
      if (ownOffsets.has(e.offset)) continue; // an xref stream listing itself
      try {
        const o = parseIndirectAt(b.subarray(0, r.end), e.offset);
        if (o.num !== n || o.gen !== e.gen) out.push(`Korsreferensen i version ${r.number} pekar för objekt ${n} på objekt ${o.num} (byte ${e.offset}).`);
      } catch {
        out.push(`Korsreferensen i version ${r.number} pekar för objekt ${n} på något som inte är ett objekt (byte ${e.offset}).`);
      }
    }
  }
  return [...new Set(out)];
}

/** Reads objects of one revision, as a reader resolves them. */
export class RevisionReader {
  private readonly cache = new Map<number, ResolvedObject | null>();
  private readonly objStms = new Map<number, { offsets: [number, number][]; data: Uint8Array; first: number } | null>();
  constructor(
    readonly model: RevisionModel,
    readonly revision: Revision,
  ) {}

  private view(): Uint8Array {
    return this.model.bytes.subarray(0, this.revision.end);
  }

  private length = (ref: PdfRef): number | undefined => {
    const v = this.get(ref.num)?.value;
    return typeof v === 'number' ? v : undefined;
  };

  private objStm(n: number) {
    if (this.objStms.has(n)) return this.objStms.get(n) ?? null;
    this.objStms.set(n, null);
    const e = this.revision.map.get(n);
    if (!e || e.type !== 'inuse') return null;
    try {
      const o = parseIndirectAt(this.view(), e.offset, this.length);
      if (!o.stream) return null;
      const data = decodeStream(o.stream);
      const count = num(o.stream.dict.get('N')) ?? 0;
      const first = num(o.stream.dict.get('First')) ?? 0;
      const lx = new Lexer(data, 0);
      const offsets: [number, number][] = [];
      for (let i = 0; i < count; i++) offsets.push([Number(lx.word()), Number(lx.word())]);
      const parsed = { offsets, data, first };
      this.objStms.set(n, parsed);
      return parsed;
    } catch {
      return null;
    }
  }

  /** The object `n` as this revision resolves it; null when free, missing or unreadable. */
  get(n: number): ResolvedObject | null {
    if (this.cache.has(n)) return this.cache.get(n) ?? null;
    this.cache.set(n, null); // guards against /Length loops
    const e = this.revision.map.get(n);
    let out: ResolvedObject | null = null;
    try {
      if (e?.type === 'inuse') {
        const o = parseIndirectAt(this.view(), e.offset, this.length);
        if (o.num === n) {
          const hash = o.stream ? createHash('sha256').update(o.stream.data).digest('hex') : null;
          if (o.stream) o.stream.dict.map.delete('Length');
          out = new ResolvedObject(n, o.value, o, hash);
        }
      } else if (e?.type === 'compressed') {
        const stm = this.objStm(e.offset);
        const pair = stm?.offsets[e.index ?? -1];
        if (stm && pair && pair[0] === n) {
          const lx = new Lexer(stm.data, stm.first + pair[1]);
          out = new ResolvedObject(n, lx.value(), null, null);
        }
      }
    } catch {
      out = null;
    }
    this.cache.set(n, out);
    return out;
  }

  /** Follows references (up to a depth) to a direct value. */
  resolve(v: PdfValue | undefined): PdfValue | undefined {
    let cur = v;
    for (let i = 0; i < 32 && cur instanceof PdfRef; i++) cur = this.get(cur.num)?.value ?? null;
    return cur;
  }

  dict(v: PdfValue | undefined): PdfDict | null {
    const d = this.resolve(v);
    return d instanceof PdfDict ? d : null;
  }

  rootRef(): PdfRef | null {
    const r = this.revision.trailer.get('Root');
    return r instanceof PdfRef ? r : null;
  }
}
