// Creating a meeting and editing its header: date, time, place, secretary, chair, justerare.
import { AppError } from '../../api/errors';
import { justerareIssues, timeIssues } from '../../domain/rules';
import { pathText } from '../../api/validation';
import type { MeetingDocument } from '../../format/meeting';
import { formatRanges, numberOrderProblem, numberSlot } from '../../domain/numbering';
import { assertMeetingEditable, nowIso, personNameOrThrow, requireMeeting, sameJson, type WorkspaceDeps } from './deps';
import { renumberFrom } from './agenda';
import { journalState, recordChange } from './journal';
import type { JournalPart } from './journal-types';
import type { AttendanceRow, MeetingHeader } from './ports';
import { presenceDoc } from './attendance';
import type { JournalState, WorkspaceView } from './types';

export function proposeNumber(deps: WorkspaceDeps, boardId: string, date: string): { next: number; used: string } {
  if (deps.ws.getBoard(boardId) === null) throw new AppError('not_found', 'Nämnden finns inte. Välj en nämnd i listan.');
  const used = deps.ws.usedNumbers(boardId, Number(date.slice(0, 4)));
  return { next: numberSlot(used, null, date).next, used: formatRanges(used.map((u) => u.number)) };
}

export interface MeetingCreateInput {
  boardId: string;
  date: string;
  startTime: string;
  endTime?: string;
  place: string;
  secretaryId: string;
  chairId: string;
  firstNumber?: number;
}

export function createMeeting(deps: WorkspaceDeps, input: MeetingCreateInput): { meetingId: string; firstNumber: number } {
  return deps.store.transaction(() => {
    const board = deps.ws.getBoard(input.boardId);
    if (board === null) throw new AppError('not_found', 'Nämnden finns inte. Välj en nämnd i listan.');
    personNameOrThrow(deps, input.secretaryId, 'Sekreterare');
    personNameOrThrow(deps, input.chairId, 'Ordförande');
    const endTime = input.endTime === undefined || input.endTime === '' ? null : input.endTime;
    if (endTime !== null && endTime < input.startTime) throw new AppError('validation', 'Sammanträdet kan inte sluta före det börjar. Rätta sluttiden.');
    const year = Number(input.date.slice(0, 4));
    const used = deps.ws.usedNumbers(board.id, year);
    const first = input.firstNumber ?? numberSlot(used, null, input.date).next;
    const problem = numberOrderProblem(used, null, input.date, [first]);
    if (problem !== null) throw new AppError('conflict', problem);
    const header: MeetingHeader = {
      date: input.date,
      startTime: input.startTime,
      endTime,
      place: input.place,
      status: 'planned',
      secretaryId: input.secretaryId,
      chairId: input.chairId,
      justerare: [],
      adjustmentTimePlace: null,
      digitalSignatures: true,
      noticeSignatoryId: null,
      breaks: [],
    };
    const meetingId = deps.ws.insertMeeting(board.id, header, first);
    deps.store.audit({ action: 'meeting.created', entity: 'meeting', entityId: meetingId, details: { boardId: board.id, date: input.date, firstNumber: first } });
    return { meetingId, firstNumber: first };
  });
}

export type MeetingPatch = Partial<Omit<MeetingHeader, 'status'>> & { status?: 'planned' | 'held' | 'cancelled'; firstNumber?: number };

const headerLabels: Record<keyof MeetingPatch, string> = {
  date: 'datum',
  startTime: 'starttid',
  endTime: 'sluttid',
  place: 'plats',
  status: 'status',
  secretaryId: 'sekreterare',
  chairId: 'ordförande',
  justerare: 'justerare',
  adjustmentTimePlace: 'tid och plats för justering',
  digitalSignatures: 'digitala underskrifter',
  noticeSignatoryId: 'anslagsbevis',
  breaks: 'ajourneringar',
  firstNumber: 'första paragrafnummer',
};

export function updateMeeting(deps: WorkspaceDeps, meetingId: string, raw: MeetingPatch): { journal: JournalState } {
  return deps.store.transaction(() => {
    const meeting = requireMeeting(deps, meetingId);
    const { firstNumber, ...rest } = raw;
    const patch: Partial<MeetingHeader> = { ...rest };
    if (patch.adjustmentTimePlace === '') patch.adjustmentTimePlace = null;
    const keys = Object.keys(patch) as (keyof MeetingHeader)[];
    const changed = keys.filter((k) => !sameJson(meeting[k], patch[k]));
    const renumber = firstNumber !== undefined && firstNumber !== (meeting.firstNumber ?? deps.ws.listParagraphs(meeting.id)[0]?.number);
    if (changed.length === 0 && !renumber) return { journal: journalState(deps, meetingId) };
    if (changed.some((k) => k !== 'status') || renumber) assertMeetingEditable(deps, meetingId, 'Sammanträdets uppgifter');
    if (changed.includes('status') && deps.ws.listGroups(meetingId).some((g) => g.status === 'adjusted')) {
      throw new AppError(
        'locked',
        'Sammanträdets status kan inte ändras när protokollet helt eller delvis är justerat: sammanträdet har hållits och justerade paragrafer gäller. Status blir "justerat" när alla grupper är justerade.',
      );
    }

    const next: MeetingHeader = { ...meeting, ...patch };
    if (next.endTime !== null && next.endTime < next.startTime) throw new AppError('validation', 'Sammanträdet kan inte sluta före det börjar. Rätta start- eller sluttiden.');
    if (patch.secretaryId !== undefined) personNameOrThrow(deps, patch.secretaryId, 'Sekreterare');
    if (patch.chairId !== undefined) personNameOrThrow(deps, patch.chairId, 'Ordförande');
    if (patch.noticeSignatoryId !== undefined && patch.noticeSignatoryId !== null) personNameOrThrow(deps, patch.noticeSignatoryId, 'Anslagsbevis');
    const paragraphs = deps.ws.listParagraphs(meeting.id);
    if (patch.date !== undefined && Number(patch.date.slice(0, 4)) !== meeting.year && paragraphs.length > 0) {
      throw new AppError(
        'validation',
        `Sammanträdet har paragrafer numrerade för år ${meeting.year}, och paragrafnummer löper per kalenderår. Välj ett datum under ${meeting.year}, eller skapa ett nytt sammanträde för det andra året.`,
      );
    }
    if (patch.justerare !== undefined) checkJusterare(deps, meeting.id, next);
    if (patch.breaks !== undefined || patch.startTime !== undefined || patch.endTime !== undefined) checkTimes(deps, meeting.id, next, deps.ws.listAttendance(meeting.id));
    if (patch.date !== undefined && patch.date !== meeting.date && !renumber) {
      const problem = numberOrderProblem(
        deps.ws.usedNumbers(meeting.boardId, meeting.year),
        meeting.id,
        patch.date,
        paragraphs.map((p) => p.number),
      );
      if (problem !== null) throw new AppError('conflict', `Sammanträdet kan inte flyttas till ${patch.date}: ${problem}`);
    }

    const before: JournalPart[] = [];
    const after: JournalPart[] = [];
    if (changed.length > 0) {
      const beforeFields: Partial<MeetingHeader> = {};
      const afterFields: Partial<MeetingHeader> = {};
      for (const k of changed) {
        Object.assign(beforeFields, { [k]: meeting[k] });
        Object.assign(afterFields, { [k]: next[k] });
      }
      deps.ws.updateMeetingHeader(meeting.id, afterFields);
      before.push({ kind: 'meeting', fields: beforeFields });
      after.push({ kind: 'meeting', fields: afterFields });
    }
    if (renumber && firstNumber !== undefined) {
      const [b, a] = renumberFrom(deps, { ...meeting, ...next }, firstNumber);
      before.unshift(...(b ?? []));
      after.unshift(...(a ?? []));
    }
    const names = [...changed, ...(renumber ? (['firstNumber'] as const) : [])].map((k) => headerLabels[k]);
    recordChange(deps, meeting.id, {
      label: `Ändring av sammanträdets ${names.join(', ')}`,
      coalesceKey: `m:${[...changed].sort().join(',')}${renumber ? ':n' : ''}`,
      before,
      after,
    });
    deps.store.audit({ action: 'meeting.updated', entity: 'meeting', entityId: meeting.id, details: { fields: [...changed, ...(renumber ? ['firstNumber'] : [])], at: nowIso(deps) } });
    return { journal: journalState(deps, meeting.id) };
  });
}

/** Justerare are chosen among those who serve at the meeting, and are not chair or secretary (core/domain/rules.ts). */
function checkJusterare(deps: WorkspaceDeps, meetingId: string, header: MeetingHeader): void {
  header.justerare.forEach((id, i) => personNameOrThrow(deps, id, `Justerare ${i + 1}`));
  const doc = presenceDoc(deps.ws.listAttendance(meetingId), deps.ws.listParagraphs(meetingId));
  const name = (id: string) => deps.ws.personName(id) ?? 'Personen';
  const issues = justerareIssues({ ...doc, meeting: { justerare: header.justerare, chair: header.chairId, secretary: header.secretaryId } as MeetingDocument['meeting'] }, name).map((i) => ({
    path: pathText(i.path),
    message: i.message,
  }));
  const first = issues[0];
  if (first !== undefined) throw new AppError('validation', first.message, { issues });
}

export function getWorkspace(deps: WorkspaceDeps, meetingId: string): WorkspaceView {
  const view = deps.ws.loadWorkspace(meetingId);
  if (view === null) throw new AppError('not_found', 'Sammanträdet finns inte (det kan ha tagits bort). Gå tillbaka till nämnden och välj ett sammanträde.');
  return { ...view, journal: journalState(deps, meetingId) };
}

/**
 * Clock times of the meeting, its breaks and the attendance intervals (core/domain/rules.ts
 * timeIssues), judged as they would be after a change; refused with the import's wording.
 */
export function checkTimes(deps: WorkspaceDeps, meetingId: string, header: Pick<MeetingHeader, 'startTime' | 'endTime' | 'breaks'>, rows: readonly AttendanceRow[]): void {
  const paragraphs = deps.ws.listParagraphs(meetingId);
  const name = (id: string) => deps.ws.personName(id) ?? 'Personen';
  const doc = presenceDoc(rows, paragraphs);
  const issues = timeIssues({ ...doc, meeting: { startTime: header.startTime, ...(header.endTime === null ? {} : { endTime: header.endTime }), breaks: header.breaks } }, name).map((i) => ({
    path: pathText(i.path[0] === 'attendance' ? ['rows', ...i.path.slice(1)] : i.path.slice(1)),
    message: i.message,
  }));
  const first = issues[0];
  if (first !== undefined) throw new AppError('validation', first.message, { issues });
}
