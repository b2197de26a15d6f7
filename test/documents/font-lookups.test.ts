// The two memos on the typesetting path that are not shaping (shaping-cache.test.ts is):
// the per-character font lookups (installLookupMemo) answer as fontkit does, and pdfkit with
// resolved fonts reused (installFontReuse) writes the very bytes it writes without.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { installLookupMemo, type LookupFont } from '../../templates/fonts/shaping-cache';
import { installFontReuse } from '../../templates/pdf/pdfkit-font-reuse';

const fontkit = createRequire(import.meta.url)('fontkit') as { create(data: Uint8Array): unknown };
const open = (face: string) => fontkit.create(readFileSync(fileURLToPath(new URL(`../../templates/fonts/LiberationSans-${face}.ttf`, import.meta.url))));

describe('font lookup memo', () => {
  it('gives fontkit’s answers for unitsPerEm and every code point asked twice', () => {
    const plain = open('Regular') as LookupFont;
    const memo = open('Regular') as LookupFont;
    installLookupMemo(memo);
    installLookupMemo(memo); // a second install changes nothing
    expect(memo.unitsPerEm).toBe(plain.unitsPerEm);
    const points = [0x41, 0xe5, 0xe4, 0xf6, 0xc5, 0xa7, 0x20ac, 0x2013, 0x0, 0xad, 0x5d0, 0x4e2d, 0x1f600, 0x10ffff];
    for (let round = 0; round < 2; round += 1) {
      for (const cp of points) expect(memo.hasGlyphForCodePoint(cp), `U+${cp.toString(16)}`).toBe(plain.hasGlyphForCodePoint(cp));
    }
    expect(memo.hasGlyphForCodePoint(0xe5)).toBe(true);
    expect(memo.hasGlyphForCodePoint(0x4e2d)).toBe(false);
  });
});

type Doc = {
  font(src: unknown, size?: number): Doc;
  text(text: string, x: number, y: number): Doc;
  addPage(): Doc;
  end(): void;
  on(event: string, fn: (chunk?: Buffer) => void): void;
  _fontCount: number;
  _font: unknown;
};
const Ctor = PDFDocument as unknown as new (options: object) => Doc;

/** The same drawing on a fresh pdfkit document: fonts as @react-pdf passes them (objects), switched often. */
async function draw(): Promise<{ bytes: Buffer; fontCount: number; reused: boolean; opened: number }> {
  const regular = open('Regular');
  const bold = open('Bold');
  // Every font pdfkit builds (kept or thrown away) starts a subset of its font object.
  let opened = 0;
  for (const f of [regular, bold] as { createSubset(): unknown }[]) {
    const create = f.createSubset.bind(f);
    f.createSubset = () => {
      opened += 1;
      return create();
    };
  }
  const doc = new Ctor({ compress: false, info: { CreationDate: new Date(Date.UTC(2020, 10, 5)) }, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c) => chunks.push(c as Buffer));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.addPage();
  let first: unknown = null;
  let reused = true;
  for (let i = 0; i < 12; i += 1) {
    doc.font(i % 3 === 0 ? bold : regular, 10 + (i % 2));
    if (i === 1) first = doc._font;
    if (i % 3 !== 0 && doc._font !== first) reused = false;
    doc.text(`§ ${20 + i} Sammanträdesprotokoll – justering åäö`, 50, 50 + i * 20);
  }
  const fontCount = doc._fontCount;
  doc.end();
  await done;
  return { bytes: Buffer.concat(chunks), fontCount, reused, opened };
}

describe('pdfkit font reuse', () => {
  it('writes the same bytes, numbers fonts alike and keeps the first embedded font', async () => {
    const before = await draw();
    installFontReuse();
    installFontReuse();
    const after = await draw();
    expect(before.reused).toBe(true);
    expect(after.reused).toBe(true);
    expect(after.fontCount).toBe(before.fontCount);
    expect(after.bytes.length).toBeGreaterThan(1000);
    expect(after.bytes.equals(before.bytes)).toBe(true);
    // Twelve font switches: pdfkit alone builds twelve fonts, with reuse one per face.
    expect(before.opened).toBe(12);
    expect(after.opened).toBe(2);
  });
});
