// Why Justera uses @signpdf/signpdf for the byte range and embedding but not for everything:
// @signpdf/placeholder-plain adds a *new* signature field and cannot fill the empty field that the
// protocol already carries for each signer (sig-sekreterare, sig-ordforande, sig-justerare-N). And
// that what we do use of the library is what ends up in the file.
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SignPdf } from '@signpdf/signpdf';
import { findByteRange } from '@signpdf/utils';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyObjectSigner, listSignatureFields, signPdf, verifyPdf } from '../../electron/services/signing';
import { PadesCmsSigner } from '../../electron/services/signing/pades-signer';
import { makeProtocolPdf } from './helpers/pdf';
import { makeTestPki } from './helpers/pki';
import { hasTool, pdfsig } from './helpers/tools';

type Pki = Awaited<ReturnType<typeof makeTestPki>>;
let pki: Pki;
let dir: string;

beforeAll(async () => {
  pki = await makeTestPki();
  dir = mkdtempSync(join(tmpdir(), 'justera-signpdf-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('@signpdf in the signing of a protocol', () => {
  it('placeholder-plain cannot fill the protocol’s existing field: it adds another one (so we fill it ourselves)', async () => {
    const base = await makeProtocolPdf({ useObjectStreams: false });
    const before = (await listSignatureFields(base)).map((f) => f.name);
    expect(before).toContain('sig-ordforande');
    let withPlaceholder: Buffer;
    try {
      withPlaceholder = plainAddPlaceholder({ pdfBuffer: Buffer.from(base), reason: 'Justering', contactInfo: '', name: 'Anders Lundkvist', location: 'Luleå' });
    } catch (e) {
      // Refusing the file is as much a failure to fill the field as adding a new one.
      expect(e).toBeInstanceOf(Error);
      return;
    }
    const signed = await new SignPdf().sign(withPlaceholder, new PadesCmsSigner(keyObjectSigner(pki.anders.privateKey, [pki.anders.certDer, pki.ca.certDer]), [pki.anders.certDer, pki.ca.certDer]));
    // The signature lands in a field of placeholder-plain's own ("Signature2"); the chair's
    // prepared field, sig-ordforande, stays empty.
    const report = await verifyPdf(new Uint8Array(signed));
    expect(report.signatures.map((x) => x.fieldName)).not.toContain('sig-ordforande');
    if (hasTool('pdfsig')) {
      const file = join(dir, 'placeholder-plain.pdf');
      writeFileSync(file, signed);
      const fields = pdfsig(file).signatures.map((x) => [x.fieldName, x.signed]);
      expect(fields).toContainEqual(['sig-ordforande', false]);
      expect(fields.filter(([, signedHere]) => signedHere)).toEqual([[expect.not.stringMatching(/^sig-/), true]]);
    }
  });

  it('signPdf fills the named field and the byte range is the one @signpdf/signpdf computed', async () => {
    const base = await makeProtocolPdf();
    const signer = keyObjectSigner(pki.anders.privateKey, [pki.anders.certDer, pki.ca.certDer]);
    const r = await signPdf(base, { fieldName: 'sig-ordforande', role: 'Ordförande', signer, signingTime: new Date('2020-11-06T13:00:00Z') });
    const out = Buffer.from(r.pdf);
    // No placeholder is left, and the last byte range is the library's: everything but <contents>.
    expect(findByteRange(out).byteRangePlaceholder).toBeUndefined();
    const range = findByteRange(out).byteRangeStrings.at(-1)?.match(/\d+/g)?.map(Number);
    expect(range).toEqual(r.byteRange);
    const [, start, end, tail] = r.byteRange;
    expect(out.subarray(start, start + 1).toString()).toBe('<');
    expect(out.subarray(end - 1, end).toString()).toBe('>');
    expect(end + tail).toBe(out.length);
    expect(Buffer.from(r.pdf.subarray(0, base.length)).equals(Buffer.from(base))).toBe(true);
    const fields = await listSignatureFields(r.pdf);
    expect(fields.find((f) => f.name === 'sig-ordforande')?.signed).toBe(true);
    const report = await verifyPdf(r.pdf);
    expect(report.signatures.map((s) => [s.fieldName, s.valid])).toEqual([['sig-ordforande', true]]);
  });

  it('a key that does not belong to the certificate produces no file (the Signer checks its own CMS)', async () => {
    const base = await makeProtocolPdf();
    const wrongKey = keyObjectSigner(pki.sara.privateKey, [pki.anders.certDer, pki.ca.certDer]);
    await expect(signPdf(base, { fieldName: 'sig-ordforande', role: 'Ordförande', signer: wrongKey, signingTime: new Date('2020-11-06T13:00:00Z') })).rejects.toMatchObject({
      details: { reason: 'signature_self_check' },
    });
  });
});
