// Workspace persistence, part 2: meetings, §§ (with numbering that never trips the unique index),
// adjustment groups, attendance, attachments, and the meeting as the workspace reads it.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { Db } from '../open';
import { adjustmentGroups, assignments, attachments, attendance, boards, meetingDrafts, meetingJusterare, meetings, notices, officials, organisations, paragraphs, persons } from '../schema';
import type { AttachmentRow, AttendanceRow, GroupRow, GroupStatus, MeetingHeader, MeetingRow, ParagraphContent, ParagraphRow, WorkspaceStore } from '../../core/app/workspace/ports';
import type { WorkspaceView } from '../../core/app/workspace/types';
import type { Attachment, Break, MeetingDocument, Member, Paragraph } from '../../core/format/meeting';
import { MEETING_FORMAT, MEETING_FORMAT_VERSION, withVoteList } from '../../core/format/meeting';
import { nextParagraphNumber } from '../../core/domain/numbering';
import type { RepoContext } from './workspace-people';
import { boardFromRow, dropUndefined, organisationFromRow, timePlaceColumns, timePlaceOf } from './meetings';

type MeetingStore = Pick<
  WorkspaceStore,
  | 'insertMeeting'
  | 'getMeeting'
  | 'updateMeetingHeader'
  | 'setFirstNumber'
  | 'loadWorkspace'
  | 'listParagraphs'
  | 'getParagraph'
  | 'insertParagraph'
  | 'updateParagraph'
  | 'deleteParagraph'
  | 'renumber'
  | 'usedNumbers'
  | 'listGroups'
  | 'insertGroup'
  | 'setGroupPosition'
  | 'deleteGroup'
  | 'setGroupTimePlace'
  | 'listAttendance'
  | 'replaceAttendance'
  | 'listAttachments'
  | 'getAttachment'
  | 'upsertAttachment'
  | 'deleteAttachment'
>;

function paragraphRow(p: typeof paragraphs.$inferSelect, status: string | null): ParagraphRow {
  return {
    id: p.id,
    meetingId: p.meetingId,
    boardId: p.boardId,
    year: p.year,
    number: p.number,
    title: p.title,
    caseNumber: p.caseNumber,
    // Content stored before format version 3 has a single `vote`: read as the list `votes`.
    content: withVoteList(p.content as ParagraphContent),
    immediatelyAdjusted: p.immediatelyAdjusted,
    confidentialProvision: p.confidentialProvision,
    groupId: p.groupId,
    groupStatus: status as GroupStatus | null,
  };
}

function attachmentRow(r: typeof attachments.$inferSelect): AttachmentRow {
  return {
    id: r.id,
    paragraphId: r.paragraphId,
    position: r.position,
    kind: r.kind === 'file' ? 'file' : 'document',
    title: r.title,
    filename: r.filename,
    mediaType: r.mediaType,
    dataBase64: r.data === null ? null : r.data.toString('base64'),
    sections: (r.sections ?? null) as AttachmentRow['sections'],
  };
}

export function meetingStore(db: Db, ctx: RepoContext): MeetingStore {
  const getMeeting = (id: string): MeetingRow | null => {
    const m = db.select().from(meetings).where(eq(meetings.id, id)).get();
    if (m === undefined) return null;
    const justerare = db.select().from(meetingJusterare).where(eq(meetingJusterare.meetingId, id)).orderBy(asc(meetingJusterare.position)).all();
    const draft = db.select().from(meetingDrafts).where(eq(meetingDrafts.meetingId, id)).get();
    return {
      id: m.id,
      boardId: m.boardId,
      year: m.year,
      date: m.date,
      startTime: m.startTime,
      endTime: m.endTime,
      place: m.place,
      status: m.status as MeetingHeader['status'],
      secretaryId: m.secretaryId,
      chairId: m.chairId,
      justerare: justerare.map((j) => j.personId),
      adjustmentTimePlace: m.adjustmentTimePlace,
      digitalSignatures: m.digitalSignatures,
      noticeSignatoryId: m.noticeSignatoryId,
      breaks: Array.isArray(m.breaks) ? (m.breaks as Break[]) : [],
      firstNumber: draft?.firstNumber ?? null,
    };
  };

  const listParagraphs = (meetingId: string): ParagraphRow[] =>
    db
      .select({ p: paragraphs, status: adjustmentGroups.status })
      .from(paragraphs)
      .leftJoin(adjustmentGroups, eq(adjustmentGroups.id, paragraphs.groupId))
      .where(eq(paragraphs.meetingId, meetingId))
      .orderBy(asc(paragraphs.number))
      .all()
      .map((r) => paragraphRow(r.p, r.status));

  const listAttendance = (meetingId: string): AttendanceRow[] =>
    db
      .select()
      .from(attendance)
      .where(eq(attendance.meetingId, meetingId))
      .orderBy(asc(attendance.position))
      .all()
      .map((a) => ({
        personId: a.personId,
        capacity: a.capacity as AttendanceRow['capacity'],
        replacesPersonId: a.replacesPersonId,
        fromParagraph: a.fromParagraph,
        toParagraph: a.toParagraph,
        note: a.note,
        orderReason: a.orderReason,
        fromTime: a.fromTime,
        toTime: a.toTime,
      }));

  const setFirstNumber = (meetingId: string, firstNumber: number): void => {
    db.insert(meetingDrafts).values({ meetingId, firstNumber }).onConflictDoUpdate({ target: meetingDrafts.meetingId, set: { firstNumber } }).run();
  };

  return {
    insertMeeting(boardId, h, firstNumber) {
      const id = ctx.newId();
      const now = ctx.now();
      db.insert(meetings)
        .values({
          id,
          boardId,
          date: h.date,
          year: Number(h.date.slice(0, 4)),
          startTime: h.startTime,
          endTime: h.endTime,
          place: h.place,
          status: h.status,
          secretaryId: h.secretaryId,
          chairId: h.chairId,
          adjustmentTimePlace: h.adjustmentTimePlace,
          digitalSignatures: h.digitalSignatures,
          noticeSignatoryId: h.noticeSignatoryId,
          breaks: h.breaks.length === 0 ? null : h.breaks,
          createdAt: now,
          updatedAt: now,
        })
        .run();
      h.justerare.forEach((personId, position) => db.insert(meetingJusterare).values({ meetingId: id, position, personId }).run());
      setFirstNumber(id, firstNumber);
      return id;
    },
    getMeeting,
    updateMeetingHeader(id, f) {
      const { justerare, ...rest } = f;
      const set: Partial<typeof meetings.$inferInsert> = { ...rest, updatedAt: ctx.now() };
      if (rest.date !== undefined) set.year = Number(rest.date.slice(0, 4));
      if (rest.breaks !== undefined) set.breaks = rest.breaks.length === 0 ? null : rest.breaks;
      db.update(meetings).set(set).where(eq(meetings.id, id)).run();
      if (justerare !== undefined) {
        db.delete(meetingJusterare).where(eq(meetingJusterare.meetingId, id)).run();
        justerare.forEach((personId, position) => db.insert(meetingJusterare).values({ meetingId: id, position, personId }).run());
      }
    },
    setFirstNumber,
    loadWorkspace(meetingId) {
      const meeting = getMeeting(meetingId);
      if (meeting === null) return null;
      const board = db.select().from(boards).where(eq(boards.id, meeting.boardId)).get();
      const org = board && db.select().from(organisations).where(eq(organisations.id, board.organisationId)).get();
      if (!board || !org) return null;
      const rows = listAttendance(meetingId);
      const roster = db
        .select()
        .from(assignments)
        .where(
          and(
            eq(assignments.boardId, board.id),
            sql`${assignments.termStart} <= ${meeting.date}`,
            sql`${assignments.termEnd} >= ${meeting.date}`,
            sql`(${assignments.retiredOn} IS NULL OR ${assignments.retiredOn} > ${meeting.date})`,
          ),
        )
        .orderBy(sql`${assignments}.rowid`)
        .all();
      const offs = db
        .select()
        .from(officials)
        .where(eq(officials.boardId, board.id))
        .orderBy(sql`${officials}.rowid`)
        .all();
      const paras = listParagraphs(meetingId);
      const groups = db.select().from(adjustmentGroups).where(eq(adjustmentGroups.meetingId, meetingId)).orderBy(asc(adjustmentGroups.position)).all();
      const atts =
        paras.length === 0
          ? []
          : db
              .select({
                id: attachments.id,
                paragraphId: attachments.paragraphId,
                kind: attachments.kind,
                title: attachments.title,
                filename: attachments.filename,
                mediaType: attachments.mediaType,
                size: sql<number | null>`length(${attachments.data})`,
                sections: attachments.sections,
              })
              .from(attachments)
              .where(sql`${attachments.paragraphId} IN (SELECT id FROM paragraphs WHERE meeting_id = ${meetingId})`)
              .orderBy(asc(attachments.position))
              .all();
      const groupNotices =
        groups.length === 0
          ? []
          : db
              .select()
              .from(notices)
              .where(sql`${notices.groupId} IN (SELECT id FROM adjustment_groups WHERE meeting_id = ${meetingId})`)
              .all();

      const mentioned = new Set<string>();
      const mention = (id: string | null | undefined) => {
        if (id) mentioned.add(id);
      };
      roster.forEach((a) => {
        mention(a.personId);
        mention(a.substituteForPersonId);
      });
      offs.forEach((o) => mention(o.personId));
      [meeting.secretaryId, meeting.chairId, meeting.noticeSignatoryId, ...meeting.justerare].forEach(mention);
      rows.forEach((r) => {
        mention(r.personId);
        mention(r.replacesPersonId);
      });
      for (const p of paras) {
        const c = p.content;
        c.motions.forEach((x) => mention(x.by));
        c.reservations.forEach((x) => mention(x.person));
        c.protocolNotes.forEach((x) => mention(x.by));
        c.jav.forEach((x) => mention(x.person));
        mention(c.chair);
        for (const vote of c.votes ?? []) if (vote.kind === 'open') vote.votes.forEach((x) => mention(x.person));
      }
      const ids = [...mentioned];
      const people = ids.length === 0 ? [] : db.select({ id: persons.id, name: persons.name }).from(persons).where(inArray(persons.id, ids)).all();
      people.sort((a, b) => a.name.localeCompare(b.name, 'sv'));

      const attachmentsOf = (paragraphId: string): Attachment[] =>
        atts
          .filter((a) => a.paragraphId === paragraphId)
          .map((a): Attachment =>
            a.kind === 'file'
              ? { kind: 'file', title: a.title, filename: a.filename ?? 'bilaga.pdf', mediaType: 'application/pdf', data: '' }
              : { kind: 'document', title: a.title, sections: (a.sections ?? []) as Extract<Attachment, { kind: 'document' }>['sections'] },
          );

      const doc: MeetingDocument = {
        format: MEETING_FORMAT,
        formatVersion: MEETING_FORMAT_VERSION,
        organisation: organisationFromRow(org),
        board: boardFromRow(board),
        people: people.map((p) => ({ key: p.id, name: p.name })),
        members: roster.map((a) =>
          dropUndefined({
            person: a.personId,
            role: a.role as Member['role'],
            party: a.party ?? undefined,
            represents: a.represents ?? undefined,
            termStart: a.termStart,
            termEnd: a.termEnd,
            substituteOrder: a.substituteOrder ?? undefined,
            substituteFor: a.substituteForPersonId ?? undefined,
          }),
        ),
        officials: offs.map((o) => dropUndefined({ person: o.personId, title: o.title ?? undefined, organisation: o.organisation ?? undefined })),
        meeting: dropUndefined({
          date: meeting.date,
          startTime: meeting.startTime,
          endTime: meeting.endTime ?? undefined,
          place: meeting.place,
          status: meeting.status,
          secretary: meeting.secretaryId,
          chair: meeting.chairId,
          justerare: meeting.justerare,
          adjustmentTimePlace: meeting.adjustmentTimePlace ?? undefined,
          digitalSignatures: meeting.digitalSignatures,
          noticeSignatory: meeting.noticeSignatoryId ?? undefined,
          breaks: meeting.breaks.length === 0 ? undefined : meeting.breaks,
        }),
        attendance: rows.map((r) =>
          dropUndefined({
            person: r.personId,
            capacity: r.capacity,
            replaces: r.replacesPersonId ?? undefined,
            fromParagraph: r.fromParagraph ?? undefined,
            toParagraph: r.toParagraph ?? undefined,
            note: r.note ?? undefined,
            orderReason: r.orderReason ?? undefined,
            fromTime: r.fromTime ?? undefined,
            toTime: r.toTime ?? undefined,
          }),
        ),
        paragraphs: paras.map(
          (p) =>
            dropUndefined({
              number: p.number,
              title: p.title,
              caseNumber: p.caseNumber ?? undefined,
              ...p.content,
              immediatelyAdjusted: p.immediatelyAdjusted,
              confidential: p.confidentialProvision === null ? undefined : { provision: p.confidentialProvision },
              attachments: attachmentsOf(p.id),
            }) as Paragraph,
        ),
        adjustmentGroups: groups
          .map((g) => {
            const notice = groupNotices.find((n) => n.groupId === g.id);
            return dropUndefined({
              paragraphs: paras.filter((p) => p.groupId === g.id).map((p) => p.number),
              immediate: g.immediate,
              timePlace: timePlaceOf(g),
              adjustedAt: g.adjustedAt ?? undefined,
              notice: notice === undefined ? undefined : dropUndefined({ postedOn: notice.postedOn, takeDownOn: notice.takeDownOn, takenDownOn: notice.takenDownOn ?? undefined }),
            });
          })
          .filter((g) => g.paragraphs.length > 0),
      };
      const used = () => db.all<{ number: number }>(sql`SELECT number FROM paragraphs WHERE board_id = ${board.id} AND year = ${meeting.year}`).map((r) => r.number);
      const view: Omit<WorkspaceView, 'journal'> = {
        meetingId,
        boardId: board.id,
        organisationId: org.id,
        doc,
        paragraphs: paras.map((p) => ({
          id: p.id,
          number: p.number,
          groupStatus: p.groupStatus,
          attachments: atts.filter((a) => a.paragraphId === p.id).map((a) => ({ id: a.id, kind: a.kind === 'file' ? 'file' : 'document', title: a.title, filename: a.filename, size: a.size })),
        })),
        firstNumber: meeting.firstNumber ?? paras[0]?.number ?? nextParagraphNumber(used()),
        locked: groups.some((g) => g.status !== 'open'),
      };
      return view;
    },
    listParagraphs,
    getParagraph(id) {
      const r = db
        .select({ p: paragraphs, status: adjustmentGroups.status })
        .from(paragraphs)
        .leftJoin(adjustmentGroups, eq(adjustmentGroups.id, paragraphs.groupId))
        .where(eq(paragraphs.id, id))
        .get();
      return r === undefined ? null : paragraphRow(r.p, r.status);
    },
    insertParagraph(row) {
      db.insert(paragraphs)
        .values({ ...row, updatedAt: ctx.now() })
        .run();
    },
    updateParagraph(id, f) {
      db.update(paragraphs)
        .set({ ...f, updatedAt: ctx.now() })
        .where(eq(paragraphs.id, id))
        .run();
    },
    deleteParagraph(id) {
      db.delete(paragraphs).where(eq(paragraphs.id, id)).run();
    },
    renumber(changes) {
      // Through negative numbers first: the unique (board, year, number) index holds at every step.
      changes.forEach((c, i) =>
        db
          .update(paragraphs)
          .set({ number: -1 - i })
          .where(eq(paragraphs.id, c.id))
          .run(),
      );
      const now = ctx.now();
      changes.forEach((c) => db.update(paragraphs).set({ number: c.number, updatedAt: now }).where(eq(paragraphs.id, c.id)).run());
    },
    usedNumbers(boardId, year) {
      return db.all<{ number: number; meetingId: string; meetingDate: string }>(sql`
        SELECT p.number, p.meeting_id AS meetingId, m.date AS meetingDate
        FROM paragraphs p JOIN meetings m ON m.id = p.meeting_id
        WHERE p.board_id = ${boardId} AND p.year = ${year} ORDER BY p.number`);
    },
    listGroups(meetingId) {
      return db
        .select()
        .from(adjustmentGroups)
        .where(eq(adjustmentGroups.meetingId, meetingId))
        .orderBy(asc(adjustmentGroups.position))
        .all()
        .map((g): GroupRow => ({ id: g.id, position: g.position, immediate: g.immediate, status: g.status as GroupStatus, timePlace: timePlaceOf(g) }));
    },
    insertGroup(meetingId, g) {
      db.insert(adjustmentGroups)
        .values({ id: g.id, meetingId, position: g.position, immediate: g.immediate, status: g.status, adjustedAt: null, ...timePlaceColumns(g.timePlace) })
        .run();
    },
    setGroupTimePlace(id, timePlace) {
      db.update(adjustmentGroups).set(timePlaceColumns(timePlace)).where(eq(adjustmentGroups.id, id)).run();
    },
    setGroupPosition(id, position) {
      db.update(adjustmentGroups).set({ position }).where(eq(adjustmentGroups.id, id)).run();
    },
    deleteGroup(id) {
      db.delete(adjustmentGroups).where(eq(adjustmentGroups.id, id)).run();
    },
    listAttendance,
    replaceAttendance(meetingId, rows) {
      db.delete(attendance).where(eq(attendance.meetingId, meetingId)).run();
      rows.forEach((r, position) =>
        db
          .insert(attendance)
          .values({ id: ctx.newId(), meetingId, position, ...r })
          .run(),
      );
    },
    listAttachments(paragraphId) {
      return db.select().from(attachments).where(eq(attachments.paragraphId, paragraphId)).orderBy(asc(attachments.position)).all().map(attachmentRow);
    },
    getAttachment(id) {
      const r = db.select().from(attachments).where(eq(attachments.id, id)).get();
      return r === undefined ? null : attachmentRow(r);
    },
    upsertAttachment(row) {
      const data = row.dataBase64 === null ? null : Buffer.from(row.dataBase64, 'base64');
      const values = {
        paragraphId: row.paragraphId,
        position: row.position,
        kind: row.kind,
        title: row.title,
        filename: row.filename,
        mediaType: row.mediaType,
        data,
        sha256: data === null ? null : createHash('sha256').update(data).digest('hex'),
        sections: row.sections,
      };
      db.insert(attachments)
        .values({ id: row.id, ...values })
        .onConflictDoUpdate({ target: attachments.id, set: values })
        .run();
    },
    deleteAttachment(id) {
      db.delete(attachments).where(eq(attachments.id, id)).run();
    },
  };
}
