// Issue 16: after a departure the secretary may call in any substitute who is present and free
// (DepartureOffer.candidates), not only the one the order proposes; the API
// (workspace.attendance.serveAfterDeparture) accepts each candidate and refuses anyone else,
// writing nothing. On the social services board Lars Lind (M) leaves after § 32: Olle Dahl (M) is
// proposed (the leaver's party), Nina Lund (C) is the other candidate. (§ 33's vote is left out.)
import { describe, expect, it } from 'vitest';
import { departureOffers } from '../../core/domain/departure';
import { servingOn } from '../../core/domain/presence';
import { socialnamnd } from '../fixtures/meetings/socialnamnd';
import { rejection, rowCounts } from '../helpers/backend';
import { backendsPerTest } from '../helpers/backends-per-test';

const backend = backendsPerTest(new Date('2026-03-12T16:30:00+01:00'));

async function larsLeaves() {
  const t = backend();
  const raw = socialnamnd();
  raw.attendance[3] = { person: 'lars-lind', capacity: 'member', toParagraph: 32 };
  // § 33's vote and reservation are not this test's matter.
  raw.paragraphs[2]!.votes = [];
  raw.paragraphs[2]!.reservations = [];
  const { meetingId } = await t.api.call('meetings.import', { document: raw });
  const ws = await t.api.call('workspace.meetings.get', { meetingId });
  const key = (n: string) => ws.doc.people.find((p) => p.name === n)!.key;
  return { t, meetingId, ws, key };
}

describe('any candidate after a departure', () => {
  it('offers the proposal first and the other free substitute after it', async () => {
    const { ws, key } = await larsLeaves();
    const [offer] = departureOffers(ws.doc);
    expect(offer).toMatchObject({ seat: key('Lars Lind'), from: 33, to: 35, substitute: key('Olle Dahl'), candidates: [key('Olle Dahl'), key('Nina Lund')] });
  });

  it('accepts the candidate who is not the proposal: Nina Lund serves for Lars Lind on §§ 33–35, one undoable step', async () => {
    const { t, meetingId, key } = await larsLeaves();
    const r = await t.api.call('workspace.attendance.serveAfterDeparture', { meetingId, seat: key('Lars Lind'), from: 33, substituteId: key('Nina Lund') });
    expect(r.journal.undoLabel).toBe('Nina Lund tjänstgör för Lars Lind från § 33');
    const after = await t.api.call('workspace.meetings.get', { meetingId });
    for (const n of [33, 34, 35]) expect(servingOn(after.doc, n)).toContainEqual({ person: key('Nina Lund'), capacity: 'substitute', replaces: key('Lars Lind') });
    expect(servingOn(after.doc, 33).some((s) => s.person === key('Olle Dahl'))).toBe(false);
    await t.api.call('workspace.undo', { meetingId });
    const undone = await t.api.call('workspace.meetings.get', { meetingId });
    expect(servingOn(undone.doc, 33).some((s) => s.person === key('Nina Lund'))).toBe(false);
  });

  it('refuses anyone who is not a candidate (serving, an official, a member) and writes nothing', async () => {
    const { t, meetingId, key } = await larsLeaves();
    const before = rowCounts(t.backend);
    const snapshot = await t.api.call('meetings.export', { meetingId });
    for (const who of ['Eva Ström', 'Gunilla Falk', 'Per Olsson']) {
      const e = await rejection(t.api.call('workspace.attendance.serveAfterDeparture', { meetingId, seat: key('Lars Lind'), from: 33, substituteId: key(who) }));
      expect(e.message).toBe(`${who} är inte en närvarande ersättare som är ledig på § 33 och kan inte gå in för Lars Lind. Välj någon av: Olle Dahl, Nina Lund.`);
    }
    expect(rowCounts(t.backend)).toEqual(before);
    expect(await t.api.call('meetings.export', { meetingId })).toEqual(snapshot);
  });
});
