// Password-based decryption and MAC for PKCS#12: PBES2 (PBKDF2 + AES, OpenSSL 3's default) and the
// legacy PKCS#12 PBE (SHA-1 + 3DES/RC2), which pkijs does not implement. RC2 has its own file.
import { createDecipheriv, createHash, createHmac, pbkdf2Sync, timingSafeEqual } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { signingError } from './errors';
import { hashNames } from './oids';
import { rc2CbcDecrypt } from './rc2';

const hmacHashes: Record<string, string> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};

const pbes2Ciphers: Record<string, { name: string; keyLength: number }> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLength: 24 },
};

const pkcs12Pbe: Record<string, { name: string; keyLength: number; label: string }> = {
  '1.2.840.113549.1.12.1.3': { name: 'des-ede3-cbc', keyLength: 24, label: '3DES' },
  '1.2.840.113549.1.12.1.4': { name: 'des-ede-cbc', keyLength: 16, label: '3DES (två nycklar)' },
  '1.2.840.113549.1.12.1.5': { name: 'rc2', keyLength: 16, label: 'RC2-128' },
  '1.2.840.113549.1.12.1.6': { name: 'rc2', keyLength: 5, label: 'RC2-40' },
};

const knownNames: Record<string, string> = {
  '1.2.840.113549.1.12.1.1': 'RC4-128',
  '1.2.840.113549.1.12.1.2': 'RC4-40',
  '1.2.840.113549.1.5.3': 'DES (PBES1)',
  '1.2.840.113549.1.5.10': 'DES (PBES1)',
};

const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';

export const wrongPassword = () => signingError('signature', 'wrong_password', 'Fel lösenord för certifikatfilen. Kontrollera lösenordet (skiftläge och å, ä, ö) och försök igen.');

export const unsupported = (what: string) =>
  signingError(
    'validation',
    'unsupported_p12',
    `Certifikatfilen använder ${what}, som inte stöds. Exportera certifikatet på nytt med AES-kryptering (t.ex. "AES256-SHA256" i Windows eller openssl pkcs12 -export utan -legacy) och försök igen.`,
  );

/** The password as PKCS#12 wants it for its own KDF: BMPString (UTF-16BE) with a terminating NUL. */
function bmpPassword(password: string): Uint8Array {
  return new Uint8Array(Buffer.from(`${password}\0`, 'utf16le').swap16());
}

/** RFC 7292 appendix B.2 key derivation; id 1 = key, 2 = IV, 3 = MAC key. */
export function pkcs12Kdf(hash: string, password: Uint8Array, salt: Uint8Array, id: number, iterations: number, n: number): Uint8Array {
  const u = createHash(hash).digest().length;
  const v = hash === 'sha384' || hash === 'sha512' ? 128 : 64;
  const repeatTo = (src: Uint8Array): Uint8Array => {
    const out = new Uint8Array(src.length === 0 ? 0 : v * Math.ceil(src.length / v));
    for (let i = 0; i < out.length; i++) out[i] = src[i % src.length] ?? 0;
    return out;
  };
  const D = new Uint8Array(v).fill(id);
  const I = new Uint8Array([...repeatTo(salt), ...repeatTo(password)]);
  const blocks = Math.ceil(n / u);
  const out = new Uint8Array(blocks * u);
  for (let i = 0; i < blocks; i++) {
    let A = createHash(hash).update(D).update(I).digest();
    for (let r = 1; r < iterations; r++) A = createHash(hash).update(A).digest();
    out.set(A, i * u);
    if (i === blocks - 1) break;
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = (I[j + k] ?? 0) + (A[k % u] ?? 0) + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return out.subarray(0, n);
}

export function verifyMac(mac: pkijs.MacData, authSafeContent: Uint8Array, password: string): void {
  const hash = hashNames[mac.mac.digestAlgorithm.algorithmId];
  if (!hash) throw unsupported(`integritetsskyddet ${mac.mac.digestAlgorithm.algorithmId}`);
  const salt = mac.macSalt.valueBlock.valueHexView;
  const expected = Buffer.from(mac.mac.digest.valueBlock.valueHexView);
  const len = createHash(hash).digest().length;
  // Some older tools derive the MAC key from an empty password without the terminating NUL.
  const candidates = password === '' ? [bmpPassword(''), new Uint8Array(0)] : [bmpPassword(password)];
  for (const pw of candidates) {
    const key = pkcs12Kdf(hash, pw, salt, 3, mac.iterations ?? 1, len);
    const got = createHmac(hash, key).update(authSafeContent).digest();
    if (got.length === expected.length && timingSafeEqual(got, expected)) return;
  }
  throw wrongPassword();
}

function decipher(name: string, key: Uint8Array, iv: Uint8Array, data: Uint8Array, label: string): Uint8Array {
  let d;
  try {
    d = createDecipheriv(name, key, iv);
  } catch {
    throw unsupported(`den äldre krypteringen ${label}`);
  }
  try {
    return new Uint8Array(Buffer.concat([d.update(data), d.final()]));
  } catch {
    throw wrongPassword(); // bad padding: the derived key was wrong
  }
}

export function decryptPkcs12Data(alg: pkijs.AlgorithmIdentifier, data: Uint8Array, password: string): Uint8Array {
  if (alg.algorithmId === PBES2) {
    const params = new pkijs.PBES2Params({ schema: alg.algorithmParams });
    if (params.keyDerivationFunc.algorithmId !== PBKDF2) throw unsupported(`nyckelhärledningen ${params.keyDerivationFunc.algorithmId}`);
    const kdf = new pkijs.PBKDF2Params({ schema: params.keyDerivationFunc.algorithmParams });
    const cipher = pbes2Ciphers[params.encryptionScheme.algorithmId];
    if (!cipher) throw unsupported(`krypteringen ${params.encryptionScheme.algorithmId}`);
    const prf = kdf.prf ? hmacHashes[kdf.prf.algorithmId] : 'sha1';
    if (!prf) throw unsupported(`PRF ${kdf.prf?.algorithmId ?? ''}`);
    const salt: unknown = kdf.salt;
    if (!(salt instanceof asn1js.OctetString)) throw unsupported('en PBKDF2-salt som inte är en OCTET STRING');
    const ivParam: unknown = params.encryptionScheme.algorithmParams;
    if (!(ivParam instanceof asn1js.OctetString)) throw unsupported('krypteringsparametrar utan IV');
    const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt.valueBlock.valueHexView, kdf.iterationCount, cipher.keyLength, prf);
    return decipher(cipher.name, key, ivParam.valueBlock.valueHexView, data, cipher.name);
  }
  const pbe = pkcs12Pbe[alg.algorithmId];
  if (!pbe) throw unsupported(`krypteringen ${knownNames[alg.algorithmId] ?? alg.algorithmId}`);
  const params: unknown = alg.algorithmParams;
  const [salt, iterations] = params instanceof asn1js.Sequence ? params.valueBlock.value : [];
  if (!(salt instanceof asn1js.OctetString) || !(iterations instanceof asn1js.Integer)) throw unsupported('felaktiga PBE-parametrar');
  const pw = bmpPassword(password);
  const saltBytes = salt.valueBlock.valueHexView;
  const iter = iterations.valueBlock.valueDec;
  const key = pkcs12Kdf('sha1', pw, saltBytes, 1, iter, pbe.keyLength);
  const iv = pkcs12Kdf('sha1', pw, saltBytes, 2, iter, 8);
  if (pbe.name === 'rc2') {
    const plain = rc2CbcDecrypt(key, pbe.keyLength * 8, iv, data);
    if (!plain) throw wrongPassword();
    return plain;
  }
  return decipher(pbe.name, key, iv, data, pbe.label);
}
