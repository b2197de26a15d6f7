// Path building from a signer certificate to a trust anchor at a given time. Names, signatures,
// validity and CA flags only: revocation (CRL/OCSP) needs the network and is not checked here.
import { X509Certificate } from 'node:crypto';
import { certificateInfo, keyUsageOf, parseCertificate } from './certificates';
import { toHex } from './pdf-text';

export interface ChainResult {
  trusted: boolean;
  /** DER certificates from the leaf to the anchor when trusted. */
  path: Uint8Array[];
  problem?: string;
}

const MAX_DEPTH = 10;

function validAt(der: Uint8Array, at: Date): boolean {
  const info = certificateInfo(der);
  return info.notBefore.getTime() <= at.getTime() && at.getTime() <= info.notAfter.getTime();
}

function mayIssue(der: Uint8Array, x: X509Certificate): boolean {
  if (!x.ca) return false;
  const ku = keyUsageOf(parseCertificate(der));
  return ku === null || ku.includes('keyCertSign');
}

export function validateChain(leaf: Uint8Array, pool: Uint8Array[], anchors: Uint8Array[], at: Date): ChainResult {
  const anchorHex = new Set(anchors.map(toHex));
  const candidates = [...anchors, ...pool].map((der) => ({ der, x: new X509Certificate(der) }));
  const path = [leaf];
  let current = { der: leaf, x: new X509Certificate(leaf) };
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (!validAt(current.der, at)) {
      return { trusted: false, path, problem: `Certifikatet ${current.x.subject.replace(/\n/g, ', ')} var inte giltigt vid signeringen.` };
    }
    if (anchorHex.has(toHex(current.der))) return { trusted: true, path };
    const self = toHex(current.der);
    const issuer = candidates.find(
      (c) => toHex(c.der) !== self && current.x.checkIssued(c.x) && current.x.verify(c.x.publicKey) && mayIssue(c.der, c.x),
    );
    if (!issuer) return { trusted: false, path, problem: 'Certifikatkedjan leder inte till någon betrodd utfärdare.' };
    path.push(issuer.der);
    current = issuer;
  }
  return { trusted: false, path, problem: 'Certifikatkedjan är för lång.' };
}
