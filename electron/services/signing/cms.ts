// Builds the CMS SignedData of a PAdES B-B/B-T signature: detached, signed attributes content-type,
// message-digest and ESS signing-certificate-v2, and no signing-time (PAdES puts time in /M).
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { parseCertificate } from './certificates';
import { OID } from './oids';
import type { KeyAlgorithm } from './signer';

const sha256 = (data: Uint8Array): Uint8Array => new Uint8Array(createHash('sha256').update(data).digest());

function derOf(schema: asn1js.AsnType): Uint8Array {
  return new Uint8Array(schema.toBER(false));
}

/** ESSCertIDv2 with the default hash (SHA-256, so omitted as DER requires) and IssuerSerial. */
function signingCertificateV2(leafDer: Uint8Array): asn1js.Sequence {
  const leaf = parseCertificate(leafDer);
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [leaf.issuer.toSchema()] })],
      }),
      new asn1js.Integer({ valueHex: leaf.serialNumber.valueBlock.valueHexView }),
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: sha256(leafDer) }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

export interface PreparedAttributes {
  attributes: pkijs.Attribute[];
  /** DER of the attributes as a SET: the exact bytes the signer signs. */
  toSign: Uint8Array;
}

export function prepareSignedAttributes(leafDer: Uint8Array, contentDigest: Uint8Array): PreparedAttributes {
  const attrs = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: contentDigest })] }),
    new pkijs.Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(leafDer)] }),
  ];
  // DER sorts a SET OF by encoding; signer and verifier must hash the same order.
  const encoded = attrs.map((a) => ({ a, der: derOf(a.toSchema()) }));
  encoded.sort((x, y) => Buffer.compare(Buffer.from(x.der), Buffer.from(y.der)));
  const attributes = encoded.map((e) => e.a);
  const toSign = derOf(new asn1js.Set({ value: attributes.map((a) => a.toSchema()) }));
  return { attributes, toSign };
}

/**
 * The signed attributes a central signing service gets (csig SignTaskData, AdESType BES):
 * content-type and message-digest; the service adds signing-certificate-v2 for the certificate it
 * issues and returns the altered attributes.
 */
export function signedAttributesForService(contentDigest: Uint8Array): Uint8Array {
  const attrs = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: contentDigest })] }),
  ];
  return derSet(attrs);
}

/** Attributes in DER order as a SET: the bytes a signer signs. */
export function derSet(attrs: pkijs.Attribute[]): Uint8Array {
  const encoded = attrs.map((a) => derOf(a.toSchema()));
  encoded.sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
  return derOf(new asn1js.Set({ value: encoded.map((d) => asn1js.fromBER(d).result) }));
}

/** Parses a DER SET of attributes back; undefined when it is not one. */
export function attributesOf(der: Uint8Array): pkijs.Attribute[] | undefined {
  const parsed = asn1js.fromBER(der);
  if (parsed.offset !== der.length || !(parsed.result instanceof asn1js.Set)) return undefined;
  try {
    return parsed.result.valueBlock.value.map((v) => new pkijs.Attribute({ schema: v }));
  } catch {
    return undefined;
  }
}

export function signatureAlgorithm(keyAlgorithm: KeyAlgorithm): pkijs.AlgorithmIdentifier {
  switch (keyAlgorithm) {
    case 'RSA':
      return new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() });
    case 'ECDSA':
      return new pkijs.AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 });
    default: {
      const never: never = keyAlgorithm;
      throw new Error(`Okänd nyckeltyp ${String(never)}`);
    }
  }
}

export interface AssembleInput {
  chain: Uint8Array[];
  keyAlgorithm: KeyAlgorithm;
  attributes: pkijs.Attribute[];
  signature: Uint8Array;
  /** RFC 3161 token (ContentInfo DER) for signature-time-stamp-token, making it B-T. */
  timeStampToken?: Uint8Array;
}

export function assembleCms(input: AssembleInput): Uint8Array {
  const [leafDer] = input.chain;
  if (!leafDer) throw new Error('Certifikatkedjan är tom.');
  const leaf = parseCertificate(leafDer);
  const unsigned = input.timeStampToken
    ? new pkijs.SignedAndUnsignedAttributes({
        type: 1,
        attributes: [
          new pkijs.Attribute({
            type: OID.signatureTimeStampToken,
            values: [asn1js.fromBER(input.timeStampToken).result],
          }),
        ],
      })
    : undefined;
  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: input.attributes }),
    signatureAlgorithm: signatureAlgorithm(input.keyAlgorithm),
    signature: new asn1js.OctetString({ valueHex: input.signature }),
    ...(unsigned ? { unsignedAttrs: unsigned } : {}),
  });
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: input.chain.map(parseCertificate),
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema() });
  return derOf(contentInfo.toSchema());
}
