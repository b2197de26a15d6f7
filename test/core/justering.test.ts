// The justering use cases (core/app/justering) with fakes for the PDF ports and SQLite in memory:
// the rules of freezing, signing in turn, refusing the wrong person or a stale base, and the
// moment of justering, without rendering or signing a real PDF (test/integration does that).
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as justering from '../../core/app/justering';
import { importMeeting } from '../../core/app/meetings';
import { AppError } from '../../core/api/errors';
import { referenceCopy } from '../helpers/backend';
import { fakeJustering, fakeP12, type FakeJustering } from '../helpers/fake-justering';

let f: FakeJustering;
let meetingId: string;

beforeEach(() => {
  f = fakeJustering();
  ({ meetingId } = importMeeting(f.deps, referenceCopy()));
});
afterEach(() => f.close());

const signerNames: Record<string, string> = { 'sig-sekreterare': 'Robert Karlsson', 'sig-ordforande': 'Anders Lundkvist', 'sig-justerare-1': 'Sara Lundberg' };

async function thrown(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  if (!(e instanceof AppError)) throw new Error(`expected an AppError, got ${String(e)}`);
  return e;
}

describe('justering with fake PDF services', () => {
  it('freezes a group once, then the last of the three signatures adjusts it at that moment', async () => {
    const frozen = await justering.freeze(f.deps, { meetingId, groupIndex: 0 });
    expect(frozen.paragraphs).toEqual([20, 21, 22]);
    expect(frozen.version.signers.map((s) => s.field)).toEqual(Object.keys(signerNames));
    expect((await thrown(justering.freeze(f.deps, { meetingId, groupIndex: 0 }))).code).toBe('conflict');
    const times = ['2020-11-05T11:00:00Z', '2020-11-05T12:00:00Z', '2020-11-06T08:30:00Z'];
    const results = [];
    for (const [i, field] of Object.keys(signerNames).entries()) {
      f.at(times[i] ?? '');
      results.push(await justering.sign(f.deps, { versionId: frozen.version.id, field, credentials: fakeP12(signerNames[field] ?? '') }));
    }
    expect(results.map((r) => r.groupAdjusted)).toEqual([false, false, true]);
    expect(results.map((r) => r.meetingAdjusted)).toEqual([false, false, false]);
    const status = justering.status(f.deps, { meetingId });
    expect(status.groups[0]).toMatchObject({ status: 'adjusted', adjustedAt: '2020-11-06T08:30:00.000Z' });
    expect(status.groups[1]?.status).toBe('open');
    expect(f.deps.services.log.signed.map((s) => s.cn)).toEqual(Object.values(signerNames));
  });

  it('refuses a certificate of the wrong person and signs nothing', async () => {
    const frozen = await justering.freeze(f.deps, { meetingId, groupIndex: 0 });
    const e = await thrown(justering.sign(f.deps, { versionId: frozen.version.id, field: 'sig-ordforande', credentials: fakeP12('Sara Lundberg') }));
    expect(e.code).toBe('signature');
    expect(e.message).toContain('Certifikatet tillhör Sara Lundberg');
    expect(f.deps.services.log.signed).toEqual([]);
    expect(justering.status(f.deps, { meetingId }).groups[0]?.versions[0]?.signers.every((s) => s.signature === null)).toBe(true);
  });

  it('keeps the board’s signing order before any key is used', async () => {
    const boardId = f.deps.justering.meetingBoardId(meetingId) ?? '';
    justering.setSigningOrder(f.deps, { boardId, order: ['sekreterare', 'ordforande', 'justerare'] });
    const frozen = await justering.freeze(f.deps, { meetingId, groupIndex: 0 });
    const e = await thrown(justering.sign(f.deps, { versionId: frozen.version.id, field: 'sig-justerare-1', credentials: fakeP12('Sara Lundberg') }));
    expect(e.code).toBe('conflict');
    expect(e.message).toMatch(/Justeraren skriver under efter/);
    expect(f.deps.services.log.signed).toEqual([]);
  });

  it('a signature made on a base someone else has signed meanwhile is refused (the first one stands)', async () => {
    const frozen = await justering.freeze(f.deps, { meetingId, groupIndex: 0 });
    const versionId = frozen.version.id;
    const [a, b] = await Promise.allSettled([
      justering.sign(f.deps, { versionId, field: 'sig-sekreterare', credentials: fakeP12('Robert Karlsson') }),
      justering.sign(f.deps, { versionId, field: 'sig-ordforande', credentials: fakeP12('Anders Lundkvist') }),
    ]);
    expect(a.status).toBe('fulfilled');
    expect(b.status === 'rejected' && b.reason instanceof AppError && b.reason.code).toBe('conflict');
    const signers = justering.status(f.deps, { meetingId }).groups[0]?.versions[0]?.signers ?? [];
    expect(signers.filter((s) => s.signature !== null).map((s) => s.field)).toEqual(['sig-sekreterare']);
  });

  it('without a signing order, any order of signers adjusts the group exactly at the latest signing time', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(Object.keys(signerNames), { minLength: 3, maxLength: 3 }),
        fc.array(fc.integer({ min: 0, max: 72 * 60 }), { minLength: 3, maxLength: 3 }),
        async (order, minutes) => {
          f.close();
          f = fakeJustering();
          ({ meetingId } = importMeeting(f.deps, referenceCopy()));
          const frozen = await justering.freeze(f.deps, { meetingId, groupIndex: 1 });
          const at = minutes.map((m) => new Date(Date.parse('2020-11-05T12:00:00Z') + m * 60_000).toISOString());
          const adjusted: boolean[] = [];
          for (const [i, field] of order.entries()) {
            f.at(at[i] ?? '');
            adjusted.push((await justering.sign(f.deps, { versionId: frozen.version.id, field, credentials: fakeP12(signerNames[field] ?? '') })).groupAdjusted);
          }
          expect(adjusted).toEqual([false, false, true]);
          const latest = [...at].sort().at(-1);
          expect(justering.status(f.deps, { meetingId }).groups[1]?.adjustedAt).toBe(latest);
        },
      ),
      { numRuns: 25 },
    );
  });
});
