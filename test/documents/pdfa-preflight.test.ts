// The documents judged by a real PDF/A validator (PDFBox Preflight, see helpers/preflight.ts):
// the protocol, the kallelse, the extract and the notice are PDF/A-1b clean apart from declaring
// part 2, which means every PDF/A-2b rule that Preflight knows holds too. So is a signed protocol
// (the signature's visible stamp embeds its own font subset).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExtractData, buildKallelseData, buildNoticeData, buildProtocolData } from '../../core/documents';
import { readFileSync } from 'node:fs';
import { addEmptySignatureFields, openPkcs12Signer, signPdf } from '../../electron/services/signing';
import { makeTestPki, writeP12 } from '../signing/helpers/pki';
import { renderExtract, renderKallelse, renderNotice, renderProtocol, type RenderResult } from '../../templates/render';
import { GENERATED_AT, REFERENCE_NOTICES, referenceMeeting } from './helpers/reference';
import { tempDir, type TempDir } from './helpers/pdf-tools';
import { asPartOne, preflight, preflightAvailable } from './helpers/preflight';

if (!preflightAvailable) console.warn('PDFBox Preflight saknas (apt-get install default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java): PDF/A-testerna hoppas över.');

const documents: [string, () => Promise<RenderResult>][] = [
  ['protokoll', () => renderProtocol(buildProtocolData(referenceMeeting(), { generatedAt: GENERATED_AT, notices: REFERENCE_NOTICES }))],
  ['kallelse', () => renderKallelse(buildKallelseData(referenceMeeting(), { generatedAt: GENERATED_AT, openingItems: ['Val av justerare'] }))],
  ['utdrag', () => renderExtract(buildExtractData(referenceMeeting(), { generatedAt: GENERATED_AT, paragraphs: [20, 21, 22] }))],
  [
    'tillkännagivande',
    () => renderNotice(buildNoticeData(referenceMeeting(), { generatedAt: GENERATED_AT, paragraphs: [20, 21, 22], postedOn: '2020-11-06', appealCourt: 'Förvaltningsrätten i Luleå' })),
  ],
];

let dir: TempDir;
beforeAll(() => {
  dir = tempDir('justera-pdfa-');
});
afterAll(() => dir?.remove());

describe.skipIf(!preflightAvailable)('PDF/A according to PDFBox Preflight', () => {
  it.each(documents)(
    '%s: the only PDF/A-1b complaint is the declared part 2, and as part 1 it is valid',
    async (name, render) => {
      const { pdf } = await render();
      const asIs = preflight(dir.file(`${name}.pdf`, pdf));
      expect(asIs.errors).toEqual(['7.11.2 : Error on MetaData, part must be 1']);
      const partOne = preflight(dir.file(`${name}-del1.pdf`, asPartOne(pdf)));
      expect(partOne.errors).toEqual([]);
      expect(partOne.valid).toBe(true);
    },
    120_000,
  );

  it('a signed protocol: the signature stamp keeps the file PDF/A', async () => {
    const { pdf: typeset, signatureFields } = await documents[0]![1]();
    const pdf = await addEmptySignatureFields(typeset, signatureFields);
    const pki = await makeTestPki();
    const p12 = writeP12(dir.path, pki.anders, [pki.ca], 'anders.p12', { password: 'lösen' });
    const signer = await openPkcs12Signer(readFileSync(p12), 'lösen');
    const signed = (await signPdf(pdf, { fieldName: 'sig-ordforande', signer, role: 'Ordförande', signingTime: new Date('2020-11-05T11:00:00+01:00') })).pdf;
    expect(preflight(dir.file('signerat.pdf', signed)).errors).toEqual(['7.11.2 : Error on MetaData, part must be 1']);
    expect(preflight(dir.file('signerat-del1.pdf', asPartOne(signed))).valid).toBe(true);
  }, 120_000);
});
