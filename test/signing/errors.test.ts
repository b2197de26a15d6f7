// Every refused input gives an AppError with a stable reason and a Swedish message saying what to do.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/api/errors';
import { addEmptySignatureFields, errorReason, keyObjectSigner, listSignatureFields, signPdf, verifyPdf, type SignPdfOptions, type Signer } from '../../electron/services/signing';
import { makeProtocolPdf } from './helpers/pdf';
import { makeTestPki, type Identity } from './helpers/pki';
import { hasTool, pdfsig } from './helpers/tools';

type Pki = Awaited<ReturnType<typeof makeTestPki>>;
let pki: Pki;
let base: Uint8Array;
let dir: string;
const at = new Date('2020-11-06T13:00:00Z');

beforeAll(async () => {
  pki = await makeTestPki();
  base = await makeProtocolPdf();
  dir = mkdtempSync(join(tmpdir(), 'justera-sigerr-'));
});
afterAll(() => (process.env.KEEP_TMP ? undefined : rmSync(dir, { recursive: true, force: true })));

const signer = (id: Identity): Signer => keyObjectSigner(id.privateKey, [id.certDer, pki.ca.certDer]);
const options = (over: Partial<SignPdfOptions> = {}): SignPdfOptions => ({
  fieldName: 'sig-ordforande',
  role: 'Ordförande',
  signer: signer(pki.anders),
  signingTime: at,
  ...over,
});

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    const err = e as AppError;
    expect(err.message).toMatch(/[åäöÅÄÖ]|\b(och|för|inte|eller)\b/); // Swedish, written for the user
    return err;
  }
  throw new Error('förväntade ett fel');
}

describe('refused inputs', () => {
  it('input that is not a PDF', async () => {
    const e = await rejection(signPdf(new TextEncoder().encode('Detta är ingen PDF'), options()));
    expect([e.code, errorReason(e)]).toEqual(['validation', 'not_pdf']);
  });

  it('a truncated PDF', async () => {
    const e = await rejection(signPdf(base.subarray(0, base.length - 120), options()));
    expect([e.code, errorReason(e)]).toEqual(['validation', 'truncated_pdf']);
    expect(e.message).toMatch(/ofullständig/);
  });

  it.skipIf(!hasTool('qpdf'))('an encrypted PDF (qpdf --encrypt)', async () => {
    const plain = join(dir, 'plain.pdf');
    const enc = join(dir, 'enc.pdf');
    writeFileSync(plain, base);
    execFileSync('qpdf', ['--encrypt', 'anv', 'ägare', '256', '--', plain, enc]);
    const e = await rejection(signPdf(new Uint8Array(readFileSync(enc)), options()));
    expect([e.code, errorReason(e)]).toEqual(['validation', 'encrypted_pdf']);
  });

  it('a missing field', async () => {
    const e = await rejection(signPdf(base, options({ fieldName: 'sig-justerare-2' })));
    expect([e.code, errorReason(e)]).toEqual(['validation', 'field_missing']);
    expect(e.message).toContain('sig-justerare-2');
  });

  it('a field already signed', async () => {
    const once = (await signPdf(base, options())).pdf;
    const e = await rejection(signPdf(once, options({ signer: signer(pki.robert) })));
    expect([e.code, errorReason(e)]).toEqual(['conflict', 'field_already_signed']);
  });

  it('an expired certificate', async () => {
    const old = await pki.issue('Robert Karlsson', 'RSA', { notBefore: new Date('2015-01-01Z'), notAfter: new Date('2019-12-31Z') });
    const e = await rejection(signPdf(base, options({ signer: signer(old) })));
    expect([e.code, errorReason(e)]).toEqual(['signature', 'certificate_expired']);
    expect(e.message).toContain('2019-12-31');
  });

  it('a certificate not yet valid', async () => {
    const future = await pki.issue('Robert Karlsson', 'ECDSA', { notBefore: new Date('2021-01-01Z') });
    const e = await rejection(signPdf(base, options({ signer: signer(future) })));
    expect([e.code, errorReason(e)]).toEqual(['signature', 'certificate_not_yet_valid']);
  });

  it('a certificate without digitalSignature/nonRepudiation', async () => {
    const enc = await pki.issue('Sara Lundberg', 'RSA', { keyUsage: ['keyEncipherment', 'dataEncipherment'] });
    const e = await rejection(signPdf(base, options({ signer: signer(enc) })));
    expect([e.code, errorReason(e)]).toEqual(['signature', 'certificate_key_usage']);
  });

  it('a certificate the verifier would refuse (CA, serverAuth, RSA 1024, bidi name) is refused before signing, with the same reasons', async () => {
    const unfit = [
      [await pki.issue('Sara Lundberg', 'RSA', { isCa: true, keyUsage: ['digitalSignature', 'keyCertSign'] }), /utfärdarcertifikat \(CA\)/],
      [await pki.issue('Sara Lundberg', 'RSA', { extendedKeyUsage: ['1.3.6.1.5.5.7.3.1'] }), /webbserver \(serverAuth\)/],
      [await pki.issue('Sara Lundberg', 'RSA', { modulusLength: 1024 }), /RSA-nyckeln har bara 1024 bitar/],
      [await pki.issue('Sara \u202egrebdnuL', 'RSA'), /vänder textens riktning/],
    ] as const;
    for (const [id, why] of unfit) {
      const e = await rejection(signPdf(base, options({ signer: signer(id) })));
      expect([e.code, errorReason(e)]).toEqual(['signature', 'certificate_unfit']);
      expect(e.message).toMatch(why);
    }
  });

  it('a key that does not belong to the certificate', async () => {
    const wrong = keyObjectSigner(pki.sara.privateKey, [pki.asa.certDer, pki.ca.certDer]);
    const e = await rejection(signPdf(base, options({ signer: wrong })));
    expect([e.code, errorReason(e)]).toEqual(['signature', 'signature_self_check']);
  });

  it('adding fields to a signed file is refused (it would break the signatures)', async () => {
    const once = (await signPdf(base, options())).pdf;
    const e = await rejection(addEmptySignatureFields(once, [{ name: 'sig-x', page: 0, rect: [0, 0, 10, 10] }]));
    expect(errorReason(e)).toBe('field_already_signed');
  });
});

describe('creating a missing field only when asked', () => {
  it('creates and signs a new field, keeping the existing ones', async () => {
    const first = (await signPdf(base, options())).pdf;
    const r = await signPdf(
      first,
      options({
        fieldName: 'sig-justerare-2',
        role: 'Justerare',
        signer: signer(pki.robert),
        createFieldIfMissing: { page: 'last', rect: [390, 160, 550, 230] },
      }),
    );
    const fields = await listSignatureFields(r.pdf);
    expect(fields.map((f) => [f.name, f.signed])).toEqual([
      ['sig-sekreterare', false],
      ['sig-ordforande', true],
      ['sig-justerare-1', false],
      ['sig-justerare-2', true],
    ]);
    // A new visible widget on the page after a signature could cover signed content (issue 13):
    // the earlier signature is "ändrat efter underskrift"; the new one itself is valid.
    const report = await verifyPdf(r.pdf, { trustAnchors: [pki.ca.certDer] });
    expect(report.valid).toBe(false);
    expect(report.signatures.map((s) => s.fieldName)).toEqual(['sig-ordforande', 'sig-justerare-2']);
    expect(report.signatures.map((s) => s.valid)).toEqual([false, true]);
    expect(report.signatures[0]!.problems.join(' ')).toMatch(/Ändrat efter underskrift: Ett nytt synligt signaturfält har lagts till på en sida/);
    // An invisible one (zero area) is what a signature needs and nothing more.
    const invisible = await signPdf(first, options({ fieldName: 'sig-justerare-2', role: 'Justerare', signer: signer(pki.robert), createFieldIfMissing: { page: 'last', rect: [0, 0, 0, 0] } }));
    const inv = await verifyPdf(invisible.pdf, { trustAnchors: [pki.ca.certDer] });
    expect(inv.valid, inv.problems.join('\n')).toBe(true);
    expect(inv.signatures[0]!.changesAfter.map((c) => c.what)).toContain('Signatur tillagd i fältet "sig-justerare-2"');
    if (hasTool('pdfsig')) {
      const file = join(dir, 'created.pdf');
      writeFileSync(file, r.pdf);
      const t = pdfsig(file);
      expect(t.signatures.map((s) => [s.fieldName, s.signed, s.validation, s.totalDocumentSigned])).toEqual([
        ['sig-sekreterare', false, undefined, false],
        ['sig-ordforande', true, 'Signature is Valid.', false],
        ['sig-justerare-1', false, undefined, false],
        ['sig-justerare-2', true, 'Signature is Valid.', true],
      ]);
    }
  });

  it('refuses to create a field that already exists', async () => {
    const e = await rejection(addEmptySignatureFields(base, [{ name: 'sig-ordforande', page: 0, rect: [0, 0, 10, 10] }]));
    expect(errorReason(e)).toBe('field_exists');
  });
});
