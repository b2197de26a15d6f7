// Path building from a signer certificate to a trust anchor at a given time, then the path is
// validated once more by pkijs' RFC 5280 engine (signatures, validity, names, basic constraints).
// Revocation (CRL/OCSP) needs the network and is not checked here.
import { X509Certificate } from 'node:crypto';
import * as pkijs from 'pkijs';
import { certificateInfo, keyUsageOf, MIN_RSA_BITS, parseCertificate } from './certificates';
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

/** Signature algorithms whose hash collisions can be made (MD2, MD5, SHA-1): a certificate signed so can be a forged twin. */
const WEAK_CERTIFICATE_SIGNATURES: Record<string, string> = {
  '1.2.840.113549.1.1.2': 'MD2',
  '1.2.840.113549.1.1.4': 'MD5',
  '1.2.840.113549.1.1.5': 'SHA-1',
  '1.2.840.10045.4.1': 'SHA-1',
  '1.2.840.10040.4.3': 'SHA-1',
  '1.3.14.3.2.29': 'SHA-1',
};

/**
 * Why a path is not to be trusted although it chains: a certificate below the anchor signed with a
 * broken hash (the rogue-CA attack of 2008 used MD5 collisions), or an issuer with a weak key. The
 * anchor itself is exempt: it is trusted by configuration, not by its signature.
 */
function weakIssuance(path: Uint8Array[], anchor: Uint8Array): string | null {
  const anchorHex = toHex(anchor);
  for (const der of path) {
    if (toHex(der) === anchorHex) continue;
    const cert = parseCertificate(der);
    const hash = WEAK_CERTIFICATE_SIGNATURES[cert.signatureAlgorithm.algorithmId];
    const x = new X509Certificate(der);
    if (hash) return `Certifikatet ${x.subject.replace(/\n/g, ', ')} är utfärdat med hashalgoritmen ${hash}, som inte längre är säker; kedjan godtas inte.`;
    const key = x.publicKey;
    const bits = key.asymmetricKeyDetails?.modulusLength;
    if (x.ca && (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss') && bits !== undefined && bits < MIN_RSA_BITS) {
      return `Utfärdarcertifikatet ${x.subject.replace(/\n/g, ', ')} har en RSA-nyckel på bara ${bits} bitar (minst ${MIN_RSA_BITS} krävs); kedjan godtas inte.`;
    }
  }
  return null;
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
    if (anchorHex.has(toHex(current.der))) {
      const weak = weakIssuance(path, current.der);
      return weak ? { trusted: false, path, problem: weak } : { trusted: true, path, anchor: current.der };
    }
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
