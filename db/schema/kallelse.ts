// Kallelser sent: when, by which way (one message per recipient or one with all in Bcc), to whom
// and who could not be reached by e-mail, with the messages as written (.eml) so that they can be
// opened again. Append-only: a sending is a record, never changed (triggers in the migration).
import { sqliteTable, text, integer, blob, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { meetings } from './meeting';

export const kallelseSendings = sqliteTable(
  'kallelse_sendings',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    sentAt: text('sent_at').notNull(),
    /** 'per_recipient' | 'bcc' */
    mode: text('mode').notNull(),
    fromAddress: text('from_address').notNull(),
    /** The board's rule at the time: days before the meeting. */
    daysBefore: integer('days_before').notNull(),
    /** The last day it could be sent in time (ÅÅÅÅ-MM-DD). */
    deadline: text('deadline').notNull(),
    late: integer('late', { mode: 'boolean' }).notNull(),
    /** JSON: [{ personId, name, role, email }] */
    recipients: text('recipients', { mode: 'json' }).notNull(),
    /** JSON: [{ personId, name, role }]: members and substitutes without an e-mail address. */
    missing: text('missing', { mode: 'json' }).notNull(),
    /** JSON: [{ fileName, sha256, size }]: the PDF and the handlingar attached. */
    files: text('files', { mode: 'json' }).notNull(),
    actor: text('actor').notNull(),
  },
  (t) => [index('kallelse_sendings_meeting_idx').on(t.meetingId, t.sentAt)],
);

export const kallelseMessages = sqliteTable(
  'kallelse_messages',
  {
    id: text('id').primaryKey(),
    sendingId: text('sending_id')
      .notNull()
      .references(() => kallelseSendings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    fileName: text('file_name').notNull(),
    /** JSON: the addresses the message goes to (To or Bcc). */
    recipients: text('recipients', { mode: 'json' }).notNull(),
    eml: blob('eml', { mode: 'buffer' }).notNull(),
  },
  (t) => [uniqueIndex('kallelse_messages_sending_pos_uq').on(t.sendingId, t.position)],
);
