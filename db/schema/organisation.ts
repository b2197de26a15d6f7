// Organisations, boards, people and their assignments: who may sit on which board, when.
import { sqliteTable, text, integer, uniqueIndex, index } from 'drizzle-orm/sqlite-core';

export const organisations = sqliteTable(
  'organisations',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    headerName: text('header_name'),
    orgNumber: text('org_number'),
    /** The address the digital notice board (anslagstavlan) is published under, ending in "/"; needed for OParl data. */
    noticeBoardUrl: text('notice_board_url'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('organisations_name_uq').on(t.name)],
);

export const boards = sqliteTable(
  'boards',
  {
    id: text('id').primaryKey(),
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    seats: integer('seats').notNull(),
    storagePlace: text('storage_place').notNull(),
    noticeBoardUrl: text('notice_board_url'),
    /** The order in which the justering's roles sign (JSON array of 'sekreterare' | 'ordforande' | 'justerare'); null = any order. */
    signingOrder: text('signing_order', { mode: 'json' }),
    /** Signers must be identified by a registered e-ID identifier; a name match alone is refused. */
    requireEid: integer('require_eid', { mode: 'boolean' }).notNull().default(false),
    /** How many days before the meeting the kallelse must be sent (the board's reglemente or arbetsordning). */
    kallelseDaysBefore: integer('kallelse_days_before').notNull().default(7),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('boards_org_name_uq').on(t.organisationId, t.name)],
);

export const persons = sqliteTable(
  'persons',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** Where the kallelse is sent; null when unknown. */
    email: text('email'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('persons_name_idx').on(t.name)],
);

/** A person's assignment on a board for a term; retired ones are kept for history. */
export const assignments = sqliteTable(
  'assignments',
  {
    id: text('id').primaryKey(),
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    role: text('role').notNull(),
    party: text('party'),
    represents: text('represents'),
    termStart: text('term_start').notNull(),
    termEnd: text('term_end').notNull(),
    substituteOrder: integer('substitute_order'),
    substituteForPersonId: text('substitute_for_person_id').references(() => persons.id),
    retiredOn: text('retired_on'),
  },
  (t) => [index('assignments_board_idx').on(t.boardId)],
);

export const officials = sqliteTable(
  'officials',
  {
    id: text('id').primaryKey(),
    boardId: text('board_id')
      .notNull()
      .references(() => boards.id),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    title: text('title'),
    organisation: text('organisation'),
  },
  (t) => [uniqueIndex('officials_board_person_uq').on(t.boardId, t.personId)],
);
