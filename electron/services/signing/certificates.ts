// Certificate facts (names, validity, key usage) and the checks a signing certificate must pass.
import { X509Certificate, createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { printable } from '../../../core/domain/printable';
import { signingError } from './errors';
import { owned, toHex } from './pdf-text';

export interface CertificateInfo {
  subject: string;
  issuer: string;
  commonName: string;
  /** Every CN in the subject: a certificate with more than one is refused (readers disagree on which one to show). */
  commonNames: string[];
  /** The subject's serialNumber attributes (2.5.4.5): where Swedish e-ID certificates put the personnummer or HSA-id. */
  subjectSerialNumbers: string[];
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  sha256: string;
  /** Named key usage bits, or null when the certificate has no key usage extension. */
  keyUsage: string[] | null;
}

const attributeNames: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.42': 'GN',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'E',
};

const keyUsageBits = ['digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment', 'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly'];

function attributeText(value: unknown): string {
  if (value instanceof asn1js.BaseStringBlock) return value.valueBlock.value;
  if (value instanceof asn1js.BaseBlock) return `#${toHex(new Uint8Array(value.toBER()))}`;
  return String(value);
}

/** RFC 4514 order (most specific first), values as the Unicode text they are. */
export function formatName(name: pkijs.RelativeDistinguishedNames): string {
  return [...name.typesAndValues]
    .reverse()
    .map((tv) => `${attributeNames[tv.type] ?? tv.type}=${attributeText(tv.value)}`)
    .join(', ');
}

export function nameField(name: pkijs.RelativeDistinguishedNames, oid: string): string | undefined {
  const tv = name.typesAndValues.find((t) => t.type === oid);
  return tv ? attributeText(tv.value) : undefined;
}

export function nameFields(name: pkijs.RelativeDistinguishedNames, oid: string): string[] {
  return name.typesAndValues.filter((t) => t.type === oid).map((t) => attributeText(t.value));
}

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(owned(der));
}

export function keyUsageOf(cert: pkijs.Certificate): string[] | null {
  const ext = cert.extensions?.find((e) => e.extnID === '2.5.29.15');
  if (!ext) return null;
  const parsed = asn1js.fromBER(ext.extnValue.valueBlock.valueHexView);
  if (!(parsed.result instanceof asn1js.BitString)) return [];
  const bits = parsed.result.valueBlock.valueHexView;
  return keyUsageBits.filter((_, i) => ((bits[i >> 3] ?? 0) & (0x80 >> (i & 7))) !== 0);
}

export function certificateInfo(der: Uint8Array): CertificateInfo {
  const cert = parseCertificate(der);
  return {
    subject: formatName(cert.subject),
    issuer: formatName(cert.issuer),
    commonName: nameField(cert.subject, '2.5.4.3') ?? formatName(cert.subject),
    commonNames: nameFields(cert.subject, '2.5.4.3'),
    subjectSerialNumbers: nameFields(cert.subject, '2.5.4.5'),
    serialNumber: toHex(cert.serialNumber.valueBlock.valueHexView),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
    sha256: createHash('sha256').update(der).digest('hex'),
    keyUsage: keyUsageOf(cert),
  };
}

/** Extended key usages that allow signing documents: any, e-mail/document protection, client authentication (e-ID cards). */
const SIGNING_EKUS = new Set([
  '2.5.29.37.0', // anyExtendedKeyUsage
  '1.3.6.1.5.5.7.3.4', // emailProtection
  '1.3.6.1.5.5.7.3.2', // clientAuth
  '1.3.6.1.5.5.7.3.36', // id-kp-documentSigning (RFC 9336)
  '1.3.6.1.4.1.311.10.3.12', // Microsoft document signing
  '1.2.840.113583.1.1.5', // Adobe Authentic Documents Trust
]);
const TIME_STAMPING_EKU = '1.3.6.1.5.5.7.3.8';
const EKU_NAMES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'webbserver (serverAuth)',
  '1.3.6.1.5.5.7.3.3': 'kodsignering (codeSigning)',
  [TIME_STAMPING_EKU]: 'tidsstämpling (timeStamping)',
  '1.3.6.1.5.5.7.3.9': 'OCSP-svar (OCSPSigning)',
};
/** Named curves strong enough for a signature (NIST P-256 and larger, Brainpool 256 and larger). */
const STRONG_CURVES = new Set(['prime256v1', 'secp384r1', 'secp521r1', 'brainpoolP256r1', 'brainpoolP384r1', 'brainpoolP512r1']);
/** The smallest RSA modulus accepted (ETSI TS 119 312; SITHS and e-ID certificates use 2048 or more). */
export const MIN_RSA_BITS = 2048;

/** "RSA 1024 bitar", "EC secp192r1": the key as a reader can judge it. */
function weakKey(x: X509Certificate): string | null {
  const key = x.publicKey;
  const details = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss') {
    const bits = details?.modulusLength ?? 0;
    return bits < MIN_RSA_BITS ? `RSA-nyckeln har bara ${bits} bitar (minst ${MIN_RSA_BITS} krävs)` : null;
  }
  if (key.asymmetricKeyType === 'ec') {
    const curve = details?.namedCurve ?? 'okänd kurva';
    return STRONG_CURVES.has(curve) ? null : `EC-nyckeln på kurvan ${curve} är för svag (minst P-256 krävs)`;
  }
  return null;
}

/** Control characters, bidi marks and overrides, zero-width characters: a name with them can show as another name. */
// eslint-disable-next-line no-control-regex
const HIDDEN_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

/**
 * What makes a certificate unfit to have made a signature, whoever issued it: a CA certificate
 * (basicConstraints cA) is no person's, an extended key usage for something else (a web server, a
 * time-stamping service) forbids signing documents, a weak key can be factored, and an empty name
 * or one with invisible or direction-changing characters shows someone else. Swedish, one
 * sentence each; empty when fit. Used by the verifier and before signing (one rule).
 */
export function signingCertificateProblems(der: Uint8Array): string[] {
  const out: string[] = [];
  const x = new X509Certificate(der);
  const cn = nameField(parseCertificate(der).subject, '2.5.4.3') ?? x.subject.replace(/\n/g, ', ');
  const names = nameFields(parseCertificate(der).subject, '2.5.4.3');
  if (names.some((n) => n.trim() === '')) out.push('Certifikatets namn (CN) är tomt; det går inte att visa vem som skrev under.');
  if (names.some((n) => HIDDEN_CHARACTERS.test(n))) {
    out.push(`Certifikatets namn (CN) innehåller osynliga tecken eller tecken som vänder textens riktning (${printable(cn)}); det kan visas som ett annat namn än det är.`);
  }
  if (x.ca) out.push(`Certifikatet för ${cn} är ett utfärdarcertifikat (CA) och inte en persons underskriftscertifikat.`);
  const eku = x.keyUsage;
  if (eku !== undefined && eku.length > 0 && !eku.some((k) => SIGNING_EKUS.has(k))) {
    out.push(`Certifikatet för ${cn} är avsett för annat än underskrifter (utökad nyckelanvändning: ${eku.map((k) => EKU_NAMES[k] ?? k).join(', ')}).`);
  }
  const weak = weakKey(x);
  if (weak) out.push(`Certifikatet för ${cn} har en för svag nyckel: ${weak}.`);
  return out;
}

/** What makes a certificate unfit to sign a time stamp: no time-stamping usage (RFC 3161 2.3), or a weak key. */
export function timeStampingCertificateProblems(der: Uint8Array): string[] {
  const out: string[] = [];
  const x = new X509Certificate(der);
  const eku = x.keyUsage ?? [];
  if (!eku.includes(TIME_STAMPING_EKU)) {
    out.push(`Tidsstämpeln är inte gjord av en tidsstämpeltjänst: certifikatet (${x.subject.replace(/\n/g, ', ')}) saknar användningen tidsstämpling (id-kp-timeStamping).`);
  }
  const weak = weakKey(x);
  if (weak) out.push(`Tidsstämpelns certifikat har en för svag nyckel: ${weak}.`);
  return out;
}

const day = (d: Date): string => d.toISOString().slice(0, 10);

/** The checks made before any signature is produced, each with a message saying what to do. */
export function assertUsableForSigning(der: Uint8Array, at: Date): CertificateInfo {
  const info = certificateInfo(der);
  if (at.getTime() > info.notAfter.getTime()) {
    throw signingError(
      'signature',
      'certificate_expired',
      `Certifikatet för ${info.commonName} gick ut ${day(info.notAfter)}. Skaffa ett giltigt certifikat (e-legitimation eller SITHS-kort) och signera igen.`,
      { notAfter: info.notAfter.toISOString() },
    );
  }
  if (at.getTime() < info.notBefore.getTime()) {
    throw signingError(
      'signature',
      'certificate_not_yet_valid',
      `Certifikatet för ${info.commonName} gäller först från ${day(info.notBefore)}. Kontrollera datorns klocka, eller vänta tills certifikatet börjar gälla.`,
      { notBefore: info.notBefore.toISOString() },
    );
  }
  // RFC 5280: without a key usage extension the key is not restricted.
  if (info.keyUsage && !info.keyUsage.includes('digitalSignature') && !info.keyUsage.includes('nonRepudiation')) {
    throw signingError(
      'signature',
      'certificate_key_usage',
      `Certifikatet för ${info.commonName} är inte avsett för underskrifter (det saknar nyckelanvändningen digitalSignature/nonRepudiation). Välj ditt underskriftscertifikat, t.ex. SITHS-kortets underskriftscertifikat, och försök igen.`,
      { keyUsage: info.keyUsage },
    );
  }
  const unfit = signingCertificateProblems(der);
  if (unfit.length > 0) {
    throw signingError('signature', 'certificate_unfit', `${unfit.join(' ')} Välj ditt underskriftscertifikat (e-legitimation eller SITHS-kortets underskriftscertifikat) och försök igen.`, {
      problems: unfit,
    });
  }
  return info;
}

/** Puts the leaf first and follows issuers through the other certificates, dropping strays. */
export function orderChain(leaf: Uint8Array, others: Uint8Array[]): Uint8Array[] {
  const chain = [leaf];
  const pool = others.map((der) => ({ der, x: new X509Certificate(der) }));
  let current = new X509Certificate(leaf);
  for (;;) {
    if (current.checkIssued(current)) break; // self-signed root reached
    const issuer = pool.find((p) => !chain.includes(p.der) && current.checkIssued(p.x) && current.verify(p.x.publicKey));
    if (!issuer) break;
    chain.push(issuer.der);
    current = issuer.x;
  }
  return chain;
}

export function publicKeyDer(certDer: Uint8Array): Uint8Array {
  return new Uint8Array(new X509Certificate(certDer).publicKey.export({ type: 'spki', format: 'der' }));
}
