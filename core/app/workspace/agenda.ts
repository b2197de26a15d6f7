// The agenda (föredragningslista) of a draft: add, move and remove §§. Numbers always run on
// without holes from the meeting's first number, are unique per board and year, and never
// change for §§ that are locked for adjustment.
import { AppError } from '../../api/errors';
import { numberOrderProblem, numberSlot } from '../../domain/numbering';
import { assertEditable, requireMeeting, requireParagraph, type WorkspaceDeps } from './deps';
import { emptyContent } from './fields';
import { syncGroups } from './groups';
import { journalState, recordChange } from './journal';
import type { JournalPart, StoredParagraph } from './journal-types';
import type { MeetingRow, ParagraphRow } from './ports';
import { remapAttendance } from './attendance';
import type { JournalState } from './types';

/** Where the meeting's numbering starts. */
export function firstNumberOf(deps: WorkspaceDeps, meeting: MeetingRow, paragraphs: readonly ParagraphRow[]): number {
  if (meeting.firstNumber !== null) return meeting.firstNumber;
  const first = paragraphs[0];
  if (first !== undefined) return first.number;
  return numberSlot(deps.ws.usedNumbers(meeting.boardId, meeting.year), meeting.id, meeting.date).next;
}

export function storedParagraph(deps: WorkspaceDeps, p: ParagraphRow): StoredParagraph {
  return {
    id: p.id,
    number: p.number,
    title: p.title,
    caseNumber: p.caseNumber,
    content: p.content,
    immediatelyAdjusted: p.immediatelyAdjusted,
    confidentialProvision: p.confidentialProvision,
    attachments: deps.ws.listAttachments(p.id),
  };
}

/**
 * Checks a new numbering of the meeting's §§ (ids in order, numbered from `first`) and returns
 * the changes. Refuses to move locked §§ and numbers another meeting of the year already uses.
 */
export function planNumbers(deps: WorkspaceDeps, meeting: MeetingRow, current: readonly ParagraphRow[], order: readonly string[], first: number): { id: string; number: number }[] {
  const plan = order.map((id, i) => ({ id, number: first + i }));
  const last = plan[plan.length - 1];
  if (last !== undefined && last.number > 9999) throw new AppError('validation', 'Paragrafnumren får vara högst 9999.');
  for (const p of current) {
    const wanted = plan.find((x) => x.id === p.id);
    if (wanted !== undefined && wanted.number !== p.number && (p.groupStatus === 'frozen' || p.groupStatus === 'adjusted')) {
      throw new AppError(
        'locked',
        `§ ${p.number} ingår i en grupp som är låst för justering eller redan justerad och kan inte numreras om. Lägg till nya ärenden sist i föredragningslistan i stället.`,
      );
    }
  }
  const used = deps.ws.usedNumbers(meeting.boardId, meeting.year);
  const problem = numberOrderProblem(
    used,
    meeting.id,
    meeting.date,
    plan.map((x) => x.number),
  );
  if (problem !== null) {
    const taken = used.find((u) => u.meetingId !== meeting.id && plan.some((x) => x.number === u.number));
    throw new AppError(
      'conflict',
      `${problem} Ändra det här sammanträdets första paragrafnummer eller ta upp ärendet vid ett annat sammanträde.`,
      taken === undefined ? undefined : { number: taken.number, meetingId: taken.meetingId },
    );
  }
  return plan;
}

function structurePart(order: readonly { id: string; number: number }[], first: number, rows: StoredParagraph[] = []): JournalPart {
  return { kind: 'structure', order: order.map((o) => ({ id: o.id, number: o.number })), rows, firstNumber: first };
}

function changed(current: readonly ParagraphRow[], plan: readonly { id: string; number: number }[]): { id: string; number: number }[] {
  return plan.filter((x) => current.find((p) => p.id === x.id)?.number !== x.number && current.some((p) => p.id === x.id));
}

export interface AgendaResult {
  paragraphId: string;
  number: number;
  journal: JournalState;
}

export function addAgendaItem(deps: WorkspaceDeps, input: { meetingId: string; title: string; caseNumber?: string; index?: number }): AgendaResult {
  return deps.store.transaction(() => {
    const meeting = requireMeeting(deps, input.meetingId);
    const current = deps.ws.listParagraphs(meeting.id);
    const first = firstNumberOf(deps, meeting, current);
    const id = deps.ids.next();
    const order = current.map((p) => p.id);
    const index = Math.min(Math.max(input.index ?? order.length, 0), order.length);
    order.splice(index, 0, id);
    const plan = planNumbers(deps, meeting, current, order, first);
    const number = plan[index]?.number ?? first;
    const attendanceBefore = deps.ws.listAttendance(meeting.id);

    deps.ws.renumber(changed(current, plan));
    const caseNumber = input.caseNumber === undefined || input.caseNumber.trim() === '' ? null : input.caseNumber.trim();
    const row = {
      id,
      meetingId: meeting.id,
      boardId: meeting.boardId,
      year: meeting.year,
      number,
      title: input.title.trim(),
      caseNumber,
      content: emptyContent(),
      immediatelyAdjusted: false,
      confidentialProvision: null,
      groupId: null,
    };
    deps.ws.insertParagraph(row);
    if (meeting.firstNumber === null) deps.ws.setFirstNumber(meeting.id, first);
    const attendance = remapAttendance(attendanceBefore, current, new Map(plan.map((x) => [x.id, x.number])));
    if (JSON.stringify(attendance) !== JSON.stringify(attendanceBefore)) deps.ws.replaceAttendance(meeting.id, attendance);
    syncGroups(deps, meeting.id);

    recordChange(deps, meeting.id, {
      label: `Nytt ärende § ${number} ${row.title}`,
      before: [structurePart(current, first), { kind: 'attendance', rows: attendanceBefore }],
      after: [structurePart(plan, first, [{ ...row, attachments: [] }]), { kind: 'attendance', rows: attendance }],
    });
    deps.store.audit({ action: 'paragraph.added', entity: 'paragraph', entityId: id, details: { meetingId: meeting.id, number, title: row.title } });
    return { paragraphId: id, number, journal: journalState(deps, meeting.id) };
  });
}

export function moveAgendaItem(deps: WorkspaceDeps, input: { meetingId: string; paragraphId: string; toIndex: number }): AgendaResult {
  return deps.store.transaction(() => {
    const meeting = requireMeeting(deps, input.meetingId);
    const p = requireParagraph(deps, input.paragraphId);
    if (p.meetingId !== meeting.id) throw new AppError('validation', 'Paragrafen hör till ett annat sammanträde.');
    const current = deps.ws.listParagraphs(meeting.id);
    const first = firstNumberOf(deps, meeting, current);
    const order = current.map((x) => x.id).filter((x) => x !== p.id);
    const index = Math.min(Math.max(input.toIndex, 0), order.length);
    order.splice(index, 0, p.id);
    const plan = planNumbers(deps, meeting, current, order, first);
    const number = plan[index]?.number ?? p.number;
    const changes = changed(current, plan);
    if (changes.length === 0) return { paragraphId: p.id, number, journal: journalState(deps, meeting.id) };
    const attendanceBefore = deps.ws.listAttendance(meeting.id);
    deps.ws.renumber(changes);
    const attendance = remapAttendance(attendanceBefore, current, new Map(plan.map((x) => [x.id, x.number])));
    if (JSON.stringify(attendance) !== JSON.stringify(attendanceBefore)) deps.ws.replaceAttendance(meeting.id, attendance);
    recordChange(deps, meeting.id, {
      label: `Flytt av ${p.title} till § ${number}`,
      before: [structurePart(current, first), { kind: 'attendance', rows: attendanceBefore }],
      after: [structurePart(plan, first), { kind: 'attendance', rows: attendance }],
    });
    deps.store.audit({ action: 'paragraph.moved', entity: 'paragraph', entityId: p.id, details: { meetingId: meeting.id, from: p.number, to: number } });
    return { paragraphId: p.id, number, journal: journalState(deps, meeting.id) };
  });
}

export function removeAgendaItem(deps: WorkspaceDeps, input: { meetingId: string; paragraphId: string }): { journal: JournalState } {
  return deps.store.transaction(() => {
    const meeting = requireMeeting(deps, input.meetingId);
    const p = requireParagraph(deps, input.paragraphId);
    if (p.meetingId !== meeting.id) throw new AppError('validation', 'Paragrafen hör till ett annat sammanträde.');
    assertEditable(p);
    const current = deps.ws.listParagraphs(meeting.id);
    const first = firstNumberOf(deps, meeting, current);
    const order = current.map((x) => x.id).filter((x) => x !== p.id);
    const plan = planNumbers(deps, meeting, current, order, first);
    const stored = storedParagraph(deps, p);
    const attendanceBefore = deps.ws.listAttendance(meeting.id);

    deps.ws.deleteParagraph(p.id);
    deps.ws.renumber(changed(current, plan));
    const mapping = new Map<string, number | null>(plan.map((x) => [x.id, x.number]));
    mapping.set(p.id, null);
    const attendance = remapAttendance(attendanceBefore, current, mapping);
    if (JSON.stringify(attendance) !== JSON.stringify(attendanceBefore)) deps.ws.replaceAttendance(meeting.id, attendance);
    syncGroups(deps, meeting.id);

    recordChange(deps, meeting.id, {
      label: `Borttagning av § ${p.number} ${p.title}`,
      before: [structurePart(current, first, [stored]), { kind: 'attendance', rows: attendanceBefore }],
      after: [structurePart(plan, first), { kind: 'attendance', rows: attendance }],
    });
    deps.store.audit({ action: 'paragraph.removed', entity: 'paragraph', entityId: p.id, details: { meetingId: meeting.id, number: p.number, title: p.title } });
    return { journal: journalState(deps, meeting.id) };
  });
}

/** Moves the whole meeting's numbering to start at `first` (e.g. when §§ of an earlier meeting were added). */
export function renumberFrom(deps: WorkspaceDeps, meeting: MeetingRow, first: number): JournalPart[][] {
  const current = deps.ws.listParagraphs(meeting.id);
  const oldFirst = firstNumberOf(deps, meeting, current);
  const plan = planNumbers(
    deps,
    meeting,
    current,
    current.map((p) => p.id),
    first,
  );
  const attendanceBefore = deps.ws.listAttendance(meeting.id);
  deps.ws.renumber(changed(current, plan));
  deps.ws.setFirstNumber(meeting.id, first);
  const attendance = remapAttendance(attendanceBefore, current, new Map(plan.map((x) => [x.id, x.number])));
  if (JSON.stringify(attendance) !== JSON.stringify(attendanceBefore)) deps.ws.replaceAttendance(meeting.id, attendance);
  return [
    [structurePart(current, oldFirst), { kind: 'attendance', rows: attendanceBefore }],
    [structurePart(plan, first), { kind: 'attendance', rows: attendance }],
  ];
}
