// The installation's trust store: the root (or intermediate) certificates every signature must
// chain to, on every path (in-app signing, PKCS#11, import, packages, verify, archive verify,
// the clerk's documents). The app ships none: the municipality adds its own (docs/justering.md).
import { AppError } from '../../api/errors';
import type { AppDeps } from '../ports';
import type { CertificateFacts, CertificateReader, CrlReader, TrustAnchorRow, TrustCrlRow, TrustStore } from './ports';

export type { CertificateFacts, TrustAnchorRow, TrustStore, CertificateReader, CrlReader, TrustCrlRow, CrlFileFacts } from './ports';

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

/** An imported certificate revocation list as it crosses the API (no bytes). */
export interface TrustCrl {
  id: string;
  issuer: string;
  thisUpdate: string;
  nextUpdate: string | null;
  crlNumber: string | null;
  revokedCount: number;
  sha256: string;
  verifiedBy: string | null;
  /** nextUpdate has passed (or is absent): signatures of its issuer get "spärrstatus okänd". */
  stale: boolean;
  addedAt: string;
  addedBy: string;
}

export interface TrustList {
  anchors: TrustAnchor[];
  /** Imported CRLs for offline revocation checking. */
  crls: TrustCrl[];
  /** Swedish note when the store is empty: no signature can be trusted. */
  emptyMessage: string | null;
}

export const EMPTY_TRUST_STORE =
  'Tillitslistan är tom: Justera levereras utan betrodda rotcertifikat, så ingen underskrift kan bedömas som betrodd. Lägg till kommunens rotcertifikat (t.ex. SITHS e-id Root CA v2 och e-legitimationsutfärdarnas rotcertifikat) under Inställningar eller med "justera trust add CA.pem --db DB".';

export type TrustDeps = Pick<AppDeps, 'store' | 'clock'> & { trust: TrustStore; certificates: CertificateReader; crlReader: CrlReader };

function anchorOf(r: TrustAnchorRow): TrustAnchor {
  return { id: r.id, subject: r.subject, issuer: r.issuer, notBefore: r.notBefore, notAfter: r.notAfter, sha256: r.sha256, isCa: r.isCa, addedAt: r.addedAt, addedBy: r.addedBy };
}

function crlOf(r: TrustCrlRow, now: Date): TrustCrl {
  return {
    id: r.id,
    issuer: r.issuer,
    thisUpdate: r.thisUpdate,
    nextUpdate: r.nextUpdate,
    crlNumber: r.crlNumber,
    revokedCount: r.revokedCount,
    sha256: r.sha256,
    verifiedBy: r.verifiedBy,
    stale: r.nextUpdate === null || Date.parse(r.nextUpdate) < now.getTime(),
    addedAt: r.addedAt,
    addedBy: r.addedBy,
  };
}

export function listTrust(deps: Pick<TrustDeps, 'trust' | 'clock'>): TrustList {
  const anchors = deps.trust.list().map(anchorOf);
  const now = deps.clock.now();
  return { anchors, crls: deps.trust.listCrls().map((r) => crlOf(r, now)), emptyMessage: anchors.length === 0 ? EMPTY_TRUST_STORE : null };
}

const minute = (iso: string) => `${iso.replace('T', ' ').slice(0, 16)} UTC`;

/**
 * Imports certificate revocation lists (PEM, several allowed, or DER) in one transaction, audited.
 * Refused: a delta or partitioned CRL (it cannot say "not revoked"), one already past its
 * nextUpdate, and one whose issuer is a trust anchor but whose signature does not verify with
 * that anchor's key. A CRL of an intermediate CA (not an anchor) is kept and verified against the
 * issuing certificate whenever it is used. An older CRL of the same issuer is replaced.
 */
export function addCrl(deps: TrustDeps, input: { crl: Uint8Array }): { added: TrustCrl[]; alreadyImported: string[]; replaced: TrustCrl[]; notes: string[] } {
  const now = deps.clock.now();
  const files = deps.crlReader.read(input.crl);
  const anchors = deps.trust.list();
  const checked = files.map((f) => {
    if (f.partial !== null) {
      throw new AppError('validation', `Spärrlistan från ${f.issuer} kan inte användas (${f.partial}). Importera utfärdarens fullständiga spärrlista (CRL).`);
    }
    if (f.nextUpdate === null || Date.parse(f.nextUpdate) < now.getTime()) {
      throw new AppError(
        'validation',
        f.nextUpdate === null
          ? `Spärrlistan från ${f.issuer} anger ingen nästa uppdatering (nextUpdate) och kan inte bedömas som aktuell. Hämta utfärdarens ordinarie spärrlista.`
          : `Spärrlistan från ${f.issuer} gällde till ${minute(f.nextUpdate)} och är inaktuell. Hämta en aktuell spärrlista från utfärdaren och importera den.`,
      );
    }
    if (Date.parse(f.thisUpdate) > now.getTime() + 5 * 60_000) {
      throw new AppError('validation', `Spärrlistan från ${f.issuer} är utfärdad ${minute(f.thisUpdate)}, i framtiden. Kontrollera datorns klocka och filen.`);
    }
    const verdicts = anchors.map((a) => ({ a, v: deps.crlReader.issuedBy(f.der, a.der) }));
    const verifiedBy = verdicts.find((x) => x.v === 'issuer')?.a ?? null;
    if (verifiedBy === null && verdicts.some((x) => x.v === 'bad-signature')) {
      throw new AppError(
        'validation',
        `Spärrlistan säger sig vara utfärdad av ${f.issuer}, men dess signatur kan inte verifieras med det rotcertifikatet i tillitslistan. Den är förfalskad eller från en annan utfärdare med samma namn; hämta spärrlistan direkt från utfärdaren.`,
      );
    }
    return { f, verifiedBy };
  });
  return deps.store.transaction(() => {
    const added: TrustCrl[] = [];
    const replaced: TrustCrl[] = [];
    const alreadyImported: string[] = [];
    const notes: string[] = [];
    for (const { f, verifiedBy } of checked) {
      if (deps.trust.crlBySha256(f.sha256) !== null) {
        alreadyImported.push(f.issuer);
        continue;
      }
      const older = deps.trust.listCrls().filter((r) => r.issuer === f.issuer);
      if (older.some((r) => Date.parse(r.thisUpdate) >= Date.parse(f.thisUpdate))) {
        notes.push(`En lika ny eller nyare spärrlista från ${f.issuer} finns redan; den här (utfärdad ${minute(f.thisUpdate)}) lades inte till.`);
        continue;
      }
      for (const r of older) {
        deps.trust.removeCrl(r.id);
        deps.store.audit({ action: 'trust.removeCrl', entity: 'trust_crl', entityId: r.id, details: { issuer: r.issuer, sha256: r.sha256, supersededBy: f.sha256 } });
        replaced.push(crlOf(r, now));
      }
      const row = deps.trust.insertCrl({
        issuer: f.issuer,
        thisUpdate: f.thisUpdate,
        nextUpdate: f.nextUpdate,
        crlNumber: f.crlNumber,
        revokedCount: f.revokedCount,
        sha256: f.sha256,
        verifiedBy: verifiedBy?.subject ?? null,
        der: f.der,
      });
      deps.store.audit({
        action: 'trust.addCrl',
        entity: 'trust_crl',
        entityId: row.id,
        details: { issuer: f.issuer, thisUpdate: f.thisUpdate, nextUpdate: f.nextUpdate, sha256: f.sha256, revoked: f.revokedCount },
      });
      if (verifiedBy === null) {
        notes.push(
          `Utfärdaren ${f.issuer} är inte ett rotcertifikat i tillitslistan (en mellanliggande utfärdare?): spärrlistans signatur kontrolleras mot utfärdarens certifikat när en underskrift kontrolleras.`,
        );
      }
      added.push(crlOf(row, now));
    }
    return { added, alreadyImported, replaced, notes };
  });
}

export function removeCrl(deps: Pick<TrustDeps, 'store' | 'trust' | 'clock'>, input: { id: string }): { removed: TrustCrl } {
  return deps.store.transaction(() => {
    const row = deps.trust.removeCrl(input.id);
    if (row === null) throw new AppError('not_found', 'Spärrlistan finns inte i tillitslistan. Visa listan (justera trust list) och ange ett id därifrån.');
    deps.store.audit({ action: 'trust.removeCrl', entity: 'trust_crl', entityId: row.id, details: { issuer: row.issuer, sha256: row.sha256 } });
    return { removed: crlOf(row, deps.clock.now()) };
  });
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
