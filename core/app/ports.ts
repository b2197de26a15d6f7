// What the use cases need from the outside world; db/, electron/ and tests implement these.
import type { MeetingDocument } from '../format/meeting';
import type { ProtocolState } from '../domain/protocol-state';

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  next(): string;
}

export interface OrganisationSummary {
  id: string;
  name: string;
  kind: string;
}

export interface BoardSummary {
  id: string;
  name: string;
  shortName: string | null;
  kind: string;
  seats: number;
  organisationId: string;
  organisationName: string;
  meetingCount: number;
}

/** A meeting as the store lists it: its stored columns, and each §'s group status for deriving its state. */
export interface StoredMeetingSummary {
  id: string;
  boardId: string;
  boardName: string;
  date: string;
  startTime: string;
  endTime: string | null;
  place: string;
  /** The stored meeting status; lists show the derived `state` instead (core/domain/protocol-state.ts). */
  status: string;
  paragraphCount: number;
  firstParagraph: number | null;
  lastParagraph: number | null;
  /** Each §'s adjustment-group status in § order (null: in no group yet). */
  paragraphGroupStatuses: (string | null)[];
}

/** A meeting in every list (API, board page, CLI): where its protocol stands, derived once (meetingProtocolState). */
export interface MeetingSummary extends Omit<StoredMeetingSummary, 'status' | 'paragraphGroupStatuses'> {
  state: ProtocolState;
}

export interface StoredMeetingIds {
  meetingId: string;
  boardId: string;
  organisationId: string;
  paragraphIds: Map<number, string>;
  groupIds: string[];
}

export interface AuditRecord {
  action: string;
  entity: string;
  entityId?: string | null;
  details?: unknown;
}

/** Persistence as the use cases see it. Writes happen inside `transaction`, which is synchronous. */
export interface Store {
  transaction<T>(fn: () => T): T;
  listOrganisations(): OrganisationSummary[];
  listBoards(): BoardSummary[];
  listMeetings(filter: { boardId?: string; year?: number }): StoredMeetingSummary[];
  /** `emails`: with people's e-mail addresses (an export that asks for them); otherwise without. */
  loadMeeting(meetingId: string, options?: { emails?: boolean }): { doc: MeetingDocument; ids: StoredMeetingIds } | null;
  findBoard(organisationName: string, boardName: string): { id: string } | null;
  insertMeeting(doc: MeetingDocument): StoredMeetingIds;
  usedParagraphNumbers(boardId: string, year: number): { number: number; meetingId: string; meetingDate: string }[];
  audit(record: AuditRecord): void;
}

export interface AppDeps {
  store: Store;
  clock: Clock;
  ids: IdGenerator;
  /** Who is acting, for the audit log (the signed-in OS user, or "cli"). */
  actor: string;
}
