// The signatures.certificate JSON column has a schema (core/app/justering/certificate.ts): the
// repository (db/repos/justering.ts) refuses to write anything else, and reads rows back parsed —
// the rows written before the identity and trust checks (and with the old name 'pkcs12') too.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { signatureSummary } from '../../core/app/justering';
import type { SignatureCertificate } from '../../core/app/justering/certificate';
import { importMeeting } from '../../core/app/meetings';
import { AppError } from '../../core/api/errors';
import { createAnslagStore } from '../../db/repos/anslag';
import { signatures } from '../../db/schema/justering';
import { referenceCopy } from '../helpers/backend';
import { fakeJustering, type FakeJustering } from '../helpers/fake-justering';

let f: FakeJustering;
let versionId: string;
let n = 0;

beforeEach(() => {
  f = fakeJustering();
  const { meetingId } = importMeeting(f.deps, referenceCopy());
  const anslag = createAnslagStore(f.db, { clock: f.deps.clock, ids: f.deps.ids });
  versionId = f.deps.store.transaction(
    () => anslag.insertDocumentVersion({ meetingId, groupId: null, kind: 'extract', reason: null, snapshot: {}, pdf: new TextEncoder().encode('%FAKEPDF'), supersedes: false }).id,
  );
});
afterEach(() => f.close());

const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
const certificate: fc.Arbitrary<SignatureCertificate> = fc.record({
  subject: fc.option(fc.string(), { nil: null }),
  sha256: fc.option(hex64, { nil: null }),
  via: fc.constantFrom('app' as const, 'import' as const),
  credential: fc.constantFrom('p12' as const, 'pkcs11' as const, 'package' as const),
  identity: fc.constantFrom('identifier' as const, 'name-only' as const),
  trustAnchor: fc.option(fc.string(), { nil: null }),
  validityTime: fc.record({ at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), source: fc.constantFrom('timestamp' as const, 'verification' as const) }),
});

function insert(cert: unknown) {
  n += 1;
  return f.deps.store.transaction(() =>
    f.deps.justering.insertSignature({
      versionId,
      field: `sig-test-${n}`,
      role: 'Sekreterare',
      personId: null,
      signerName: 'Robert Karlsson',
      signedAt: '2020-11-05T12:00:00.000Z',
      certificate: cert as SignatureCertificate,
      validation: {},
      pdf: new Uint8Array([n]),
      sha256: 'a'.repeat(64),
    }),
  );
}

/** A row as an older version of Justera wrote it, straight into the table. */
function legacyRow(cert: unknown): string {
  n += 1;
  const id = `legacy-${n}`;
  f.db
    .insert(signatures)
    .values({
      id,
      versionId,
      field: `sig-old-${n}`,
      role: 'Sekreterare',
      personId: null,
      signerName: 'Robert Karlsson',
      signedAt: '2020-11-05T12:00:00.000Z',
      certificate: cert,
      validation: {},
      pdf: Buffer.from([n]),
      sha256: 'b'.repeat(64),
    })
    .run();
  return id;
}

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('the certificate column of signatures', () => {
  it('what is written is read back the same, and the summary shows it', () => {
    fc.assert(
      fc.property(certificate, (cert) => {
        const row = insert(cert);
        const read = f.deps.justering.signatures(versionId).find((s) => s.id === row.id);
        expect(read?.certificate).toEqual(cert);
        expect(row.certificate).toEqual(cert);
        const summary = signatureSummary(row);
        expect([summary.certificateSubject, summary.via, summary.identity, summary.trustAnchor]).toEqual([cert.subject, cert.via, cert.identity, cert.trustAnchor]);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses to write certificate facts with a key missing, a value of the wrong kind or a key too many, and writes nothing', () => {
    const bad = fc.oneof(
      fc.tuple(certificate, fc.constantFrom('subject', 'sha256', 'via', 'credential', 'identity', 'trustAnchor', 'validityTime')).map(([c, k]) => {
        const { [k]: _gone, ...rest } = c;
        return rest;
      }),
      certificate.map((c) => ({ ...c, credential: 'pkcs12' })),
      certificate.map((c) => ({ ...c, via: 'elsewhere' })),
      certificate.map((c) => ({ ...c, identity: null })),
      certificate.map((c) => ({ ...c, sha256: 'ABCDEF' })),
      certificate.map((c) => ({ ...c, validityTime: { at: c.validityTime.at, source: 'the signer said so' } })),
      certificate.map((c) => ({ ...c, pin: '1234' })),
      fc.constantFrom(null, 'CN=Robert', 42, []),
    );
    fc.assert(
      fc.property(bad, (cert) => {
        const e = thrown(() => insert(cert));
        expect(e.code).toBe('internal');
        expect(e.message).toMatch(/ingenting sparades/);
        expect(f.db.select().from(signatures).all()).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('reads the rows of older versions: only subject, sha256, via and credential, the file named pkcs12', () => {
    const old = legacyRow({ subject: 'CN=Robert Karlsson', sha256: 'c'.repeat(64), via: 'app', credential: 'pkcs12' });
    const imported = legacyRow({ subject: 'CN=Sara Lundberg', sha256: null, via: 'import', credential: 'package', identity: 'name-only' });
    const rows = f.deps.justering.signatures(versionId);
    expect(rows.find((r) => r.id === old)?.certificate).toEqual({
      subject: 'CN=Robert Karlsson',
      sha256: 'c'.repeat(64),
      via: 'app',
      credential: 'p12',
      identity: null,
      trustAnchor: null,
      validityTime: null,
    });
    const summary = signatureSummary(rows.find((r) => r.id === imported) ?? (undefined as never));
    expect(summary).toMatchObject({ certificateSubject: 'CN=Sara Lundberg', via: 'import', identity: 'name-only', trustAnchor: null });
  });

  it('a row that is not certificate facts at all is an error naming the signature, not a silent blank', () => {
    for (const cert of [null, 'CN=x', { via: 'elsewhere', credential: 'p12', subject: null, sha256: null }]) {
      f.close();
      f = fakeJustering();
      const { meetingId } = importMeeting(f.deps, referenceCopy());
      const anslag = createAnslagStore(f.db, { clock: f.deps.clock, ids: f.deps.ids });
      versionId = f.deps.store.transaction(
        () => anslag.insertDocumentVersion({ meetingId, groupId: null, kind: 'extract', reason: null, snapshot: {}, pdf: new TextEncoder().encode('%FAKEPDF'), supersedes: false }).id,
      );
      const id = legacyRow(cert);
      const e = thrown(() => f.deps.justering.signatures(versionId));
      expect(e.code).toBe('internal');
      expect(e.message).toContain(id);
      expect(f.db.select().from(signatures).where(eq(signatures.id, id)).all()).toHaveLength(1);
    }
  });
});
