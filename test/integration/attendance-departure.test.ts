// Issue 16: a member leaving early offers a substitute, through the API
// (workspace.attendance.serveAfterDeparture). On the reference meeting Henrik Blind (S) leaves after
// § 22; his personal substitute Robert Bernhardsson, present, serves from § 23: 12 serve on every §,
// Robert's vote counts on § 24 (refused before), the problem list and the CLI's warning name the
// empty seat until the offer is taken, anything but the offer is refused without a change, and
// Ångra restores the attendance.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meetingProblems } from '../../core/domain/rules';
import { narvarolista, servingOn } from '../../core/domain/presence';
import type { AttendanceRow } from '../../core/app/workspace/ports';
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
const tick = () => {
  clock = new Date(clock.getTime() + 10_000);
};

describe('a member leaving early', () => {
  it('lets the next substitute in order serve from the next §, counts their vote, and undoes', async () => {
    const d = await draftReference(t.api);
    const id = (key: string) => d.personIds.get(key) ?? '';
    const henrik = id('henrik-blind');
    const robert = id('robert-bernhardsson');
    const view = await t.api.call('workspace.meetings.get', { meetingId: d.meetingId });
    const name = (k: string) => view.doc.people.find((p) => p.key === k)?.name ?? k;
    const rows: AttendanceRow[] = view.doc.attendance.map((a) => ({
      personId: a.person,
      capacity: a.capacity,
      replacesPersonId: a.replaces ?? null,
      fromParagraph: a.fromParagraph ?? null,
      toParagraph: a.toParagraph ?? null,
      note: a.note ?? null,
      orderReason: null,
      fromTime: null,
      toTime: a.person === henrik ? '09:40' : null,
    }));
    // Henrik leaves after § 22.
    tick();
    await t.api.call('workspace.attendance.set', { meetingId: d.meetingId, rows: rows.map((r) => (r.personId === henrik ? { ...r, toParagraph: 22 } : r)) });
    const left = await t.api.call('workspace.meetings.get', { meetingId: d.meetingId });
    expect(meetingProblems(left.doc, name)).toContain(
      'Henrik Blind lämnade sammanträdet efter § 22 och platsen står tom på §§ 23–26, fast ersättaren Robert Bernhardsson var närvarande. Låt Robert Bernhardsson tjänstgöra från § 23 (Närvaro), eller ange ersättarens närvaro rätt.',
    );
    const before = await t.api.call('meetings.get', { meetingId: d.meetingId });
    expect(before.serving[23]).toHaveLength(11);
    const p24 = d.paragraphIds.get(24) ?? '';
    const vote = { kind: 'open' as const, jaMeans: 'bifall', nejMeans: 'avslag', votes: [{ person: robert, vote: 'ja' as const }] };
    const refused = await rejection(t.api.call('workspace.paragraphs.update', { paragraphId: p24, patch: { votes: [vote] } }));
    expect(refused.message).toContain('Robert Bernhardsson tjänstgör inte på § 24 och kan inte rösta där');

    // Not the offer: a seat that is not empty, a substitute who is no candidate (Johan Johansson is Lena Goldkuhl's personal substitute).
    const snapshot = await t.api.call('meetings.export', { meetingId: d.meetingId });
    const notEmpty = await rejection(t.api.call('workspace.attendance.serveAfterDeparture', { meetingId: d.meetingId, seat: id('isak-utsi'), from: 23 }));
    expect(notEmpty.code).toBe('validation');
    expect(notEmpty.message).toContain('Platsen för Isak Utsi står inte tom från § 23');
    const wrong = await rejection(t.api.call('workspace.attendance.serveAfterDeparture', { meetingId: d.meetingId, seat: henrik, from: 23, substituteId: id('johan-johansson') }));
    expect(wrong.message).toBe('Johan Johansson är inte en närvarande ersättare som är ledig på § 23 och kan inte gå in för Henrik Blind. Välj någon av: Robert Bernhardsson.');
    const wrongFrom = await rejection(t.api.call('workspace.attendance.serveAfterDeparture', { meetingId: d.meetingId, seat: henrik, from: 24 }));
    expect(wrongFrom.code).toBe('validation');
    expect(await t.api.call('meetings.export', { meetingId: d.meetingId })).toEqual(snapshot);

    // The offer taken.
    tick();
    const r = await t.api.call('workspace.attendance.serveAfterDeparture', { meetingId: d.meetingId, seat: henrik, from: 23 });
    expect(r.journal).toMatchObject({ canUndo: true, undoLabel: 'Robert Bernhardsson tjänstgör för Henrik Blind från § 23' });
    expect(r.rows.filter((x) => x.personId === robert)).toEqual([
      expect.objectContaining({ capacity: 'present', fromParagraph: null, toParagraph: 22 }),
      expect.objectContaining({ capacity: 'substitute', replacesPersonId: henrik, fromParagraph: 23, toParagraph: null }),
    ]);
    const after = await t.api.call('meetings.get', { meetingId: d.meetingId });
    for (const n of [20, 21, 22, 23, 24, 25, 26]) expect(after.serving[n]).toHaveLength(12);
    expect(after.problems).toEqual([]);
    const ws = await t.api.call('workspace.meetings.get', { meetingId: d.meetingId });
    expect(meetingProblems(ws.doc, name).filter((m) => m.includes('platsen står tom'))).toEqual([]);
    expect(servingOn(ws.doc, 23)).toContainEqual({ person: robert, capacity: 'substitute', replaces: henrik });
    const list = narvarolista(ws.doc, name);
    expect(list.substitutes.find((e) => e.person === robert)?.remarks).toEqual(['Ersätter Henrik Blind', '§§ 23-26']);
    expect(list.present.find((e) => e.person === robert)?.remarks).toEqual(['§§ 20-22']);
    expect(list.members.find((e) => e.person === henrik)?.remarks).toEqual(['§§ 20-22, till kl. 09.40']);
    // Robert's vote on § 24 now counts.
    tick();
    await t.api.call('workspace.paragraphs.update', { paragraphId: p24, patch: { votes: [vote] } });
    // Taking it twice is refused: the seat is no longer empty.
    expect((await rejection(t.api.call('workspace.attendance.serveAfterDeparture', { meetingId: d.meetingId, seat: henrik, from: 23 }))).code).toBe('validation');

    // Ångra: first the vote, then the substitute's service.
    await t.api.call('workspace.undo', { meetingId: d.meetingId });
    const undone = await t.api.call('workspace.undo', { meetingId: d.meetingId });
    expect(undone.label).toBe('Robert Bernhardsson tjänstgör för Henrik Blind från § 23');
    expect(await t.api.call('meetings.export', { meetingId: d.meetingId })).toEqual(snapshot);
    await t.api.call('workspace.redo', { meetingId: d.meetingId });
    expect((await t.api.call('meetings.get', { meetingId: d.meetingId })).serving[25]).toHaveLength(12);
  });
});
