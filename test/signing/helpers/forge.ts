// Building the signatures an attacker would send: the structure of a real signature (made by
// signPdf with a throwaway certificate), then its CMS replaced by one made with the attacker's
// key and certificate — so certificates signPdf itself refuses (keyEncipherment-only), weak
// digests, extra signers and self-made time stamps can be tested against the verifier. Test code only.
import { sign as cryptoSign } from 'node:crypto';
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { assembleCms, prepareSignedAttributes } from '../../../electron/services/signing/cms';
import { OID } from '../../../electron/services/signing/oids';
import { parseCertificate } from '../../../electron/services/signing/certificates';
import { keyObjectSigner, signPdf } from '../../../electron/services/signing';
import { issue, type Identity } from './pki';

export interface ForgeOptions {
  fieldName: string;
  role: string;
  /** /Name written into the signature dictionary. */
  signerName: string;
  /** /M written into the signature dictionary. */
  signingTime: Date;
  /** The key and certificate the CMS is really made with. */
  identity: Identity;
  /** Certificates after the leaf. */
  chain: Uint8Array[];
  /** How the CMS is made; by default a correct PAdES CMS by `identity`. */
  cms?: (signedBytes: Uint8Array[]) => Uint8Array;
}

export async function forgeSignature(pdf: Uint8Array, o: ForgeOptions): Promise<Uint8Array> {
  // The shell's certificate only has to pass signPdf's own checks; its CMS is replaced.
  const throwaway = await issue({ commonName: 'Skal för förfalskning', notBefore: new Date('2000-01-01'), notAfter: new Date('2049-01-01') });
  const shell = (
    await signPdf(pdf, {
      fieldName: o.fieldName,
      role: o.role,
      signerName: o.signerName,
      signingTime: o.signingTime,
      signer: keyObjectSigner(throwaway.privateKey, [throwaway.certDer]),
    })
  ).pdf;
  const text = Buffer.from(shell).toString('latin1');
  const all = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = all.at(-1);
  if (last === undefined) throw new Error('no /ByteRange');
  const [b, c, d] = [Number(last[2]), Number(last[3]), Number(last[4])];
  const ranges = [shell.subarray(0, b), shell.subarray(c, c + d)];
  const cms = (o.cms ?? ((r) => makeCms({ identity: o.identity, chain: o.chain, content: r })))(ranges);
  const hex = Buffer.from(cms).toString('hex');
  const room = c - b - 2;
  if (hex.length > room) throw new Error('CMS too large for the placeholder');
  const out = new Uint8Array(shell);
  out.set(Buffer.from(hex.padEnd(room, '0'), 'latin1'), b + 1);
  return out;
}

export interface CmsOptions {
  identity: Identity;
  chain: Uint8Array[];
  /** The detached content (the PDF's byte ranges). */
  content: Uint8Array[];
  /** Digest of content and attributes (default sha256). */
  digest?: 'sha1' | 'sha256';
  /** Edits the signed attributes before they are signed (drop content-type, change it, …). */
  attributes?: (attrs: pkijs.Attribute[]) => pkijs.Attribute[];
  /** An RFC 3161 token to add as signature-time-stamp-token. */
  timeStamp?: (signatureValue: Uint8Array) => Uint8Array;
  /** Further SignerInfos after the first (countersignature / second-signer confusion). */
  extraSigners?: Identity[];
}

const hashOid = { sha1: OID.sha1, sha256: OID.sha256 } as const;
const sigOid = (id: Identity, digest: 'sha1' | 'sha256'): string => (id.privateKey.asymmetricKeyType === 'ec' ? OID.ecdsaWithSha256 : digest === 'sha1' ? OID.sha1WithRsa : OID.sha256WithRsa);

function signerInfo(id: Identity, digest: 'sha1' | 'sha256', contentDigest: Uint8Array, edit: (a: pkijs.Attribute[]) => pkijs.Attribute[], tsa?: (v: Uint8Array) => Uint8Array): pkijs.SignerInfo {
  const base = prepareSignedAttributes(id.certDer, contentDigest).attributes;
  const attrs = edit(base);
  const toSign = new Uint8Array(new asn1js.Set({ value: attrs.map((a) => a.toSchema()) }).toBER(false));
  const signature = new Uint8Array(cryptoSign(digest, toSign, id.privateKey));
  const leaf = parseCertificate(id.certDer);
  const token = tsa?.(signature);
  return new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: hashOid[digest] }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: attrs }),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: sigOid(id, digest), ...(id.privateKey.asymmetricKeyType === 'ec' ? {} : { algorithmParams: new asn1js.Null() }) }),
    signature: new asn1js.OctetString({ valueHex: signature }),
    ...(token
      ? { unsignedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 1, attributes: [new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [asn1js.fromBER(token).result] })] }) }
      : {}),
  });
}

/** A detached CMS SignedData over `content`, as a PAdES signer makes it unless told otherwise. */
export function makeCms(o: CmsOptions): Uint8Array {
  const digest = o.digest ?? 'sha256';
  const h = createHash(digest);
  for (const p of o.content) h.update(p);
  const contentDigest = new Uint8Array(h.digest());
  if (digest === 'sha256' && !o.attributes && !o.timeStamp && !o.extraSigners) {
    const prepared = prepareSignedAttributes(o.identity.certDer, contentDigest);
    const signature = new Uint8Array(cryptoSign('sha256', prepared.toSign, o.identity.privateKey));
    const keyAlgorithm = o.identity.privateKey.asymmetricKeyType === 'ec' ? 'ECDSA' : 'RSA';
    return assembleCms({ chain: [o.identity.certDer, ...o.chain], keyAlgorithm, attributes: prepared.attributes, signature });
  }
  const infos = [signerInfo(o.identity, digest, contentDigest, o.attributes ?? ((a) => a), o.timeStamp)];
  for (const extra of o.extraSigners ?? []) infos.push(signerInfo(extra, 'sha256', contentDigest, (a) => a));
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: hashOid[digest] })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [o.identity.certDer, ...o.chain, ...(o.extraSigners ?? []).map((e) => e.certDer)].map(parseCertificate),
    signerInfos: infos,
  });
  return new Uint8Array(new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema() }).toSchema().toBER(false));
}

/**
 * An RFC 3161 token anyone with a certificate can make: TSTInfo over SHA-256 of `stamped` with
 * the time `genTime`, signed by `tsa` (whatever its certificate says it is for).
 */
export function makeTimeStampToken(tsa: Identity, chain: Uint8Array[], stamped: Uint8Array, genTime: Date): Uint8Array {
  const tst = new pkijs.TSTInfo({
    version: 1,
    policy: '1.2.752.1234.1',
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
      hashedMessage: new asn1js.OctetString({ valueHex: createHash('sha256').update(stamped).digest() }),
    }),
    serialNumber: new asn1js.Integer({ value: 4711 }),
    genTime,
  });
  const eContent = new Uint8Array(tst.toSchema().toBER(false));
  const attrs = prepareSignedAttributes(tsa.certDer, new Uint8Array(createHash('sha256').update(eContent).digest())).attributes.map((a) =>
    a.type === OID.contentType ? new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.tstInfo })] }) : a,
  );
  const toSign = new Uint8Array(new asn1js.Set({ value: attrs.map((a) => a.toSchema()) }).toBER(false));
  const signature = new Uint8Array(cryptoSign('sha256', toSign, tsa.privateKey));
  const leaf = parseCertificate(tsa.certDer);
  const info = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({ issuer: leaf.issuer, serialNumber: leaf.serialNumber }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: attrs }),
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: tsa.privateKey.asymmetricKeyType === 'ec' ? OID.ecdsaWithSha256 : OID.sha256WithRsa }),
    signature: new asn1js.OctetString({ valueHex: signature }),
  });
  const signedData = new pkijs.SignedData({
    version: 3,
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.tstInfo, eContent: new asn1js.OctetString({ valueHex: eContent }) }),
    certificates: [tsa.certDer, ...chain].map(parseCertificate),
    signerInfos: [info],
  });
  return new Uint8Array(new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema() }).toSchema().toBER(false));
}
