// Recording a signature, the one way every signed file is stored: the protocol's justering
// (signed in this app or imported from a signing package) and the clerk's and secretary's own
// documents (tillkännagivande, anslagsbevis, protokollsutdrag). The signed file has been made and
// checked before; here, in one transaction, the base it was signed on must still be the current
// state, then the signature row (with the certificate facts, core/app/justering/certificate.ts)
// and its audit row are written, and the caller's follow-up (the justering's adjusted state)
// runs in the same transaction.
import { AppError } from '../../api/errors';
import type { CheckedSignature, JusteringDeps, SignatureRow } from './ports';
import type { RequiredSigner, TimestampOutcome } from './types';
import type { SignatureCertificate } from './certificate';

/** The stored version being signed and the state the new signature was made on top of. */
export interface SignatureTarget {
  version: { id: string; sha256: string };
  /** SHA-256 of the file the signature was added to (the last signed file, else the version's). */
  baseSha256: string;
  signer: RequiredSigner;
  /** How the conflict message names what was signed: "protokollet", "dokumentet". */
  noun: string;
}

/** A signed and checked file, not yet stored. */
export interface SignedFile {
  pdf: Uint8Array;
  /** The signature's time: a trusted time stamp, else this app's clock or the moment of import. */
  signedAt: string;
  checked: CheckedSignature;
  timestamp: TimestampOutcome;
  /** How the certificate was bound to the person. */
  identity: 'identifier' | 'name-only';
  via: SignatureCertificate['via'];
  credential: SignatureCertificate['credential'];
}

export interface RecordSteps<T> {
  /** The audit action and what it adds to the common details. */
  audit: { action: string; details?: Record<string, unknown> };
  /** Runs in the transaction before anything is written; throws to refuse. */
  check?: () => void;
  /** Runs in the transaction after the signature row is written; its result is returned. */
  then: (row: SignatureRow, sha256: string) => T;
}

export function recordSignature<T>(deps: Pick<JusteringDeps, 'justering' | 'store' | 'services'>, target: SignatureTarget, signed: SignedFile, steps: RecordSteps<T>): T {
  const sha256 = deps.services.sha256(signed.pdf);
  const sig = signed.checked.signature;
  return deps.store.transaction(() => {
    // Someone may have signed in between: the base must still be the current state.
    const latest = deps.justering.latestSigned(target.version.id);
    if ((latest?.sha256 ?? target.version.sha256) !== target.baseSha256) {
      throw new AppError('conflict', `Någon annan har skrivit under ${target.noun} under tiden. Hämta den senaste versionen och skriv under igen.`);
    }
    steps.check?.();
    const certificate: SignatureCertificate = {
      subject: sig.certificateSubject,
      sha256: sig.certificateSha256,
      via: signed.via,
      credential: signed.credential,
      identity: signed.identity,
      trustAnchor: sig.trustAnchor,
      validityTime: sig.validityTime,
    };
    const row = deps.justering.insertSignature({
      versionId: target.version.id,
      field: target.signer.field,
      role: target.signer.role,
      personId: target.signer.personId,
      signerName: target.signer.name,
      signedAt: signed.signedAt,
      certificate,
      validation: signed.checked.report,
      pdf: signed.pdf,
      sha256,
    });
    deps.store.audit({
      action: steps.audit.action,
      entity: 'signature',
      entityId: row.id,
      details: {
        versionId: target.version.id,
        ...steps.audit.details,
        field: target.signer.field,
        signer: target.signer.name,
        signedAt: signed.signedAt,
        sha256,
        certificate: sig.certificateSubject,
        identity: signed.identity,
        trustAnchor: sig.trustAnchor,
        claimedSigningTime: sig.claimedSigningTime,
      },
    });
    return steps.then(row, sha256);
  });
}
