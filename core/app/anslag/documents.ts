// Produced documents as the API shows them: the stored version plus a file name to save it under.
import { AppError } from '../../api/errors';
import { bytesToBase64 } from '../../format/base64';
import { slugify } from '../../noticeboard/slug';
import type { AnslagDeps, AnslagDocumentKind, DocumentVersionRow } from './ports';

export interface DocumentInfo {
  id: string;
  meetingId: string;
  groupId: string | null;
  kind: string;
  versionNo: number;
  sha256: string;
  isCurrent: boolean;
  createdAt: string;
  size: number;
  /** A file name to save the PDF under, e.g. "anslagsbevis-norrbottens-e-namnd-2020-11-05-v2.pdf". */
  fileName: string;
}

const KIND_NAMES: Record<string, string> = {
  notice: 'tillkannagivande',
  anslagsbevis: 'anslagsbevis',
  public: 'protokoll-offentlig-version',
  extract: 'protokollsutdrag',
  protocol: 'protokoll',
};

export function documentFileName(kind: string, boardName: string, meetingDate: string, versionNo: number, paragraphs?: readonly number[]): string {
  const part = paragraphs === undefined || paragraphs.length === 0 ? '' : `-p${rangeSlug(paragraphs)}`;
  return `${KIND_NAMES[kind] ?? slugify(kind)}-${slugify(boardName)}-${meetingDate}${part}-v${versionNo}.pdf`;
}

function rangeSlug(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j += 1;
    parts.push(i === j ? `${sorted[i]}` : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join('_');
}

export function documentInfo(row: DocumentVersionRow, boardName: string, meetingDate: string, paragraphs?: readonly number[]): DocumentInfo {
  return { ...row, fileName: documentFileName(row.kind, boardName, meetingDate, row.versionNo, paragraphs) };
}

/** The §§ a stored version covers, read from its snapshot (every snapshot here records them). */
export function snapshotParagraphs(snapshot: unknown): number[] | undefined {
  if (typeof snapshot === 'object' && snapshot !== null && 'paragraphs' in snapshot) {
    const p = (snapshot as { paragraphs: unknown }).paragraphs;
    if (Array.isArray(p) && p.every((n) => typeof n === 'number')) return p as number[];
  }
  return undefined;
}

export function listDocuments(deps: AnslagDeps, meetingId: string, kind?: AnslagDocumentKind): DocumentInfo[] {
  const meeting = requireMeeting(deps, meetingId);
  return deps.anslag.documentVersions({ meetingId, ...(kind === undefined ? {} : { kind }) }).map((row) => {
    const full = deps.anslag.documentVersion(row.id);
    return documentInfo(row, meeting.board, meeting.date, snapshotParagraphs(full?.snapshot));
  });
}

export function getDocument(deps: AnslagDeps, versionId: string): { document: DocumentInfo; pdfBase64: string } {
  const row = deps.anslag.documentVersion(versionId);
  const pdf = row === null ? null : deps.anslag.documentPdf(versionId);
  if (row === null || pdf === null) throw new AppError('not_found', 'Dokumentet finns inte. Välj ett dokument i listan över sammanträdets dokument.');
  const meeting = requireMeeting(deps, row.meetingId);
  return { document: documentInfo(row, meeting.board, meeting.date, snapshotParagraphs(row.snapshot)), pdfBase64: bytesToBase64(pdf) };
}

export function requireMeeting(deps: AnslagDeps, meetingId: string): { board: string; date: string } {
  const loaded = deps.store.loadMeeting(meetingId);
  if (loaded === null) throw new AppError('not_found', `Sammanträdet ${meetingId} finns inte. Välj ett sammanträde i listan (eller "justera list --db FIL").`);
  return { board: loaded.doc.board.name, date: loaded.doc.meeting.date };
}
