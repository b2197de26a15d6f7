// The documents module renders with @react-pdf: sign such a file, as it will come, three times.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Document, Font, Page, Text, renderToBuffer } from '@react-pdf/renderer';
import { createElement as h } from 'react';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEmptySignatureFields, keyObjectSigner, signPdf, verifyPdf } from '../../electron/services/signing';
import { protocolFields } from './helpers/pdf';
import { makeTestPki, type Identity } from './helpers/pki';
import { hasTool, pdfsig, qpdfCheck } from './helpers/tools';
import { requiredOnCi } from '../helpers/tools';

const fontPath = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'justera-rpdf-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!requiredOnCi(`Typsnittet ${fontPath}`, existsSync(fontPath)))('a @react-pdf protocol', () => {
  it('gets fields, three signatures, and passes pdfsig, qpdf and our verifier', async () => {
    Font.register({ family: 'DejaVu', src: fontPath });
    const page = (n: number) =>
      h(
        Page,
        { key: n, size: 'A4', style: { fontFamily: 'DejaVu', padding: 40, fontSize: 11 } },
        h(Text, null, 'SAMMANTRÄDESPROTOKOLL'),
        h(Text, null, `§ ${20 + n} Åtgärder för ökad tillgänglighet i Övertorneå`),
        h(Text, null, `Sida ${n + 1} (2)`),
      );
    const rendered = await renderToBuffer(h(Document, { title: 'Protokoll', creationDate: new Date('2020-11-05T12:00:00Z') }, page(0), page(1)));
    const base = await addEmptySignatureFields(new Uint8Array(rendered), protocolFields);
    expect(Buffer.from(base.subarray(0, 8)).toString('latin1')).toBe('%PDF-1.7');

    const pki = await makeTestPki();
    let pdf = base;
    const steps: [Identity, string, string][] = [
      [pki.asa, 'sig-sekreterare', 'Sekreterare'],
      [pki.anders, 'sig-ordforande', 'Ordförande'],
      [pki.robert, 'sig-justerare-1', 'Justerare'],
    ];
    for (const [id, fieldName, role] of steps) {
      pdf = (await signPdf(pdf, { fieldName, role, signer: keyObjectSigner(id.privateKey, [id.certDer, pki.ca.certDer]), signingTime: new Date('2020-11-06T09:30:00Z') })).pdf;
    }
    const report = await verifyPdf(pdf, { trustAnchors: [pki.ca.certDer] });
    expect(report.valid, report.problems.join('\n')).toBe(true);
    expect(report.signatures.map((s) => s.signerName)).toEqual(['Åsa Öberg', 'Anders Lundkvist', 'Robert Karlsson']);

    const file = join(dir, 'react-pdf-signed.pdf');
    writeFileSync(file, pdf);
    if (hasTool('pdfsig')) {
      const t = pdfsig(file).signatures;
      expect(t.map((s) => s.validation)).toEqual(['Signature is Valid.', 'Signature is Valid.', 'Signature is Valid.']);
      expect(t.map((s) => s.totalDocumentSigned)).toEqual([false, false, true]);
    }
    if (hasTool('qpdf')) expect(qpdfCheck(file).ok).toBe(true);
  });
});
