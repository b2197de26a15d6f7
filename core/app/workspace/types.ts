// What the workspace API returns: the meeting being drafted, a board with its people, search hits.
import type { BoardKind, MeetingDocument, MemberRole, OrganisationKind } from '../../format/meeting';
import type { GroupStatus } from './ports';

export interface JournalState {
  canUndo: boolean;
  canRedo: boolean;
  /** "Ändring i § 21 (Sammanfattning)": what Ångra would undo. */
  undoLabel: string | null;
  redoLabel: string | null;
  /** The next undo (redo) would change what is locked for justering or adjusted: not possible (canUndo/canRedo false). */
  undoLocked: boolean;
  redoLocked: boolean;
}

export interface WorkspaceAttachment {
  id: string;
  kind: 'file' | 'document';
  title: string;
  filename: string | null;
  /** Size of a file in bytes. */
  size: number | null;
}

export interface WorkspaceParagraph {
  id: string;
  number: number;
  groupStatus: GroupStatus | null;
  attachments: WorkspaceAttachment[];
}

/**
 * A meeting as the workspace edits it. `doc` is the meeting in the file format, except that
 * every person reference (people[].key, members, attendance, votes …) is the person's id, and
 * file attachments carry no data (fetch them with workspace.attachments.get).
 */
export interface WorkspaceView {
  meetingId: string;
  boardId: string;
  organisationId: string;
  doc: MeetingDocument;
  paragraphs: WorkspaceParagraph[];
  /** The number the first § gets. */
  firstNumber: number;
  /** Some group is frozen or adjusted: header and attendance can no longer change. */
  locked: boolean;
  journal: JournalState;
}

export interface MemberView {
  assignmentId: string;
  personId: string;
  name: string;
  /** Where the kallelse is sent; null when unknown. */
  email: string | null;
  role: MemberRole;
  party: string | null;
  represents: string | null;
  termStart: string;
  termEnd: string;
  substituteOrder: number | null;
  substituteForPersonId: string | null;
  substituteForName: string | null;
  retiredOn: string | null;
}

export interface OfficialView {
  officialId: string;
  personId: string;
  name: string;
  title: string | null;
  organisation: string | null;
}

export interface BoardDetails {
  organisation: { id: string; name: string; kind: OrganisationKind; headerName: string | null; orgNumber: string | null };
  board: {
    id: string;
    name: string;
    shortName: string | null;
    kind: BoardKind;
    seats: number;
    storagePlace: string;
    noticeBoardUrl: string | null;
  };
  /** Every assignment, retired ones included (history is kept). */
  members: MemberView[];
  officials: OfficialView[];
  /** Years with meetings, newest first. */
  meetingYears: number[];
}

export interface SearchHit {
  meetingId: string;
  boardId: string;
  boardName: string;
  meetingDate: string;
  paragraphId: string;
  number: number;
  title: string;
  /** Text around the match; the matched words are between \u0002 and \u0003. */
  snippet: string;
}

export const SNIPPET_START = '\u0002';
export const SNIPPET_END = '\u0003';
