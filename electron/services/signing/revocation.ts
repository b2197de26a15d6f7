// Revocation checking that works offline: certificate revocation lists (CRLs, RFC 5280 § 5) the
// administrator imports into the trust store, and the CRLs a signature carries with it (CMS
// SignedData crls, the adbe-revocationInfoArchival attribute, the PDF's /DSS /CRLs). OCSP needs
// the responder on the network and is not used (docs/justering.md, "Revocation").
//
// A CRL counts only when its signature verifies with the public key of the certificate that issued
// the certificate in question (the next one on the trusted path), that certificate may sign CRLs,
// and it is a complete CRL (no delta, no partitioning by reasons or certificate kind).
import { createHash, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { formatName, keyUsageOf, parseCertificate } from './certificates';
import { verifySignature } from './cms-verify';
import { hashNames } from './oids';
import { AppError } from '../../../core/api/errors';
import type { CrlFileFacts } from '../../../core/app/trust/ports';
import { owned, toHex } from './pdf-text';

export interface CrlFacts {
  issuer: string;
  thisUpdate: Date;
  nextUpdate: Date | null;
  /** The cRLNumber extension, hex; null when absent. */
  crlNumber: string | null;
  revokedCount: number;
  sha256: string;
  der: Uint8Array;
  /** A delta CRL or one limited by an issuing distribution point: it cannot say "not revoked". */
  partial: string | null;
}

export type CrlSource = 'store' | 'embedded';

export interface CrlInput {
  der: Uint8Array;
  source: CrlSource;
}

export interface RevocationReport {
  /**
   * good: a current CRL of every issuer on the path that verifies says not revoked;
   * revoked: a verified CRL lists a certificate of the path revoked at or before the validity time;
   * unknown ("spärrstatus okänd"): no current, verifying CRL covers some issuer, or trust was not assessed.
   */
  status: 'good' | 'revoked' | 'unknown';
  /** The CRL that decided (for unknown: none). */
  crl: { issuer: string; thisUpdate: Date; nextUpdate: Date | null; source: CrlSource; sha256: string } | null;
  /** For revoked (or revoked only after the validity time): the certificate and when. */
  revokedCertificate: string | null;
  revokedAt: Date | null;
  reason: string | null;
  /** Swedish, one sentence: what was found. */
  message: string;
}

const REASONS: Record<number, string> = {
  0: 'ospecificerat',
  1: 'nyckeln röjd (keyCompromise)',
  2: 'utfärdarens nyckel röjd (cACompromise)',
  3: 'uppgifterna ändrade (affiliationChanged)',
  4: 'ersatt (superseded)',
  5: 'verksamheten upphört (cessationOfOperation)',
  6: 'tillfälligt spärrat (certificateHold)',
  8: 'borttaget från spärrlistan (removeFromCRL)',
  9: 'behörighet återkallad (privilegeWithdrawn)',
  10: 'attribututfärdarens nyckel röjd (aACompromise)',
};

const day = (d: Date) => d.toISOString().slice(0, 10);
const minute = (d: Date) => `${d.toISOString().replace('T', ' ').slice(0, 16)} UTC`;

/** PEM files may hold several CRLs ("X509 CRL" blocks); DER holds one. */
export function crlBlocks(bytes: Uint8Array): Uint8Array[] {
  const text = Buffer.from(bytes).toString('latin1');
  const blocks = [...text.matchAll(/-----BEGIN X509 CRL-----([\s\S]*?)-----END X509 CRL-----/g)];
  if (blocks.length === 0) return [bytes];
  return blocks.map((m) => new Uint8Array(Buffer.from((m[1] ?? '').replace(/\s+/g, ''), 'base64')));
}

export function parseCrl(der: Uint8Array): pkijs.CertificateRevocationList {
  const asn1 = asn1js.fromBER(owned(der));
  if (asn1.offset === -1) throw new Error('ogiltig ASN.1');
  return new pkijs.CertificateRevocationList({ schema: asn1.result });
}

function extension(crl: pkijs.CertificateRevocationList, oid: string): pkijs.Extension | undefined {
  return crl.crlExtensions?.extensions.find((e) => e.extnID === oid);
}

/** Why the CRL cannot vouch for every certificate of its issuer, or null when it can. */
function partialReason(crl: pkijs.CertificateRevocationList): string | null {
  if (extension(crl, '2.5.29.27')) return 'deltaspärrlista';
  const idp = extension(crl, '2.5.29.28');
  if (idp) {
    const parsed = asn1js.fromBER(idp.extnValue.valueBlock.valueHexView).result;
    // IssuingDistributionPoint: only [0] distributionPoint may be present for a complete CRL.
    const fields = parsed instanceof asn1js.Sequence ? parsed.valueBlock.value : [];
    if (fields.some((f) => !(f.idBlock.tagClass === 3 && f.idBlock.tagNumber === 0))) return 'spärrlistan gäller bara en del av utfärdarens certifikat';
  }
  const unknownCritical = crl.crlExtensions?.extensions.find((e) => e.critical && !['2.5.29.20', '2.5.29.28', '2.5.29.35'].includes(e.extnID));
  if (unknownCritical) return `okänt kritiskt tillägg ${unknownCritical.extnID}`;
  return null;
}

export function crlFacts(der: Uint8Array): CrlFacts {
  const crl = parseCrl(der);
  const num = extension(crl, '2.5.29.20');
  const numValue = num ? asn1js.fromBER(num.extnValue.valueBlock.valueHexView).result : null;
  return {
    issuer: formatName(crl.issuer),
    thisUpdate: crl.thisUpdate.value,
    nextUpdate: crl.nextUpdate?.value ?? null,
    crlNumber: numValue instanceof asn1js.Integer ? toHex(numValue.valueBlock.valueHexView) : null,
    revokedCount: crl.revokedCertificates?.length ?? 0,
    sha256: createHash('sha256').update(der).digest('hex'),
    der: new Uint8Array(der),
    partial: partialReason(crl),
  };
}

/** The CRL's issuer name is the certificate's subject and its signature verifies with that certificate's key. */
export function crlIssuedBy(crl: pkijs.CertificateRevocationList, issuerDer: Uint8Array): boolean {
  const issuer = parseCertificate(issuerDer);
  if (!crl.issuer.isEqual(issuer.subject)) return false;
  try {
    const alg = crl.signature;
    const digest = hashNames[alg.algorithmId] ?? 'sha256';
    return verifySignature(alg, digest, new X509Certificate(issuerDer).publicKey, new Uint8Array(crl.tbsView), new Uint8Array(crl.signatureValue.valueBlock.valueHexView));
  } catch {
    return false;
  }
}

/** The issuer may sign CRLs: no key usage extension, or one with cRLSign. */
function maySignCrls(issuerDer: Uint8Array): boolean {
  const ku = keyUsageOf(parseCertificate(issuerDer));
  return ku === null || ku.includes('cRLSign');
}

interface Parsed {
  input: CrlInput;
  crl: pkijs.CertificateRevocationList;
  facts: CrlFacts;
}

function parseAll(crls: CrlInput[]): Parsed[] {
  const out: Parsed[] = [];
  const seen = new Set<string>();
  for (const input of crls) {
    try {
      const facts = crlFacts(input.der);
      if (seen.has(facts.sha256)) continue;
      seen.add(facts.sha256);
      out.push({ input, crl: parseCrl(input.der), facts });
    } catch {
      // An unreadable CRL embedded in a file says nothing; the store only accepts readable ones.
    }
  }
  return out;
}

type One = Omit<RevocationReport, 'status'> & { status: RevocationReport['status'] };

function crlRef(p: Parsed): NonNullable<RevocationReport['crl']> {
  return { issuer: p.facts.issuer, thisUpdate: p.facts.thisUpdate, nextUpdate: p.facts.nextUpdate, source: p.input.source, sha256: p.facts.sha256 };
}

const fromWhere = (p: Parsed) => `spärrlista från ${p.facts.issuer}, utfärdad ${minute(p.facts.thisUpdate)}${p.input.source === 'embedded' ? ', medskickad i filen' : ''}`;

function checkOne(certDer: Uint8Array, issuerDer: Uint8Array, crls: Parsed[], at: Date, now: Date): One {
  const cert = parseCertificate(certDer);
  const subject = formatName(cert.subject);
  const serial = toHex(cert.serialNumber.valueBlock.valueHexView);
  const issuerName = formatName(cert.issuer);
  const sameIssuer = crls.filter((p) => p.crl.issuer.isEqual(cert.issuer));
  const canSign = maySignCrls(issuerDer);
  const verified = canSign ? sameIssuer.filter((p) => crlIssuedBy(p.crl, issuerDer)) : [];
  const none = { crl: null, revokedCertificate: null, revokedAt: null, reason: null };

  // Revocation is permanent (certificateHold aside): any verified CRL that lists the certificate
  // revoked at or before the validity time decides, even a stale one.
  let laterRevocation: { p: Parsed; at: Date; reason: string | null } | null = null;
  for (const p of verified) {
    const entry = p.crl.revokedCertificates?.find((r) => toHex(r.userCertificate.valueBlock.valueHexView) === serial);
    if (!entry) continue;
    const when = entry.revocationDate.value;
    const reasonExt = entry.crlEntryExtensions?.extensions.find((e) => e.extnID === '2.5.29.21');
    const reasonValue = reasonExt ? asn1js.fromBER(reasonExt.extnValue.valueBlock.valueHexView).result : null;
    const code = reasonValue instanceof asn1js.Enumerated ? reasonValue.valueBlock.valueDec : null;
    const reason = code === null ? null : (REASONS[code] ?? `kod ${code}`);
    if (code === 8) continue; // removeFromCRL (delta CRLs): not a revocation
    if (when.getTime() <= at.getTime()) {
      return {
        status: 'revoked',
        crl: crlRef(p),
        revokedCertificate: subject,
        revokedAt: when,
        reason,
        message: `Certifikatet ${subject} är spärrat sedan ${minute(when)}${reason === null ? '' : ` (${reason})`}, före kontrolltidpunkten ${minute(at)} (${fromWhere(p)}).`,
      };
    }
    if (laterRevocation === null || when < laterRevocation.at) laterRevocation = { p, at: when, reason };
  }

  const current = verified
    .filter((p) => p.facts.partial === null && p.facts.thisUpdate.getTime() <= now.getTime() && p.facts.nextUpdate !== null && now.getTime() <= p.facts.nextUpdate.getTime())
    .sort((a, b) => b.facts.thisUpdate.getTime() - a.facts.thisUpdate.getTime())[0];
  if (current) {
    if (laterRevocation) {
      return {
        status: 'good',
        crl: crlRef(current),
        revokedCertificate: subject,
        revokedAt: laterRevocation.at,
        reason: laterRevocation.reason,
        message: `Certifikatet ${subject} spärrades ${minute(laterRevocation.at)}, efter tidsstämpelns tid ${minute(at)}: det var inte spärrat när underskriften gjordes (${fromWhere(laterRevocation.p)}).`,
      };
    }
    const next = current.facts.nextUpdate;
    return {
      status: 'good',
      ...none,
      crl: crlRef(current),
      message: `Inte spärrat enligt ${fromWhere(current)}, giltig till ${next === null ? '–' : minute(next)}.`,
    };
  }

  // Unknown: say why, most useful first.
  const wrongSignature = sameIssuer.length > verified.length;
  const stale = verified.filter((p) => p.facts.partial === null);
  let why: string;
  if (!canSign && sameIssuer.length > 0) why = `utfärdaren ${issuerName} får inte signera spärrlistor (nyckelanvändning utan cRLSign)`;
  else if (stale.length > 0) {
    const newest = stale.sort((a, b) => b.facts.thisUpdate.getTime() - a.facts.thisUpdate.getTime())[0];
    const f = newest?.facts;
    why =
      f === undefined
        ? 'ingen aktuell spärrlista'
        : f.nextUpdate === null
          ? `spärrlistan från ${day(f.thisUpdate)} anger ingen nästa uppdatering`
          : f.thisUpdate.getTime() > now.getTime()
            ? `spärrlistan är utfärdad ${minute(f.thisUpdate)}, efter kontrolltidpunkten`
            : `den senaste spärrlistan gällde till ${minute(f.nextUpdate)} och är inaktuell; importera en ny`;
  } else if (verified.length > 0) why = `spärrlistan kan inte visa att certifikatet inte är spärrat (${verified[0]?.facts.partial ?? ''})`;
  else if (wrongSignature) why = `spärrlistan med utfärdarnamnet ${issuerName} är inte signerad av utfärdarens certifikat och räknas inte`;
  else why = `ingen spärrlista från ${issuerName} finns i tillitslistan eller i filen`;
  return { status: 'unknown', ...none, message: `Spärrstatus okänd för ${subject}: ${why}.` };
}

/**
 * The revocation outcome of a trusted path (leaf first, the trust anchor last): every certificate
 * but the anchor is checked against its issuer's CRLs. `at` is the validity time (the time
 * stamp's, else `now`); a CRL is current when thisUpdate ≤ now ≤ nextUpdate.
 */
export function checkRevocation(path: Uint8Array[], crls: CrlInput[], at: Date, now: Date): RevocationReport {
  const parsed = parseAll(crls);
  if (path.length < 2) {
    return { status: 'good', crl: null, revokedCertificate: null, revokedAt: null, reason: null, message: 'Certifikatet är självt betrott (registrerat i tillitslistan); ingen utfärdare att fråga.' };
  }
  const results: One[] = [];
  for (let i = 0; i + 1 < path.length; i++) {
    const cert = path[i];
    const issuer = path[i + 1];
    if (cert === undefined || issuer === undefined) break;
    results.push(checkOne(cert, issuer, parsed, at, now));
  }
  const revoked = results.find((r) => r.status === 'revoked');
  if (revoked) return revoked;
  const unknown = results.find((r) => r.status === 'unknown');
  if (unknown) return unknown;
  // Good: report the leaf's CRL (the one that names the signer).
  return results[0] ?? { status: 'unknown', crl: null, revokedCertificate: null, revokedAt: null, reason: null, message: 'Spärrstatus okänd.' };
}

export const REVOCATION_NOT_ASSESSED: RevocationReport = {
  status: 'unknown',
  crl: null,
  revokedCertificate: null,
  revokedAt: null,
  reason: null,
  message: 'Spärrstatus ej bedömd: certifikatet leder inte till något betrott rotcertifikat.',
};

const unreadableCrl = () =>
  new AppError('validation', 'Filen innehåller ingen spärrlista (CRL) som kan läsas. Välj utfärdarens spärrlista som .crl-fil (DER) eller PEM ("BEGIN X509 CRL"), hämtad från utfärdarens webbplats.');

/** Every CRL in a file a user hands in, with what is shown before it is imported. */
export function readCrlFile(bytes: Uint8Array): CrlFileFacts[] {
  if (bytes.length === 0) throw unreadableCrl();
  return crlBlocks(bytes).map((der) => {
    let f: CrlFacts;
    try {
      f = crlFacts(der);
    } catch {
      throw unreadableCrl();
    }
    return {
      issuer: f.issuer,
      thisUpdate: f.thisUpdate.toISOString(),
      nextUpdate: f.nextUpdate?.toISOString() ?? null,
      crlNumber: f.crlNumber,
      revokedCount: f.revokedCount,
      sha256: f.sha256,
      partial: f.partial,
      der: f.der,
    };
  });
}

export function crlIssuedByCertificate(crlDer: Uint8Array, certificateDer: Uint8Array): 'issuer' | 'other-name' | 'bad-signature' {
  const crl = parseCrl(crlDer);
  if (!crl.issuer.isEqual(parseCertificate(certificateDer).subject)) return 'other-name';
  return crlIssuedBy(crl, certificateDer) && maySignCrls(certificateDer) ? 'issuer' : 'bad-signature';
}
