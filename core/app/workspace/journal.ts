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

export function journalState(deps: WorkspaceDeps, meetingId: string): JournalState {
  const undo = deps.ws.journalNextUndo(meetingId);
  const redo = deps.ws.journalNextRedo(meetingId);
  return { canUndo: undo !== null, canRedo: redo !== null, undoLabel: undo?.label ?? null, redoLabel: redo?.label ?? null };
}
