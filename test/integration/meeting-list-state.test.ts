// Issue 16: every list of meetings shows where the protocol stands derived from its groups (the
// same derivation as the workspace header, core/domain/protocol-state.ts), never the stored status
// column: a meeting whose stored status says "held" but whose first group is locked for justering
// is listed as "frozen"; one whose groups are adjusted is "partlyAdjusted"/"adjusted".
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meetingProtocolState } from '../../core/domain/protocol-state';
import { referenceCopy, testBackend, type TestBackend } from '../helpers/backend';
import { draftReference } from './workspace-draft';

let t: TestBackend;
let clock = new Date('2020-11-05T10:00:00+01:00');
beforeEach(() => {
  clock = new Date('2020-11-05T10:00:00+01:00');
  t = testBackend({ memory: true });
  (t.backend.deps.clock as { now: () => Date }).now = () => clock;
});
afterEach(() => t.dispose());

const stateOf = async (meetingId: string) => (await t.api.call('meetings.list', {})).find((m) => m.id === meetingId)?.state;

describe('meetings.list state', () => {
  it('follows the groups: held, then locked for justering once a group is frozen (stored status unchanged)', async () => {
    const d = await draftReference(t.api);
    expect(await stateOf(d.meetingId)).toBe('held');
    clock = new Date(clock.getTime() + 10_000);
    await t.api.call('justering.freeze', { meetingId: d.meetingId, groupIndex: 0 });
    const listed = (await t.api.call('meetings.list', { boardId: d.boardId })).find((m) => m.id === d.meetingId);
    expect(listed?.state).toBe('frozen');
    expect(listed).not.toHaveProperty('status');
    // The header's derivation from the workspace view says the same.
    const view = await t.api.call('workspace.meetings.get', { meetingId: d.meetingId });
    expect(view.doc.meeting.status).toBe('held');
    expect(
      meetingProtocolState(
        view.doc.meeting.status,
        view.paragraphs.map((p) => p.groupStatus),
      ),
    ).toBe('frozen');
  });

  it('is partly adjusted / adjusted from the groups of an imported meeting whose stored status says held', async () => {
    const partly = referenceCopy() as ReturnType<typeof referenceCopy> & { adjustmentGroups: Record<string, unknown>[] };
    partly.meeting.status = 'held';
    (partly.adjustmentGroups[0] as Record<string, unknown>).adjustedAt = '2020-11-06T10:00:00+01:00';
    const a = await t.api.call('meetings.import', { document: partly });
    expect(await stateOf(a.meetingId)).toBe('partlyAdjusted');

    const all = referenceCopy() as ReturnType<typeof referenceCopy> & { adjustmentGroups: Record<string, unknown>[] };
    all.meeting.date = '2020-12-03';
    all.meeting.status = 'held';
    all.paragraphs.forEach((p, i) => (p.number = 40 + i));
    all.adjustmentGroups = [{ paragraphs: all.paragraphs.map((p) => p.number), immediate: false, adjustedAt: '2020-12-10T10:00:00+01:00' }];
    const b = await t.api.call('meetings.import', { document: all });
    expect(await stateOf(b.meetingId)).toBe('adjusted');
  });

  it('says cancelled for a cancelled meeting', async () => {
    const doc = referenceCopy();
    doc.meeting.status = 'cancelled';
    const { meetingId } = await t.api.call('meetings.import', { document: doc });
    expect(await stateOf(meetingId)).toBe('cancelled');
  });
});
