// Recording changes for undo/redo. Each change stores the state before and after it; typing in
// one field merges into one step while it goes on (COALESCE_MS), and a new change drops what
// could have been redone. The journal is capped per meeting; the audit log keeps everything.
import type { WorkspaceDeps } from './deps';
import { nowIso } from './deps';
import type { JournalPart } from './journal-types';
import type { JournalState } from './types';

export const COALESCE_MS = 4000;
export const JOURNAL_LIMIT = 300;

export interface Change {
  label: string;
  /** Changes with the same key within COALESCE_MS become one undo step. */
  coalesceKey?: string | null;
  before: JournalPart[];
  after: JournalPart[];
}

export function recordChange(deps: WorkspaceDeps, meetingId: string, change: Change): void {
  const now = nowIso(deps);
  deps.ws.journalDropRedo(meetingId);
  const latest = deps.ws.journalLatest(meetingId);
  const key = change.coalesceKey ?? null;
  if (key !== null && latest !== null && !latest.undone && latest.coalesceKey === key && Date.parse(now) - Date.parse(latest.updatedAt) <= COALESCE_MS) {
    deps.ws.journalReplaceAfter(latest.id, change.after, now);
    return;
  }
  deps.ws.journalAppend(meetingId, { label: change.label, coalesceKey: key, before: change.before, after: change.after, at: now });
  deps.ws.journalTrim(meetingId, JOURNAL_LIMIT);
}

/**
 * Whether applying these parts would touch what a frozen or adjusted group has locked: a locked §
 * (its text, bilagor, number, or removing it), or the attendance and meeting details once any
 * group is locked. Undo and redo refuse such a step, and the journal says so before it is tried.
 */
export function touchesLocked(deps: WorkspaceDeps, meetingId: string, parts: readonly JournalPart[]): boolean {
  const paragraphs = deps.ws.listParagraphs(meetingId);
  const isLocked = (s: string | null) => s === 'frozen' || s === 'adjusted';
  const anyLocked = paragraphs.some((p) => isLocked(p.groupStatus)) || deps.ws.listGroups(meetingId).some((g) => g.status !== 'open');
  if (!anyLocked) return false;
  return parts.some((part) => {
    switch (part.kind) {
      case 'attendance':
      case 'meeting':
        return true;
      case 'paragraph':
      case 'attachments': {
        const p = paragraphs.find((x) => x.id === part.paragraphId);
        return p === undefined || isLocked(p.groupStatus);
      }
      case 'structure': {
        const wanted = new Map(part.order.map((o) => [o.id, o.number]));
        return paragraphs.some((p) => isLocked(p.groupStatus) && wanted.get(p.id) !== p.number);
      }
      default:
        return true;
    }
  });
}

export function journalState(deps: WorkspaceDeps, meetingId: string): JournalState {
  const undo = deps.ws.journalNextUndo(meetingId);
  const redo = deps.ws.journalNextRedo(meetingId);
  const undoLocked = undo !== null && touchesLocked(deps, meetingId, undo.before);
  const redoLocked = redo !== null && touchesLocked(deps, meetingId, redo.after);
  return {
    canUndo: undo !== null && !undoLocked,
    canRedo: redo !== null && !redoLocked,
    undoLabel: undo?.label ?? null,
    redoLabel: redo?.label ?? null,
    undoLocked,
    redoLocked,
  };
}
