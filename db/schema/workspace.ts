// The secretary's workspace: per-meeting drafting state (where § numbering starts) and the
// change journal behind undo/redo. The journal is a working aid, not a record: the audit log
// (audit.ts) keeps the permanent history of every change.
import { sqliteTable, text, integer, index } from 'drizzle-orm/sqlite-core';
import { meetings } from './meeting';

export const meetingDrafts = sqliteTable('meeting_drafts', {
  meetingId: text('meeting_id')
    .primaryKey()
    .references(() => meetings.id, { onDelete: 'cascade' }),
  /** The § number the meeting's first paragraph gets; the rest follow without holes. */
  firstNumber: integer('first_number').notNull(),
});

/** One undoable change: the state before and after it, as lists of parts (core/app/workspace/journal.ts). */
export const workspaceJournal = sqliteTable(
  'workspace_journal',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    /** What the change was, in Swedish, for the Ångra/Gör om buttons. */
    label: text('label').notNull(),
    /** Changes with the same key in quick succession merge into one step (typing in one field). */
    coalesceKey: text('coalesce_key'),
    before: text('before', { mode: 'json' }).notNull(),
    after: text('after', { mode: 'json' }).notNull(),
    undone: integer('undone', { mode: 'boolean' }).notNull(),
    at: text('at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('workspace_journal_meeting_idx').on(t.meetingId, t.id)],
);
