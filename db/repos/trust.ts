// The TrustStore and IdentityStore ports (core/app/trust/ports.ts) on SQLite: trust_anchors,
// person_identifiers and boards.require_eid.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../core/app/ports';
import type { IdentityStore, IdentifierRow, TrustAnchorRow, TrustCrlRow, TrustStore } from '../../core/app/trust/ports';
import { EID_KINDS, type EidKind } from '../../core/domain/eid';
import { withDbErrors } from '../errors';
import type { Db } from '../open';
import { boards, personIdentifiers, persons, trustAnchors, trustCrls } from '../schema';

type Ctx = { clock: Clock; ids: IdGenerator; actor: string };

function anchorRow(r: typeof trustAnchors.$inferSelect): TrustAnchorRow {
  return {
    id: r.id,
    subject: r.subject,
    issuer: r.issuer,
    notBefore: r.notBefore,
    notAfter: r.notAfter,
    sha256: r.sha256,
    isCa: r.isCa,
    der: new Uint8Array(r.der),
    addedAt: r.addedAt,
    addedBy: r.addedBy,
  };
}

function crlRow(r: typeof trustCrls.$inferSelect): TrustCrlRow {
  return {
    id: r.id,
    issuer: r.issuer,
    thisUpdate: r.thisUpdate,
    nextUpdate: r.nextUpdate,
    crlNumber: r.crlNumber,
    revokedCount: r.revokedCount,
    sha256: r.sha256,
    verifiedBy: r.verifiedBy,
    der: new Uint8Array(r.der),
    addedAt: r.addedAt,
    addedBy: r.addedBy,
  };
}

export function createTrustStore(db: Db, ctx: Ctx): TrustStore {
  return {
    listCrls: () => db.select().from(trustCrls).orderBy(asc(trustCrls.issuer), desc(trustCrls.thisUpdate)).all().map(crlRow),
    crlBySha256: (sha256) => {
      const r = db.select().from(trustCrls).where(eq(trustCrls.sha256, sha256)).get();
      return r === undefined ? null : crlRow(r);
    },
    insertCrl: (row) =>
      withDbErrors(() => {
        const full = { ...row, id: ctx.ids.next(), addedAt: ctx.clock.now().toISOString(), addedBy: ctx.actor };
        db.insert(trustCrls)
          .values({ ...full, der: Buffer.from(row.der) })
          .run();
        return full;
      }),
    removeCrl: (id) =>
      withDbErrors(() => {
        const r = db.select().from(trustCrls).where(eq(trustCrls.id, id)).get();
        if (r === undefined) return null;
        db.delete(trustCrls).where(eq(trustCrls.id, id)).run();
        return crlRow(r);
      }),
    crls: () =>
      db
        .select({ der: trustCrls.der })
        .from(trustCrls)
        .all()
        .map((r) => new Uint8Array(r.der)),
    list: () => db.select().from(trustAnchors).orderBy(asc(trustAnchors.addedAt), asc(trustAnchors.subject)).all().map(anchorRow),
    bySha256: (sha256) => {
      const r = db.select().from(trustAnchors).where(eq(trustAnchors.sha256, sha256)).get();
      return r === undefined ? null : anchorRow(r);
    },
    insert: (row) =>
      withDbErrors(() => {
        const full = { ...row, id: ctx.ids.next(), addedAt: ctx.clock.now().toISOString(), addedBy: ctx.actor };
        db.insert(trustAnchors)
          .values({ ...full, der: Buffer.from(row.der) })
          .run();
        return full;
      }),
    remove: (id) =>
      withDbErrors(() => {
        const r = db.select().from(trustAnchors).where(eq(trustAnchors.id, id)).get();
        if (r === undefined) return null;
        db.delete(trustAnchors).where(eq(trustAnchors.id, id)).run();
        return anchorRow(r);
      }),
    anchors: () =>
      db
        .select({ der: trustAnchors.der })
        .from(trustAnchors)
        .all()
        .map((r) => new Uint8Array(r.der)),
  };
}

const isKind = (k: string): k is EidKind => (EID_KINDS as readonly string[]).includes(k);

function identifierRow(r: typeof personIdentifiers.$inferSelect): IdentifierRow | null {
  return isKind(r.kind) ? { id: r.id, personId: r.personId, kind: r.kind, value: r.value, createdAt: r.createdAt } : null;
}

export function createIdentityStore(db: Db, ctx: Pick<Ctx, 'clock' | 'ids'>): IdentityStore {
  return {
    identifiers: (personId) =>
      db
        .select()
        .from(personIdentifiers)
        .where(eq(personIdentifiers.personId, personId))
        .orderBy(asc(personIdentifiers.createdAt), asc(personIdentifiers.id))
        .all()
        .map(identifierRow)
        .filter((r): r is IdentifierRow => r !== null),
    insertIdentifier: (personId, id) =>
      withDbErrors(() => {
        const existing = db
          .select()
          .from(personIdentifiers)
          .where(and(eq(personIdentifiers.personId, personId), eq(personIdentifiers.kind, id.kind), eq(personIdentifiers.value, id.value)))
          .get();
        const row = existing === undefined ? null : identifierRow(existing);
        if (row !== null) return row;
        const full = { id: ctx.ids.next(), personId, kind: id.kind, value: id.value, createdAt: ctx.clock.now().toISOString() };
        db.insert(personIdentifiers).values(full).run();
        return full;
      }),
    removeIdentifier: (id) =>
      withDbErrors(() => {
        const r = db.select().from(personIdentifiers).where(eq(personIdentifiers.id, id)).get();
        if (r === undefined) return null;
        db.delete(personIdentifiers).where(eq(personIdentifiers.id, id)).run();
        return identifierRow(r);
      }),
    personExists: (personId) => db.select({ id: persons.id }).from(persons).where(eq(persons.id, personId)).get() !== undefined,
    boardRequiresEid: (boardId) => db.select({ v: boards.requireEid }).from(boards).where(eq(boards.id, boardId)).get()?.v,
    setBoardRequiresEid: (boardId, value) =>
      withDbErrors(() => {
        db.update(boards).set({ requireEid: value }).where(eq(boards.id, boardId)).run();
      }),
  };
}
