// Workspace API, part 2: meetings (header, agenda, attendance), undo/redo and search.
import { z } from 'zod';
import { method } from './define';
import { attendanceRowSchema, meetingCreateSchema, meetingPatchSchema, searchInputSchema, workspaceIdSchema as id } from '../../app/workspace/schemas';
import { groupTimePlaceSchema, isoDateSchema, type GroupTimePlace } from '../../format/meeting';
import type { JournalState, SearchHit, WorkspaceView } from '../../app/workspace/types';
import type { AttendanceRow } from '../../app/workspace/ports';
import type { AgendaResult } from '../../app/workspace/agenda';
import type { UndoResult } from '../../app/workspace/undo';

const title = z.string().trim().min(1, 'Skriv ärendets rubrik, t.ex. "Val av justerare".').max(500);

export const workspaceMeetingsContract = {
  'workspace.meetings.proposeNumber': method<{ next: number; used: string }>()(z.strictObject({ boardId: id, date: isoDateSchema })),
  'workspace.meetings.create': method<{ meetingId: string; firstNumber: number }>()(meetingCreateSchema),
  'workspace.meetings.get': method<WorkspaceView>()(z.strictObject({ meetingId: id })),
  'workspace.meetings.update': method<{ journal: JournalState }>()(z.strictObject({ meetingId: id, patch: meetingPatchSchema })),
  'workspace.agenda.add': method<AgendaResult>()(z.strictObject({ meetingId: id, title, caseNumber: z.string().trim().max(200).optional(), index: z.number().int().min(0).optional() })),
  'workspace.agenda.move': method<AgendaResult>()(z.strictObject({ meetingId: id, paragraphId: id, toIndex: z.number().int().min(0) })),
  'workspace.agenda.remove': method<{ journal: JournalState }>()(z.strictObject({ meetingId: id, paragraphId: id })),
  /** An open adjustment group's own time and place of justering (null: the meeting's applies). */
  'workspace.groups.setTimePlace': method<{ timePlace: GroupTimePlace | null }>()(z.strictObject({ meetingId: id, groupId: id, timePlace: groupTimePlaceSchema.nullable() })),
  'workspace.attendance.set': method<{ journal: JournalState }>()(z.strictObject({ meetingId: id, rows: z.array(attendanceRowSchema).max(500) })),
  /** A member left: a substitute serves in the empty seat from § `from` (core/domain/departure.ts; refused unless that seat is empty there). */
  'workspace.attendance.serveAfterDeparture': method<{ journal: JournalState; rows: AttendanceRow[] }>()(
    z.strictObject({ meetingId: id, seat: id, from: z.number().int().min(1).max(99999), substituteId: id.optional() }),
  ),
  'workspace.undo': method<UndoResult>()(z.strictObject({ meetingId: id })),
  'workspace.redo': method<UndoResult>()(z.strictObject({ meetingId: id })),
  'workspace.search': method<SearchHit[]>()(searchInputSchema),
} as const;
