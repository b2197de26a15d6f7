// The clerk's notice workflow: adjusted groups waiting to be posted (with the KL 8 kap. 12 §
// post-by date), posting the notice (with the tillkännagivande and a new anslagsbevis), the
// notices that are up, and taking a notice down once the appeal period (KL 13 kap. 5 §) is over.
import { AppError } from '../../api/errors';
import { appealPeriod, noticePostByDate } from '../../domain/calendar';
import { paragraphLabel } from '../../domain/numbering';
import { buildNoticeData } from '../../documents/notice';
import type { MeetingDocument } from '../../format/meeting';
import { buildAnslagsbevisData, type AnslagsbevisPosting } from './anslagsbevis';
import { daysBetween, stockholmDate } from './dates';
import { documentInfo, type DocumentInfo } from './documents';
import type { AdjustedGroupRow, AnslagDeps, NoticeRow } from './ports';

export interface PendingGroup {
  groupId: string;
  meetingId: string;
  boardId: string;
  boardName: string;
  organisationId: string;
  organisationName: string;
  meetingDate: string;
  paragraphs: number[];
  /** "§§ 20-22". */
  label: string;
  immediate: boolean;
  adjustedAt: string;
  /** The day of justering in Swedish time. */
  adjustedOn: string;
  /** Last day to post the notice (KL 8 kap. 12 §, moved past closed days). */
  postBy: string;
  /** Today is after postBy and the notice is still not posted. */
  overdue: boolean;
  /** Days left until postBy (negative when overdue). */
  daysLeft: number;
}

export type NoticeState = 'up' | 'may_take_down' | 'taken_down';

export interface NoticeSummary {
  noticeId: string;
  groupId: string;
  meetingId: string;
  boardId: string;
  boardName: string;
  organisationId: string;
  meetingDate: string;
  paragraphs: number[];
  label: string;
  adjustedOn: string;
  postBy: string;
  postedOn: string;
  /** Posted after the post-by date. */
  postedLate: boolean;
  lastAppealDay: string;
  /** The first day the notice may come down (the day after the last day of appeal). */
  takeDownOn: string;
  takenDownOn: string | null;
  state: NoticeState;
}

export interface PostResult {
  notice: NoticeSummary;
  tillkannagivande: DocumentInfo;
  anslagsbevis: DocumentInfo;
}

export interface GroupFilter {
  organisationId?: string;
  boardId?: string;
  meetingId?: string;
}

export function todayOf(deps: Pick<AnslagDeps, 'clock'>): string {
  return stockholmDate(deps.clock.now());
}

export function listPending(deps: AnslagDeps, filter: GroupFilter): PendingGroup[] {
  const today = todayOf(deps);
  return deps.anslag
    .adjustedGroups(filter)
    .filter((g) => g.notice === null)
    .map((g) => {
      const adjustedOn = stockholmDate(g.adjustedAt);
      const postBy = noticePostByDate(adjustedOn);
      return {
        groupId: g.groupId,
        meetingId: g.meetingId,
        boardId: g.boardId,
        boardName: g.boardName,
        organisationId: g.organisationId,
        organisationName: g.organisationName,
        meetingDate: g.meetingDate,
        paragraphs: g.paragraphs,
        label: paragraphLabel(g.paragraphs),
        immediate: g.immediate,
        adjustedAt: g.adjustedAt,
        adjustedOn,
        postBy,
        overdue: today > postBy,
        daysLeft: daysBetween(today, postBy),
      };
    })
    .sort((a, b) => cmp(a.postBy, b.postBy) || cmp(a.boardName, b.boardName) || (a.paragraphs[0] ?? 0) - (b.paragraphs[0] ?? 0));
}

function summary(g: AdjustedGroupRow, n: NoticeRow, today: string): NoticeSummary {
  const adjustedOn = stockholmDate(g.adjustedAt);
  const postBy = noticePostByDate(adjustedOn);
  return {
    noticeId: n.id,
    groupId: g.groupId,
    meetingId: g.meetingId,
    boardId: g.boardId,
    boardName: g.boardName,
    organisationId: g.organisationId,
    meetingDate: g.meetingDate,
    paragraphs: g.paragraphs,
    label: paragraphLabel(g.paragraphs),
    adjustedOn,
    postBy,
    postedOn: n.postedOn,
    postedLate: n.postedOn > postBy,
    lastAppealDay: appealPeriod(n.postedOn).lastAppealDay,
    takeDownOn: n.takeDownOn,
    takenDownOn: n.takenDownOn,
    state: n.takenDownOn !== null ? 'taken_down' : today >= n.takeDownOn ? 'may_take_down' : 'up',
  };
}

/** Notices, newest posting first; `up` (default) leaves out those already taken down. */
export function listNotices(deps: AnslagDeps, filter: GroupFilter & { include?: 'up' | 'all' }): NoticeSummary[] {
  const today = todayOf(deps);
  const { include = 'up', ...groups } = filter;
  return deps.anslag
    .adjustedGroups(groups)
    .flatMap((g) => (g.notice === null ? [] : [summary(g, g.notice, today)]))
    .filter((s) => include === 'all' || s.takenDownOn === null)
    .sort((a, b) => cmp(b.postedOn, a.postedOn) || cmp(a.boardName, b.boardName) || (a.paragraphs[0] ?? 0) - (b.paragraphs[0] ?? 0));
}

function requireAdjustedGroup(deps: AnslagDeps, groupId: string): AdjustedGroupRow {
  const group = deps.anslag.adjustedGroups({ groupId })[0];
  if (group !== undefined) return group;
  const state = deps.anslag.groupStatus(groupId);
  if (state === null) throw new AppError('not_found', 'Justeringsgruppen finns inte. Välj en grupp i listan över justerade paragrafer som väntar på anslag.');
  throw new AppError('validation', 'Paragraferna är inte justerade ännu. Anslaget kan sättas upp först när den sista underskriften är på plats (8 kap. 12 § kommunallagen).');
}

function loadDoc(deps: AnslagDeps, meetingId: string): MeetingDocument {
  const loaded = deps.store.loadMeeting(meetingId);
  if (loaded === null) throw new AppError('not_found', 'Sammanträdet finns inte längre. Uppdatera listan och försök igen.');
  return loaded.doc;
}

/** Every posted group of the meeting, as the anslagsbevis lists them. */
function postingsOf(deps: AnslagDeps, meetingId: string, extra?: AnslagsbevisPosting): AnslagsbevisPosting[] {
  const posted = deps.anslag.adjustedGroups({ meetingId }).flatMap((g) => (g.notice === null ? [] : [{ paragraphs: g.paragraphs, postedOn: g.notice.postedOn, takeDownOn: g.notice.takeDownOn }]));
  return extra === undefined ? posted : [...posted, extra];
}

/**
 * Posts the notice of an adjusted group: records it with the take-down day from the appeal
 * period, produces the tillkännagivande and a new version of the meeting's anslagsbevis (both
 * unsigned, with an empty field for the clerk's signature) and writes the audit entry, all in
 * one transaction. The PDFs are rendered first, outside it.
 */
export async function postNotice(deps: AnslagDeps, input: { groupId: string; postedOn?: string }): Promise<PostResult> {
  const today = todayOf(deps);
  const group = requireAdjustedGroup(deps, input.groupId);
  const label = paragraphLabel(group.paragraphs);
  if (group.notice !== null) {
    throw new AppError('conflict', `Anslaget om ${label} sattes upp ${group.notice.postedOn} och är redan registrerat. Se listan över uppsatta anslag.`);
  }
  const adjustedOn = stockholmDate(group.adjustedAt);
  const postedOn = input.postedOn ?? today;
  if (postedOn < adjustedOn) {
    throw new AppError('validation', `Anslaget kan inte sättas upp före justeringen: ${label} justerades ${adjustedOn}. Ange ${adjustedOn} eller ett senare datum.`, {
      issues: [{ path: 'postedOn', message: `Tidigast ${adjustedOn}.` }],
    });
  }
  if (postedOn > today) {
    throw new AppError('validation', `Anslaget kan inte registreras i förväg (${postedOn} har inte kommit ännu). Registrera det den dag det sätts upp.`, {
      issues: [{ path: 'postedOn', message: `Senast ${today}.` }],
    });
  }
  const period = appealPeriod(postedOn);
  const posting: AnslagsbevisPosting = { paragraphs: group.paragraphs, postedOn, takeDownOn: period.takeDown };
  const doc = loadDoc(deps, group.meetingId);
  const generatedAt = deps.clock.now().toISOString();
  const noticeData = buildNoticeData(doc, { generatedAt, paragraphs: group.paragraphs, postedOn, takeDownOn: period.takeDown });
  const bevisPostings = postingsOf(deps, group.meetingId, posting);
  const bevisData = buildAnslagsbevisData(doc, bevisPostings, { generatedAt });
  const bevisParagraphs = bevisPostings.flatMap((p) => p.paragraphs).sort((a, b) => a - b);
  const noticePdf = await deps.documents.notice(noticeData);
  const bevisPdf = await deps.documents.anslagsbevis(bevisData);

  return deps.store.transaction(() => {
    // Checked again inside the transaction: another window may have posted it meanwhile.
    const again = deps.anslag.adjustedGroups({ groupId: group.groupId })[0];
    if (again?.notice) throw new AppError('conflict', `Anslaget om ${label} registrerades nyss av någon annan (${again.notice.postedOn}). Uppdatera listan.`);
    const notice = deps.anslag.insertNotice({ groupId: group.groupId, postedOn, takeDownOn: period.takeDown });
    const noticeVersion = deps.anslag.insertDocumentVersion({
      meetingId: group.meetingId,
      groupId: group.groupId,
      kind: 'notice',
      reason: `Anslag ${label} uppsatt ${postedOn}`,
      snapshot: { paragraphs: group.paragraphs, data: noticeData },
      pdf: noticePdf.pdf,
      supersedes: true,
    });
    const bevisVersion = deps.anslag.insertDocumentVersion({
      meetingId: group.meetingId,
      groupId: null,
      kind: 'anslagsbevis',
      reason: `Anslag ${label} uppsatt ${postedOn}`,
      snapshot: { paragraphs: bevisParagraphs, data: bevisData },
      pdf: bevisPdf.pdf,
      supersedes: true,
    });
    deps.store.audit({
      action: 'notice.posted',
      entity: 'notice',
      entityId: notice.id,
      details: {
        groupId: group.groupId,
        meetingId: group.meetingId,
        board: group.boardName,
        paragraphs: group.paragraphs,
        adjustedOn,
        postBy: noticePostByDate(adjustedOn),
        postedOn,
        lastAppealDay: period.lastAppealDay,
        takeDownOn: period.takeDown,
        documents: { notice: noticeVersion.id, anslagsbevis: bevisVersion.id },
      },
    });
    const posted = deps.anslag.adjustedGroups({ groupId: group.groupId })[0] ?? group;
    return {
      notice: summary(posted, notice, today),
      tillkannagivande: documentInfo(noticeVersion, group.boardName, group.meetingDate, group.paragraphs),
      anslagsbevis: documentInfo(bevisVersion, group.boardName, group.meetingDate, bevisParagraphs),
    };
  });
}

/** Records that a notice was taken down; refused before the appeal period has run out. */
export function takeDownNotice(deps: AnslagDeps, input: { noticeId: string; takenDownOn?: string }): NoticeSummary {
  const today = todayOf(deps);
  const notice = deps.anslag.noticeById(input.noticeId);
  if (notice === null) throw new AppError('not_found', 'Anslaget finns inte. Välj ett anslag i listan över uppsatta anslag.');
  const group = deps.anslag.adjustedGroups({ groupId: notice.groupId })[0];
  if (group === undefined) throw new AppError('not_found', 'Anslagets justeringsgrupp finns inte längre. Uppdatera listan.');
  const label = paragraphLabel(group.paragraphs);
  if (notice.takenDownOn !== null) {
    throw new AppError('conflict', `Anslaget om ${label} togs ned redan ${notice.takenDownOn}.`);
  }
  const takenDownOn = input.takenDownOn ?? today;
  const period = appealPeriod(notice.postedOn);
  if (takenDownOn < notice.takeDownOn) {
    throw new AppError(
      'validation',
      `Anslaget om ${label} får inte tas ned förrän ${notice.takeDownOn}. Enligt 13 kap. 5 § kommunallagen kan besluten överklagas inom tre veckor från den dag anslaget sattes upp (${notice.postedOn}); sista dag för överklagande är ${period.lastAppealDay}, och anslaget ska sitta uppe till dess. Ta ned det ${notice.takeDownOn} eller senare.`,
      { issues: [{ path: 'takenDownOn', message: `Tidigast ${notice.takeDownOn}.` }] },
    );
  }
  if (takenDownOn > today) {
    throw new AppError('validation', `Nedtagningen kan inte registreras i förväg (${takenDownOn} har inte kommit ännu). Registrera den den dag anslaget tas ned.`, {
      issues: [{ path: 'takenDownOn', message: `Senast ${today}.` }],
    });
  }
  return deps.store.transaction(() => {
    deps.anslag.setTakenDown(notice.id, takenDownOn);
    deps.store.audit({
      action: 'notice.taken_down',
      entity: 'notice',
      entityId: notice.id,
      details: { groupId: group.groupId, meetingId: group.meetingId, board: group.boardName, paragraphs: group.paragraphs, postedOn: notice.postedOn, takeDownOn: notice.takeDownOn, takenDownOn },
    });
    return summary(group, { ...notice, takenDownOn }, today);
  });
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
