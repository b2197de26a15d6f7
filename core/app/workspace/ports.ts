// What the workspace use cases need from persistence, beyond the Store port. db/repos/workspace-*.ts
// implements it on SQLite; every write runs inside deps.store.transaction (synchronous).
// Person references are person ids everywhere here (keys exist only in exported files).
import type { AttendanceCapacity, BoardKind, Break, GroupTimePlace, MemberRole, OrganisationKind, Paragraph } from '../../format/meeting';
import type { Block } from '../../format/richtext';
import type { JournalEntry, JournalPart } from './journal-types';
import type { BoardDetails, SearchHit, WorkspaceView } from './types';

export type GroupStatus = 'open' | 'frozen' | 'adjusted';

/** The paragraph fields kept in the JSON `content` column. */
export type ParagraphContent = Omit<Paragraph, 'number' | 'title' | 'caseNumber' | 'immediatelyAdjusted' | 'confidential' | 'attachments'>;

export interface ParagraphRow {
  id: string;
  meetingId: string;
  boardId: string;
  year: number;
  number: number;
  title: string;
  caseNumber: string | null;
  content: ParagraphContent;
  immediatelyAdjusted: boolean;
  confidentialProvision: string | null;
  groupId: string | null;
  /** Status of the paragraph's adjustment group, null when it is in none. */
  groupStatus: GroupStatus | null;
}

export interface AttachmentRow {
  id: string;
  paragraphId: string;
  position: number;
  kind: 'file' | 'document';
  title: string;
  filename: string | null;
  mediaType: string | null;
  /** The file, base64 (kind 'file'). */
  dataBase64: string | null;
  sections: { heading: string; body: Block[] }[] | null;
}

export interface AttendanceRow {
  personId: string;
  capacity: AttendanceCapacity;
  replacesPersonId: string | null;
  fromParagraph: number | null;
  toParagraph: number | null;
  note: string | null;
  /** Why a serving substitute was called in out of order (absent/null: none given). */
  orderReason?: string | null;
  fromTime?: string | null;
  toTime?: string | null;
}

export interface MeetingHeader {
  date: string;
  startTime: string;
  endTime: string | null;
  place: string;
  status: 'planned' | 'held' | 'adjusted' | 'cancelled';
  secretaryId: string;
  chairId: string;
  justerare: string[];
  adjustmentTimePlace: string | null;
  digitalSignatures: boolean;
  noticeSignatoryId: string | null;
  /** Breaks (ajournering), in time order. */
  breaks: Break[];
}

export interface MeetingRow extends MeetingHeader {
  id: string;
  boardId: string;
  year: number;
  /** Where numbering starts (meeting_drafts), or null for meetings imported from a file. */
  firstNumber: number | null;
}

export interface GroupRow {
  id: string;
  position: number;
  immediate: boolean;
  status: GroupStatus;
  /** The group's own time and place of justering (ordinary groups). */
  timePlace?: GroupTimePlace | undefined;
}

export interface OrganisationFields {
  name: string;
  kind: OrganisationKind;
  headerName: string | null;
  orgNumber: string | null;
}

export interface BoardFields {
  name: string;
  shortName: string | null;
  kind: BoardKind;
  seats: number;
  storagePlace: string;
  noticeBoardUrl: string | null;
}

export interface AssignmentFields {
  personId: string;
  role: MemberRole;
  party: string | null;
  represents: string | null;
  termStart: string;
  termEnd: string;
  substituteOrder: number | null;
  substituteForPersonId: string | null;
  retiredOn: string | null;
}

export interface OfficialFields {
  personId: string;
  title: string | null;
  organisation: string | null;
}

export interface WorkspaceStore {
  // Organisations and boards
  insertOrganisation(fields: OrganisationFields): string;
  updateOrganisation(id: string, fields: Partial<OrganisationFields>): void;
  getOrganisation(id: string): (OrganisationFields & { id: string }) | null;
  findOrganisationByName(name: string): string | null;
  insertBoard(organisationId: string, fields: BoardFields): string;
  updateBoard(id: string, fields: Partial<BoardFields>): void;
  getBoard(id: string): (BoardFields & { id: string; organisationId: string }) | null;
  findBoardByName(organisationId: string, name: string): string | null;
  boardDetails(boardId: string): BoardDetails | null;

  // People, members, officials
  insertPerson(name: string): string;
  renamePerson(id: string, name: string): void;
  personName(id: string): string | null;
  /** The person's e-mail address (persons.email), null when none is stored. */
  personEmail(id: string): string | null;
  setPersonEmail(id: string, email: string | null): void;
  /** People already linked to the board (members, officials, attendance), by exact name. */
  boardPersonByName(boardId: string, name: string): string | null;
  insertAssignment(boardId: string, fields: AssignmentFields): string;
  updateAssignment(id: string, fields: Partial<AssignmentFields>): void;
  getAssignment(id: string): (AssignmentFields & { id: string; boardId: string }) | null;
  listAssignments(boardId: string): (AssignmentFields & { id: string })[];
  insertOfficial(boardId: string, fields: OfficialFields): string;
  updateOfficial(id: string, fields: Partial<OfficialFields>): void;
  getOfficial(id: string): (OfficialFields & { id: string; boardId: string }) | null;
  deleteOfficial(id: string): void;
  /** Whether the person appears in the attendance of any of the board's meetings. */
  attendedBoardMeeting(boardId: string, personId: string): boolean;

  // Meetings
  insertMeeting(boardId: string, header: MeetingHeader, firstNumber: number): string;
  getMeeting(id: string): MeetingRow | null;
  updateMeetingHeader(id: string, fields: Partial<MeetingHeader>): void;
  setFirstNumber(meetingId: string, firstNumber: number): void;
  loadWorkspace(meetingId: string): Omit<WorkspaceView, 'journal'> | null;

  // Paragraphs and numbering
  listParagraphs(meetingId: string): ParagraphRow[];
  getParagraph(id: string): ParagraphRow | null;
  insertParagraph(row: Omit<ParagraphRow, 'groupStatus'>): void;
  updateParagraph(id: string, fields: Partial<Pick<ParagraphRow, 'title' | 'caseNumber' | 'content' | 'immediatelyAdjusted' | 'confidentialProvision' | 'groupId'>>): void;
  deleteParagraph(id: string): void;
  /** Gives paragraphs new numbers in one go, without ever colliding on the unique index. */
  renumber(changes: readonly { id: string; number: number }[]): void;
  /** § numbers used by the board in a year, with the meeting (date) using each. */
  usedNumbers(boardId: string, year: number): { number: number; meetingId: string; meetingDate: string }[];

  // Groups
  listGroups(meetingId: string): GroupRow[];
  insertGroup(meetingId: string, row: GroupRow): void;
  setGroupPosition(id: string, position: number): void;
  deleteGroup(id: string): void;
  /** Sets (or with undefined clears) a group's own time and place of justering. */
  setGroupTimePlace(id: string, timePlace: GroupTimePlace | undefined): void;

  // Attendance
  listAttendance(meetingId: string): AttendanceRow[];
  replaceAttendance(meetingId: string, rows: readonly AttendanceRow[]): void;

  // Attachments
  listAttachments(paragraphId: string): AttachmentRow[];
  getAttachment(id: string): AttachmentRow | null;
  upsertAttachment(row: AttachmentRow): void;
  deleteAttachment(id: string): void;

  // Journal
  journalLatest(meetingId: string): JournalEntry | null;
  journalAppend(meetingId: string, entry: { label: string; coalesceKey: string | null; before: JournalPart[]; after: JournalPart[]; at: string }): void;
  journalReplaceAfter(id: number, after: JournalPart[], at: string): void;
  journalDropRedo(meetingId: string): void;
  journalNextUndo(meetingId: string): JournalEntry | null;
  journalNextRedo(meetingId: string): JournalEntry | null;
  journalMark(id: number, undone: boolean): void;
  journalTrim(meetingId: string, keep: number): void;

  // Search
  search(ftsQuery: string, filter: { boardId?: string; meetingId?: string; year?: number }, limit: number): SearchHit[];
}
