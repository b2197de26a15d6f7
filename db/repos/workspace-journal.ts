// Workspace persistence, part 3: the undo/redo journal and full-text search.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../open';
import { workspaceJournal } from '../schema';
import type { WorkspaceStore } from '../../core/app/workspace/ports';
import type { JournalEntry, JournalPart } from '../../core/app/workspace/journal-types';
import type { SearchHit } from '../../core/app/workspace/types';
import { SNIPPET_END, SNIPPET_START } from '../../core/app/workspace/types';

type JournalStore = Pick<
  WorkspaceStore,
  'journalLatest' | 'journalAppend' | 'journalReplaceAfter' | 'journalDropRedo' | 'journalNextUndo' | 'journalNextRedo' | 'journalMark' | 'journalTrim' | 'search'
>;

function entry(r: typeof workspaceJournal.$inferSelect): JournalEntry {
  return {
    id: r.id,
    meetingId: r.meetingId,
    label: r.label,
    coalesceKey: r.coalesceKey,
    before: r.before as JournalPart[],
    after: r.after as JournalPart[],
    undone: r.undone,
    at: r.at,
    updatedAt: r.updatedAt,
  };
}

export function journalStore(db: Db): JournalStore {
  const one = (r: typeof workspaceJournal.$inferSelect | undefined) => (r === undefined ? null : entry(r));
  return {
    journalLatest: (meetingId) => one(db.select().from(workspaceJournal).where(eq(workspaceJournal.meetingId, meetingId)).orderBy(desc(workspaceJournal.id)).limit(1).get()),
    journalAppend(meetingId, e) {
      db.insert(workspaceJournal).values({ meetingId, label: e.label, coalesceKey: e.coalesceKey, before: e.before, after: e.after, undone: false, at: e.at, updatedAt: e.at }).run();
    },
    journalReplaceAfter(id, after, at) {
      db.update(workspaceJournal).set({ after, updatedAt: at }).where(eq(workspaceJournal.id, id)).run();
    },
    journalDropRedo(meetingId) {
      db.delete(workspaceJournal).where(and(eq(workspaceJournal.meetingId, meetingId), eq(workspaceJournal.undone, true))).run();
    },
    journalNextUndo: (meetingId) =>
      one(db.select().from(workspaceJournal).where(and(eq(workspaceJournal.meetingId, meetingId), eq(workspaceJournal.undone, false))).orderBy(desc(workspaceJournal.id)).limit(1).get()),
    journalNextRedo: (meetingId) =>
      one(db.select().from(workspaceJournal).where(and(eq(workspaceJournal.meetingId, meetingId), eq(workspaceJournal.undone, true))).orderBy(asc(workspaceJournal.id)).limit(1).get()),
    journalMark(id, undone) {
      db.update(workspaceJournal).set({ undone }).where(eq(workspaceJournal.id, id)).run();
    },
    journalTrim(meetingId, keep) {
      db.run(sql`DELETE FROM workspace_journal WHERE meeting_id = ${meetingId} AND id NOT IN (
        SELECT id FROM workspace_journal WHERE meeting_id = ${meetingId} ORDER BY id DESC LIMIT ${keep})`);
    },
    search(ftsQuery, filter, limit): SearchHit[] {
      const board = filter.boardId ?? null;
      const meeting = filter.meetingId ?? null;
      const year = filter.year === undefined ? null : String(filter.year);
      return db.all<SearchHit>(sql`
        SELECT m.id AS meetingId, b.id AS boardId, b.name AS boardName, m.date AS meetingDate,
          p.id AS paragraphId, p.number AS number, p.title AS title,
          snippet(paragraphs_fts, -1, ${SNIPPET_START}, ${SNIPPET_END}, '…', 14) AS snippet
        FROM paragraphs_fts
        JOIN paragraphs p ON p.rowid = paragraphs_fts.rowid
        JOIN meetings m ON m.id = p.meeting_id
        JOIN boards b ON b.id = p.board_id
        WHERE paragraphs_fts MATCH ${ftsQuery}
          AND (${board} IS NULL OR p.board_id = ${board})
          AND (${meeting} IS NULL OR p.meeting_id = ${meeting})
          AND (${year} IS NULL OR substr(m.date, 1, 4) = ${year})
        ORDER BY rank, m.date DESC, p.number
        LIMIT ${limit}`);
    },
  };
}
