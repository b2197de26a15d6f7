// Appends an incremental update (new and changed objects, xref, trailer) without touching earlier bytes,
// so every signature already in the file keeps covering exactly what it covered.
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PDFObject, PDFRef } from 'pdf-lib';
import type { TrailerInfo } from './pdf-structure';
import { asciiBytes, toHex } from './pdf-text';

export interface UpdateObject {
  ref: PDFRef;
  /** A pdf-lib object, or the already serialised body (used for the signature dictionary). */
  body: PDFObject | Uint8Array;
}

export interface WrittenUpdate {
  bytes: Uint8Array;
  /** Offset in `bytes` where each object's body starts, keyed by "num gen". */
  bodyOffsets: Map<string, number>;
}

export const refKey = (ref: PDFRef): string => `${ref.objectNumber} ${ref.generationNumber}`;

function serialise(obj: PDFObject): Uint8Array {
  const buf = new Uint8Array(obj.sizeInBytes());
  obj.copyBytesInto(buf, 0);
  return buf;
}

class ByteSink {
  private readonly chunks: Uint8Array[] = [];
  length = 0;
  push(b: Uint8Array | string): void {
    const bytes = typeof b === 'string' ? asciiBytes(b) : b;
    this.chunks.push(bytes);
    this.length += bytes.length;
  }
  concat(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

interface Entry {
  num: number;
  gen: number;
  offset: number;
}

/** Consecutive object numbers share one subsection, as both xref forms require. */
function subsections(entries: Entry[]): Entry[][] {
  const sorted = [...entries].sort((a, b) => a.num - b.num);
  const groups: Entry[][] = [];
  for (const e of sorted) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && prev.num + 1 === e.num) last.push(e);
    else groups.push([e]);
  }
  return groups;
}

function idArray(trailer: TrailerInfo, original: Uint8Array): string {
  // The second ID changes with every revision; deriving it from the content keeps output reproducible.
  const fresh = `<${toHex(createHash('sha256').update(original).digest().subarray(0, 16))}>`;
  const first = trailer.id ? trailer.id[0].toString() : fresh;
  return `[${first} ${fresh}]`;
}

function trailerEntries(trailer: TrailerInfo, size: number, original: Uint8Array): string {
  const info = trailer.info ? ` /Info ${trailer.info.toString()}` : '';
  return `/Size ${size} /Root ${trailer.root.toString()}${info} /ID ${idArray(trailer, original)} /Prev ${trailer.startxref}`;
}

export function appendIncrementalUpdate(original: Uint8Array, trailer: TrailerInfo, objects: UpdateObject[]): WrittenUpdate {
  const sink = new ByteSink();
  sink.push(original);
  const last = original[original.length - 1];
  if (last !== 0x0a && last !== 0x0d) sink.push('\n');

  const entries: Entry[] = [];
  const bodyOffsets = new Map<string, number>();
  for (const { ref, body } of objects) {
    entries.push({ num: ref.objectNumber, gen: ref.generationNumber, offset: sink.length });
    sink.push(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    bodyOffsets.set(refKey(ref), sink.length);
    sink.push(body instanceof Uint8Array ? body : serialise(body));
    sink.push('\nendobj\n');
  }
  const maxNum = Math.max(0, ...entries.map((e) => e.num));

  if (trailer.xrefKind === 'table') {
    const xrefAt = sink.length;
    sink.push('xref\n');
    for (const group of subsections(entries)) {
      sink.push(`${group[0]?.num ?? 0} ${group.length}\n`);
      for (const e of group) sink.push(`${String(e.offset).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n\r\n`);
    }
    const size = Math.max(trailer.size, maxNum + 1);
    sink.push(`trailer\n<< ${trailerEntries(trailer, size, original)} >>\nstartxref\n${xrefAt}\n%%EOF\n`);
  } else {
    // The xref stream lists itself, so it takes the next free number and its own offset.
    const xrefNum = Math.max(trailer.size, maxNum + 1);
    const xrefAt = sink.length;
    const all = [...entries, { num: xrefNum, gen: 0, offset: xrefAt }];
    const offsetWidth = Math.max(1, Math.ceil(Math.log2(xrefAt + 1) / 8));
    const groups = subsections(all);
    const rowLen = 1 + offsetWidth + 2;
    const data = new Uint8Array(all.length * rowLen);
    let at = 0;
    for (const group of groups) {
      for (const e of group) {
        data[at] = 1;
        for (let i = 0; i < offsetWidth; i++) data[at + 1 + i] = Math.floor(e.offset / 256 ** (offsetWidth - 1 - i)) & 0xff;
        data[at + 1 + offsetWidth] = (e.gen >> 8) & 0xff;
        data[at + 2 + offsetWidth] = e.gen & 0xff;
        at += rowLen;
      }
    }
    const packed = deflateSync(data);
    const index = groups.map((g) => `${g[0]?.num ?? 0} ${g.length}`).join(' ');
    sink.push(
      `${xrefNum} 0 obj\n<< /Type /XRef ${trailerEntries(trailer, xrefNum + 1, original)} ` + `/W [1 ${offsetWidth} 2] /Index [${index}] /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`,
    );
    sink.push(packed);
    sink.push(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`);
  }
  return { bytes: sink.concat(), bodyOffsets };
}
