// checkIncrementalSignature: what the signing-package import accepts and what it refuses.
import { PDFArray, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/api/errors';
import { certificateInfo, checkIncrementalSignature, errorReason, expectFieldSignedBy, keyObjectSigner, signPdf, verifyPdf } from '../../electron/services/signing';
import { appendIncrementalUpdate } from '../../electron/services/signing/incremental';
import { readTrailer } from '../../electron/services/signing/pdf-structure';
import { makeProtocolPdf } from './helpers/pdf';
import { makeTestPki, type Identity } from './helpers/pki';

type Pki = Awaited<ReturnType<typeof makeTestPki>>;
let pki: Pki;
let base: Uint8Array;
let anchors: Uint8Array[];
const at = new Date('2020-11-06T13:00:00Z');

beforeAll(async () => {
  pki = await makeTestPki();
  anchors = [pki.ca.certDer];
  base = await makeProtocolPdf();
});

const sign = async (pdf: Uint8Array, id: Identity, fieldName: string) =>
  (await signPdf(pdf, { fieldName, role: 'Justerare', signer: keyObjectSigner(id.privateKey, [id.certDer, pki.ca.certDer]), signingTime: at })).pdf;

async function reasonOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return errorReason(e);
    throw e;
  }
  return 'inget fel';
}

describe('checkIncrementalSignature', () => {
  it('accepts one new valid signature in the expected field by the expected person', async () => {
    const signed = await sign(base, pki.asa, 'sig-sekreterare');
    const byName = await checkIncrementalSignature(base, signed, { fieldName: 'sig-sekreterare', expectedSubjectName: 'Åsa Öberg', trustAnchors: anchors });
    expect(byName.signature.certificateName).toBe('Åsa Öberg');
    const sha = certificateInfo(pki.asa.certDer).sha256.toUpperCase();
    const byHash = await checkIncrementalSignature(base, signed, { fieldName: 'sig-sekreterare', expectedCertificateSha256: sha });
    expect(byHash.signature.valid).toBe(true);
  });

  it('accepts the second signature on top of the first', async () => {
    const one = await sign(base, pki.asa, 'sig-sekreterare');
    const two = await sign(one, pki.anders, 'sig-ordforande');
    const r = await checkIncrementalSignature(one, two, { fieldName: 'sig-ordforande', expectedSubjectName: 'CN=Anders Lundkvist, O=Testkommunen Justera, C=SE' });
    expect(r.report.signatures).toHaveLength(2);
  });

  it('refuses a file that is not built on the one sent', async () => {
    const other = await makeProtocolPdf({ pages: 3 });
    const signed = await sign(other, pki.asa, 'sig-sekreterare');
    expect(await reasonOf(checkIncrementalSignature(base, signed, { fieldName: 'sig-sekreterare' }))).toBe('not_incremental');
  });

  it('refuses the wrong field and the wrong person', async () => {
    const signed = await sign(base, pki.asa, 'sig-sekreterare');
    expect(await reasonOf(checkIncrementalSignature(base, signed, { fieldName: 'sig-ordforande' }))).toBe('wrong_field');
    expect(await reasonOf(checkIncrementalSignature(base, signed, { fieldName: 'sig-sekreterare', expectedSubjectName: 'Robert Karlsson' }))).toBe('wrong_signer');
  });

  it('refuses two new signatures at once', async () => {
    const two = await sign(await sign(base, pki.asa, 'sig-sekreterare'), pki.anders, 'sig-ordforande');
    expect(await reasonOf(checkIncrementalSignature(base, two, { fieldName: 'sig-ordforande' }))).toBe('unexpected_signatures');
  });

  it('refuses bytes appended after the signature', async () => {
    const signed = await sign(base, pki.asa, 'sig-sekreterare');
    const appended = new Uint8Array(Buffer.concat([signed, Buffer.from('\n%extra\n')]));
    expect(await reasonOf(checkIncrementalSignature(base, appended, { fieldName: 'sig-sekreterare' }))).toBe('unexpected_changes');
  });

  it('refuses a signature over a document whose content was changed before signing', async () => {
    const doc = await PDFDocument.load(base, { updateMetadata: false });
    const raw = doc.getPages()[0]!.node.get(PDFName.of('Contents'));
    const ref = (raw instanceof PDFArray ? raw.get(0) : raw) as PDFRef;
    const altered = appendIncrementalUpdate(base, readTrailer(base), [{ ref, body: doc.context.stream('BT /F1 24 Tf 50 700 Td (Annat beslut) Tj ET') }]).bytes;
    const signed = await sign(altered, pki.asa, 'sig-sekreterare');
    expect((await verifyPdf(signed)).valid).toBe(true); // cryptographically fine …
    expect(await reasonOf(checkIncrementalSignature(base, signed, { fieldName: 'sig-sekreterare' }))).toBe('unexpected_changes'); // … but not what was sent
  });

  it('expectFieldSignedBy finds a field in a report', async () => {
    const signed = await sign(base, pki.robert, 'sig-justerare-1');
    const report = await verifyPdf(signed);
    expect(expectFieldSignedBy(report, 'sig-justerare-1', { expectedSubjectName: 'Robert Karlsson' }).level).toBe('B-B');
    expect(() => expectFieldSignedBy(report, 'sig-sekreterare', {})).toThrow(/inte signerat/);
  });
});
