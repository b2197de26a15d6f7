// Handlers for core/api/contracts/workspace*.ts: the secretary's workspace.
import type { HandlersFor } from '../../core/api/contract';
import type { workspaceContract } from '../../core/api/contracts/workspace';
import type { WorkspaceDeps } from '../../core/app/workspace/deps';
import * as boards from '../../core/app/workspace/boards';
import * as meetings from '../../core/app/workspace/meetings';
import * as agenda from '../../core/app/workspace/agenda';
import * as attendance from '../../core/app/workspace/attendance';
import * as groups from '../../core/app/workspace/groups';
import * as paragraphs from '../../core/app/workspace/paragraphs';
import * as attachments from '../../core/app/workspace/attachments';
import { redo, undo } from '../../core/app/workspace/undo';
import { search } from '../../core/app/workspace/search';
import { createWorkspaceStore } from '../../db/repos/workspace-store';
import { createIdentityStore } from '../../db/repos/trust';
import { exportMembers } from '../../core/app/workspace/members-export';
import type { HandlerContext } from './context';

const ok = { ok: true } as const;

export function workspaceHandlers(ctx: HandlerContext): HandlersFor<keyof typeof workspaceContract> {
  const deps: WorkspaceDeps = { ...ctx.deps, ws: createWorkspaceStore(ctx.db, ctx.deps), identity: createIdentityStore(ctx.db, ctx.deps) };
  return {
    'workspace.organisations.create': (i) => boards.createOrganisation(deps, i),
    'workspace.organisations.update': (i) => (boards.updateOrganisation(deps, i.organisationId, i.patch), ok),
    'workspace.boards.create': ({ organisationId, ...board }) => boards.createBoard(deps, organisationId, board),
    'workspace.boards.update': (i) => (boards.updateBoard(deps, i.boardId, i.patch), ok),
    'workspace.boards.get': (i) => boards.getBoard(deps, i.boardId),
    'workspace.members.add': (i) => boards.addMember(deps, i),
    'workspace.members.update': ({ assignmentId, ...patch }) => (boards.updateMember(deps, assignmentId, patch), ok),
    'workspace.members.retire': (i) => (boards.retireMember(deps, i.assignmentId, i.retiredOn), ok),
    'workspace.members.import': (i) => boards.importMembers(deps, i),
    'workspace.members.export': (i) => exportMembers(deps, i),
    'workspace.officials.add': (i) => boards.addOfficial(deps, i),
    'workspace.officials.update': ({ officialId, ...patch }) => (boards.updateOfficial(deps, officialId, patch), ok),
    'workspace.officials.remove': (i) => (boards.removeOfficial(deps, i.officialId), ok),

    'workspace.meetings.proposeNumber': (i) => meetings.proposeNumber(deps, i.boardId, i.date),
    'workspace.meetings.create': (i) => meetings.createMeeting(deps, i),
    'workspace.meetings.get': (i) => meetings.getWorkspace(deps, i.meetingId),
    'workspace.meetings.update': (i) => meetings.updateMeeting(deps, i.meetingId, i.patch),
    'workspace.groups.setTimePlace': (i) => groups.setGroupTimePlace(deps, i),
    'workspace.agenda.add': (i) => agenda.addAgendaItem(deps, i),
    'workspace.agenda.move': (i) => agenda.moveAgendaItem(deps, i),
    'workspace.agenda.remove': (i) => agenda.removeAgendaItem(deps, i),
    'workspace.attendance.set': (i) => attendance.setAttendance(deps, i.meetingId, attendance.normaliseRows(i.rows)),
    'workspace.attendance.serveAfterDeparture': (i) => attendance.substituteAfterDeparture(deps, i.meetingId, { seat: i.seat, from: i.from, substituteId: i.substituteId }),
    'workspace.undo': (i) => undo(deps, i.meetingId),
    'workspace.redo': (i) => redo(deps, i.meetingId),
    'workspace.search': (i) => search(deps, i),

    'workspace.paragraphs.update': (i) => paragraphs.updateParagraph(deps, i.paragraphId, i.patch),
    'workspace.paragraphs.setJav': (i) => attendance.setJav(deps, i.paragraphId, i.jav),
    'workspace.attachments.addFile': (i) => attachments.addFileAttachment(deps, i),
    'workspace.attachments.addDocument': (i) => attachments.addDocumentAttachment(deps, i),
    'workspace.attachments.update': (i) => attachments.updateAttachment(deps, i),
    'workspace.attachments.remove': (i) => attachments.removeAttachment(deps, i.attachmentId),
    'workspace.attachments.move': (i) => attachments.moveAttachment(deps, i.attachmentId, i.direction),
    'workspace.attachments.get': (i) => attachments.getAttachment(deps, i.attachmentId),
  };
}
