// Archive packages for the e-archive (docs/archive.md): a board's meetings of one year written as
// an E-ARK CSIP style folder (METS.xml, SHA-256 checksums, every document version), and the check
// of such a folder. The use cases pick the board and its meetings, take the trust store's anchors
// and CRLs, and leave the files to the port (electron/services/archive). Behind `archive.export`
// and `archive.verify`, the same for the UI, the loopback host, IPC and the CLI.
import { AppError } from '../api/errors';
import type { MeetingDocument } from '../format/meeting';
import { exportMeeting, listBoards, listMeetings } from './meetings';
import type { AppDeps, BoardSummary, MeetingSummary } from './ports';

export interface ArchiveExportResult {
  /** The folder the package was written to. */
  dir: string;
  /** The package's METS OBJID (urn:justera:arkiv:BOARD:YEAR). */
  objId: string;
  meetings: number;
  files: number;
  signedPdfs: number;
}

/** What a file in the package is: the METS file's USE attribute. */
export type ArchiveFileUse = 'meeting-data' | 'document-register' | 'frozen-pdf' | 'signed-pdf' | 'validation-report';

export interface ArchiveProblem {
  /** The file's path inside the package (forward slashes). */
  path: string;
  problem: string;
  /** What the file is, when METS.xml lists it. */
  use?: ArchiveFileUse;
  /** The meeting's date (ÅÅÅÅ-MM-DD) the file belongs to, when METS.xml says so. */
  meetingDate?: string;
  /**
   * For a signed PDF: `invalid` (a signature does not verify or the file was changed),
   * `untrusted` (valid, but not from a trusted root), `not-assessed` (no trust anchors at all).
   */
  reason?: 'invalid' | 'untrusted' | 'not-assessed';
}

export interface ArchiveVerification {
  dir: string;
  objId: string | null;
  /** The structural check of METS.xml (Justera's own; the XSD is checked in the tests with xmllint). */
  mets: { valid: boolean; problems: string[] };
  files: { ok: number; bad: ArchiveProblem[] };
  signatures: { valid: number; invalid: ArchiveProblem[] };
  /** Whether the signatures were judged against at least one trusted root certificate. */
  trustAssessed: boolean;
  ok: boolean;
}

export interface ArchiveWriteInput {
  board: BoardSummary;
  year: number;
  /** The meetings of the year, in date order. */
  meetings: MeetingSummary[];
  meetingDocument(meetingId: string): MeetingDocument;
  directory: string;
  now: Date;
}

/** The files: written by electron/services/archive. */
export interface ArchivePackages {
  write(input: ArchiveWriteInput): Promise<ArchiveExportResult>;
  verify(directory: string, options: { now: Date; trustAnchors: Uint8Array[]; crls: Uint8Array[] }): Promise<ArchiveVerification>;
}

export interface ArchiveDeps extends AppDeps {
  packages: ArchivePackages;
  /** The installation's trust store: root certificates and imported CRLs (DER). */
  trust: { anchors(): Uint8Array[]; crls(): Uint8Array[] };
}

/** Writes the archive package of a board's meetings in a year; the export is audited. */
export async function exportArchive(deps: ArchiveDeps, input: { boardId: string; year: number; directory: string }): Promise<ArchiveExportResult> {
  const board = listBoards(deps).find((b) => b.id === input.boardId);
  if (board === undefined) throw new AppError('not_found', 'Nämnden finns inte. Välj en nämnd i listan (justera list visar dem).');
  const meetings = listMeetings(deps, { boardId: board.id, year: input.year }).sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime));
  if (meetings.length === 0) throw new AppError('not_found', `${board.name} har inga sammanträden år ${input.year}; inget arkivpaket skrevs.`);
  const result = await deps.packages.write({
    board,
    year: input.year,
    meetings,
    meetingDocument: (meetingId) => exportMeeting(deps, meetingId),
    directory: input.directory,
    now: deps.clock.now(),
  });
  deps.store.transaction(() =>
    deps.store.audit({
      action: 'archive.exported',
      entity: 'board',
      entityId: board.id,
      details: { year: input.year, directory: result.dir, meetings: result.meetings, files: result.files, signedPdfs: result.signedPdfs },
    }),
  );
  return result;
}

/** Checks a package folder against the trust store, plus any root certificates and CRLs given. */
export async function verifyArchive(deps: ArchiveDeps, input: { directory: string; trustAnchors?: Uint8Array[]; crls?: Uint8Array[] }): Promise<ArchiveVerification> {
  return deps.packages.verify(input.directory, {
    now: deps.clock.now(),
    trustAnchors: [...deps.trust.anchors(), ...(input.trustAnchors ?? [])],
    crls: [...deps.trust.crls(), ...(input.crls ?? [])],
  });
}
