// Issue 16 (8): "Ångra" on a meeting whose group is locked for justering or adjusted. The journal
// says beforehand that the next step cannot be undone (canUndo false, undoLocked true — the
// workspace disables the button and explains), and workspace.undo/redo refuse it in Swedish
// without changing anything; a change in a § of a group still open can still be undone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection, testBackend, type TestBackend } from '../helpers/backend';
import { draftReference } from './workspace-draft';

let t: TestBackend;
let clock = new Date('2020-11-05T10:00:00+01:00');
beforeEach(() => {
  clock = new Date('2020-11-05T10:00:00+01:00');
  t = testBackend({ memory: true });
  (t.backend.deps.clock as { now: () => Date }).now = () => clock;
});
afterEach(() => t.dispose());
const tick = (ms = 10_000) => {
  clock = new Date(clock.getTime() + ms);
};

describe('undo on a locked meeting', () => {
  it('is off, with the reason, for a change in a locked group; refused if asked anyway', async () => {
    const d = await draftReference(t.api);
    tick();
    await t.api.call('workspace.paragraphs.update', { paragraphId: d.paragraphIds.get(21) ?? '', patch: { title: 'Ändrad rubrik' } });
    expect((await t.api.call('workspace.meetings.get', { meetingId: d.meetingId })).journal).toMatchObject({ canUndo: true, undoLocked: false });
    tick();
    await t.api.call('justering.freeze', { meetingId: d.meetingId, groupIndex: 0 });
    const before = await t.api.call('meetings.export', { meetingId: d.meetingId });

    const j = (await t.api.call('workspace.meetings.get', { meetingId: d.meetingId })).journal;
    expect(j).toMatchObject({ canUndo: false, undoLocked: true, undoLabel: 'Ändring i § 21 (Rubrik)' });
    const e = await rejection(t.api.call('workspace.undo', { meetingId: d.meetingId }));
    expect(e.code).toBe('locked');
    expect(e.message).toContain('"Ändring i § 21 (Rubrik)" kan inte ångras');
    expect(e.message).toContain('Rättelser görs som en ny version');
    expect(await t.api.call('meetings.export', { meetingId: d.meetingId })).toEqual(before);

    // A § of the group still open (§ 23–26): its change can be undone.
    tick();
    await t.api.call('workspace.paragraphs.update', { paragraphId: d.paragraphIds.get(24) ?? '', patch: { title: 'Ny rubrik' } });
    expect((await t.api.call('workspace.meetings.get', { meetingId: d.meetingId })).journal).toMatchObject({ canUndo: true, undoLocked: false });
    const u = await t.api.call('workspace.undo', { meetingId: d.meetingId });
    expect(u.label).toBe('Ändring i § 24 (Rubrik)');
    // And then the next one is the locked § 21 again: off.
    expect(u.journal).toMatchObject({ canUndo: false, undoLocked: true, canRedo: true, redoLocked: false });
  });

  it('is off for an attendance change once any group is locked, and so is its redo', async () => {
    const d = await draftReference(t.api);
    const v = await t.api.call('workspace.meetings.get', { meetingId: d.meetingId });
    const rows = v.doc.attendance.map((a) => ({
      personId: a.person,
      capacity: a.capacity,
      replacesPersonId: a.replaces ?? null,
      fromParagraph: a.fromParagraph ?? null,
      toParagraph: a.toParagraph ?? null,
      note: a.note ?? null,
    }));
    tick();
    await t.api.call('workspace.attendance.set', { meetingId: d.meetingId, rows: rows.map((r, i) => (i === 0 ? { ...r, note: 'Anmärkning' } : r)) });
    tick();
    await t.api.call('workspace.undo', { meetingId: d.meetingId });
    tick();
    await t.api.call('justering.freeze', { meetingId: d.meetingId, groupIndex: 1 });
    const j = (await t.api.call('workspace.meetings.get', { meetingId: d.meetingId })).journal;
    expect(j).toMatchObject({ canRedo: false, redoLocked: true });
    expect((await rejection(t.api.call('workspace.redo', { meetingId: d.meetingId }))).code).toBe('locked');
  });
});
