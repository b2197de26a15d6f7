// Frozen protocol versions and the signatures applied to them; notices, extracts, follow-up.
import { sqliteTable, text, integer, uniqueIndex, index, blob } from 'drizzle-orm/sqlite-core';
import { adjustmentGroups, meetings, paragraphs } from './meeting';
import { persons } from './organisation';

/** An immutable document version: snapshot + PDF + hash. Rows are never updated but for is_current. */
export const documentVersions = sqliteTable(
  'document_versions',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    groupId: text('group_id').references(() => adjustmentGroups.id),
    /** protocol | extract | notice | anslagsbevis | public */
    kind: text('kind').notNull(),
    versionNo: integer('version_no').notNull(),
    /** Why a new version was made (rättelse). */
    reason: text('reason'),
    snapshot: text('snapshot', { mode: 'json' }).notNull(),
    /** The PDF as frozen (unsigned); signed states are in `signatures.pdf`. */
    pdf: blob('pdf', { mode: 'buffer' }).notNull(),
    sha256: text('sha256').notNull(),
    isCurrent: integer('is_current', { mode: 'boolean' }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('document_versions_uq').on(t.meetingId, t.kind, t.groupId, t.versionNo)],
);

export const signatures = sqliteTable(
  'signatures',
  {
    id: text('id').primaryKey(),
    versionId: text('version_id')
      .notNull()
      .references(() => documentVersions.id),
    field: text('field').notNull(),
    role: text('role').notNull(),
    personId: text('person_id').references(() => persons.id),
    signerName: text('signer_name').notNull(),
    signedAt: text('signed_at').notNull(),
    certificate: text('certificate', { mode: 'json' }),
    /** Validation report made at signing time (kept for the archive). */
    validation: text('validation', { mode: 'json' }),
    /** The whole signed file after this signature. */
    pdf: blob('pdf', { mode: 'buffer' }).notNull(),
    sha256: text('sha256').notNull(),
  },
  (t) => [uniqueIndex('signatures_version_field_uq').on(t.versionId, t.field)],
);

export const notices = sqliteTable(
  'notices',
  {
    id: text('id').primaryKey(),
    groupId: text('group_id')
      .notNull()
      .references(() => adjustmentGroups.id),
    postedOn: text('posted_on').notNull(),
    takeDownOn: text('take_down_on').notNull(),
    takenDownOn: text('taken_down_on'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('notices_group_uq').on(t.groupId)],
);

export const extracts = sqliteTable(
  'extracts',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id),
    paragraphNumbers: text('paragraph_numbers', { mode: 'json' }).notNull(),
    recipients: text('recipients', { mode: 'json' }).notNull(),
    versionId: text('version_id').references(() => documentVersions.id),
    sentAt: text('sent_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('extracts_meeting_idx').on(t.meetingId)],
);

export const followUpTasks = sqliteTable(
  'follow_up_tasks',
  {
    id: text('id').primaryKey(),
    paragraphId: text('paragraph_id')
      .notNull()
      .references(() => paragraphs.id),
    decisionPoint: integer('decision_point'),
    responsible: text('responsible').notNull(),
    description: text('description').notNull(),
    dueOn: text('due_on'),
    status: text('status').notNull(),
    confirmed: integer('confirmed', { mode: 'boolean' }).notNull(),
    doneOn: text('done_on'),
    note: text('note'),
  },
  (t) => [index('follow_up_tasks_paragraph_idx').on(t.paragraphId)],
);

/**
 * Rättelse: a logged correction of an obvious clerical error in a § of an adjusted group.
 * Append-only; `pending` is 1 only inside the transaction that applies it (the paragraph
 * triggers let an adjusted group's § change only while such a row exists), then set to 0
 * together with the new protocol version's id.
 */
export const corrections = sqliteTable(
  'corrections',
  {
    id: text('id').primaryKey(),
    groupId: text('group_id')
      .notNull()
      .references(() => adjustmentGroups.id),
    paragraphId: text('paragraph_id')
      .notNull()
      .references(() => paragraphs.id),
    reason: text('reason').notNull(),
    /** The corrected fields before and after (JSON). */
    before: text('before', { mode: 'json' }).notNull(),
    after: text('after', { mode: 'json' }).notNull(),
    pending: integer('pending', { mode: 'boolean' }).notNull(),
    versionId: text('version_id').references(() => documentVersions.id),
    createdAt: text('created_at').notNull(),
    actor: text('actor').notNull(),
  },
  (t) => [index('corrections_paragraph_idx').on(t.paragraphId)],
);
