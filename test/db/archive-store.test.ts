// The archive package reads the stored documents through a repository query (db/repos/archive.ts),
// not raw SQL through db.$client. The oracle below is the SQL the archive service ran before: the
// query returns the same versions and signatures, in the same order, for any order of signing.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import * as justering from '../../core/app/justering';
import { signDocument } from '../../core/app/justering/documents';
import { importMeeting } from '../../core/app/meetings';
import { createAnslagStore } from '../../db/repos/anslag';
import { createArchiveStore } from '../../db/repos/archive';
import { referenceCopy } from '../helpers/backend';
import { fakeJustering, fakeP12, type FakeJustering } from '../helpers/fake-justering';

let f: FakeJustering | undefined;
afterEach(() => f?.close());

const names: Record<string, string> = { 'sig-sekreterare': 'Robert Karlsson', 'sig-ordforande': 'Anders Lundkvist', 'sig-justerare-1': 'Sara Lundberg' };

/** What electron/services/archive/index.ts read with raw SQL before the repository query. */
function oracle(db: FakeJustering['db'], meetingId: string) {
  const sql = db.$client;
  const versions = sql
    .prepare(
      `SELECT v.id, v.kind, v.version_no, g.position AS group_position, v.reason, v.pdf, v.sha256, v.is_current, v.created_at
       FROM document_versions v LEFT JOIN adjustment_groups g ON g.id = v.group_id
       WHERE v.meeting_id = ? ORDER BY v.kind, g.position, v.version_no, v.created_at, v.id`,
    )
    .all(meetingId) as { id: string; kind: string; version_no: number; group_position: number | null; reason: string | null; pdf: Buffer; sha256: string; is_current: number; created_at: string }[];
  const sigs = sql.prepare(`SELECT id, field, role, signer_name, signed_at, validation, pdf, sha256 FROM signatures WHERE version_id = ? ORDER BY signed_at, rowid`);
  return versions.map((v) => ({
    id: v.id,
    kind: v.kind,
    versionNo: v.version_no,
    groupPosition: v.group_position,
    reason: v.reason,
    pdf: new Uint8Array(v.pdf),
    sha256: v.sha256,
    isCurrent: v.is_current === 1,
    createdAt: v.created_at,
    signatures: (sigs.all(v.id) as { id: string; field: string; role: string; signer_name: string; signed_at: string; validation: string | null; pdf: Buffer; sha256: string }[]).map((s) => ({
      id: s.id,
      field: s.field,
      role: s.role,
      signerName: s.signer_name,
      signedAt: s.signed_at,
      validation: s.validation === null ? null : (JSON.parse(s.validation) as unknown),
      pdf: new Uint8Array(s.pdf),
      sha256: s.sha256,
    })),
  }));
}

describe('the archive’s documents through the repository', () => {
  it('are the versions and signatures the raw SQL read, in the same order, whatever the order and times of signing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(Object.keys(names), { minLength: 1, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 72 * 60 }), { minLength: 3, maxLength: 3 }),
        fc.boolean(),
        async (order, minutes, extract) => {
          f?.close();
          f = fakeJustering();
          const { meetingId } = importMeeting(f.deps, referenceCopy());
          const g1 = await justering.freeze(f.deps, { meetingId, groupIndex: 1 });
          const g0 = await justering.freeze(f.deps, { meetingId, groupIndex: 0 });
          for (const [i, field] of order.entries()) {
            f.at(new Date(Date.parse('2020-11-05T12:00:00Z') + (minutes[i] ?? 0) * 60_000).toISOString());
            await justering.sign(f.deps, { versionId: (i % 2 === 0 ? g0 : g1).version.id, field, credentials: fakeP12(names[field] ?? '') });
          }
          if (extract) {
            const anslag = createAnslagStore(f.db, { clock: f.deps.clock, ids: f.deps.ids });
            const pdf = new TextEncoder().encode('%FAKEPDF Protokollsutdrag\n%FIELDS sig-utdragsbestyrkande');
            const id = f.deps.store.transaction(() => anslag.insertDocumentVersion({ meetingId, groupId: null, kind: 'extract', reason: null, snapshot: {}, pdf, supersedes: false }).id);
            await signDocument(f.deps, { versionId: id, field: 'sig-utdragsbestyrkande', credentials: fakeP12('Robert Karlsson') });
          }
          const docs = createArchiveStore(f.db).meetingDocuments(meetingId);
          expect(docs).toEqual(oracle(f.db, meetingId));
          expect(docs.map((d) => d.kind)).toEqual(extract ? ['extract', 'protocol', 'protocol'] : ['protocol', 'protocol']);
          expect(docs.flatMap((d) => d.signatures)).toHaveLength(order.length + (extract ? 1 : 0));
          expect(createArchiveStore(f.db).meetingDocuments('finns-inte')).toEqual([]);
        },
      ),
      { numRuns: 6 },
    );
  });
});
