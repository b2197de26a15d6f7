// What an archive package (electron/services/archive) reads from the database: every stored
// document version of a meeting (the frozen PDF, its kind, group and number) with the signatures
// applied to it in the order they were made (each with the signed file and its validation report).
// Read only; the service writes the package from this and the API's meetings.export.
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../open';
import { adjustmentGroups, documentVersions, signatures } from '../schema';

export interface ArchiveSignature {
  id: string;
  field: string;
  role: string;
  signerName: string;
  signedAt: string;
  /** The verification report stored at signing time (JSON), null when there is none. */
  validation: unknown;
  pdf: Uint8Array;
  sha256: string;
}

export interface ArchiveVersion {
  id: string;
  kind: string;
  versionNo: number;
  /** The justering group's position (0-based); null for documents of the whole meeting. */
  groupPosition: number | null;
  reason: string | null;
  pdf: Uint8Array;
  sha256: string;
  isCurrent: boolean;
  createdAt: string;
  signatures: ArchiveSignature[];
}

export interface ArchiveStore {
  /** By kind, group position (whole-meeting documents first), version number, creation time and id. */
  meetingDocuments(meetingId: string): ArchiveVersion[];
}

export function createArchiveStore(db: Db): ArchiveStore {
  const signaturesOf = (versionId: string): ArchiveSignature[] =>
    db
      .select({
        id: signatures.id,
        field: signatures.field,
        role: signatures.role,
        signerName: signatures.signerName,
        signedAt: signatures.signedAt,
        validation: signatures.validation,
        pdf: signatures.pdf,
        sha256: signatures.sha256,
      })
      .from(signatures)
      .where(eq(signatures.versionId, versionId))
      .orderBy(asc(signatures.signedAt), asc(sql`rowid`))
      .all()
      .map((s) => ({ ...s, validation: s.validation ?? null, pdf: new Uint8Array(s.pdf) }));

  return {
    meetingDocuments: (meetingId) =>
      db
        .select({
          id: documentVersions.id,
          kind: documentVersions.kind,
          versionNo: documentVersions.versionNo,
          groupPosition: adjustmentGroups.position,
          reason: documentVersions.reason,
          pdf: documentVersions.pdf,
          sha256: documentVersions.sha256,
          isCurrent: documentVersions.isCurrent,
          createdAt: documentVersions.createdAt,
        })
        .from(documentVersions)
        .leftJoin(adjustmentGroups, eq(adjustmentGroups.id, documentVersions.groupId))
        .where(eq(documentVersions.meetingId, meetingId))
        .orderBy(asc(documentVersions.kind), asc(adjustmentGroups.position), asc(documentVersions.versionNo), asc(documentVersions.createdAt), asc(documentVersions.id))
        .all()
        .map((v) => ({ ...v, pdf: new Uint8Array(v.pdf), signatures: signaturesOf(v.id) })),
  };
}
