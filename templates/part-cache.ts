// Typeset runs of §§ kept for the live preview. While the secretary types, one § changes and
// the others stay as they were; a run of §§ whose content, page frame and layout are the same
// typesets to the same pages, so the preview takes its bytes from here and typesets only what
// changed. Only §-runs are kept: the front and back parts are short and read the whole
// meeting. A run's pages are all the joined file takes from a part (its catalog, metadata and
// trailer are dropped when pages are copied), so a hit gives the very bytes a fresh render
// gives (test/documents/part-cache.test.ts). Final documents are typeset from scratch.
import { createHash } from 'node:crypto';
import type { DocumentData } from '../core/documents/types';
import type { LayoutShift } from './components/layout';
import type { PartSpec } from './plan';

/** Bytes kept at most: some thirty 60-page protocols' worth of §-runs. */
const BUDGET_BYTES = 48 * 1024 * 1024;

const parts = new Map<string, Uint8Array>();
let bytes = 0;
const counts = { hits: 0, misses: 0 };

/** What a run of §§ looks like on the page: its §§, how they start and the frame around them. */
export function partKey(data: DocumentData, part: Extract<PartSpec, { kind: 'paragraphs' }>, shift: LayoutShift | undefined): string | null {
  if (data.kind !== 'protocol') return null;
  const input = [data.paragraphs.slice(part.from, part.to), data.paragraphsStartNewPage, data.header, data.footer, shift ?? null];
  return createHash('sha256').update(JSON.stringify(input)).digest('hex');
}

export function cachedPart(key: string): Uint8Array | undefined {
  const hit = parts.get(key);
  if (hit === undefined) {
    counts.misses += 1;
    return undefined;
  }
  counts.hits += 1;
  // Most recently used last, so the oldest go first when the budget is reached.
  parts.delete(key);
  parts.set(key, hit);
  return hit.slice();
}

export function keepPart(key: string, pdf: Uint8Array): void {
  if (pdf.byteLength > BUDGET_BYTES / 4) return;
  const old = parts.get(key);
  if (old !== undefined) bytes -= old.byteLength;
  parts.delete(key);
  parts.set(key, pdf.slice());
  bytes += pdf.byteLength;
  for (const [k, v] of parts) {
    if (bytes <= BUDGET_BYTES) break;
    parts.delete(k);
    bytes -= v.byteLength;
  }
}

/** Hits and misses since the process started, and what is kept (tests, benchmarks). */
export function partCacheStats(): { hits: number; misses: number; entries: number; bytes: number } {
  return { ...counts, entries: parts.size, bytes };
}

export function clearPartCache(): void {
  parts.clear();
  bytes = 0;
}
