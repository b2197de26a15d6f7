// The JusteringStore port (core/app/justering/ports.ts) on SQLite: adjustment groups, frozen
// protocol versions (append-only; only is_current moves) and signatures (append-only). Callers
// wrap writes in the core Store's transaction; nothing here awaits.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../core/api/errors';
import type { GroupRow, JusteringStore, SignatureRow, VersionRow } from '../../core/app/justering/ports';
import { SIGNING_ROLES, type GroupStatusName, type SigningOrder, type SigningRole } from '../../core/app/justering/types';
import type { Clock, IdGenerator } from '../../core/app/ports';
import { withVoteList, withVoteLists, type MeetingDocument } from '../../core/format/meeting';
import { signatureCertificateSchema, storedCertificateSchema, type SignatureCertificate, type StoredCertificate } from '../../core/app/justering/certificate';
import type { Db } from '../open';
import { withDbErrors } from '../errors';
import { adjustmentGroups, boards, corrections, documentVersions, meetingJusterare, meetings, paragraphs, signatures } from '../schema';

const versionColumns = {
  id: documentVersions.id,
  meetingId: documentVersions.meetingId,
  groupId: documentVersions.groupId,
  versionNo: documentVersions.versionNo,
  reason: documentVersions.reason,
  sha256: documentVersions.sha256,
  isCurrent: documentVersions.isCurrent,
  createdAt: documentVersions.createdAt,
};

const signatureColumns = {
  id: signatures.id,
  versionId: signatures.versionId,
  field: signatures.field,
  role: signatures.role,
  personId: signatures.personId,
  signerName: signatures.signerName,
  signedAt: signatures.signedAt,
  certificate: signatures.certificate,
  sha256: signatures.sha256,
};

/** The stored JSON, read defensively: only known roles, each once; anything else is "any order". */
function orderOf(v: unknown): SigningOrder {
  if (!Array.isArray(v)) return null;
  const roles = v.filter((r): r is SigningRole => (SIGNING_ROLES as readonly unknown[]).includes(r));
  return roles.length === 0 || new Set(roles).size !== roles.length ? null : roles;
}

/** The certificate facts as they may be stored: anything else is a programming error, and nothing is written. */
function writtenCertificate(c: unknown): SignatureCertificate {
  const r = signatureCertificateSchema.safeParse(c);
  if (!r.success)
    throw new AppError(
      'internal',
      `Underskriftens certifikatuppgifter är ofullständiga (${r.error.issues.map((i) => i.path.join('.') || i.message).join(', ')}); ingenting sparades. Kontakta IT-supporten.`,
    );
  return r.data;
}

/** A stored row's certificate facts (older rows lack the identity and trust facts). */
function readCertificate(signatureId: string, c: unknown): StoredCertificate {
  const r = storedCertificateSchema.safeParse(c);
  if (!r.success)
    throw new AppError('internal', `Certifikatuppgifterna för underskrift ${signatureId} i databasen går inte att läsa. Återställ databasen från en säkerhetskopia eller kontakta IT-supporten.`);
  return r.data;
}

function statusOf(s: string): GroupStatusName {
  return s === 'frozen' || s === 'adjusted' ? s : 'open';
}

export function createJusteringStore(db: Db, ctx: { clock: Clock; ids: IdGenerator }): JusteringStore {
  const w = <T>(fn: () => T): T => withDbErrors(fn);

  const groups = (meetingId: string): GroupRow[] => {
    const rows = db.select().from(adjustmentGroups).where(eq(adjustmentGroups.meetingId, meetingId)).orderBy(asc(adjustmentGroups.position)).all();
    const numbers = db.select({ groupId: paragraphs.groupId, number: paragraphs.number }).from(paragraphs).where(eq(paragraphs.meetingId, meetingId)).orderBy(asc(paragraphs.number)).all();
    return rows.map((g) => ({
      id: g.id,
      position: g.position,
      status: statusOf(g.status),
      adjustedAt: g.adjustedAt,
      paragraphs: numbers.filter((n) => n.groupId === g.id).map((n) => n.number),
    }));
  };

  return {
    groups,

    createWholeMeetingGroup: (meetingId) =>
      w(() => {
        const id = ctx.ids.next();
        db.insert(adjustmentGroups).values({ id, meetingId, position: 0, immediate: false, status: 'open', adjustedAt: null }).run();
        db.update(paragraphs)
          .set({ groupId: id })
          .where(and(eq(paragraphs.meetingId, meetingId), sql`${paragraphs.groupId} IS NULL`))
          .run();
        const g = groups(meetingId).find((x) => x.id === id);
        if (g === undefined) throw new AppError('internal', 'Justeringsgruppen kunde inte skapas.');
        return g;
      }),

    meetingStatus: (meetingId) => db.select({ status: meetings.status }).from(meetings).where(eq(meetings.id, meetingId)).get()?.status ?? null,

    signerPersonIds: (meetingId) => {
      const m = db.select({ secretary: meetings.secretaryId, chair: meetings.chairId, noticeSignatory: meetings.noticeSignatoryId }).from(meetings).where(eq(meetings.id, meetingId)).get();
      if (m === undefined) return null;
      const justerare = db
        .select({ personId: meetingJusterare.personId })
        .from(meetingJusterare)
        .where(eq(meetingJusterare.meetingId, meetingId))
        .orderBy(asc(meetingJusterare.position))
        .all()
        .map((r) => r.personId);
      return { secretary: m.secretary, chair: m.chair, justerare, noticeSignatory: m.noticeSignatory };
    },

    nextVersionNo: (meetingId, groupId) => {
      const r = db
        .select({ max: sql<number | null>`max(${documentVersions.versionNo})` })
        .from(documentVersions)
        .where(and(eq(documentVersions.meetingId, meetingId), eq(documentVersions.groupId, groupId), eq(documentVersions.kind, 'protocol')))
        .get();
      return (r?.max ?? 0) + 1;
    },

    insertVersion: (v) =>
      w(() => {
        db.update(documentVersions)
          .set({ isCurrent: false })
          .where(and(eq(documentVersions.meetingId, v.meetingId), eq(documentVersions.groupId, v.groupId), eq(documentVersions.kind, 'protocol')))
          .run();
        const row = {
          id: ctx.ids.next(),
          meetingId: v.meetingId,
          groupId: v.groupId,
          kind: 'protocol',
          versionNo: v.versionNo,
          reason: v.reason,
          snapshot: v.snapshot,
          pdf: Buffer.from(v.pdf),
          sha256: v.sha256,
          isCurrent: true,
          createdAt: ctx.clock.now().toISOString(),
        };
        db.insert(documentVersions).values(row).run();
        const { snapshot: _s, pdf: _p, kind: _k, ...rest } = row;
        return rest;
      }),

    setGroupStatus: (groupId, status, adjustedAt) =>
      w(() => {
        db.update(adjustmentGroups).set({ status, adjustedAt }).where(eq(adjustmentGroups.id, groupId)).run();
      }),

    setMeetingStatus: (meetingId, status) =>
      w(() => {
        db.update(meetings).set({ status, updatedAt: ctx.clock.now().toISOString() }).where(eq(meetings.id, meetingId)).run();
      }),

    version: (versionId) => {
      const r = db
        .select({ ...versionColumns, snapshot: documentVersions.snapshot, pdf: documentVersions.pdf, kind: documentVersions.kind })
        .from(documentVersions)
        .where(eq(documentVersions.id, versionId))
        .get();
      if (r === undefined || r.kind !== 'protocol') return null;
      const { kind: _k, ...rest } = r;
      return { ...rest, snapshot: withVoteLists(r.snapshot as MeetingDocument), pdf: new Uint8Array(r.pdf) };
    },

    versions: (meetingId): VersionRow[] =>
      db
        .select(versionColumns)
        .from(documentVersions)
        .where(and(eq(documentVersions.meetingId, meetingId), eq(documentVersions.kind, 'protocol')))
        .orderBy(asc(documentVersions.versionNo))
        .all(),

    documentVersion: (versionId) => {
      const r = db
        .select({ ...versionColumns, pdf: documentVersions.pdf, kind: documentVersions.kind })
        .from(documentVersions)
        .where(eq(documentVersions.id, versionId))
        .get();
      return r === undefined ? null : { ...r, pdf: new Uint8Array(r.pdf) };
    },

    signatures: (versionId): SignatureRow[] =>
      db
        .select(signatureColumns)
        .from(signatures)
        .where(eq(signatures.versionId, versionId))
        .orderBy(asc(sql`rowid`))
        .all()
        .map((r) => ({ ...r, certificate: readCertificate(r.id, r.certificate) })),

    latestSigned: (versionId) => {
      const r = db
        .select({ id: signatures.id, pdf: signatures.pdf, sha256: signatures.sha256 })
        .from(signatures)
        .where(eq(signatures.versionId, versionId))
        .orderBy(desc(sql`rowid`))
        .limit(1)
        .get();
      return r === undefined ? null : { pdf: new Uint8Array(r.pdf), sha256: r.sha256, signatureId: r.id };
    },

    insertSignature: (s) =>
      w(() => {
        const certificate = writtenCertificate(s.certificate);
        const row = { ...s, certificate, id: ctx.ids.next(), pdf: Buffer.from(s.pdf) };
        db.insert(signatures).values(row).run();
        return {
          id: row.id,
          versionId: s.versionId,
          field: s.field,
          role: s.role,
          personId: s.personId,
          signerName: s.signerName,
          signedAt: s.signedAt,
          certificate: readCertificate(row.id, certificate),
          sha256: s.sha256,
        };
      }),

    paragraphRow: (meetingId, number) => {
      const r = db
        .select({ id: paragraphs.id, groupId: paragraphs.groupId, title: paragraphs.title, content: paragraphs.content })
        .from(paragraphs)
        .where(and(eq(paragraphs.meetingId, meetingId), eq(paragraphs.number, number)))
        .get();
      return r === undefined ? null : { ...r, content: withVoteList(r.content as Record<string, unknown>) };
    },

    applyCorrection: (c) =>
      w(() => {
        const id = ctx.ids.next();
        const at = ctx.clock.now().toISOString();
        db.insert(corrections)
          .values({ id, groupId: c.groupId, paragraphId: c.paragraphId, reason: c.reason, before: c.before, after: c.after, pending: true, versionId: null, createdAt: at, actor: c.actor })
          .run();
        db.update(paragraphs).set({ title: c.title, content: c.content, updatedAt: at }).where(eq(paragraphs.id, c.paragraphId)).run();
        return id;
      }),

    closeCorrection: (correctionId, versionId) =>
      w(() => {
        db.update(corrections).set({ pending: false, versionId }).where(eq(corrections.id, correctionId)).run();
      }),

    meetingBoardId: (meetingId) => db.select({ boardId: meetings.boardId }).from(meetings).where(eq(meetings.id, meetingId)).get()?.boardId ?? null,

    boardSigningOrder: (boardId) => {
      const r = db.select({ order: boards.signingOrder }).from(boards).where(eq(boards.id, boardId)).get();
      return r === undefined ? undefined : orderOf(r.order);
    },

    setBoardSigningOrder: (boardId, order) =>
      w(() => {
        db.update(boards).set({ signingOrder: order }).where(eq(boards.id, boardId)).run();
      }),
  };
}
