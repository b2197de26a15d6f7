// The follow-up register: proposals read from a meeting's decisions, tasks the secretary has
// confirmed, their status, the overdue ones, and the yearly report per board.
import { AppError } from '../../api/errors';
import { buildFollowUpReportData, statusText } from './followup-report';
import { proposeFollowUps, type FollowUpProposal } from './followup';
import { stockholmDate } from './dates';
import { slugify } from '../../noticeboard/slug';
import { bytesToBase64 } from '../../format/base64';
import type { AnslagDeps, FollowUpRow, FollowUpStatus } from './ports';

export interface FollowUpTask {
  id: string;
  meetingId: string;
  boardId: string;
  boardName: string;
  meetingDate: string;
  paragraph: number;
  paragraphTitle: string;
  decisionPoint: number | null;
  responsible: string;
  description: string;
  dueOn: string | null;
  status: FollowUpStatus;
  /** Swedish status as the report prints it ("Pågår", "Försenad", "Klar 2021-05-01" …). */
  statusText: string;
  overdue: boolean;
  doneOn: string | null;
  note: string | null;
}

export interface ProposalView extends FollowUpProposal {
  paragraphTitle: string;
  /** A task with the same §, point and wording is already in the register. */
  registered: boolean;
}

function task(row: FollowUpRow, today: string): FollowUpTask {
  const { paragraphId: _p, confirmed: _c, ...rest } = row;
  return { ...rest, statusText: statusText(row, today), overdue: row.status === 'open' && row.dueOn !== null && row.dueOn < today };
}

function today(deps: AnslagDeps): string {
  return stockholmDate(deps.clock.now());
}

export function followUpProposals(deps: AnslagDeps, meetingId: string): ProposalView[] {
  const loaded = deps.store.loadMeeting(meetingId);
  if (loaded === null) throw new AppError('not_found', `Sammanträdet ${meetingId} finns inte. Välj ett sammanträde i listan.`);
  const existing = deps.anslag.followUps({ meetingId });
  const titles = new Map(loaded.doc.paragraphs.map((p) => [p.number, p.title]));
  return proposeFollowUps(loaded.doc).map((p) => ({
    ...p,
    paragraphTitle: titles.get(p.paragraph) ?? '',
    registered: existing.some((t) => t.paragraph === p.paragraph && t.decisionPoint === p.decisionPoint && t.description === p.description),
  }));
}

export function confirmFollowUp(
  deps: AnslagDeps,
  input: { meetingId: string; paragraph: number; decisionPoint?: number | null; responsible: string; description: string; dueOn?: string | null; note?: string | null },
): FollowUpTask {
  const loaded = deps.store.loadMeeting(input.meetingId);
  if (loaded === null) throw new AppError('not_found', `Sammanträdet ${input.meetingId} finns inte. Välj ett sammanträde i listan.`);
  const paragraphId = loaded.ids.paragraphIds.get(input.paragraph);
  const para = loaded.doc.paragraphs.find((p) => p.number === input.paragraph);
  if (paragraphId === undefined || para === undefined) {
    throw new AppError('validation', `§ ${input.paragraph} finns inte i sammanträdet. Välj en av sammanträdets paragrafer.`, { issues: [{ path: 'paragraph', message: 'Finns inte.' }] });
  }
  const point = input.decisionPoint ?? null;
  const points = para.decision?.points.length ?? 0;
  if (point !== null && (point < 1 || point > points)) {
    throw new AppError('validation', `§ ${input.paragraph} har ${points === 0 ? 'inga beslutspunkter' : `beslutspunkterna 1–${points}`}. Ange en av dem eller ingen.`, {
      issues: [{ path: 'decisionPoint', message: 'Finns inte.' }],
    });
  }
  const now = today(deps);
  return deps.store.transaction(() => {
    const row = deps.anslag.insertFollowUp({
      paragraphId,
      decisionPoint: point,
      responsible: input.responsible,
      description: input.description,
      dueOn: input.dueOn ?? null,
      note: input.note ?? null,
    });
    deps.store.audit({
      action: 'followup.confirmed',
      entity: 'follow_up_task',
      entityId: row.id,
      details: { meetingId: input.meetingId, paragraph: input.paragraph, decisionPoint: point, responsible: row.responsible, dueOn: row.dueOn },
    });
    return task(row, now);
  });
}

export function updateFollowUp(deps: AnslagDeps, input: { taskId: string; status: FollowUpStatus; doneOn?: string | null; note?: string | null }): FollowUpTask {
  const current = deps.anslag.followUp(input.taskId);
  if (current === null) throw new AppError('not_found', 'Uppdraget finns inte i uppföljningsregistret. Uppdatera listan.');
  const now = today(deps);
  const doneOn = input.status === 'done' ? (input.doneOn ?? now) : null;
  if (doneOn !== null && doneOn > now) {
    throw new AppError('validation', `Ett uppdrag kan inte markeras som klart i förväg (${doneOn}). Ange dagens datum eller ett tidigare.`, {
      issues: [{ path: 'doneOn', message: `Senast ${now}.` }],
    });
  }
  if (doneOn !== null && doneOn < current.meetingDate) {
    throw new AppError('validation', `Uppdraget gavs ${current.meetingDate} och kan inte ha blivit klart före det.`, { issues: [{ path: 'doneOn', message: `Tidigast ${current.meetingDate}.` }] });
  }
  return deps.store.transaction(() => {
    const row = deps.anslag.updateFollowUp(input.taskId, { status: input.status, doneOn, note: input.note === undefined ? current.note : input.note });
    deps.store.audit({
      action: 'followup.updated',
      entity: 'follow_up_task',
      entityId: row.id,
      details: { from: current.status, to: row.status, doneOn: row.doneOn, note: row.note },
    });
    return task(row, now);
  });
}

export function listFollowUps(deps: AnslagDeps, filter: { boardId?: string; meetingId?: string; year?: number; overdueOnly?: boolean }): FollowUpTask[] {
  const now = today(deps);
  const { overdueOnly = false, ...where } = filter;
  return deps.anslag
    .followUps(where)
    .map((r) => task(r, now))
    .filter((t) => !overdueOnly || t.overdue)
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || cmpNullLast(a.dueOn, b.dueOn) || cmp(a.meetingDate, b.meetingDate) || a.paragraph - b.paragraph);
}

export async function followUpReport(deps: AnslagDeps, input: { boardId: string; year: number }): Promise<{ fileName: string; pdfBase64: string; tasks: number }> {
  const board = deps.store.listBoards().find((b) => b.id === input.boardId);
  if (board === undefined) throw new AppError('not_found', 'Nämnden finns inte. Välj en nämnd i listan.');
  const now = today(deps);
  const rows = deps.anslag.followUps({ boardId: input.boardId, year: input.year }).sort((a, b) => cmp(a.meetingDate, b.meetingDate) || a.paragraph - b.paragraph);
  const data = buildFollowUpReportData({
    organisationName: board.organisationName,
    boardName: board.name,
    year: input.year,
    today: now,
    generatedAt: deps.clock.now().toISOString(),
    tasks: rows,
  });
  const rendered = await deps.documents.followUpReport(data);
  deps.store.transaction(() => deps.store.audit({ action: 'followup.report', entity: 'board', entityId: input.boardId, details: { year: input.year, tasks: rows.length } }));
  return { fileName: `uppfoljning-${slugify(board.name)}-${input.year}.pdf`, pdfBase64: bytesToBase64(rendered.pdf), tasks: rows.length };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cmpNullLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return cmp(a, b);
}
