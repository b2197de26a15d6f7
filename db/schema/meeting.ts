// Meetings and what is decided in them: attendance intervals, paragraphs, attachments, groups.
import { sqliteTable, text, integer, uniqueIndex, index, blob, primaryKey } from 'drizzle-orm/sqlite-core';
import { boards, persons } from './organisation';

export const meetings = sqliteTable(
  'meetings',
  {
    id: text('id').primaryKey(),
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id),
    date: text('date').notNull(),
    year: integer('year').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time'),
    place: text('place').notNull(),
    status: text('status').notNull(),
    secretaryId: text('secretary_id')
      .notNull()
      .references(() => persons.id),
    chairId: text('chair_id')
      .notNull()
      .references(() => persons.id),
    adjustmentTimePlace: text('adjustment_time_place'),
    digitalSignatures: integer('digital_signatures', { mode: 'boolean' }).notNull(),
    noticeSignatoryId: text('notice_signatory_id').references(() => persons.id),
    /** JSON: breaks (ajournering), core/format meeting.breaks; null = none. */
    breaks: text('breaks', { mode: 'json' }),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [index('meetings_board_year_idx').on(t.boardId, t.year, t.date)],
);

export const meetingJusterare = sqliteTable(
  'meeting_justerare',
  {
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.position] })],
);

/** One interval of presence over paragraphs (see core/domain/presence.ts). */
export const attendance = sqliteTable(
  'attendance',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    capacity: text('capacity').notNull(),
    replacesPersonId: text('replaces_person_id').references(() => persons.id),
    fromParagraph: integer('from_paragraph'),
    toParagraph: integer('to_paragraph'),
    note: text('note'),
    /** Why a serving substitute was called in out of the substitute order (core/domain/substitute-order.ts). */
    orderReason: text('order_reason'),
    /** Clock times of arrival and departure for this interval (TT:MM). */
    fromTime: text('from_time'),
    toTime: text('to_time'),
  },
  (t) => [index('attendance_meeting_idx').on(t.meetingId)],
);

export const adjustmentGroups = sqliteTable(
  'adjustment_groups',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    immediate: integer('immediate', { mode: 'boolean' }).notNull(),
    /** open → frozen (a version awaits signatures) → adjusted (last signature in). */
    status: text('status').notNull(),
    adjustedAt: text('adjusted_at'),
    /** The group's own "Tid och plats för justering" (ordinary groups): day, time, place; all null = the meeting's. */
    justeringDate: text('justering_date'),
    justeringTime: text('justering_time'),
    justeringPlace: text('justering_place'),
  },
  (t) => [uniqueIndex('adjustment_groups_meeting_pos_uq').on(t.meetingId, t.position)],
);

/**
 * A §. Numbers are unique per board and calendar year (KL practice: they run on through the
 * year), enforced by the unique index, not by convention. Person references inside `content`
 * are person ids.
 */
export const paragraphs = sqliteTable(
  'paragraphs',
  {
    id: text('id').primaryKey(),
    meetingId: text('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id),
    year: integer('year').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    caseNumber: text('case_number'),
    /** JSON: decision, summary, description, body, motions, vote, reservations, … (core/format). */
    content: text('content', { mode: 'json' }).notNull(),
    immediatelyAdjusted: integer('immediately_adjusted', { mode: 'boolean' }).notNull(),
    confidentialProvision: text('confidential_provision'),
    groupId: text('group_id').references(() => adjustmentGroups.id),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('paragraphs_board_year_number_uq').on(t.boardId, t.year, t.number), index('paragraphs_meeting_idx').on(t.meetingId, t.number)],
);

export const attachments = sqliteTable(
  'attachments',
  {
    id: text('id').primaryKey(),
    paragraphId: text('paragraph_id')
      .notNull()
      .references(() => paragraphs.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    filename: text('filename'),
    mediaType: text('media_type'),
    data: blob('data', { mode: 'buffer' }),
    sha256: text('sha256'),
    /** For kind 'document': structured sections (JSON). */
    sections: text('sections', { mode: 'json' }),
  },
  (t) => [index('attachments_paragraph_idx').on(t.paragraphId)],
);
