// The AnslagStore port (core/app/anslag/ports.ts) on SQLite: adjusted groups and their notices,
// document versions (append-only; only is_current moves), extracts and follow-up tasks. Callers
// wrap writes in the core Store's transaction; nothing here awaits.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import { AppError } from '../../core/api/errors';
import type { AdjustedGroupRow, AnslagStore, DocumentVersionRow, ExtractRow, FollowUpRow, FollowUpStatus, NoticeRow, ProtocolSignatureRow } from '../../core/app/anslag/ports';
import type { Clock, IdGenerator } from '../../core/app/ports';
import type { Db } from '../open';
import { withDbErrors } from '../errors';
import { adjustmentGroups, documentVersions, extracts, followUpTasks, notices, organisations, paragraphs } from '../schema';

interface GroupQueryRow {
  groupId: string;
  meetingId: string;
  boardId: string;
  boardName: string;
  organisationId: string;
  organisationName: string;
  meetingDate: string;
  position: number;
  immediate: number;
  adjustedAt: string;
  noticeId: string | null;
  postedOn: string | null;
  takeDownOn: string | null;
  takenDownOn: string | null;
  noticeCreatedAt: string | null;
}

function noticeOf(r: typeof notices.$inferSelect): NoticeRow {
  return { id: r.id, groupId: r.groupId, postedOn: r.postedOn, takeDownOn: r.takeDownOn, takenDownOn: r.takenDownOn, createdAt: r.createdAt };
}

function versionOf(r: Omit<typeof documentVersions.$inferSelect, 'pdf' | 'snapshot'> & { size: number }): DocumentVersionRow {
  return { id: r.id, meetingId: r.meetingId, groupId: r.groupId, kind: r.kind, versionNo: r.versionNo, sha256: r.sha256, isCurrent: r.isCurrent, createdAt: r.createdAt, size: r.size };
}

const versionColumns = {
  id: documentVersions.id,
  meetingId: documentVersions.meetingId,
  groupId: documentVersions.groupId,
  kind: documentVersions.kind,
  versionNo: documentVersions.versionNo,
  reason: documentVersions.reason,
  sha256: documentVersions.sha256,
  isCurrent: documentVersions.isCurrent,
  createdAt: documentVersions.createdAt,
  size: sql<number>`length(${documentVersions.pdf})`,
};

export function createAnslagStore(db: Db, deps: { clock: Clock; ids: IdGenerator }): AnslagStore {
  const now = () => deps.clock.now().toISOString();
  const newId = () => deps.ids.next();

  function followUpRows(where: ReturnType<typeof sql>): FollowUpRow[] {
    return db
      .all<Omit<FollowUpRow, 'confirmed'> & { confirmed: number }>(
        sql`
      SELECT t.id, t.paragraph_id AS paragraphId, p.meeting_id AS meetingId, m.board_id AS boardId, b.name AS boardName,
        m.date AS meetingDate, p.number AS paragraph, p.title AS paragraphTitle, t.decision_point AS decisionPoint,
        t.responsible, t.description, t.due_on AS dueOn, t.status, t.confirmed, t.done_on AS doneOn, t.note
      FROM follow_up_tasks t
      JOIN paragraphs p ON p.id = t.paragraph_id
      JOIN meetings m ON m.id = p.meeting_id
      JOIN boards b ON b.id = m.board_id
      WHERE ${where}
      ORDER BY m.date, p.number, t.rowid`,
      )
      .map((r) => ({ ...r, confirmed: Boolean(r.confirmed), status: r.status as FollowUpStatus }));
  }

  const store: AnslagStore = {
    noticeBoardUrl(organisationId) {
      return db.select({ url: organisations.noticeBoardUrl }).from(organisations).where(eq(organisations.id, organisationId)).get()?.url ?? null;
    },
    setNoticeBoardUrl(organisationId, url) {
      db.update(organisations).set({ noticeBoardUrl: url }).where(eq(organisations.id, organisationId)).run();
    },
    adjustedGroups(filter) {
      const org = filter.organisationId ?? null;
      const board = filter.boardId ?? null;
      const meeting = filter.meetingId ?? null;
      const group = filter.groupId ?? null;
      const rows = db.all<GroupQueryRow>(sql`
        SELECT g.id AS groupId, g.meeting_id AS meetingId, b.id AS boardId, b.name AS boardName,
          o.id AS organisationId, o.name AS organisationName, m.date AS meetingDate, g.position, g.immediate,
          g.adjusted_at AS adjustedAt, n.id AS noticeId, n.posted_on AS postedOn, n.take_down_on AS takeDownOn,
          n.taken_down_on AS takenDownOn, n.created_at AS noticeCreatedAt
        FROM adjustment_groups g
        JOIN meetings m ON m.id = g.meeting_id
        JOIN boards b ON b.id = m.board_id
        JOIN organisations o ON o.id = b.organisation_id
        LEFT JOIN notices n ON n.group_id = g.id
        WHERE g.status = 'adjusted' AND g.adjusted_at IS NOT NULL
          AND (${org} IS NULL OR o.id = ${org}) AND (${board} IS NULL OR b.id = ${board})
          AND (${meeting} IS NULL OR g.meeting_id = ${meeting}) AND (${group} IS NULL OR g.id = ${group})
        ORDER BY m.date, b.name, g.position`);
      if (rows.length === 0) return [];
      const numbers = db
        .select({ groupId: paragraphs.groupId, number: paragraphs.number })
        .from(paragraphs)
        .where(
          inArray(
            paragraphs.groupId,
            rows.map((r) => r.groupId),
          ),
        )
        .orderBy(asc(paragraphs.number))
        .all();
      return rows.map((r): AdjustedGroupRow => ({
        groupId: r.groupId,
        meetingId: r.meetingId,
        boardId: r.boardId,
        boardName: r.boardName,
        organisationId: r.organisationId,
        organisationName: r.organisationName,
        meetingDate: r.meetingDate,
        position: r.position,
        immediate: Boolean(r.immediate),
        adjustedAt: r.adjustedAt,
        paragraphs: numbers.filter((n) => n.groupId === r.groupId).map((n) => n.number),
        notice:
          r.noticeId === null || r.postedOn === null || r.takeDownOn === null
            ? null
            : { id: r.noticeId, groupId: r.groupId, postedOn: r.postedOn, takeDownOn: r.takeDownOn, takenDownOn: r.takenDownOn, createdAt: r.noticeCreatedAt ?? '' },
      }));
    },

    groupStatus(groupId) {
      const row = db.select({ status: adjustmentGroups.status, meetingId: adjustmentGroups.meetingId }).from(adjustmentGroups).where(eq(adjustmentGroups.id, groupId)).get();
      return row ?? null;
    },

    noticeById(noticeId) {
      const row = db.select().from(notices).where(eq(notices.id, noticeId)).get();
      return row === undefined ? null : noticeOf(row);
    },

    insertNotice(n) {
      return withDbErrors(() => {
        const row = { id: newId(), groupId: n.groupId, postedOn: n.postedOn, takeDownOn: n.takeDownOn, takenDownOn: null, createdAt: now() };
        try {
          db.insert(notices).values(row).run();
        } catch (e) {
          if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
            throw new AppError('conflict', 'Anslaget för de här paragraferna är redan registrerat. Uppdatera listan.');
          }
          throw e;
        }
        return row;
      });
    },

    setTakenDown(noticeId, takenDownOn) {
      withDbErrors(() => db.update(notices).set({ takenDownOn }).where(eq(notices.id, noticeId)).run());
    },

    insertDocumentVersion(v) {
      return withDbErrors(() => {
        const sameGroup = v.groupId === null ? sql`${documentVersions.groupId} IS NULL` : eq(documentVersions.groupId, v.groupId);
        const same = and(eq(documentVersions.meetingId, v.meetingId), eq(documentVersions.kind, v.kind), sameGroup);
        const last = db
          .select({ n: sql<number | null>`max(${documentVersions.versionNo})` })
          .from(documentVersions)
          .where(same)
          .get();
        const versionNo = (last?.n ?? 0) + 1;
        if (v.supersedes)
          db.update(documentVersions)
            .set({ isCurrent: false })
            .where(and(same, eq(documentVersions.isCurrent, true)))
            .run();
        const pdf = Buffer.from(v.pdf.buffer, v.pdf.byteOffset, v.pdf.byteLength);
        const row = {
          id: newId(),
          meetingId: v.meetingId,
          groupId: v.groupId,
          kind: v.kind,
          versionNo,
          reason: v.reason,
          snapshot: v.snapshot,
          pdf,
          sha256: createHash('sha256').update(pdf).digest('hex'),
          isCurrent: true,
          createdAt: now(),
        };
        db.insert(documentVersions).values(row).run();
        return versionOf({ ...row, size: pdf.length });
      });
    },

    documentVersions(filter) {
      const where = and(
        filter.meetingId === undefined ? undefined : eq(documentVersions.meetingId, filter.meetingId),
        filter.kind === undefined ? undefined : eq(documentVersions.kind, filter.kind),
        filter.groupId === undefined ? undefined : eq(documentVersions.groupId, filter.groupId),
        filter.currentOnly ? eq(documentVersions.isCurrent, true) : undefined,
        // The protocol versions belong to the justering work; this store lists the clerk's documents.
        inArray(documentVersions.kind, ['notice', 'anslagsbevis', 'public', 'extract']),
      );
      return db.select(versionColumns).from(documentVersions).where(where).orderBy(asc(documentVersions.kind), asc(documentVersions.groupId), desc(documentVersions.versionNo)).all().map(versionOf);
    },

    documentVersion(versionId) {
      const row = db
        .select({ ...versionColumns, snapshot: documentVersions.snapshot })
        .from(documentVersions)
        .where(eq(documentVersions.id, versionId))
        .get();
      return row === undefined ? null : { ...versionOf(row), snapshot: row.snapshot };
    },

    documentPdf(versionId) {
      const row = db.select({ pdf: documentVersions.pdf }).from(documentVersions).where(eq(documentVersions.id, versionId)).get();
      return row === undefined ? null : new Uint8Array(row.pdf);
    },

    protocolSignatures(meetingId) {
      return db.all<ProtocolSignatureRow>(sql`
        SELECT s.role, s.signer_name AS signerName, s.signed_at AS signedAt, v.group_id AS groupId
        FROM signatures s JOIN document_versions v ON v.id = s.version_id
        WHERE v.meeting_id = ${meetingId} AND v.kind = 'protocol' AND v.is_current = 1
        ORDER BY s.signed_at, s.rowid`);
    },

    insertExtract(e) {
      return withDbErrors(() => {
        const row = { id: newId(), meetingId: e.meetingId, paragraphNumbers: e.paragraphs, recipients: e.recipients, versionId: e.versionId, sentAt: e.sentAt, createdAt: now() };
        db.insert(extracts).values(row).run();
        return { id: row.id, meetingId: row.meetingId, paragraphs: e.paragraphs, recipients: e.recipients, versionId: row.versionId, sentAt: row.sentAt, createdAt: row.createdAt };
      });
    },

    extracts(meetingId) {
      return db
        .select()
        .from(extracts)
        .where(eq(extracts.meetingId, meetingId))
        .orderBy(asc(extracts.createdAt), sql`${extracts}.rowid`)
        .all()
        .map((r): ExtractRow => ({
          id: r.id,
          meetingId: r.meetingId,
          paragraphs: r.paragraphNumbers as number[],
          recipients: r.recipients as string[],
          versionId: r.versionId,
          sentAt: r.sentAt,
          createdAt: r.createdAt,
        }));
    },

    insertFollowUp(t) {
      return withDbErrors(() => {
        const id = newId();
        db.insert(followUpTasks)
          .values({
            id,
            paragraphId: t.paragraphId,
            decisionPoint: t.decisionPoint,
            responsible: t.responsible,
            description: t.description,
            dueOn: t.dueOn,
            status: 'open',
            confirmed: true,
            doneOn: null,
            note: t.note,
          })
          .run();
        const row = store.followUp(id);
        if (row === null) throw new Error('follow-up task vanished after insert');
        return row;
      });
    },

    updateFollowUp(id, change) {
      return withDbErrors(() => {
        db.update(followUpTasks).set({ status: change.status, doneOn: change.doneOn, note: change.note }).where(eq(followUpTasks.id, id)).run();
        const row = store.followUp(id);
        if (row === null) throw new AppError('not_found', 'Uppdraget finns inte i uppföljningsregistret. Uppdatera listan.');
        return row;
      });
    },

    followUp(id) {
      return followUpRows(sql`t.id = ${id}`)[0] ?? null;
    },

    followUps(filter) {
      const board = filter.boardId ?? null;
      const meeting = filter.meetingId ?? null;
      const year = filter.year ?? null;
      return followUpRows(sql`(${board} IS NULL OR m.board_id = ${board}) AND (${meeting} IS NULL OR m.id = ${meeting}) AND (${year} IS NULL OR m.year = ${year})`);
    },
  };
  return store;
}
