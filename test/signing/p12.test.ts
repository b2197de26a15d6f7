// PKCS#12 files as openssl writes them (OpenSSL 3 default AES, legacy 3DES, -legacy RC2) into signers.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/api/errors';
import { errorReason, openPkcs12Signer, signPdf, verifyPdf } from '../../electron/services/signing';
import { pkcs12Kdf } from '../../electron/services/signing/p12-crypto';
import { rc2CbcDecrypt } from '../../electron/services/signing/rc2';
import { makeProtocolPdf } from './helpers/pdf';
import { makeTestPki, pem, writeP12 } from './helpers/pki';
import { hasTool } from './helpers/tools';

type Pki = Awaited<ReturnType<typeof makeTestPki>>;
let pki: Pki;
let dir: string;
const password = 'Sommarängens bästa lösen 2020!';

beforeAll(async () => {
  pki = await makeTestPki();
  dir = mkdtempSync(join(tmpdir(), 'justera-p12-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (path: string): Uint8Array => new Uint8Array(readFileSync(path));

async function reasonOf(p: Promise<unknown>): Promise<[string, string | undefined, string]> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return [e.code, errorReason(e), e.message];
    throw e;
  }
  throw new Error('förväntade ett fel');
}

describe.skipIf(!hasTool('openssl'))('PKCS#12 signer', () => {
  it('reads an OpenSSL 3 default file (PBES2/AES-256, HMAC-SHA256) and signs with it', async () => {
    const file = writeP12(dir, pki.asa, [pki.ca], 'asa-aes.p12', { password });
    const info = spawnSync('openssl', ['pkcs12', '-info', '-noout', '-in', file, '-passin', `pass:${password}`], { encoding: 'utf8' });
    expect(info.stdout + info.stderr).toMatch(/Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC/);
    const signer = await openPkcs12Signer(read(file), password);
    expect(signer.keyAlgorithm).toBe('RSA');
    expect(signer.certificate.commonName).toBe('Åsa Öberg');
    const chain = await signer.certificateChain();
    expect(chain.map((c) => Buffer.from(c).toString('hex'))).toEqual([pki.asa.certDer, pki.ca.certDer].map((c) => Buffer.from(c).toString('hex')));
    const r = await signPdf(await makeProtocolPdf(), { fieldName: 'sig-sekreterare', role: 'Sekreterare', signer, signingTime: new Date('2020-11-06T10:00:00Z') });
    const report = await verifyPdf(r.pdf, { trustAnchors: [pki.ca.certDer] });
    expect(report.valid, report.problems.join('\n')).toBe(true);
  });

  it('reads an ECDSA P-256 key', async () => {
    const file = writeP12(dir, pki.anders, [pki.ca], 'anders-ec.p12', { password });
    const signer = await openPkcs12Signer(read(file), password);
    expect(signer.keyAlgorithm).toBe('ECDSA');
    const r = await signPdf(await makeProtocolPdf(), { fieldName: 'sig-ordforande', role: 'Ordförande', signer, signingTime: new Date('2020-11-06T10:00:00Z') });
    expect((await verifyPdf(r.pdf)).valid).toBe(true);
  });

  it('reads the legacy PKCS#12 PBE with 3DES and a SHA-1 MAC', async () => {
    const file = writeP12(dir, pki.sara, [pki.ca], 'sara-3des.p12', {
      password,
      extraArgs: ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1'],
    });
    const signer = await openPkcs12Signer(read(file), password);
    expect(signer.certificate.commonName).toBe('Sara Lundberg');
    expect(await signer.certificateChain()).toHaveLength(2);
  });

  it('reads an OpenSSL 1.x style file (openssl -legacy: 3DES key, RC2-40 certificates)', async () => {
    const file = writeP12(dir, pki.robert, [pki.ca], 'robert-legacy.p12', { password, extraArgs: ['-legacy'] });
    const info = spawnSync('openssl', ['pkcs12', '-legacy', '-info', '-noout', '-in', file, '-passin', `pass:${password}`], { encoding: 'utf8' });
    expect(info.stdout + info.stderr).toMatch(/pbeWithSHA1And40BitRC2-CBC/);
    const signer = await openPkcs12Signer(read(file), password);
    expect(signer.certificate.commonName).toBe('Robert Karlsson');
    expect(signer.keyAlgorithm).toBe('ECDSA');
    expect(await signer.certificateChain()).toHaveLength(2);
  });

  it('refuses an unknown encryption with a message saying how to re-export', async () => {
    const file = writeP12(dir, pki.robert, [], 'robert-rc4.p12', { password, extraArgs: ['-legacy', '-certpbe', 'PBE-SHA1-RC4-128'] });
    const [code, reason, message] = await reasonOf(openPkcs12Signer(read(file), password));
    expect([code, reason]).toEqual(['validation', 'unsupported_p12']);
    expect(message).toMatch(/RC4-128, som inte stöds\. Exportera certifikatet på nytt med AES/);
  });

  it('RC2-CBC decrypts what openssl enc encrypts (40, 64 and 128 effective bits)', () => {
    const plain = Buffer.from('Sammanträdesprotokoll § 20 – justerat av Åsa Öberg.');
    const iv = '1122334455667788';
    for (const [cipher, keyHex, bits] of [
      ['rc2-40-cbc', '0102030405', 40],
      ['rc2-64-cbc', '0011223344556677', 64],
      ['rc2-cbc', '000102030405060708090a0b0c0d0e0f', 128],
    ] as const) {
      const ct = execFileSync('openssl', ['enc', `-${cipher}`, '-provider', 'legacy', '-provider', 'default', '-K', keyHex, '-iv', iv], { input: plain });
      const pt = rc2CbcDecrypt(Buffer.from(keyHex, 'hex'), bits, Buffer.from(iv, 'hex'), new Uint8Array(ct));
      expect(pt && Buffer.from(pt).equals(plain)).toBe(true);
      expect(rc2CbcDecrypt(Buffer.from(keyHex.replace(/^0/, '1'), 'hex'), bits, Buffer.from(iv, 'hex'), new Uint8Array(ct))).not.toEqual(pt);
    }
  });

  it('says "fel lösenord" for a wrong password, for both kinds of file', async () => {
    const aes = writeP12(dir, pki.asa, [], 'wrong-aes.p12', { password });
    const des = writeP12(dir, pki.asa, [], 'wrong-3des.p12', { password, extraArgs: ['-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES'] });
    for (const file of [aes, des]) {
      const [code, reason, message] = await reasonOf(openPkcs12Signer(read(file), 'sommarängens bästa lösen 2020!'));
      expect([code, reason]).toEqual(['signature', 'wrong_password']);
      expect(message).toMatch(/Fel lösenord/);
    }
  });

  it('refuses a file without a private key, and a file that is not PKCS#12', async () => {
    const certOnly = join(dir, 'cert-only.p12');
    const certPem = join(dir, 'cert-only.pem');
    writeFileSync(certPem, pem('CERTIFICATE', pki.asa.certDer));
    execFileSync('openssl', ['pkcs12', '-export', '-nokeys', '-in', certPem, '-out', certOnly, '-passout', `pass:${password}`]);
    expect((await reasonOf(openPkcs12Signer(read(certOnly), password))).slice(0, 2)).toEqual(['signature', 'key_missing']);
    expect((await reasonOf(openPkcs12Signer(new TextEncoder().encode('inte en p12'), password))).slice(0, 2)).toEqual(['validation', 'unsupported_p12']);
  });

  it('derives PKCS#12 keys of the requested length (correctness is shown by the 3DES file above)', () => {
    expect(pkcs12Kdf('sha1', new Uint8Array([0, 0]), new Uint8Array(8), 1, 1, 24)).toHaveLength(24);
    expect(pkcs12Kdf('sha256', new Uint8Array([0, 0x61, 0, 0]), new Uint8Array(8), 3, 2048, 32)).toHaveLength(32);
  });
});
