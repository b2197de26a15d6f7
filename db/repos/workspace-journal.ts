// Workspace persistence, part 3: the undo/redo journal and full-text search (workspace-search.ts).
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../open';
import { workspaceJournal } from '../schema';
import type { WorkspaceStore } from '../../core/app/workspace/ports';
import type { JournalEntry, JournalPart } from '../../core/app/workspace/journal-types';
import type { SearchHit } from '../../core/app/workspace/types';
import { searchParagraphs } from './workspace-search';

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
      db.delete(workspaceJournal)
        .where(and(eq(workspaceJournal.meetingId, meetingId), eq(workspaceJournal.undone, true)))
        .run();
    },
    journalNextUndo: (meetingId) =>
      one(
        db
          .select()
          .from(workspaceJournal)
          .where(and(eq(workspaceJournal.meetingId, meetingId), eq(workspaceJournal.undone, false)))
          .orderBy(desc(workspaceJournal.id))
          .limit(1)
          .get(),
      ),
    journalNextRedo: (meetingId) =>
      one(
        db
          .select()
          .from(workspaceJournal)
          .where(and(eq(workspaceJournal.meetingId, meetingId), eq(workspaceJournal.undone, true)))
          .orderBy(asc(workspaceJournal.id))
          .limit(1)
          .get(),
      ),
    journalMark(id, undone) {
      db.update(workspaceJournal).set({ undone }).where(eq(workspaceJournal.id, id)).run();
    },
    journalTrim(meetingId, keep) {
      db.run(sql`DELETE FROM workspace_journal WHERE meeting_id = ${meetingId} AND id NOT IN (
        SELECT id FROM workspace_journal WHERE meeting_id = ${meetingId} ORDER BY id DESC LIMIT ${keep})`);
    },
    search: (ftsQuery, filter, limit): SearchHit[] => searchParagraphs(db, ftsQuery, filter, limit),
  };
}
