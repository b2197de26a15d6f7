// Parses and checks a DSS SignResponse completely before anything of it is used (DSS profile
// section 2.2): XML signature by the configured service certificate, RequestID, time window, result,
// signer identity, the issued certificate (trust anchor, identity in subject serialNumber), and the
// returned signature over signed attributes that carry our document digest.
import { createHash, verify as cryptoVerify, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { nameField, nameFields, parseCertificate } from '../certificates';
import { attributesOf, derSet } from '../cms';
import { validateChainSync } from '../chain';
import { OID } from '../oids';
import { ALG, ATTR_PERSONNUMMER, NS, PROFILE, RESULT, STATUS } from './names';
import { identityMatches } from './identity';
import { XmlShapeError, base64Bytes, children, only, optional, parseXml, text } from './xml';
import { verifyEnveloped } from './xmldsig';
import type { SignServiceConfig } from './request';

export type SignServiceFailure =
  'malformed' | 'bad_signature' | 'wrong_request' | 'expired' | 'cancelled' | 'refused' | 'other_signer' | 'untrusted_certificate' | 'bad_signed_attributes' | 'bad_signature_value';

export class SignServiceError extends Error {
  constructor(
    readonly failure: SignServiceFailure,
    message: string,
    /** What the service itself said (ResultMessage), shown behind "Visa detaljer". */
    readonly serviceMessage: string | null = null,
  ) {
    super(message);
  }
}

export interface ExpectedResponse {
  config: SignServiceConfig;
  requestId: string;
  signTaskId: string;
  /** When the request was made; the response must come after it and within maxAgeSeconds. */
  requestTime: Date;
  now: Date;
  personnummer: string;
  /** SHA-256 of the signed byte ranges of the PDF (our messageDigest). */
  contentDigest: Uint8Array;
  /** Trust anchors (DER) the issued certificate must chain to. */
  anchors: Uint8Array[];
  maxAgeSeconds?: number;
}

export interface CheckedResponse {
  /** Leaf first, as returned by the service. */
  chain: Uint8Array[];
  /** DER of the signed attributes as the service signed them (our digest, its certificate). */
  signedAttributes: Uint8Array;
  attributes: pkijs.Attribute[];
  signature: Uint8Array;
  keyAlgorithm: 'RSA' | 'ECDSA';
  signerName: string;
  serialNumber: string;
}

const CLOCK_SKEW_MS = 60_000;

function fail(failure: SignServiceFailure, message: string, serviceMessage: string | null = null): never {
  throw new SignServiceError(failure, message, serviceMessage);
}

function resultFailure(major: string, minor: string | undefined, message: string | undefined): never {
  const said = message ? ` Tjänsten svarade: ”${message}”.` : '';
  const details = [minor ?? major, message].filter((x) => x !== undefined && x !== '').join(': ');
  switch (minor) {
    case STATUS.userCancel:
      return fail('cancelled', 'Underskriften avbröts i e-legitimationen. Inget har sparats; försök igen när du vill.', details);
    case STATUS.userMismatch:
      return fail('other_signer', `En annan person än den som ska skriva under legitimerade sig. Inget har sparats.${said}`, details);
    case STATUS.reqExpired:
      return fail('expired', `Begäran hann gå ut innan underskriften blev klar. Försök igen.${said}`, details);
    default:
      return fail('refused', `Underskriftstjänsten avböjde (${minor ?? major}).${said} Inget har sparats.`, details);
  }
}

/** Reads the SignedAttrs SET, and refuses anything but content-type, our digest and the signing certificate. */
function checkSignedAttributes(der: Uint8Array, contentDigest: Uint8Array, leaf: Uint8Array): pkijs.Attribute[] {
  const attributes = attributesOf(der);
  if (!attributes) return fail('bad_signed_attributes', 'De signerade attributen från tjänsten kan inte läsas.');
  // The CMS carries them re-encoded: only DER (sorted, minimal) keeps the signed bytes the same.
  if (Buffer.compare(Buffer.from(derSet(attributes)), Buffer.from(der)) !== 0) {
    return fail('bad_signed_attributes', 'De signerade attributen från tjänsten är inte DER-kodade.');
  }
  const types = attributes.map((a) => a.type);
  const allowed = new Set<string>([OID.contentType, OID.messageDigest, OID.signingCertificateV2]);
  if (types.length !== new Set(types).size || types.some((t) => !allowed.has(t)) || types.length !== 3) {
    return fail('bad_signed_attributes', `Tjänsten signerade andra attribut än de begärda (${types.join(', ')}).`);
  }
  const value = (oid: string): asn1js.AsnType | undefined => {
    const a = attributes.find((x) => x.type === oid);
    return a && a.values.length === 1 ? (a.values[0] as asn1js.AsnType) : undefined;
  };
  const ct = value(OID.contentType);
  if (!(ct instanceof asn1js.ObjectIdentifier) || ct.valueBlock.toString() !== OID.data) {
    return fail('bad_signed_attributes', 'Tjänsten ändrade innehållstypen i de signerade attributen.');
  }
  const md = value(OID.messageDigest);
  if (!(md instanceof asn1js.OctetString) || Buffer.compare(Buffer.from(md.valueBlock.valueHexView), Buffer.from(contentDigest)) !== 0) {
    return fail('bad_signed_attributes', 'Tjänsten signerade inte det här dokumentets kontrollsumma.');
  }
  // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, ... }; ESSCertIDv2 ::=
  // SEQUENCE { hashAlgorithm DEFAULT sha256, certHash OCTET STRING, issuerSerial OPTIONAL }
  const sc = value(OID.signingCertificateV2);
  const certs = sc instanceof asn1js.Sequence ? sc.valueBlock.value[0] : undefined;
  const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  const parts = first instanceof asn1js.Sequence ? first.valueBlock.value : [];
  let i = 0;
  if (parts[0] instanceof asn1js.Sequence) {
    const alg = parts[0].valueBlock.value[0];
    if (!(alg instanceof asn1js.ObjectIdentifier) || alg.valueBlock.toString() !== OID.sha256) {
      return fail('bad_signed_attributes', 'Signeringscertifikatet är angivet med en annan hashfunktion än SHA-256.');
    }
    i = 1;
  }
  const hash = parts[i];
  const expected = createHash('sha256').update(leaf).digest();
  if (!(hash instanceof asn1js.OctetString) || Buffer.compare(Buffer.from(hash.valueBlock.valueHexView), expected) !== 0) {
    return fail('bad_signed_attributes', 'De signerade attributen pekar inte ut certifikatet som tjänsten skickade.');
  }
  return attributes;
}

function signerAttribute(extension: Element, name: string): string[] {
  const info = optional(extension, NS.csig, 'SignerAssertionInfo');
  if (!info) return [];
  const statement = only(info, NS.saml, 'AttributeStatement');
  return children(statement, NS.saml, 'Attribute')
    .filter((a) => a.getAttribute('Name') === name)
    .flatMap((a) => children(a, NS.saml, 'AttributeValue').map(text));
}

export function checkSignResponse(xml: string, expected: ExpectedResponse): CheckedResponse {
  try {
    return checkSignResponseUnsafe(xml, expected);
  } catch (e) {
    if (e instanceof XmlShapeError) fail('malformed', `Svaret från underskriftstjänsten har fel form: ${e.message}.`);
    throw e;
  }
}

function checkSignResponseUnsafe(xml: string, expected: ExpectedResponse): CheckedResponse {
  const doc = parseXml(xml);
  const root = doc.documentElement as Element;
  if (root.namespaceURI !== NS.dss || root.localName !== 'SignResponse') fail('malformed', 'Svaret är inget DSS SignResponse.');
  // 1. Nothing is read before the service's signature over the whole response is checked.
  const badSignature = verifyEnveloped(xml, doc, 'OptionalOutputs', expected.config.serviceCertificate, expected.now);
  if (badSignature) fail('bad_signature', `Svaret är inte signerat av den inställda underskriftstjänsten: ${badSignature}. Inget har sparats.`);
  if (root.getAttribute('Profile') !== PROFILE) fail('malformed', 'Svaret följer inte DSS-profilen för underskriftstjänster.');
  // 2. It answers our request.
  if (root.getAttribute('RequestID') !== expected.requestId) {
    fail('wrong_request', 'Svaret hör till en annan begäran än den här. Inget har sparats; försök igen.');
  }
  // 3. Time window.
  const outputs = only(root, NS.dss, 'OptionalOutputs');
  const extension = only(outputs, NS.csig, 'SignResponseExtension');
  const responseTime = new Date(text(only(extension, NS.csig, 'ResponseTime')));
  const maxAge = (expected.maxAgeSeconds ?? 600) * 1000;
  if (
    Number.isNaN(responseTime.getTime()) ||
    responseTime.getTime() < expected.requestTime.getTime() - CLOCK_SKEW_MS ||
    responseTime.getTime() > expected.now.getTime() + CLOCK_SKEW_MS ||
    expected.now.getTime() - responseTime.getTime() > maxAge
  ) {
    fail('expired', 'Svaret från underskriftstjänsten är för gammalt eller har fel tid. Inget har sparats; försök igen.');
  }
  // 4. Result.
  const result = only(root, NS.dss, 'Result');
  const major = text(only(result, NS.dss, 'ResultMajor'));
  if (major !== RESULT.success) {
    const minor = optional(result, NS.dss, 'ResultMinor');
    const message = optional(result, NS.dss, 'ResultMessage');
    resultFailure(major, minor ? text(minor) : undefined, message ? text(message) : undefined);
  }
  // 5. The person who authenticated is the one we asked for.
  const asserted = signerAttribute(extension, ATTR_PERSONNUMMER);
  if (asserted.length !== 1 || !identityMatches(expected.personnummer, asserted[0] ?? '')) {
    fail('other_signer', 'En annan person än den som ska skriva under legitimerade sig hos underskriftstjänsten. Inget har sparats.');
  }
  // 6. The issued certificate: chains to a trust anchor, carries the same identity.
  const chainEl = only(extension, NS.csig, 'SignatureCertificateChain');
  const chain = children(chainEl, NS.csig, 'X509Certificate').map(base64Bytes);
  const leaf = chain[0];
  if (!leaf) fail('malformed', 'Svaret saknar underskriftscertifikat.');
  let leafCert: pkijs.Certificate;
  try {
    leafCert = parseCertificate(leaf);
    new X509Certificate(leaf);
  } catch {
    return fail('malformed', 'Underskriftscertifikatet i svaret kan inte läsas.');
  }
  const trusted = validateChainSync(leaf, chain.slice(1), expected.anchors, expected.now);
  if (!trusted.trusted) {
    fail('untrusted_certificate', `Certifikatet från underskriftstjänsten är inte betrott: ${trusted.problem ?? 'okänd utfärdare'} Inget har sparats.`);
  }
  // Exactly one serialNumber: a subject naming two people does not say who signed (reading the
  // first one would accept a certificate that also names someone else).
  const serialNumbers = nameFields(leafCert.subject, '2.5.4.5');
  if (serialNumbers.length > 1) {
    fail('other_signer', 'Certifikatet som tjänsten utfärdade anger flera personnummer, så det går inte att veta vem som skrev under. Inget har sparats.');
  }
  const serialNumber = serialNumbers[0] ?? '';
  if (!identityMatches(expected.personnummer, serialNumber)) {
    fail('other_signer', 'Certifikatet som tjänsten utfärdade gäller en annan person än den som ska skriva under. Inget har sparats.');
  }
  // 7. Our sign task, signed over attributes that carry our digest and the issued certificate.
  const tasks = only(only(only(root, NS.dss, 'SignatureObject'), NS.dss, 'Other'), NS.csig, 'SignTasks');
  const task = only(tasks, NS.csig, 'SignTaskData');
  if (task.getAttribute('SignTaskId') !== expected.signTaskId || task.getAttribute('SigType') !== 'PDF') {
    fail('wrong_request', 'Svaret innehåller en annan underskriftsuppgift än den begärda.');
  }
  const signedAttributes = base64Bytes(only(task, NS.csig, 'ToBeSignedBytes'));
  const attributes = checkSignedAttributes(signedAttributes, expected.contentDigest, leaf);
  const sigEl = only(task, NS.csig, 'Base64Signature');
  const signature = base64Bytes(sigEl);
  const keyType = new X509Certificate(leaf).publicKey.asymmetricKeyType;
  const type = sigEl.getAttribute('Type') || (keyType === 'ec' ? ALG.ecdsaSha256 : ALG.rsaSha256);
  if ((keyType === 'rsa' && type !== ALG.rsaSha256) || (keyType === 'ec' && type !== ALG.ecdsaSha256) || (keyType !== 'rsa' && keyType !== 'ec')) {
    fail('bad_signature_value', `Tjänsten signerade med en algoritm som inte stöds (${type}).`);
  }
  const ok = cryptoVerify('sha256', signedAttributes, new X509Certificate(leaf).publicKey, signature);
  if (!ok) fail('bad_signature_value', 'Underskriften från tjänsten stämmer inte med dokumentet och certifikatet. Inget har sparats.');
  return {
    chain,
    signedAttributes,
    attributes,
    signature,
    keyAlgorithm: keyType === 'ec' ? 'ECDSA' : 'RSA',
    signerName: nameField(leafCert.subject, '2.5.4.3') ?? '',
    serialNumber,
  };
}
