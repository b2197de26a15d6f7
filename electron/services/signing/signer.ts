// The one interface every key source (PKCS#12 file, PKCS#11 token, a test double) implements.
import { sign as cryptoSign, type KeyObject } from 'node:crypto';

export type KeyAlgorithm = 'RSA' | 'ECDSA';

/** What a remote signer (a central signing service) returns for one signature. */
export interface RemoteSignature {
  /** DER certificates, leaf first, as issued for this signature. */
  chain: Uint8Array[];
  keyAlgorithm: KeyAlgorithm;
  /** DER of the signed attributes as signed (a SET, in DER order), already checked by the caller. */
  signedAttributes: Uint8Array;
  signature: Uint8Array;
}

/**
 * A key that is not here: the certificate is issued only when the signature is made (a central
 * signing service issuing a certificate for the person who authenticated). It gets the document
 * digest and returns signed attributes carrying it, the signature and the new chain.
 */
export interface RemoteSigner {
  readonly kind: 'remote';
  /** Bytes to reserve for the CMS in /Contents. */
  readonly contentsSize: number;
  signDigest(contentDigest: Uint8Array): Promise<RemoteSignature>;
}

export function isRemoteSigner(s: Signer | RemoteSigner): s is RemoteSigner {
  return (s as RemoteSigner).kind === 'remote';
}

export interface Signer {
  readonly keyAlgorithm: KeyAlgorithm;
  /** DER certificates, leaf first, then issuers as far as known. */
  certificateChain(): Promise<Uint8Array[]>;
  /**
   * Signs `dataToSign` (the DER-encoded signed attributes) with SHA-256: RSA PKCS#1 v1.5, or
   * ECDSA returning a DER-encoded Ecdsa-Sig-Value, as CMS expects.
   */
  sign(dataToSign: Uint8Array): Promise<Uint8Array>;
}

/** Converts a raw r||s ECDSA signature (what PKCS#11 CKM_ECDSA returns) to DER. */
export function ecdsaRawToDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  const int = (bytes: Uint8Array): number[] => {
    let i = 0;
    while (i < bytes.length - 1 && bytes[i] === 0) i++;
    const v = [...bytes.subarray(i)];
    // A high bit would make the INTEGER negative; DER needs a leading zero then.
    return (v[0] ?? 0) & 0x80 ? [0, ...v] : v;
  };
  const r = int(raw.subarray(0, half));
  const s = int(raw.subarray(half));
  const body = [0x02, r.length, ...r, 0x02, s.length, ...s];
  const len = body.length < 0x80 ? [body.length] : [0x81, body.length];
  return new Uint8Array([0x30, ...len, ...body]);
}

/** A signer over a key already in memory (from a PKCS#12 file, or made by a test). */
export function keyObjectSigner(privateKey: KeyObject, chain: Uint8Array[]): Signer {
  const type = privateKey.asymmetricKeyType;
  if (type !== 'rsa' && type !== 'ec') {
    throw new Error(`Nyckeltypen ${String(type)} stöds inte; använd RSA eller ECDSA.`);
  }
  return {
    keyAlgorithm: type === 'rsa' ? 'RSA' : 'ECDSA',
    certificateChain: () => Promise.resolve(chain),
    // node's default for RSA is PKCS#1 v1.5 and for EC a DER signature: exactly what CMS wants.
    sign: (data) => Promise.resolve(new Uint8Array(cryptoSign('sha256', data, privateKey))),
  };
}
