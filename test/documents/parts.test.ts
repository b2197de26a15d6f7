// A long protocol is typeset in parts and joined (templates/plan.ts). Proof that cutting changes
// nothing a reader sees: the ~100-page benchmark protocol typeset in parts and in a single
// @react-pdf run have the same text on the same pages (pdftotext -layout, page by page), and the
// joined file is valid, embeds every font once per subset tag and keeps the signature boxes.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProtocolData, type ProtocolData } from '../../core/documents';
import { isLongDocument } from '../../electron/services/documents';
import { planParts } from '../../templates/plan';
import { renderProtocol, renderSinglePass, type RenderResult } from '../../templates/render';
import { generatedMeeting } from '../fixtures/documents/generate';
import { GENERATED_AT, referenceMeeting } from './helpers/reference';
import { pdfFonts, qpdfCheck, tempDir, type TempDir } from './helpers/pdf-tools';

/** `pdftotext -layout`, one string per page: the text where it stands on the page. */
function layoutPages(file: string): string[] {
  const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', '-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\f');
  return pages[pages.length - 1]?.trim() === '' ? pages.slice(0, -1) : pages;
}

let dir: TempDir;
let data: ProtocolData;
let parts: RenderResult;
let single: RenderResult;
let partsFile: string;
let singleFile: string;

beforeAll(async () => {
  dir = tempDir();
  // The benchmark's ~100-page case (test/bench/render.ts --case=100).
  data = buildProtocolData(generatedMeeting({ paragraphs: 20, textParagraphs: 330, wordsPerTextParagraph: 150, seed: 42 }), { generatedAt: '2025-10-20T12:00:00+02:00' });
  parts = await renderProtocol(data);
  single = await renderSinglePass(data);
  partsFile = dir.file('parts.pdf', parts.pdf);
  singleFile = dir.file('single.pdf', single.pdf);
}, 120_000);
afterAll(() => dir.remove());

describe('a long protocol typeset in parts', () => {
  it('is cut into several parts, and counts as long where threads are available', () => {
    expect(planParts(data).length).toBeGreaterThan(4);
    expect(parts.pageCount).toBeGreaterThan(100);
    // The CLI and the justering step start threads for long protocols where there are cores to spare.
    expect(isLongDocument(buildProtocolData(referenceMeeting(), { generatedAt: GENERATED_AT }), 8)).toBe(false);
    expect(isLongDocument(data, 8)).toBe(true);
    expect(isLongDocument(data, 2)).toBe(false);
  });

  it('has the same text on the same pages as a single run', () => {
    const a = layoutPages(partsFile);
    const b = layoutPages(singleFile);
    expect(a.length).toBe(parts.pageCount);
    expect(b.length).toBe(single.pageCount);
    expect(a.length).toBe(b.length);
    a.forEach((page, i) => expect(page, `sida ${i + 1}`).toBe(b[i]));
    expect(a[a.length - 1]).toContain(`${a.length} (${a.length})`);
  });

  it('keeps the signature boxes on the last page', () => {
    expect(parts.signatureFields).toEqual(single.signatureFields);
    expect(parts.signatureFields.every((f) => f.page === parts.pageCount - 1 && f.name.startsWith('sig-'))).toBe(true);
  });

  it('passes qpdf --check and embeds every font under its own subset tag', () => {
    const check = qpdfCheck(partsFile);
    expect(check.status, check.output).toBe(0);
    const fonts = pdfFonts(partsFile);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(fonts.some((f) => /Helvetica/i.test(f.name))).toBe(false);
    const names = fonts.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
