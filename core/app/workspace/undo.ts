// Undo and redo: apply the state recorded before (undo) or after (redo) a journal entry, in
// one transaction. Locked §§ refuse through the same checks and triggers as any other change.
import { AppError } from '../../api/errors';
import { assertEditable, requireMeeting, type WorkspaceDeps } from './deps';
import { withFields } from './fields';
import { syncGroups } from './groups';
import { journalState, touchesLocked } from './journal';
import type { JournalEntry, JournalPart } from './journal-types';
import type { JournalState } from './types';

const order: Record<JournalPart['kind'], number> = { structure: 0, attachments: 1, paragraph: 2, attendance: 3, meeting: 4 };

export function applyParts(deps: WorkspaceDeps, meetingId: string, parts: readonly JournalPart[]): void {
  const meeting = requireMeeting(deps, meetingId);
  for (const part of [...parts].sort((a, b) => order[a.kind] - order[b.kind])) {
    switch (part.kind) {
      case 'structure': {
        const current = deps.ws.listParagraphs(meetingId);
        const wanted = new Map(part.order.map((o) => [o.id, o.number]));
        for (const p of current) {
          if (!wanted.has(p.id)) {
            assertEditable(p);
            deps.ws.deleteParagraph(p.id);
          }
        }
        const existing = new Set(current.map((p) => p.id));
        const locked = current.find((p) => (p.groupStatus === 'frozen' || p.groupStatus === 'adjusted') && wanted.has(p.id) && wanted.get(p.id) !== p.number);
        if (locked !== undefined) assertEditable(locked);
        deps.ws.renumber(part.order.filter((o) => existing.has(o.id) && current.find((p) => p.id === o.id)?.number !== o.number));
        for (const o of part.order) {
          if (existing.has(o.id)) continue;
          const row = part.rows.find((r) => r.id === o.id);
          if (row === undefined) throw new AppError('conflict', 'Ändringen kan inte göras om eftersom paragrafen saknas i historiken.');
          const { attachments, ...fields } = row;
          deps.ws.insertParagraph({ ...fields, number: o.number, meetingId, boardId: meeting.boardId, year: meeting.year, groupId: null });
          for (const a of attachments) deps.ws.upsertAttachment(a);
        }
        deps.ws.setFirstNumber(meetingId, part.firstNumber);
        break;
      }
      case 'attachments':
        for (const { id, row } of part.rows) {
          if (row === null) {
            if (deps.ws.getAttachment(id) !== null) deps.ws.deleteAttachment(id);
          } else deps.ws.upsertAttachment(row);
        }
        break;
      case 'paragraph': {
        const p = deps.ws.getParagraph(part.paragraphId);
        if (p === null) throw new AppError('conflict', 'Ändringen kan inte ångras eftersom paragrafen inte längre finns.');
        assertEditable(p);
        const next = withFields(p, part.fields);
        deps.ws.updateParagraph(p.id, {
          title: next.title,
          caseNumber: next.caseNumber,
          content: next.content,
          immediatelyAdjusted: next.immediatelyAdjusted,
          confidentialProvision: next.confidentialProvision,
        });
        break;
      }
      case 'attendance':
        deps.ws.replaceAttendance(meetingId, part.rows);
        break;
      case 'meeting':
        deps.ws.updateMeetingHeader(meetingId, part.fields);
        break;
      default: {
        const never: never = part;
        throw new AppError('internal', `Okänd del i historiken: ${JSON.stringify(never)}`);
      }
    }
  }
  syncGroups(deps, meetingId);
}

export interface UndoResult {
  /** What was undone or redone; null when there was nothing to do. */
  label: string | null;
  /** The § the change was in, to show it. */
  paragraphId: string | null;
  journal: JournalState;
}

function target(entry: JournalEntry): string | null {
  for (const p of [...entry.before, ...entry.after]) {
    if (p.kind === 'paragraph' || p.kind === 'attachments') return p.paragraphId;
  }
  return null;
}

function lockedStep(verb: string, label: string): AppError {
  return new AppError(
    'locked',
    `"${label}" kan inte ${verb}: den gäller paragrafer, närvaro eller uppgifter som är låsta för justering eller redan justerade. Rättelser görs som en ny version under "Justering och underskrifter".`,
  );
}

export function undo(deps: WorkspaceDeps, meetingId: string): UndoResult {
  return deps.store.transaction(() => {
    requireMeeting(deps, meetingId);
    const entry = deps.ws.journalNextUndo(meetingId);
    if (entry === null) return { label: null, paragraphId: null, journal: journalState(deps, meetingId) };
    if (touchesLocked(deps, meetingId, entry.before)) throw lockedStep('ångras', entry.label);
    applyParts(deps, meetingId, entry.before);
    deps.ws.journalMark(entry.id, true);
    deps.store.audit({ action: 'workspace.undo', entity: 'meeting', entityId: meetingId, details: { label: entry.label, journalId: entry.id } });
    return { label: entry.label, paragraphId: target(entry), journal: journalState(deps, meetingId) };
  });
}

export function redo(deps: WorkspaceDeps, meetingId: string): UndoResult {
  return deps.store.transaction(() => {
    requireMeeting(deps, meetingId);
    const entry = deps.ws.journalNextRedo(meetingId);
    if (entry === null) return { label: null, paragraphId: null, journal: journalState(deps, meetingId) };
    if (touchesLocked(deps, meetingId, entry.after)) throw lockedStep('göras om', entry.label);
    applyParts(deps, meetingId, entry.after);
    deps.ws.journalMark(entry.id, false);
    deps.store.audit({ action: 'workspace.redo', entity: 'meeting', entityId: meetingId, details: { label: entry.label, journalId: entry.id } });
    return { label: entry.label, paragraphId: target(entry), journal: journalState(deps, meetingId) };
  });
}
