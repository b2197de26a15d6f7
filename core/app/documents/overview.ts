// The Dokument view: every document version produced for a meeting (or for all meetings of a
// board in a year) in one list — the protocol versions of each justering group with who signed
// them, the tillkännagivanden, anslagsbevis, protokollsutdrag with their recipients and the public
// versions — each with its state, the signature it still needs and who must give it.
import { AppError } from '../../api/errors';
import { paragraphLabel } from '../../domain/numbering';
import { documentFileName, snapshotParagraphs } from '../anslag/documents';
import type { AnslagDeps } from '../anslag/ports';
import { documentSigner, SIGNABLE_DOCUMENTS } from '../justering/documents';
import { status as justeringStatus } from '../justering';
import type { JusteringDeps } from '../justering/ports';
import { trustOptions } from '../justering/signing';
import type { ValidationSummary } from '../justering/types';

export type DocumentsDeps = JusteringDeps & AnslagDeps;

export const LISTED_KINDS = ['protocol', 'notice', 'anslagsbevis', 'extract', 'public'] as const;
export type ListedKind = (typeof LISTED_KINDS)[number];

export interface ListedSigner {
  /** The signature field; shown to users by its role, never by this name. */
  field: string;
  /** "Sekreterare", "Ordförande", "Justerare", "Anslag", "Anslagsbevis". */
  role: string;
  name: string;
  /** ISO 8601 instant, or null while not signed. */
  signedAt: string | null;
}

/**
 * Where a document stands: `unsigned` (no signature yet), `partly` (some of the required ones),
 * `complete` (all in: an adjusted protocol, a certified extract …), `none` (needs no signature:
 * the public version).
 */
export type SigningState = 'unsigned' | 'partly' | 'complete' | 'none';

export interface ListedDocument {
  versionId: string;
  kind: ListedKind;
  meetingId: string;
  groupId: string | null;
  paragraphs: number[];
  /** "§§ 20–22"; empty when the document covers no particular §§. */
  label: string;
  versionNo: number;
  /** The version in force (an earlier protocol version was replaced by a rättelse, an earlier anslagsbevis by a later posting). */
  isCurrent: boolean;
  createdAt: string;
  reason: string | null;
  signers: ListedSigner[];
  signing: SigningState;
  /** The next field someone can sign in this app, with who must sign it; null when nothing is left or the kind is signed elsewhere. */
  nextSignature: ListedSigner | null;
  /** Protokollsutdrag: who got it, and the day it was sent. */
  recipients: string[] | null;
  sentOn: string | null;
  /** Protokollsutdrag: §§ left out or masked for secrecy, with the OSL reference. */
  withheld: { paragraph: number; provision: string; masked: boolean }[];
  fileName: string;
}

export interface MeetingDocuments {
  meetingId: string;
  boardId: string;
  boardName: string;
  date: string;
  status: string;
  documents: ListedDocument[];
}

export interface DocumentsOverview {
  meetings: MeetingDocuments[];
}

const KIND_ORDER: Record<ListedKind, number> = { protocol: 0, notice: 1, anslagsbevis: 2, extract: 3, public: 4 };

function signingOf(signers: readonly ListedSigner[]): SigningState {
  if (signers.length === 0) return 'none';
  const done = signers.filter((s) => s.signedAt !== null).length;
  return done === 0 ? 'unsigned' : done === signers.length ? 'complete' : 'partly';
}

function protocolDocuments(deps: DocumentsDeps, meetingId: string, board: string, date: string): ListedDocument[] {
  return justeringStatus(deps, { meetingId }).groups.flatMap((g) =>
    g.versions.map((v): ListedDocument => {
      const signers = v.signers.map((s) => ({ field: s.field, role: s.role, name: s.name, signedAt: s.signature?.signedAt ?? null }));
      // The protocol is signed on the justering page, which keeps the board's signing order.
      return {
        versionId: v.id,
        kind: 'protocol',
        meetingId,
        groupId: g.groupId,
        paragraphs: v.paragraphs,
        label: g.label,
        versionNo: v.versionNo,
        isCurrent: v.isCurrent,
        createdAt: v.createdAt,
        reason: v.reason,
        signers,
        signing: signingOf(signers),
        nextSignature: null,
        recipients: null,
        sentOn: null,
        withheld: [],
        fileName: documentFileName('protocol', board, date, v.versionNo, v.paragraphs),
      };
    }),
  );
}

interface ExtractSnapshot {
  withheld?: { paragraph: number; provision: string; masked: boolean }[];
}

function clerkDocuments(deps: DocumentsDeps, meetingId: string, board: string, date: string): ListedDocument[] {
  const extracts = new Map(deps.anslag.extracts(meetingId).flatMap((e) => (e.versionId === null ? [] : [[e.versionId, e] as const])));
  const groups = new Map(deps.anslag.adjustedGroups({ meetingId }).map((g) => [g.groupId, g.paragraphs]));
  return deps.anslag.documentVersions({ meetingId }).map((row): ListedDocument => {
    const kind = row.kind as ListedKind;
    const full = deps.anslag.documentVersion(row.id);
    const paragraphs = snapshotParagraphs(full?.snapshot) ?? (row.groupId === null ? [] : (groups.get(row.groupId) ?? []));
    const info = SIGNABLE_DOCUMENTS[row.kind];
    let signers: ListedSigner[] = [];
    if (info !== undefined) {
      const signed = deps.justering.signatures(row.id).find((s) => s.field === info.field);
      const expected = documentSigner(deps, meetingId, info);
      signers = [{ field: info.field, role: info.role, name: signed?.signerName ?? expected.name, signedAt: signed?.signedAt ?? null }];
    }
    const extract = extracts.get(row.id);
    const snapshot = (full?.snapshot ?? {}) as ExtractSnapshot;
    // A replaced version is not signed any more (prepareDocumentSignature refuses it).
    const next = row.isCurrent ? (signers.find((s) => s.signedAt === null) ?? null) : null;
    return {
      versionId: row.id,
      kind,
      meetingId,
      groupId: row.groupId,
      paragraphs,
      label: paragraphs.length === 0 ? '' : paragraphLabel(paragraphs),
      versionNo: row.versionNo,
      isCurrent: row.isCurrent,
      createdAt: row.createdAt,
      reason: null,
      signers,
      signing: signingOf(signers),
      nextSignature: next,
      recipients: extract === undefined ? null : extract.recipients,
      sentOn: extract?.sentAt ?? null,
      withheld: Array.isArray(snapshot.withheld) ? snapshot.withheld : [],
      fileName: documentFileName(row.kind, board, date, row.versionNo, paragraphs),
    };
  });
}

function meetingDocuments(deps: DocumentsDeps, meetingId: string): MeetingDocuments {
  const loaded = deps.store.loadMeeting(meetingId);
  if (loaded === null) throw new AppError('not_found', 'Sammanträdet finns inte. Välj ett sammanträde i listan och försök igen.');
  const { doc, ids } = loaded;
  const board = doc.board.name;
  const date = doc.meeting.date;
  const documents = [...protocolDocuments(deps, meetingId, board, date), ...clerkDocuments(deps, meetingId, board, date)].sort(
    (a, b) =>
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.paragraphs[0] ?? 0) - (b.paragraphs[0] ?? 0) || b.versionNo - a.versionNo || (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0),
  );
  return { meetingId, boardId: ids.boardId, boardName: board, date, status: deps.justering.meetingStatus(meetingId) ?? doc.meeting.status, documents };
}

/** The documents of one meeting, or of every meeting of a board in a year (newest meeting first). */
export function listDocuments(deps: DocumentsDeps, input: { meetingId?: string | undefined; boardId?: string | undefined; year?: number | undefined }): DocumentsOverview {
  if (input.meetingId !== undefined) return { meetings: [meetingDocuments(deps, input.meetingId)] };
  if (input.boardId === undefined || input.year === undefined) {
    throw new AppError('validation', 'Välj ett sammanträde, eller en nämnd och ett år.', { issues: [{ path: 'meetingId', message: 'Välj ett sammanträde, eller en nämnd och ett år.' }] });
  }
  if (!deps.store.listBoards().some((b) => b.id === input.boardId)) throw new AppError('not_found', 'Nämnden finns inte. Välj en nämnd i listan och försök igen.');
  const meetings = deps.store
    .listMeetings({ boardId: input.boardId, year: input.year })
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .map((m) => meetingDocuments(deps, m.id));
  return { meetings };
}

/** Checks the signatures of any stored document version as it stands now (the last signed file). */
export async function verifyDocument(deps: DocumentsDeps, input: { versionId: string }): Promise<ValidationSummary & { sha256: string; kind: string }> {
  const version = deps.justering.documentVersion(input.versionId);
  if (version === null) throw new AppError('not_found', 'Dokumentet finns inte. Välj ett dokument i listan över sammanträdets dokument.');
  const latest = deps.justering.latestSigned(input.versionId);
  if (latest === null) {
    throw new AppError('validation', 'Dokumentet är inte underskrivet ännu, så det finns ingen underskrift att kontrollera.');
  }
  const { summary } = await deps.services.verify(latest.pdf, trustOptions(deps));
  return { ...summary, sha256: latest.sha256, kind: version.kind };
}
