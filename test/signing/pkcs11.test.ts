// Smart-card style signing through PKCS#11, against SoftHSM2 tokens built in a temp directory.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/api/errors';
import { errorReason, listPkcs11Tokens, openPkcs11Signer, signPdf, verifyPdf } from '../../electron/services/signing';
import { makeProtocolPdf } from './helpers/pdf';
import { makeTestPki } from './helpers/pki';
import { SOFTHSM_PIN, softhsmIn, softhsmModule } from './helpers/softhsm';
import { hasTool, pdfsig } from './helpers/tools';

const modulePath = softhsmModule;
const available = modulePath !== undefined;
if (!available) {
  console.warn('SoftHSM2/OpenSC saknas (apt-get install softhsm2 opensc): PKCS#11-testerna hoppas över.');
}

const PIN = SOFTHSM_PIN;
type Pki = Awaited<ReturnType<typeof makeTestPki>>;
let pki: Pki;
let dir: string;

beforeAll(async () => {
  if (!available) return;
  dir = mkdtempSync(join(tmpdir(), 'justera-p11-'));
  const { initToken, importIdentity } = softhsmIn(dir);
  pki = await makeTestPki();
  // Like a SITHS card: an authentication certificate and a signing (nonRepudiation) certificate.
  const auth = await pki.issue('Robert Karlsson', 'RSA', { keyUsage: ['digitalSignature', 'keyEncipherment'] });
  initToken('SITHS Robert');
  importIdentity('SITHS Robert', auth, '02', 'Legitimering');
  importIdentity('SITHS Robert', pki.sara, '01', 'Underskrift');
  initToken('SITHS Anders');
  importIdentity('SITHS Anders', pki.anders, 'a1', 'Underskrift EC');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function reasonOf(p: Promise<unknown>): Promise<[string, string | undefined]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return [e.code, errorReason(e)];
    throw e;
  }
  throw new Error('förväntade ett fel');
}

describe.skipIf(!available)('PKCS#11 (SoftHSM2)', () => {
  it('lists the tokens with their labels', async () => {
    const tokens = await listPkcs11Tokens(modulePath!);
    expect(tokens.map((t) => t.tokenLabel).sort()).toEqual(['SITHS Anders', 'SITHS Robert']);
    expect(tokens.every((t) => t.manufacturer === 'SoftHSM project')).toBe(true);
  });

  it('says "fel PIN-kod" for a wrong PIN', async () => {
    expect(await reasonOf(openPkcs11Signer({ modulePath: modulePath!, tokenLabel: 'SITHS Robert', pin: '000000' }))).toEqual(['signature', 'wrong_pin']);
  });

  it('asks which card when several are present and none is named', async () => {
    expect(await reasonOf(openPkcs11Signer({ modulePath: modulePath!, pin: PIN }))).toEqual(['signature', 'token_missing']);
  });

  it('signs with the RSA signing key (CKM_SHA256_RSA_PKCS), preferring the nonRepudiation certificate', async () => {
    const signer = await openPkcs11Signer({ modulePath: modulePath!, tokenLabel: 'SITHS Robert', pin: PIN, extraCertificates: [pki.ca.certDer] });
    try {
      expect(signer.keyAlgorithm).toBe('RSA');
      expect(signer.certificate.commonName).toBe('Sara Lundberg');
      expect(await signer.certificateChain()).toHaveLength(2);
      const r = await signPdf(await makeProtocolPdf(), { fieldName: 'sig-justerare-1', role: 'Justerare', signer, signingTime: new Date('2020-11-06T15:00:00Z') });
      const report = await verifyPdf(r.pdf, { trustAnchors: [pki.ca.certDer] });
      expect(report.valid, report.problems.join('\n')).toBe(true);
      expect(report.signatures[0]!.certificateName).toBe('Sara Lundberg');
      if (hasTool('pdfsig')) {
        const file = join(dir, 'p11-rsa.pdf');
        writeFileSync(file, r.pdf);
        expect(
          pdfsig(file)
            .signatures.filter((s) => s.signed)
            .map((s) => s.validation),
        ).toEqual(['Signature is Valid.']);
      }
    } finally {
      await signer.close();
    }
  });

  it('signs with an ECDSA P-256 key (CKM_ECDSA, raw r||s turned into DER)', async () => {
    const signer = await openPkcs11Signer({ modulePath: modulePath!, tokenLabel: 'SITHS Anders', pin: PIN, extraCertificates: [pki.ca.certDer] });
    try {
      expect(signer.keyAlgorithm).toBe('ECDSA');
      // ECDSA signatures are randomised; sign several times so a DER edge case (high bit, short r/s) shows up.
      for (let i = 0; i < 4; i++) {
        const r = await signPdf(await makeProtocolPdf(), { fieldName: 'sig-ordforande', role: 'Ordförande', signer, signingTime: new Date('2020-11-06T14:00:00Z') });
        const report = await verifyPdf(r.pdf, { trustAnchors: [pki.ca.certDer] });
        expect(report.valid, report.problems.join('\n')).toBe(true);
      }
    } finally {
      await signer.close();
    }
  });

  it('picks a key by label when asked', async () => {
    const signer = await openPkcs11Signer({ modulePath: modulePath!, tokenLabel: 'SITHS Robert', pin: PIN, keyLabel: 'Legitimering' });
    try {
      expect(signer.certificate.keyUsage).toEqual(['digitalSignature', 'keyEncipherment']);
    } finally {
      await signer.close();
    }
  });
});
