// A Signer from a PKCS#12 file (.p12/.pfx) and its password.
import { X509Certificate, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certificateInfo, orderChain, type CertificateInfo } from './certificates';
import { signingError } from './errors';
import { decryptPkcs12Data, unsupported, verifyMac } from './p12-crypto';
import { owned, toHex } from './pdf-text';
import { keyObjectSigner, type Signer } from './signer';

const DATA = '1.2.840.113549.1.7.1';
const ENCRYPTED_DATA = '1.2.840.113549.1.7.6';
const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const SHROUDED_KEY_BAG = '1.2.840.113549.1.12.10.1.2';
const CERT_BAG = '1.2.840.113549.1.12.10.1.3';
const X509_CERT = '1.2.840.113549.1.9.22.1';
const LOCAL_KEY_ID = '1.2.840.113549.1.9.21';

interface KeyEntry {
  key: KeyObject;
  localKeyId?: string;
}
interface CertEntry {
  der: Uint8Array;
  localKeyId?: string;
}

export interface Pkcs12Signer extends Signer {
  certificate: CertificateInfo;
}

const notP12 = () => signingError('validation', 'unsupported_p12', 'Filen är inte en certifikatfil (PKCS#12, .p12/.pfx). Välj filen med ditt certifikat och din nyckel.');

/** Octets of an OCTET STRING, also when implicitly tagged ([0]) or split into BER chunks. */
function octets(value: unknown): Uint8Array {
  if (value instanceof asn1js.OctetString) return new Uint8Array(value.getValue());
  if (value instanceof asn1js.Primitive) return new Uint8Array(value.valueBlock.valueHexView);
  if (value instanceof asn1js.Constructed) return new Uint8Array(Buffer.concat(value.valueBlock.value.map((v) => octets(v))));
  throw notP12();
}

function localKeyId(bag: pkijs.SafeBag): string | undefined {
  const v = bag.bagAttributes?.find((a) => a.type === LOCAL_KEY_ID)?.values[0];
  return v instanceof asn1js.OctetString ? toHex(v.valueBlock.valueHexView) : undefined;
}

function privateKeyFrom(pkcs8: Uint8Array): KeyObject {
  try {
    return createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
  } catch {
    throw unsupported('en nyckel som inte kan läsas');
  }
}

function readBags(contents: Uint8Array, password: string, keys: KeyEntry[], certs: CertEntry[]): void {
  const safe = pkijs.SafeContents.fromBER(owned(contents));
  for (const bag of safe.safeBags) {
    const id = localKeyId(bag);
    if (bag.bagId === SHROUDED_KEY_BAG && bag.bagValue instanceof pkijs.PKCS8ShroudedKeyBag) {
      const plain = decryptPkcs12Data(bag.bagValue.encryptionAlgorithm, octets(bag.bagValue.encryptedData), password);
      keys.push({ key: privateKeyFrom(plain), localKeyId: id });
    } else if (bag.bagId === KEY_BAG && bag.bagValue instanceof pkijs.PrivateKeyInfo) {
      keys.push({ key: privateKeyFrom(new Uint8Array(bag.bagValue.toSchema().toBER())), localKeyId: id });
    } else if (bag.bagId === CERT_BAG && bag.bagValue instanceof pkijs.CertBag && bag.bagValue.certId === X509_CERT) {
      const v = bag.bagValue.certValue;
      const der = v instanceof asn1js.OctetString ? octets(v) : new Uint8Array(v.toSchema().toBER());
      certs.push({ der, localKeyId: id });
    }
  }
}

const spki = (key: KeyObject): string => toHex(createPublicKey(key).export({ type: 'spki', format: 'der' }));

/** Reads the file, checks the password and pairs the private key with its certificate. */
export async function openPkcs12Signer(p12: Uint8Array, password: string): Promise<Pkcs12Signer> {
  const { key, chain } = await openPkcs12Key(p12, password);
  let signer: Signer;
  try {
    signer = keyObjectSigner(key, chain);
  } catch {
    throw signingError('signature', 'unsupported_key', 'Nyckeltypen i certifikatfilen stöds inte; använd RSA eller ECDSA (P-256).');
  }
  return { ...signer, certificate: certificateInfo(chain[0] as Uint8Array) };
}

/**
 * The private key and its certificate chain (leaf first) from a PKCS#12 file: for keys used as
 * they are, e.g. the municipality's key that signs requests to a signing service (XML-DSig).
 */
export async function openPkcs12Key(p12: Uint8Array, password: string): Promise<{ key: KeyObject; chain: Uint8Array[] }> {
  let pfx: pkijs.PFX;
  let authSafeBytes: Uint8Array;
  try {
    pfx = pkijs.PFX.fromBER(owned(p12));
    if (pfx.authSafe.contentType !== DATA) throw notP12();
    authSafeBytes = octets(pfx.authSafe.content);
  } catch {
    throw notP12();
  }
  if (pfx.macData) verifyMac(pfx.macData, authSafeBytes, password);

  const keys: KeyEntry[] = [];
  const certs: CertEntry[] = [];
  const authSafe = pkijs.AuthenticatedSafe.fromBER(owned(authSafeBytes));
  for (const ci of authSafe.safeContents) {
    if (ci.contentType === DATA) {
      readBags(octets(ci.content), password, keys, certs);
    } else if (ci.contentType === ENCRYPTED_DATA) {
      const enc = new pkijs.EncryptedData({ schema: ci.content });
      const eci = enc.encryptedContentInfo;
      if (!eci.encryptedContent) continue;
      readBags(decryptPkcs12Data(eci.contentEncryptionAlgorithm, octets(eci.encryptedContent), password), password, keys, certs);
    }
  }

  // Pair by public key (always right), falling back to localKeyId only to prefer among equals.
  const pairs = keys.flatMap((k) => {
    const pub = spki(k.key);
    return certs
      .filter((c) => toHex(new X509Certificate(c.der).publicKey.export({ type: 'spki', format: 'der' })) === pub)
      .map((c) => ({ key: k.key, cert: c, sameId: k.localKeyId !== undefined && k.localKeyId === c.localKeyId }));
  });
  const signing = (p: (typeof pairs)[number]) => {
    const ku = certificateInfo(p.cert.der).keyUsage;
    return ku === null || ku.includes('nonRepudiation') || ku.includes('digitalSignature');
  };
  const best = pairs.find((p) => signing(p) && p.sameId) ?? pairs.find(signing) ?? pairs[0];
  if (!best) {
    throw signingError(
      'signature',
      keys.length === 0 ? 'key_missing' : 'key_certificate_mismatch',
      keys.length === 0
        ? 'Certifikatfilen innehåller ingen privat nyckel. Exportera certifikatet tillsammans med nyckeln och försök igen.'
        : 'Certifikatfilen innehåller ingen nyckel som hör till ett certifikat i filen. Exportera certifikatet på nytt och försök igen.',
    );
  }
  const chain = orderChain(
    best.cert.der,
    certs.filter((c) => c !== best.cert).map((c) => c.der),
  );
  return { key: best.key, chain };
}
