// Test PKI made at test time: a CA, signer certificates with Swedish names, PKCS#12 files via openssl.
import { execFileSync } from 'node:child_process';
import { createHash, createPrivateKey, sign as cryptoSign, webcrypto, type KeyObject } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

export type TestKeyAlgorithm = 'RSA' | 'ECDSA';

export interface Identity {
  commonName: string;
  certDer: Uint8Array;
  /** WebCrypto private key, to issue further certificates when this is a CA. */
  cryptoKey: webcrypto.CryptoKey;
  privateKey: KeyObject;
  pkcs8Der: Uint8Array;
}

export interface IssueOptions {
  commonName: string;
  algorithm?: TestKeyAlgorithm;
  notBefore?: Date;
  notAfter?: Date;
  /** Key usage bit names; null leaves the extension out. */
  keyUsage?: string[] | null;
  extendedKeyUsage?: string[];
  isCa?: boolean;
  organization?: string;
  /** Subject serialNumber (2.5.4.5), givenName and surname, as a signing service's certificate carries them (the personnummer or HSA-id). */
  serialNumber?: string;
  givenName?: string;
  surname?: string;
  /** Further CNs after the first (a forged subject with two names). */
  extraCommonNames?: string[];
  /** Further serialNumbers after the first (a subject naming two people). */
  extraSerialNumbers?: string[];
  /** RSA modulus in bits (default 2048): a weak key for attacks. */
  modulusLength?: number;
  /** The issuer signs with SHA-1 (sha1WithRSAEncryption) instead of SHA-256: a broken hash, for attacks. RSA issuers only. */
  sha1Signature?: boolean;
}

const kuBits = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign'];

function keyUsageExtension(names: string[]): pkijs.Extension {
  let byte = 0;
  let highest = 0;
  for (const n of names) {
    const i = kuBits.indexOf(n);
    if (i < 0) throw new Error(`okänd keyUsage ${n}`);
    byte |= 0x80 >> i;
    highest = Math.max(highest, i);
  }
  const bits = new asn1js.BitString({ valueHex: new Uint8Array([byte]), unusedBits: 7 - highest });
  return new pkijs.Extension({ extnID: '2.5.29.15', critical: true, extnValue: bits.toBER(false) });
}

/** C, O, CN as three single-valued RDNs (pkijs alone would put them in one multi-valued RDN). */
function name(
  commonName: string,
  organization: string,
  person: Pick<IssueOptions, 'serialNumber' | 'givenName' | 'surname' | 'extraCommonNames' | 'extraSerialNumbers'> = {},
): pkijs.RelativeDistinguishedNames {
  const tv = (type: string, value: asn1js.PrintableString | asn1js.Utf8String): pkijs.AttributeTypeAndValue => new pkijs.AttributeTypeAndValue({ type, value });
  const rdns = [
    tv('2.5.4.6', new asn1js.PrintableString({ value: 'SE' })),
    tv('2.5.4.10', new asn1js.Utf8String({ value: organization })),
    ...(person.serialNumber ? [tv('2.5.4.5', new asn1js.PrintableString({ value: person.serialNumber }))] : []),
    ...(person.extraSerialNumbers ?? []).map((sn) => tv('2.5.4.5', new asn1js.PrintableString({ value: sn }))),
    ...(person.givenName ? [tv('2.5.4.42', new asn1js.Utf8String({ value: person.givenName }))] : []),
    ...(person.surname ? [tv('2.5.4.4', new asn1js.Utf8String({ value: person.surname }))] : []),
    tv('2.5.4.3', new asn1js.Utf8String({ value: commonName })),
    ...(person.extraCommonNames ?? []).map((cn) => tv('2.5.4.3', new asn1js.Utf8String({ value: cn }))),
  ].map((tv) => new asn1js.Set({ value: [tv.toSchema()] }));
  return pkijs.RelativeDistinguishedNames.fromBER(new asn1js.Sequence({ value: rdns }).toBER(false));
}

let serialCounter = 1;

async function generateKeys(algorithm: TestKeyAlgorithm, modulusLength = 2048): Promise<webcrypto.CryptoKeyPair> {
  const params = algorithm === 'RSA' ? { name: 'RSASSA-PKCS1-v1_5', modulusLength, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' } : { name: 'ECDSA', namedCurve: 'P-256' };
  return (await webcrypto.subtle.generateKey(params, true, ['sign', 'verify'])) as webcrypto.CryptoKeyPair;
}

/** Issues a certificate; without `issuer` it is self-signed (a root CA). */
export async function issue(options: IssueOptions, issuer?: Identity): Promise<Identity> {
  const keys = await generateKeys(options.algorithm ?? 'RSA', options.modulusLength);
  const cert = new pkijs.Certificate();
  cert.version = 2;
  const serial = new Uint8Array([0x10, (serialCounter >> 8) & 0xff, serialCounter & 0xff, ...webcrypto.getRandomValues(new Uint8Array(5))]);
  serialCounter++;
  cert.serialNumber = new asn1js.Integer({ valueHex: serial });
  const org = options.organization ?? 'Testkommunen Justera';
  cert.subject = name(options.commonName, org, options);
  cert.issuer = issuer ? pkijs.Certificate.fromBER(new Uint8Array(issuer.certDer)).subject : name(options.commonName, org);
  cert.notBefore.value = options.notBefore ?? new Date('2020-01-01T00:00:00Z');
  cert.notAfter.value = options.notAfter ?? new Date('2040-01-01T00:00:00Z');
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey);
  const extensions: pkijs.Extension[] = [];
  if (options.isCa) {
    extensions.push(new pkijs.Extension({ extnID: '2.5.29.19', critical: true, extnValue: new pkijs.BasicConstraints({ cA: true }).toSchema().toBER(false) }));
  }
  const ku = options.keyUsage === undefined ? (options.isCa ? ['keyCertSign', 'cRLSign'] : ['digitalSignature', 'nonRepudiation']) : options.keyUsage;
  if (ku) extensions.push(keyUsageExtension(ku));
  if (options.extendedKeyUsage) {
    extensions.push(
      new pkijs.Extension({
        extnID: '2.5.29.37',
        critical: true,
        extnValue: new pkijs.ExtKeyUsage({ keyPurposes: options.extendedKeyUsage }).toSchema().toBER(false),
      }),
    );
  }
  const ski = createHash('sha1').update(cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView).digest();
  extensions.push(new pkijs.Extension({ extnID: '2.5.29.14', extnValue: new asn1js.OctetString({ valueHex: ski }).toBER(false) }));
  cert.extensions = extensions;
  if (options.sha1Signature && issuer) {
    cert.signature = new pkijs.AlgorithmIdentifier({ algorithmId: '1.2.840.113549.1.1.5', algorithmParams: new asn1js.Null() });
    cert.signatureAlgorithm = cert.signature;
    const tbs = new Uint8Array(cert.encodeTBS().toBER(false));
    cert.signatureValue = new asn1js.BitString({ valueHex: cryptoSign('sha1', tbs, issuer.privateKey) });
  } else await cert.sign(issuer ? issuer.cryptoKey : keys.privateKey, 'SHA-256');
  const pkcs8Der = new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  return {
    commonName: options.commonName,
    certDer: new Uint8Array(cert.toSchema(true).toBER(false)),
    cryptoKey: keys.privateKey,
    privateKey: createPrivateKey({ key: Buffer.from(pkcs8Der), format: 'der', type: 'pkcs8' }),
    pkcs8Der,
  };
}

export function pem(label: string, der: Uint8Array): string {
  const b64 = Buffer.from(der)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trim();
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

export interface P12Options {
  password: string;
  /** Extra openssl pkcs12 arguments, e.g. ['-legacy'] or ['-keypbe', 'PBE-SHA1-3DES', …]. */
  extraArgs?: string[];
}

/** Writes key, certificate and chain as a PKCS#12 file with the system's openssl. */
export function writeP12(dir: string, id: Identity, chain: Identity[], file: string, options: P12Options): string {
  const keyPath = join(dir, `${file}.key.pem`);
  const certPath = join(dir, `${file}.crt.pem`);
  const chainPath = join(dir, `${file}.chain.pem`);
  const out = join(dir, file);
  writeFileSync(keyPath, pem('PRIVATE KEY', id.pkcs8Der));
  writeFileSync(certPath, pem('CERTIFICATE', id.certDer));
  writeFileSync(chainPath, chain.map((c) => pem('CERTIFICATE', c.certDer)).join(''));
  const args = ['pkcs12', '-export', '-inkey', keyPath, '-in', certPath, '-out', out, '-passout', `pass:${options.password}`];
  if (chain.length > 0) args.push('-certfile', chainPath);
  execFileSync('openssl', [...args, ...(options.extraArgs ?? [])], { stdio: 'pipe' });
  return out;
}

/** A root CA and one signer per Swedish name, generated once per test file. */
export async function makeTestPki() {
  const ca = await issue({ commonName: 'Justera Test-CA Ö', isCa: true, algorithm: 'RSA' });
  const signer = (commonName: string, algorithm: TestKeyAlgorithm, extra: Partial<IssueOptions> = {}) => issue({ commonName, algorithm, ...extra }, ca);
  return {
    ca,
    asa: await signer('Åsa Öberg', 'RSA'),
    anders: await signer('Anders Lundkvist', 'ECDSA'),
    sara: await signer('Sara Lundberg', 'RSA'),
    robert: await signer('Robert Karlsson', 'ECDSA'),
    issue: signer,
  };
}

/** Adds the test CA to a back end's trust store through the API, as an administrator would. */
export async function trustCa(api: import('../../../core/api/client').ApiClient, ca: Identity): Promise<void> {
  await api.call('trust.add', { certificateBase64: Buffer.from(ca.certDer).toString('base64') });
}
