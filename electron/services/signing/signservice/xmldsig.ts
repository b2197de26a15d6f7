// XML-DSig for the sign request (we sign) and the sign response (the service signs): an enveloped
// signature with a same-document reference URI="" (DSS profile 2.1.1 and 2.2.1), exclusive c14n,
// RSA-SHA256. Verification accepts exactly one signature, at the place the profile puts it, made
// with the configured certificate: nothing in the message chooses the key.
import { X509Certificate, type KeyObject } from 'node:crypto';
import { SignedXml } from 'xml-crypto';
import { ALG, NS } from './names';
import { XmlShapeError, countDescendants, only } from './xml';

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

/**
 * Checks that `doc` (parsed from `xml`) carries exactly one ds:Signature, as the last child of the
 * root's `container`, covering the whole document (URI="", enveloped), valid under `certificate`.
 * Returns a Swedish reason when not.
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
  const references = signature.getElementsByTagNameNS(NS.ds, 'Reference');
  if (references.length !== 1 || references[0]?.getAttribute('URI') !== '') return 'XML-signaturen täcker inte hela meddelandet';
  const transforms = Array.from(signature.getElementsByTagNameNS(NS.ds, 'Transform')).map((t) => t.getAttribute('Algorithm'));
  if (transforms.some((t) => t !== ALG.enveloped && t !== ALG.excC14n && t !== 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315')) {
    return 'XML-signaturen använder en otillåten transform';
  }
  const verifier = new SignedXml({ publicCert: pem(certificate), getCertFromKeyInfo: () => null });
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
