// The signing package carries its PDF as base64, encoded and decoded by the one helper
// (core/format/base64) — not by the PDF port. A package whose PDF text is not base64, or decodes to
// other bytes, is refused as damaged (a validation error, never an internal one).
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as justering from '../../core/app/justering';
import { importMeeting } from '../../core/app/meetings';
import { AppError } from '../../core/api/errors';
import { base64ToBytes } from '../../core/format/base64';
import { referenceCopy } from '../helpers/backend';
import { fakeJustering, type FakeJustering } from '../helpers/fake-justering';

let f: FakeJustering;
let versionId: string;

beforeEach(async () => {
  f = fakeJustering();
  const { meetingId } = importMeeting(f.deps, referenceCopy());
  versionId = (await justering.freeze(f.deps, { meetingId, groupIndex: 0 })).version.id;
});
afterEach(() => f.close());

describe('the signing package’s PDF as base64', () => {
  it('opens as exactly the bytes it was exported with', async () => {
    const exported = justering.exportPackage(f.deps, { versionId, field: 'sig-ordforande' });
    const opened = await justering.openPackage(f.deps, { content: exported.content });
    expect(base64ToBytes(opened.pdfBase64)).toEqual(justering.currentPdf(f.deps, { versionId }).pdf);
  });

  it('a PDF field that is not base64 or is other bytes is refused as damaged', async () => {
    const exported = JSON.parse(justering.exportPackage(f.deps, { versionId, field: 'sig-ordforande' }).content) as { pdf: string };
    const other = fc.oneof(
      fc.constantFrom('A', '%%%', 'AAAA=', 'ä', exported.pdf.slice(1), `${exported.pdf}AAAA`),
      fc.base64String({ minLength: 4 }).filter((b) => b !== exported.pdf),
    );
    await fc.assert(
      fc.asyncProperty(other, async (pdf) => {
        const e = await justering.openPackage(f.deps, { content: JSON.stringify({ ...exported, pdf }) }).then(
          () => null,
          (x: unknown) => x,
        );
        expect(e instanceof AppError && [e.code, e.message]).toEqual([
          'validation',
          'Filen är inget giltigt underskriftspaket från Justera (PDF-filen stämmer inte med kontrollsumman; filen har ändrats eller är skadad). Be sekreteraren skicka paketet igen.',
        ]);
      }),
      { numRuns: 40 },
    );
  });
});
