// Checks one CMS SignedData (a PDF signature or an RFC 3161 token) with node's crypto: digest,
// signature, signed attributes. Written out rather than pkijs' verify() so each failure has a reason.
import { X509Certificate, constants, createHash, verify as cryptoVerify, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID, hashNames } from './oids';
import { owned, toHex } from './pdf-text';

export interface CmsCheck {
  /** Set when the structure could not be read at all; the other fields are then defaults. */
  parseError?: string;
  certificates: Uint8Array[];
  signerCertificate?: Uint8Array;
  digestAlgorithm?: string;
  signatureAlgorithm?: string;
  hasSignedAttributes: boolean;
  contentType?: string;
  messageDigestMatches: boolean;
  signatureValid: boolean;
  hasSigningTimeAttribute: boolean;
  /** 'v2' / 'v1' when an ESS signing-certificate attribute is present. */
  signingCertificateAttribute?: 'v1' | 'v2';
  signingCertificateMatches: boolean;
  signatureValue?: Uint8Array;
  timeStampTokens: Uint8Array[];
  /** CRLs carried with the signature (SignedData crls, adbe-revocationInfoArchival), DER. */
  crls: Uint8Array[];
  /** Bytes other than zero padding follow the CMS in /Contents (unsigned data riding along). */
  trailingData: boolean;
  /** Number of SignerInfos: exactly one may sign a PDF signature or a time stamp. */
  signerCount: number;
  /** SHA-1 (collisions can be bought) as the digest or in the signature algorithm. */
  weakDigest: boolean;
  /** Signed attributes carry a content-type equal to the encapsulated content's type (RFC 5652 5.3); true without signed attributes. */
  contentTypeMatches: boolean;
  eContentType?: string;
  eContent?: Uint8Array;
  problems: string[];
}

/** The DER object at the start of `bytes`, without the zero padding a /Contents placeholder leaves. */
export function trimDer(bytes: Uint8Array): Uint8Array {
  if (bytes.length < 2) return bytes;
  const first = bytes[1] ?? 0;
  if (first < 0x80) return bytes.subarray(0, 2 + first);
  const n = first & 0x7f;
  if (n === 0 || n > 4) return bytes; // indefinite length (BER): let the parser find the end
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + (bytes[2 + i] ?? 0);
  return bytes.subarray(0, Math.min(bytes.length, 2 + n + len));
}

function rawCertificates(signedDataSchema: asn1js.AsnType): Uint8Array[] {
  if (!(signedDataSchema instanceof asn1js.Sequence)) return [];
  const set = signedDataSchema.valueBlock.value.find((v) => v.idBlock.tagClass === 3 && v.idBlock.tagNumber === 0);
  if (!(set instanceof asn1js.Constructed)) return [];
  // Keep the exact encodings: signing-certificate-v2 hashes the certificate as it was sent.
  return set.valueBlock.value.filter((v) => v instanceof asn1js.Sequence).map((v) => new Uint8Array(v.valueBeforeDecodeView));
}

function findSigner(info: pkijs.SignerInfo, certs: Uint8Array[]): Uint8Array | undefined {
  for (const der of certs) {
    const c = pkijs.Certificate.fromBER(owned(der));
    if (info.sid instanceof pkijs.IssuerAndSerialNumber) {
      if (c.serialNumber.isEqual(info.sid.serialNumber) && c.issuer.isEqual(info.sid.issuer)) return der;
    } else if (info.sid instanceof asn1js.Primitive) {
      const ski = c.extensions?.find((e) => e.extnID === '2.5.29.14');
      const value = ski ? asn1js.fromBER(ski.extnValue.valueBlock.valueHexView).result : undefined;
      if (value instanceof asn1js.OctetString && toHex(value.valueBlock.valueHexView) === toHex(info.sid.valueBlock.valueHexView)) {
        return der;
      }
    }
  }
  return undefined;
}

function attributeValue(attrs: pkijs.SignedAndUnsignedAttributes | undefined, oid: string): asn1js.AsnType | undefined {
  return attrs?.attributes.find((a) => a.type === oid)?.values[0];
}

function essMatches(value: asn1js.AsnType | undefined, version: 'v1' | 'v2', certDer: Uint8Array): boolean {
  if (!(value instanceof asn1js.Sequence)) return false;
  const certs = value.valueBlock.value[0];
  const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  if (!(first instanceof asn1js.Sequence)) return false;
  const parts = first.valueBlock.value;
  let hashName = version === 'v1' ? 'sha1' : 'sha256';
  let hashAt = 0;
  if (version === 'v2' && parts[0] instanceof asn1js.Sequence) {
    const alg = new pkijs.AlgorithmIdentifier({ schema: parts[0] });
    hashName = hashNames[alg.algorithmId] ?? '';
    hashAt = 1;
  }
  const hash = parts[hashAt];
  if (!hashName || !(hash instanceof asn1js.OctetString)) return false;
  return toHex(hash.valueBlock.valueHexView) === createHash(hashName).update(certDer).digest('hex');
}

const HASH_OF_SIGNATURE_ALGORITHM: Record<string, string> = {
  [OID.sha1WithRsa]: 'sha1',
  '1.2.840.10045.4.1': 'sha1', // ecdsa-with-SHA1
  [OID.sha256WithRsa]: 'sha256',
  [OID.sha384WithRsa]: 'sha384',
  [OID.sha512WithRsa]: 'sha512',
  [OID.ecdsaWithSha256]: 'sha256',
  [OID.ecdsaWithSha384]: 'sha384',
  [OID.ecdsaWithSha512]: 'sha512',
};

/** The hash a signature algorithm verifies with (its own, RSASSA-PSS's parameter, else the digest algorithm). */
export function signatureHashName(algorithm: pkijs.AlgorithmIdentifier, digestName: string): string {
  const id = algorithm.algorithmId;
  if (id === OID.rsassaPss) {
    try {
      return hashNames[new pkijs.RSASSAPSSParams({ schema: algorithm.algorithmParams }).hashAlgorithm.algorithmId] ?? 'sha1';
    } catch {
      return 'sha1';
    }
  }
  return HASH_OF_SIGNATURE_ALGORITHM[id] ?? digestName;
}

export function verifySignature(algorithm: pkijs.AlgorithmIdentifier, digestName: string, key: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  const id = algorithm.algorithmId;
  if (id === OID.rsassaPss) {
    const params = new pkijs.RSASSAPSSParams({ schema: algorithm.algorithmParams });
    const hash = hashNames[params.hashAlgorithm.algorithmId] ?? 'sha1';
    return cryptoVerify(hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: params.saltLength }, signature);
  }
  const hash = HASH_OF_SIGNATURE_ALGORITHM[id] ?? digestName;
  if (key.asymmetricKeyType === 'ec') return cryptoVerify(hash, data, { key, dsaEncoding: 'der' }, signature);
  return cryptoVerify(hash, data, key, signature);
}

/**
 * Checks a CMS SignedData. `content` is the detached content (the PDF's signed byte ranges);
 * leave it out for an encapsulated one (a time-stamp token), whose eContent is then used.
 */
export function checkCms(der: Uint8Array, content?: Uint8Array[]): CmsCheck {
  const out: CmsCheck = {
    certificates: [],
    hasSignedAttributes: false,
    messageDigestMatches: false,
    signatureValid: false,
    hasSigningTimeAttribute: false,
    signingCertificateMatches: false,
    timeStampTokens: [],
    crls: [],
    trailingData: false,
    signerCount: 0,
    weakDigest: false,
    contentTypeMatches: false,
    problems: [],
  };
  let info: pkijs.SignerInfo;
  let signed: pkijs.SignedData;
  try {
    const body = trimDer(der);
    const asn1 = asn1js.fromBER(body);
    if (asn1.offset === -1) throw new Error('ogiltig ASN.1');
    // Only zero padding may follow the CMS in /Contents: it lies outside the byte range, so any other
    // bytes there are unsigned data riding along with the signature (a hiding place; refused).
    if (der.subarray(body.length).some((b) => b !== 0)) {
      out.trailingData = true;
      out.problems.push('Signaturvärdet (/Contents) innehåller data efter signaturen; bara nollutfyllnad är tillåten. Filen har ändrats efter underskriften – begär en ny underskrift.');
    }
    const ci = new pkijs.ContentInfo({ schema: asn1.result });
    if (ci.contentType !== OID.signedData) throw new Error('inte SignedData');
    signed = new pkijs.SignedData({ schema: ci.content });
    out.certificates = rawCertificates(ci.content);
    const first = signed.signerInfos[0];
    if (!first) throw new Error('ingen undertecknare');
    info = first;
    out.crls = embeddedCrls(ci.content, first.signedAttrs);
  } catch (e) {
    out.parseError = `Signaturdata (CMS) kan inte läsas: ${e instanceof Error ? e.message : String(e)}`;
    out.problems.push(out.parseError);
    return out;
  }
  out.signerCount = signed.signerInfos.length;
  if (signed.signerInfos.length !== 1) out.problems.push(`Signaturen har ${signed.signerInfos.length} undertecknare (SignerInfo) i stället för en; det går inte att avgöra vem som skrev under.`);
  out.eContentType = signed.encapContentInfo.eContentType;
  const eContent = signed.encapContentInfo.eContent;
  if (eContent) out.eContent = new Uint8Array(eContent.getValue());
  out.signatureValue = new Uint8Array(info.signature.valueBlock.valueHexView);
  out.signatureAlgorithm = info.signatureAlgorithm.algorithmId;
  const digestName = hashNames[info.digestAlgorithm.algorithmId];
  out.digestAlgorithm = digestName;
  out.signerCertificate = findSigner(info, out.certificates);
  if (!out.signerCertificate) out.problems.push('Undertecknarens certifikat saknas i signaturen.');
  if (!digestName) {
    out.problems.push(`Okänd hashalgoritm ${info.digestAlgorithm.algorithmId}.`);
    return out;
  }
  out.weakDigest = digestName === 'sha1' || signatureHashName(info.signatureAlgorithm, digestName) === 'sha1';
  if (out.weakDigest) out.problems.push('Signaturen är gjord med hashalgoritmen SHA-1, som inte längre är säker (kollisioner kan tillverkas); minst SHA-256 krävs.');

  const parts = content ?? (out.eContent ? [out.eContent] : []);
  const h = createHash(digestName);
  for (const p of parts) h.update(p);
  const contentDigest = new Uint8Array(h.digest());

  const attrs = info.signedAttrs;
  let signedBytes: Uint8Array;
  if (attrs) {
    out.hasSignedAttributes = true;
    const ct = attributeValue(attrs, OID.contentType);
    out.contentType = ct instanceof asn1js.ObjectIdentifier ? ct.valueBlock.toString() : undefined;
    out.contentTypeMatches = out.contentType !== undefined && out.contentType === out.eContentType;
    if (!out.contentTypeMatches) {
      out.problems.push(`Signaturens attribut content-type (${contentTypeName(out.contentType)}) stämmer inte med det signerade innehållets typ (${contentTypeName(out.eContentType)}).`);
    }
    const md = attributeValue(attrs, OID.messageDigest);
    out.messageDigestMatches = md instanceof asn1js.OctetString && toHex(md.valueBlock.valueHexView) === toHex(contentDigest);
    if (!out.messageDigestMatches) out.problems.push('Dokumentets kontrollsumma stämmer inte med signaturen (innehållet är ändrat).');
    out.hasSigningTimeAttribute = attrs.attributes.some((a) => a.type === OID.signingTime);
    const v2 = attributeValue(attrs, OID.signingCertificateV2);
    const v1 = attributeValue(attrs, OID.signingCertificate);
    out.signingCertificateAttribute = v2 ? 'v2' : v1 ? 'v1' : undefined;
    if (out.signerCertificate && out.signingCertificateAttribute) {
      out.signingCertificateMatches = essMatches(v2 ?? v1, out.signingCertificateAttribute, out.signerCertificate);
      if (!out.signingCertificateMatches) out.problems.push('Attributet signing-certificate pekar på ett annat certifikat.');
    }
    signedBytes = new Uint8Array(attrs.encodedValue);
  } else {
    out.contentTypeMatches = true;
    out.messageDigestMatches = true; // nothing separate to compare: the signature covers the content
    signedBytes = parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts);
  }

  if (out.signerCertificate) {
    try {
      const key = new X509Certificate(out.signerCertificate).publicKey;
      out.signatureValid = verifySignature(info.signatureAlgorithm, digestName, key, signedBytes, out.signatureValue);
    } catch (e) {
      out.problems.push(`Signaturen kan inte kontrolleras: ${e instanceof Error ? e.message : String(e)}`);
    }
    if (!out.signatureValid) out.problems.push('Den kryptografiska signaturen är ogiltig.');
  }

  for (const a of info.unsignedAttrs?.attributes ?? []) {
    if (a.type !== OID.signatureTimeStampToken) continue;
    for (const v of a.values) out.timeStampTokens.push(new Uint8Array(v.valueBeforeDecodeView));
  }
  return out;
}

function contentTypeName(oid: string | undefined): string {
  return oid === undefined ? 'saknas' : oid === OID.data ? 'id-data' : oid === OID.tstInfo ? 'TSTInfo, en tidsstämpel' : oid;
}

/** CRLs a CMS SignedData carries: its crls field and the adbe-revocationInfoArchival signed attribute. */
function embeddedCrls(signedData: asn1js.AsnType, signedAttrs: pkijs.SignedAndUnsignedAttributes | undefined): Uint8Array[] {
  const out: Uint8Array[] = [];
  if (signedData instanceof asn1js.Sequence) {
    const set = signedData.valueBlock.value.find((v) => v.idBlock.tagClass === 3 && v.idBlock.tagNumber === 1);
    if (set instanceof asn1js.Constructed) for (const v of set.valueBlock.value) if (v instanceof asn1js.Sequence) out.push(new Uint8Array(v.valueBeforeDecodeView));
  }
  // RevocationInfoArchival ::= SEQUENCE { crl [0] EXPLICIT SEQUENCE OF CRLs OPTIONAL, ocsp [1] …, otherRevInfo [2] … }
  const archival = signedAttrs?.attributes.find((a) => a.type === '1.2.840.113583.1.1.8')?.values[0];
  if (archival instanceof asn1js.Sequence) {
    const crlField = archival.valueBlock.value.find((v) => v.idBlock.tagClass === 3 && v.idBlock.tagNumber === 0);
    const list = crlField instanceof asn1js.Constructed ? crlField.valueBlock.value[0] : undefined;
    if (list instanceof asn1js.Sequence) for (const v of list.valueBlock.value) if (v instanceof asn1js.Sequence) out.push(new Uint8Array(v.valueBeforeDecodeView));
  }
  return out;
}
