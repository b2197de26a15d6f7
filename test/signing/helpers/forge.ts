// Building the signatures an attacker would send: the structure of a real signature (made by
// signPdf with a throwaway certificate), then its CMS replaced by one made with the attacker's
// key and certificate — so certificates signPdf itself refuses (keyEncipherment-only) can be
// tested against the verifier. Test code only.
import { sign as cryptoSign } from 'node:crypto';
import { createHash } from 'node:crypto';
import { assembleCms, prepareSignedAttributes } from '../../../electron/services/signing/cms';
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
}

export async function forgeSignature(pdf: Uint8Array, o: ForgeOptions): Promise<Uint8Array> {
  const throwaway = await issue({ commonName: o.signerName, notBefore: new Date('2000-01-01'), notAfter: new Date('2049-01-01') });
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
  const digest = createHash('sha256')
    .update(shell.subarray(0, b))
    .update(shell.subarray(c, c + d))
    .digest();
  const prepared = prepareSignedAttributes(o.identity.certDer, new Uint8Array(digest));
  const signature = new Uint8Array(cryptoSign('sha256', prepared.toSign, o.identity.privateKey));
  const keyAlgorithm = o.identity.privateKey.asymmetricKeyType === 'ec' ? 'ECDSA' : 'RSA';
  const cms = assembleCms({ chain: [o.identity.certDer, ...o.chain], keyAlgorithm, attributes: prepared.attributes, signature });
  const hex = Buffer.from(cms).toString('hex');
  const room = c - b - 2;
  if (hex.length > room) throw new Error('CMS too large for the placeholder');
  const out = new Uint8Array(shell);
  out.set(Buffer.from(hex.padEnd(room, '0'), 'latin1'), b + 1);
  return out;
}
