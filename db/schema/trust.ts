// Trust and identity: the installation's trust anchors (root/intermediate certificates a
// signature must chain to) and the e-ID identifiers bound to people (personal data: never on a
// document, the notice board or in the public version; not in exports unless asked).
import { sqliteTable, text, blob, integer, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { persons } from './organisation';

export const trustAnchors = sqliteTable('trust_anchors', {
  id: text('id').primaryKey(),
  subject: text('subject').notNull(),
  issuer: text('issuer').notNull(),
  notBefore: text('not_before').notNull(),
  notAfter: text('not_after').notNull(),
  /** SHA-256 of the DER certificate, lower-case hex. */
  sha256: text('sha256').notNull(),
  isCa: integer('is_ca', { mode: 'boolean' }).notNull(),
  der: blob('der', { mode: 'buffer' }).notNull(),
  addedAt: text('added_at').notNull(),
  addedBy: text('added_by').notNull(),
}, (t) => [uniqueIndex('trust_anchors_sha256_uq').on(t.sha256)]);

/** A person's e-ID identifier: personnummer (12 digits), HSA-id or a certificate's SHA-256. */
export const personIdentifiers = sqliteTable('person_identifiers', {
  id: text('id').primaryKey(),
  personId: text('person_id').notNull().references(() => persons.id),
  kind: text('kind').notNull(),
  value: text('value').notNull(),
  createdAt: text('created_at').notNull(),
}, (t) => [uniqueIndex('person_identifiers_uq').on(t.personId, t.kind, t.value), index('person_identifiers_person_idx').on(t.personId)]);
