// Path building from a signer certificate to a trust anchor at a given time, then the path is
// validated once more by pkijs' RFC 5280 engine (signatures, validity, names, basic constraints).
// Revocation (CRL/OCSP) needs the network and is not checked here.
import { X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';
import { certificateInfo, keyUsageOf, parseCertificate } from './certificates';
import { toHex } from './pdf-text';

export interface ChainResult {
  trusted: boolean;
  /** DER certificates from the leaf to the anchor when trusted. */
  path: Uint8Array[];
  /** The trust anchor the path ends in (DER), when trusted. */
  anchor?: Uint8Array;
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

const when = (d: Date) => d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

/** Path building alone (names, signatures, validity, CA flag, keyCertSign), for callers that cannot wait: no pkijs second pass. */
export function validateChainSync(leaf: Uint8Array, pool: Uint8Array[], anchors: Uint8Array[], at: Date): ChainResult {
  return findPath(leaf, pool, anchors, at);
}

function findPath(leaf: Uint8Array, pool: Uint8Array[], anchors: Uint8Array[], at: Date): ChainResult {
  const anchorHex = new Set(anchors.map(toHex));
  const candidates = [...anchors, ...pool].map((der) => ({ der, x: new X509Certificate(der) }));
  const path = [leaf];
  let current = { der: leaf, x: new X509Certificate(leaf) };
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    if (!validAt(current.der, at)) {
      return { trusted: false, path, problem: `Certifikatet ${current.x.subject.replace(/\n/g, ', ')} var inte giltigt vid kontrolltidpunkten ${when(at)}.` };
    }
    if (anchorHex.has(toHex(current.der))) return { trusted: true, path, anchor: current.der };
    const self = toHex(current.der);
    const issuer = candidates.find((c) => toHex(c.der) !== self && current.x.checkIssued(c.x) && current.x.verify(c.x.publicKey) && mayIssue(c.der, c.x));
    if (!issuer) return { trusted: false, path, problem: 'Certifikatkedjan leder inte till något betrott rotcertifikat i Justeras tillitslista.' };
    path.push(issuer.der);
    current = issuer;
  }
  return { trusted: false, path, problem: 'Certifikatkedjan är för lång.' };
}

export async function validateChain(leaf: Uint8Array, pool: Uint8Array[], anchors: Uint8Array[], at: Date): Promise<ChainResult> {
  const found = findPath(leaf, pool, anchors, at);
  if (!found.trusted || found.anchor === undefined) return found;
  const anchor = found.anchor;
  // The leaf itself registered as an anchor: nothing to chain.
  if (toHex(anchor) === toHex(leaf)) return found;
  const engine = new pkijs.CertificateChainValidationEngine({
    trustedCerts: [parseCertificate(anchor)],
    certs: found.path.filter((d) => d !== anchor).map(parseCertificate),
    checkDate: at,
  });
  const r = await engine.verify();
  if (!r.result) {
    return { trusted: false, path: found.path, problem: `Certifikatkedjan godtas inte (${r.resultMessage || `kod ${r.resultCode}`}).` };
  }
  return found;
}
