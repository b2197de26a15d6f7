// Trust and identity: the installation's trust anchors (root/intermediate certificates a
// signature must chain to) and the e-ID identifiers bound to people (personal data: never on a
// document, the notice board or in the public version; not in exports unless asked).
import { sqliteTable, text, blob, integer, uniqueIndex, index } from 'drizzle-orm/sqlite-core';
import { persons } from './organisation';

export const trustAnchors = sqliteTable(
  'trust_anchors',
  {
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
  },
  (t) => [uniqueIndex('trust_anchors_sha256_uq').on(t.sha256)],
);

/** A person's e-ID identifier: personnummer (12 digits), HSA-id or a certificate's SHA-256. */
export const personIdentifiers = sqliteTable(
  'person_identifiers',
  {
    id: text('id').primaryKey(),
    personId: text('person_id')
      .notNull()
      .references(() => persons.id),
    kind: text('kind').notNull(),
    value: text('value').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [uniqueIndex('person_identifiers_uq').on(t.personId, t.kind, t.value), index('person_identifiers_person_idx').on(t.personId)],
);

/**
 * Certificate revocation lists the administrator imported, for offline revocation checking. The
 * CRL's own signature is checked against its issuer on import (when the issuer is a trust anchor)
 * and again against the issuing certificate of each path it is used for.
 */
export const trustCrls = sqliteTable(
  'trust_crls',
  {
    id: text('id').primaryKey(),
    issuer: text('issuer').notNull(),
    thisUpdate: text('this_update').notNull(),
    nextUpdate: text('next_update'),
    crlNumber: text('crl_number'),
    revokedCount: integer('revoked_count').notNull(),
    /** SHA-256 of the DER CRL, lower-case hex. */
    sha256: text('sha256').notNull(),
    /** The trust anchor whose key verified the CRL on import; null when its issuer is an intermediate CA. */
    verifiedBy: text('verified_by'),
    der: blob('der', { mode: 'buffer' }).notNull(),
    addedAt: text('added_at').notNull(),
    addedBy: text('added_by').notNull(),
  },
  (t) => [uniqueIndex('trust_crls_sha256_uq').on(t.sha256), index('trust_crls_issuer_idx').on(t.issuer)],
);
