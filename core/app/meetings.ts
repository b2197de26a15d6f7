// Use cases for whole meetings: list, read with derived presence, import, export, demo data.
import { AppError } from '../api/errors';
import { parseOrThrow } from '../api/validation';
import { meetingDocumentSchema, upgradeMeetingDocument, type MeetingDocument } from '../format/meeting';
import { numberOrderProblem, numberSlot } from '../domain/numbering';
import { meetingProtocolState } from '../domain/protocol-state';
import { presenceProblems, quorumOn, servingOn, type PresenceProblem, type Quorum, type ServingSeat } from '../domain/presence';
import referenceMeeting from '../reference/e-namnden-2020-11-05.json' with { type: 'json' };
import type { AppDeps, BoardSummary, MeetingSummary, OrganisationSummary } from './ports';

export interface ParagraphRef {
  id: string;
  number: number;
  groupIndex: number | null;
}

export interface MeetingView {
  id: string;
  boardId: string;
  organisationId: string;
  document: MeetingDocument;
  paragraphs: ParagraphRef[];
  /** Per § number: who served, and whether quorum was met. */
  serving: Record<number, ServingSeat[]>;
  quorum: Record<number, Quorum>;
  problems: PresenceProblem[];
}

export function listOrganisations(deps: AppDeps): OrganisationSummary[] {
  return deps.store.listOrganisations();
}

export function listBoards(deps: AppDeps): BoardSummary[] {
  return deps.store.listBoards();
}

/** Every listing of meetings goes through here: the state is derived, never the stored status column. */
export function listMeetings(deps: AppDeps, filter: { boardId?: string; year?: number }): MeetingSummary[] {
  return deps.store.listMeetings(filter).map(({ status, paragraphGroupStatuses, ...m }) => ({ ...m, state: meetingProtocolState(status, paragraphGroupStatuses) }));
}

export function getMeeting(deps: AppDeps, meetingId: string): MeetingView {
  const loaded = deps.store.loadMeeting(meetingId);
  if (loaded === null) throw new AppError('not_found', 'Sammanträdet finns inte (det kan ha tagits bort). Välj ett sammanträde i listan.');
  const { doc, ids } = loaded;
  const names = new Map(doc.people.map((p) => [p.key, p.name]));
  const serving: Record<number, ServingSeat[]> = {};
  const quorum: Record<number, Quorum> = {};
  for (const p of doc.paragraphs) {
    serving[p.number] = servingOn(doc, p.number);
    quorum[p.number] = quorumOn(doc, p.number);
  }
  return {
    id: ids.meetingId,
    boardId: ids.boardId,
    organisationId: ids.organisationId,
    document: doc,
    paragraphs: doc.paragraphs.map((p) => ({
      id: ids.paragraphIds.get(p.number) ?? '',
      number: p.number,
      groupIndex: groupIndexOf(doc, p.number),
    })),
    serving,
    quorum,
    problems: presenceProblems(doc, (k) => names.get(k) ?? k),
  };
}

function groupIndexOf(doc: MeetingDocument, n: number): number | null {
  const i = doc.adjustmentGroups.findIndex((g) => g.paragraphs.includes(n));
  return i < 0 ? null : i;
}

/**
 * The meeting in the JSON format. People's e-mail addresses only when asked for (`includeEmail`):
 * the file also goes into archive packages and to other systems, and contact data is not part of
 * the meeting (docs/meeting-format.md).
 */
export function exportMeeting(deps: AppDeps, meetingId: string, options: { includeEmail?: boolean | undefined } = {}): MeetingDocument {
  const loaded = deps.store.loadMeeting(meetingId, { emails: options.includeEmail === true });
  if (loaded === null) throw new AppError('not_found', `Sammanträdet ${meetingId} finns inte. Lista sammanträdena med "justera list".`);
  return loaded.doc;
}

/**
 * Imports a meeting in the JSON format. Everything is validated first, then written in one
 * transaction: a rejected file leaves the database exactly as it was.
 */
export function importMeeting(deps: AppDeps, raw: unknown): { meetingId: string; boardId: string } {
  // Older versions of the format are brought up to date first, so old exports still import.
  const doc = parseOrThrow(meetingDocumentSchema, upgradeMeetingDocument(raw), 'Filen följer inte Justeras mötesformat');
  return deps.store.transaction(() => {
    const board = deps.store.findBoard(doc.organisation.name, doc.board.name);
    if (board !== null) checkNumbersFree(deps, board.id, doc);
    const ids = deps.store.insertMeeting(doc);
    deps.store.audit({
      action: 'meeting.imported',
      entity: 'meeting',
      entityId: ids.meetingId,
      details: { board: doc.board.name, date: doc.meeting.date, paragraphs: doc.paragraphs.map((p) => p.number) },
    });
    return { meetingId: ids.meetingId, boardId: ids.boardId };
  });
}

/** The file's §§ must be free and fit in date order among the board's other meetings that year. */
function checkNumbersFree(deps: AppDeps, boardId: string, doc: MeetingDocument): void {
  const year = Number(doc.meeting.date.slice(0, 4));
  const used = deps.store.usedParagraphNumbers(boardId, year);
  const problem = numberOrderProblem(
    used,
    null,
    doc.meeting.date,
    doc.paragraphs.map((p) => p.number),
  );
  if (problem === null) return;
  const taken = new Set(used.map((u) => u.number));
  const slot = numberSlot(used, null, doc.meeting.date);
  const i = Math.max(
    0,
    doc.paragraphs.findIndex((p) => taken.has(p.number) || (slot.lastBefore !== null && p.number <= slot.lastBefore.number) || (slot.firstAfter !== null && p.number >= slot.firstAfter.number)),
  );
  const path = `paragraphs[${i}].number`;
  throw new AppError('conflict', `${path}: ${problem}`, { issues: [{ path, message: problem }] });
}

/** Loads the reference meeting (Norrbottens e-nämnd 2020-11-05) unless it is already there. */
export function loadDemo(deps: AppDeps): { meetingId: string; boardId: string; created: boolean } {
  const doc = parseOrThrow(meetingDocumentSchema, upgradeMeetingDocument(referenceMeeting), 'Referensdata');
  const existing = deps.store.findBoard(doc.organisation.name, doc.board.name);
  if (existing !== null) {
    const meeting = deps.store.listMeetings({ boardId: existing.id }).find((m) => m.date === doc.meeting.date);
    if (meeting !== undefined) return { meetingId: meeting.id, boardId: existing.id, created: false };
  }
  return { ...importMeeting(deps, doc), created: true };
}
