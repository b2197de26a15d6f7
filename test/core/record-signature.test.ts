// recordSignature (core/app/justering/record.ts) is the one path that stores a signature: the
// protocol's justering and the clerk's and secretary's documents both go through it, with fakes
// for the PDF ports and SQLite in memory. The stored certificate facts and the audit row have the
// same shape for both; a signature made on a stale base is refused and writes nothing.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import * as justering from '../../core/app/justering';
import { signDocument } from '../../core/app/justering/documents';
import { recordSignature, type SignedFile } from '../../core/app/justering/record';
import { importMeeting } from '../../core/app/meetings';
import { AppError } from '../../core/api/errors';
import { createAnslagStore } from '../../db/repos/anslag';
import { auditLog } from '../../db/schema/audit';
import { signatures } from '../../db/schema/justering';
import { referenceCopy } from '../helpers/backend';
import { fakeJustering, fakeP12, type FakeJustering } from '../helpers/fake-justering';

let f: FakeJustering;
let meetingId: string;

beforeEach(() => {
  f = fakeJustering();
  ({ meetingId } = importMeeting(f.deps, referenceCopy()));
});
afterEach(() => f.close());

const enc = new TextEncoder();

/** A stored protokollsutdrag (signed by the secretary, Robert Karlsson) with the fake PDF. */
function storedExtract(): string {
  const anslag = createAnslagStore(f.db, { clock: f.deps.clock, ids: f.deps.ids });
  const pdf = enc.encode('%FAKEPDF Protokollsutdrag\n%FIELDS sig-utdragsbestyrkande');
  return f.deps.store.transaction(() => anslag.insertDocumentVersion({ meetingId, groupId: null, kind: 'extract', reason: null, snapshot: {}, pdf, supersedes: false }).id);
}

function auditRows(action: string) {
  return f.db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(asc(auditLog.id)).all();
}

describe('recordSignature: one way to store a signature', () => {
  it('a protocol signature and a document signature store the same certificate facts and audit details', async () => {
    const frozen = await justering.freeze(f.deps, { meetingId, groupIndex: 0 });
    const protocol = await justering.sign(f.deps, { versionId: frozen.version.id, field: 'sig-sekreterare', credentials: fakeP12('Robert Karlsson') });
    const extractId = storedExtract();
    const document = await signDocument(f.deps, { versionId: extractId, field: 'sig-utdragsbestyrkande', credentials: fakeP12('Robert Karlsson') });

    const rows = f.db.select().from(signatures).orderBy(asc(signatures.signedAt)).all();
    const byId = new Map(rows.map((r) => [r.id, r]));
    const p = byId.get(protocol.signature.id);
    const d = byId.get(document.signature.id);
    const expectedCertificate = {
      subject: 'CN=Robert Karlsson',
      via: 'app',
      credential: 'p12',
      identity: 'name-only',
      trustAnchor: null,
      validityTime: { source: 'verification' },
    };
    expect(p?.certificate).toMatchObject(expectedCertificate);
    expect(d?.certificate).toMatchObject(expectedCertificate);
    expect(Object.keys(p?.certificate as object).sort()).toEqual(Object.keys(d?.certificate as object).sort());
    expect(d?.sha256).toBe(document.signature.sha256);

    const [sign] = auditRows('justering.sign');
    const [doc] = auditRows('document.sign');
    const common = ['versionId', 'field', 'signer', 'signedAt', 'sha256', 'certificate', 'identity', 'trustAnchor', 'claimedSigningTime'];
    expect(Object.keys(sign?.details as object)).toEqual(common);
    expect(Object.keys(doc?.details as object)).toEqual([...common.slice(0, 1), 'kind', ...common.slice(1)]);
    expect(doc?.details).toMatchObject({ versionId: extractId, kind: 'extract', field: 'sig-utdragsbestyrkande', signer: 'Robert Karlsson', sha256: document.signature.sha256 });
    expect(doc?.entityId).toBe(document.signature.id);
  });

  it('two signatures of a document at once: the first stands, the second is refused naming the document', async () => {
    const extractId = storedExtract();
    const robert = fakeP12('Robert Karlsson');
    const [a, b] = await Promise.allSettled([
      signDocument(f.deps, { versionId: extractId, field: 'sig-utdragsbestyrkande', credentials: robert }),
      signDocument(f.deps, { versionId: extractId, field: 'sig-utdragsbestyrkande', credentials: robert }),
    ]);
    expect(a.status).toBe('fulfilled');
    expect(b.status === 'rejected' && b.reason instanceof AppError && [b.reason.code, b.reason.message]).toEqual([
      'conflict',
      'Någon annan har skrivit under dokumentet under tiden. Hämta den senaste versionen och skriv under igen.',
    ]);
    expect(f.deps.justering.signatures(extractId)).toHaveLength(1);
    expect(auditRows('document.sign')).toHaveLength(1);
  });

  it('any base other than the current state is refused before the check step and writes nothing', async () => {
    const extractId = storedExtract();
    const version = f.deps.justering.documentVersion(extractId);
    if (version === null) throw new Error('no version');
    const base = version.pdf;
    const signer = await f.deps.services.openSigner(fakeP12('Robert Karlsson'));
    const made = await signer.sign(base, {
      field: 'sig-utdragsbestyrkande',
      role: 'Sekreterare',
      signerName: 'Robert Karlsson',
      signingTime: new Date('2020-11-05T12:00:00Z'),
      reason: 'x',
      tsaUrl: null,
    });
    const checked = await f.deps.services.checkIncremental(base, made.pdf, { fieldName: 'sig-utdragsbestyrkande', trustAnchors: [], now: new Date() });
    const signed: SignedFile = { pdf: made.pdf, signedAt: '2020-11-05T12:00:00.000Z', checked, timestamp: made.timestamp, identity: 'name-only', via: 'app', credential: 'p12' };
    const target = (baseSha256: string) => ({
      version: { id: version.id, sha256: version.sha256 },
      baseSha256,
      signer: { field: 'sig-utdragsbestyrkande', role: 'Sekreterare', name: 'Robert Karlsson', personId: null },
      noun: 'dokumentet',
    });
    await fc.assert(
      fc.property(fc.stringMatching(/^[0-9a-f]{64}$/), (other) => {
        fc.pre(other !== version.sha256);
        let steps = 0;
        const e = (() => {
          try {
            recordSignature(f.deps, target(other), signed, { audit: { action: 'document.sign' }, check: () => (steps += 1), then: () => (steps += 1) });
            return null;
          } catch (x) {
            return x;
          }
        })();
        expect(e instanceof AppError && e.code).toBe('conflict');
        expect(steps).toBe(0);
        expect(f.deps.justering.signatures(version.id)).toEqual([]);
        expect(auditRows('document.sign')).toEqual([]);
      }),
      { numRuns: 30 },
    );
    // A refusal from the caller's check also writes nothing; the current base is then recorded once.
    const refuse = () => {
      throw new AppError('conflict', 'väntar inte');
    };
    expect(() => recordSignature(f.deps, target(version.sha256), signed, { audit: { action: 'document.sign' }, check: refuse, then: () => null })).toThrow('väntar inte');
    expect(f.deps.justering.signatures(version.id)).toEqual([]);
    const row = recordSignature(f.deps, target(version.sha256), signed, { audit: { action: 'document.sign' }, then: (r, sha256) => ({ r, sha256 }) });
    expect(row.sha256).toBe(f.deps.services.sha256(made.pdf));
    expect(f.deps.justering.signatures(version.id).map((s) => s.id)).toEqual([row.r.id]);
    expect(auditRows('document.sign').map((a) => a.entityId)).toEqual([row.r.id]);
  });
});
