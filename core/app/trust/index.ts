// The installation's trust store: the root (or intermediate) certificates every signature must
// chain to, on every path (in-app signing, PKCS#11, import, packages, verify, archive verify,
// the clerk's documents). The app ships none: the municipality adds its own (docs/justering.md).
import { AppError } from '../../api/errors';
import type { AppDeps } from '../ports';
import type { CertificateFacts, CertificateReader, TrustAnchorRow, TrustStore } from './ports';

export type { CertificateFacts, TrustAnchorRow, TrustStore, CertificateReader } from './ports';

/** A trust anchor as it crosses the API (no certificate bytes). */
export interface TrustAnchor {
  id: string;
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  sha256: string;
  isCa: boolean;
  addedAt: string;
  addedBy: string;
}

export interface InspectedCertificate {
  subject: string;
  issuer: string;
  notBefore: string;
  notAfter: string;
  sha256: string;
  isCa: boolean;
  selfSigned: boolean;
  /** Already in the trust store. */
  alreadyTrusted: boolean;
  /** Not valid now (expired or not yet valid). */
  notValidNow: boolean;
}

export interface TrustList {
  anchors: TrustAnchor[];
  /** Swedish note when the store is empty: no signature can be trusted. */
  emptyMessage: string | null;
}

export const EMPTY_TRUST_STORE =
  'Tillitslistan är tom: Justera levereras utan betrodda rotcertifikat, så ingen underskrift kan bedömas som betrodd. Lägg till kommunens rotcertifikat (t.ex. SITHS e-id Root CA v2 och e-legitimationsutfärdarnas rotcertifikat) under Inställningar eller med "justera trust add CA.pem --db DB".';

export type TrustDeps = Pick<AppDeps, 'store' | 'clock'> & { trust: TrustStore; certificates: CertificateReader };

function anchorOf(r: TrustAnchorRow): TrustAnchor {
  return { id: r.id, subject: r.subject, issuer: r.issuer, notBefore: r.notBefore, notAfter: r.notAfter, sha256: r.sha256, isCa: r.isCa, addedAt: r.addedAt, addedBy: r.addedBy };
}

export function listTrust(deps: Pick<TrustDeps, 'trust'>): TrustList {
  const anchors = deps.trust.list().map(anchorOf);
  return { anchors, emptyMessage: anchors.length === 0 ? EMPTY_TRUST_STORE : null };
}

/** Reads a certificate file and tells what it holds, without adding anything. */
export function inspectTrust(deps: Pick<TrustDeps, 'trust' | 'certificates' | 'clock'>, input: { certificate: Uint8Array }): { certificates: InspectedCertificate[] } {
  const now = deps.clock.now().getTime();
  return {
    certificates: deps.certificates.read(input.certificate).map((c: CertificateFacts) => ({
      subject: c.subject,
      issuer: c.issuer,
      notBefore: c.notBefore,
      notAfter: c.notAfter,
      sha256: c.sha256,
      isCa: c.isCa,
      selfSigned: c.selfSigned,
      alreadyTrusted: deps.trust.bySha256(c.sha256) !== null,
      notValidNow: now < Date.parse(c.notBefore) || now > Date.parse(c.notAfter),
    })),
  };
}

/**
 * Adds every certificate of the file (a chain is allowed) that is not already trusted, in one
 * transaction, audited. `expectSha256`, when given, must list exactly what the user saw before
 * confirming (the file cannot change between showing and adding).
 */
export function addTrust(deps: TrustDeps, input: { certificate: Uint8Array; expectSha256?: string[] | undefined }): { added: TrustAnchor[]; alreadyTrusted: string[] } {
  const certs = deps.certificates.read(input.certificate);
  if (input.expectSha256 !== undefined) {
    const seen = [...input.expectSha256].map((s) => s.toLowerCase()).sort();
    const now = certs.map((c) => c.sha256).sort();
    if (seen.join() !== now.join()) throw new AppError('conflict', 'Certifikatfilen är inte densamma som visades. Välj filen igen och kontrollera uppgifterna innan du lägger till den.');
  }
  const notCa = certs.filter((c) => !c.isCa);
  if (notCa.length > 0) {
    throw new AppError(
      'validation',
      `Certifikatet ${notCa.map((c) => c.subject).join('; ')} är inget CA-certifikat (utfärdare). Lägg till utfärdarens rotcertifikat, inte en enskild persons certifikat; en person registreras med sitt certifikats fingeravtryck under personen.`,
    );
  }
  return deps.store.transaction(() => {
    const added: TrustAnchor[] = [];
    const alreadyTrusted: string[] = [];
    for (const c of certs) {
      if (deps.trust.bySha256(c.sha256) !== null) {
        alreadyTrusted.push(c.subject);
        continue;
      }
      const row = deps.trust.insert({ subject: c.subject, issuer: c.issuer, notBefore: c.notBefore, notAfter: c.notAfter, sha256: c.sha256, isCa: c.isCa, der: c.der });
      deps.store.audit({ action: 'trust.add', entity: 'trust_anchor', entityId: row.id, details: { subject: c.subject, issuer: c.issuer, sha256: c.sha256, notAfter: c.notAfter } });
      added.push(anchorOf(row));
    }
    return { added, alreadyTrusted };
  });
}

export function removeTrust(deps: Pick<TrustDeps, 'store' | 'trust'>, input: { id: string }): { removed: TrustAnchor; remaining: number; emptyMessage: string | null } {
  return deps.store.transaction(() => {
    const row = deps.trust.remove(input.id);
    if (row === null) throw new AppError('not_found', 'Rotcertifikatet finns inte i tillitslistan. Visa listan (justera trust list) och ange ett id därifrån.');
    deps.store.audit({ action: 'trust.remove', entity: 'trust_anchor', entityId: row.id, details: { subject: row.subject, sha256: row.sha256 } });
    const remaining = deps.trust.list().length;
    return { removed: anchorOf(row), remaining, emptyMessage: remaining === 0 ? EMPTY_TRUST_STORE : null };
  });
}
