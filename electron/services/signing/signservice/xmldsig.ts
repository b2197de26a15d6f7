// XML-DSig for the sign request (we sign) and the sign response (the service signs): an enveloped
// signature with a same-document reference URI="" (DSS profile 2.1.1 and 2.2.1), exclusive c14n,
// RSA-SHA256. Verification accepts exactly one signature, at the place the profile puts it, of
// exactly the expected shape and algorithms, made with the configured certificate: nothing in the
// message chooses the key, the algorithm or what is covered.
import { X509Certificate, type KeyObject } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import { ALG, NS } from './names';
import { XmlShapeError, childElements, countDescendants, only } from './xml';

function pem(der: Uint8Array): string {
  return new X509Certificate(der).toString();
}

/** Signs `xml` (a dss:SignRequest or dss:SignResponse) and puts the signature last in `container`. */
export function signEnveloped(xml: string, container: 'OptionalInputs' | 'OptionalOutputs', key: KeyObject, certificate: Uint8Array): string {
  if (key.asymmetricKeyType !== 'rsa') throw new Error('Nyckeln för XML-signaturen måste vara en RSA-nyckel.');
  const sig = new SignedXml({
    privateKey: key.export({ type: 'pkcs8', format: 'pem' }),
    publicCert: pem(certificate),
    signatureAlgorithm: ALG.rsaSha256,
    canonicalizationAlgorithm: ALG.excC14n,
  });
  sig.addReference({ xpath: '/*', transforms: [ALG.enveloped, ALG.excC14n], digestAlgorithm: ALG.sha256, uri: '', isEmptyUri: true });
  sig.computeSignature(xml, {
    prefix: 'ds',
    location: { reference: `/*/*[local-name()='${container}' and namespace-uri()='${NS.dss}']`, action: 'append' },
  });
  return sig.getSignedXml();
}

const C14N_INCLUSIVE = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
/**
 * What a response signature may use. SHA-1 (rsa-sha1, sha1 digests) is out: collisions are
 * practical, and xml-crypto still accepts it by default. HMAC is out (a verifier given a public
 * certificate would use it as the shared secret). No XPath/XSLT transforms, no canonicalisation
 * "WithComments": the signature must cover the whole message exactly as it is read.
 */
const SIGNATURE_METHODS: readonly string[] = [ALG.rsaSha256, 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha512'];
const DIGEST_METHODS: readonly string[] = [ALG.sha256, 'http://www.w3.org/2001/04/xmlenc#sha512'];
const CANONICALIZATIONS: readonly string[] = [ALG.excC14n, C14N_INCLUSIVE];
const TRANSFORMS: readonly string[] = [ALG.enveloped, ALG.excC14n, C14N_INCLUSIVE];

function isDs(el: Element | undefined, local: string): el is Element {
  return el !== undefined && el.namespaceURI === NS.ds && el.localName === local;
}

function algorithmOf(el: Element): string {
  return el.getAttribute('Algorithm') ?? '';
}

/**
 * The signature's own shape, checked before any cryptography: exactly SignedInfo, SignatureValue
 * and an optional KeyInfo (no ds:Object: nothing rides inside the signature), and a SignedInfo of
 * exactly CanonicalizationMethod, SignatureMethod and one Reference with URI="" whose transforms,
 * digest and algorithms are the allowed ones. xml-crypto looks these up by local name anywhere in
 * the signature; checking the exact positions here leaves it nothing to choose.
 */
function signatureShapeProblem(signature: Element): string | undefined {
  const parts = childElements(signature);
  const [signedInfo, value, ...rest] = parts;
  if (!isDs(signedInfo, 'SignedInfo') || !isDs(value, 'SignatureValue') || rest.length > 1 || (rest[0] !== undefined && !isDs(rest[0], 'KeyInfo'))) {
    return `XML-signaturen har otillåtna delar (${parts.map((p) => p.localName).join(', ')})`;
  }
  const references = signature.getElementsByTagNameNS(NS.ds, 'Reference');
  const [c14n, method, reference, ...more] = childElements(signedInfo);
  if (references.length !== 1 || more.length > 0 || !isDs(reference, 'Reference') || !reference.hasAttribute('URI') || reference.getAttribute('URI') !== '') {
    return 'XML-signaturen täcker inte hela meddelandet';
  }
  if (!isDs(c14n, 'CanonicalizationMethod') || !CANONICALIZATIONS.includes(algorithmOf(c14n)) || childElements(c14n).length > 0) {
    return 'XML-signaturen använder en otillåten kanonisering';
  }
  if (!isDs(method, 'SignatureMethod') || !SIGNATURE_METHODS.includes(algorithmOf(method)) || childElements(method).length > 0) {
    return `XML-signaturen använder en algoritm som inte godtas (${method ? algorithmOf(method) : 'ingen'})`;
  }
  const [transforms, digest, digestValue, ...extra] = childElements(reference);
  const list = isDs(transforms, 'Transforms') ? childElements(transforms) : [];
  if (!isDs(transforms, 'Transforms') || list.length === 0 || list.some((t) => !isDs(t, 'Transform') || !TRANSFORMS.includes(algorithmOf(t)) || childElements(t).length > 0)) {
    return 'XML-signaturen använder en otillåten transform';
  }
  if (!isDs(digest, 'DigestMethod') || !DIGEST_METHODS.includes(algorithmOf(digest)) || !isDs(digestValue, 'DigestValue') || extra.length > 0) {
    return `XML-signaturen använder en algoritm som inte godtas (${digest ? algorithmOf(digest) : 'ingen'})`;
  }
  return undefined;
}

/** Only the allowed algorithms are known to the verifier, whatever it finds in the message. */
function restrict<T>(table: Record<string, T>, allowed: readonly string[]): Record<string, T> {
  return Object.fromEntries(Object.entries(table).filter(([uri]) => allowed.includes(uri)));
}

/**
 * Checks that `doc` (parsed from `xml`) carries exactly one ds:Signature, as the last child of the
 * root's `container`, covering the whole document (URI="", enveloped), with the allowed algorithms,
 * valid under `certificate`. Returns a Swedish reason when not.
 */
export function verifyEnveloped(xml: string, doc: Document, container: 'OptionalInputs' | 'OptionalOutputs', certificate: Uint8Array, now: Date): string | undefined {
  if (countDescendants(doc, NS.ds, 'Signature') !== 1) return 'meddelandet ska ha exakt en XML-signatur';
  const root = doc.documentElement as Element;
  let signature: Element;
  try {
    signature = only(only(root, NS.dss, container), NS.ds, 'Signature');
  } catch (e) {
    return e instanceof XmlShapeError ? `XML-signaturen ligger fel: ${e.message}` : String(e);
  }
  const shape = signatureShapeProblem(signature);
  if (shape) return shape;
  const verifier = new SignedXml({ publicCert: pem(certificate), getCertFromKeyInfo: () => null });
  verifier.SignatureAlgorithms = restrict(verifier.SignatureAlgorithms, SIGNATURE_METHODS);
  verifier.HashAlgorithms = restrict(verifier.HashAlgorithms, DIGEST_METHODS);
  verifier.CanonicalizationAlgorithms = restrict(verifier.CanonicalizationAlgorithms, TRANSFORMS);
  try {
    verifier.loadSignature(signature);
    if (!verifier.checkSignature(xml)) return 'XML-signaturen är ogiltig';
  } catch (e) {
    return `XML-signaturen är ogiltig (${e instanceof Error ? e.message : String(e)})`;
  }
  const cert = new X509Certificate(certificate);
  if (new Date(cert.validTo).getTime() < now.getTime()) return 'tjänstens certifikat har gått ut';
  return undefined;
}
