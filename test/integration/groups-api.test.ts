// The API of issue 14/15/16's new data: a group's time and place of justering
// (workspace.groups.setTimePlace, justering.status, the frozen PDF, the lock), a substitute's
// reason for being called in out of order (workspace.attendance.set) and a §'s appeal
// (workspace.paragraphs.update), each kept through export → import.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/client';
import { meetingDocumentSchema } from '../../core/format/meeting';
import { pdfText, tempDir } from '../documents/helpers/pdf-tools';
import { rejection, testBackend } from '../helpers/backend';
import { anslagFixture, type AnslagFixture } from './anslag-fixture';

let f: AnslagFixture | undefined;
afterEach(() => {
  f?.dispose();
  f = undefined;
});

const open = () => anslagFixture({ adjusted: [undefined, undefined], now: '2020-11-05T11:00:00+01:00' });
const OWN = { date: '2020-11-11', time: '15:00', place: 'Stadshuset, Luleå' };

describe("a group's time and place of justering through the API", () => {
  it('is set on the ordinary group, shown by justering.status, exported, and printed in its frozen version; then locked', async () => {
    f = await open();
    const [immediate, ordinary] = f.groupIds as [string, string];
    await f.api.call('workspace.groups.setTimePlace', { meetingId: f.meetingId, groupId: ordinary, timePlace: OWN });
    const status = await f.api.call('justering.status', { meetingId: f.meetingId });
    expect(status.groups.map((g) => [g.immediate, g.timePlace, g.timePlaceLines])).toEqual([
      [true, null, ['Justerat omedelbart vid sammanträdet']],
      [false, OWN, ['Stadshuset, Luleå', '15:00, 2020-11-11']],
    ]);
    const exported = meetingDocumentSchema.parse(await f.api.call('meetings.export', { meetingId: f.meetingId }));
    expect(exported.adjustmentGroups.map((g) => g.timePlace)).toEqual([undefined, OWN]);
    // The round trip keeps it.
    const other = testBackend({ memory: true });
    try {
      const again = await other.api.call('meetings.import', { document: exported });
      expect((await other.api.call('meetings.export', { meetingId: again.meetingId })).adjustmentGroups[1]?.timePlace).toEqual(OWN);
    } finally {
      other.dispose();
    }

    // The immediate group refuses one, with the rule's words; nothing is written.
    const e = await rejection(f.api.call('workspace.groups.setTimePlace', { meetingId: f.meetingId, groupId: immediate, timePlace: OWN }));
    expect(e.code).toBe('validation');
    expect(e.message).toBe(
      'Justeringsgrupp 1 (§§ 20-22) justeras omedelbart vid sammanträdet och har ingen senare tid och plats för justering. Ta bort tiden och platsen, eller gör gruppen till en vanlig justeringsgrupp.',
    );
    // Too late (the last day is 2020-11-19), and before the meeting.
    expect((await rejection(f.api.call('workspace.groups.setTimePlace', { meetingId: f.meetingId, groupId: ordinary, timePlace: { ...OWN, date: '2020-11-20' } }))).message).toContain(
      'senast 14 dagar efter sammanträdet (KL 5 kap. 69 §), alltså senast 2020-11-19',
    );
    expect((await rejection(f.api.call('workspace.groups.setTimePlace', { meetingId: f.meetingId, groupId: ordinary, timePlace: { ...OWN, place: '  ' } }))).code).toBe('validation');

    // Freezing prints it in the group's protocol; the immediate group's says it was adjusted at the meeting.
    const frozen = await f.api.call('justering.freeze', { meetingId: f.meetingId, groupIndex: 1 });
    const frozenImmediate = await f.api.call('justering.freeze', { meetingId: f.meetingId, groupIndex: 0 });
    const dir = tempDir();
    try {
      const text = async (versionId: string) => pdfText(dir.file(`${versionId}.pdf`, Buffer.from((await f!.api.call('justering.currentPdf', { versionId })).pdfBase64, 'base64'))).replace(/\s+/g, ' ');
      const ordinaryText = await text(frozen.version.id);
      expect(ordinaryText).toMatch(/Tid och plats för justering Stadshuset, Luleå 15:00, 2020-11-11/);
      const immediateText = await text(frozenImmediate.version.id);
      expect(immediateText).toContain('Tid och plats för justering Justerat omedelbart vid sammanträdet');
      expect(immediateText).not.toContain('Stadshuset');
    } finally {
      dir.remove();
    }

    // Locked with its version: the API says why, and the database refuses a direct change.
    const locked = await rejection(f.api.call('workspace.groups.setTimePlace', { meetingId: f.meetingId, groupId: ordinary, timePlace: null }));
    expect(locked.code).toBe('conflict');
    expect(locked.message).toContain('låst för justering; tid och plats för justering står i den låsta versionen');
    expect(() => f!.backend.db.$client.prepare("UPDATE adjustment_groups SET justering_place = 'Annat' WHERE id = ?").run(ordinary)).toThrow(/JUSTERA_LOCKED: group/);
  });
});

describe("a substitute's reason and a §'s appeal through the workspace API", () => {
  it('keeps the reason on the serving substitute, refuses it elsewhere, and exports it', async () => {
    f = await open();
    const view = await f.api.call('workspace.meetings.get', { meetingId: f.meetingId });
    const rows = view.doc.attendance.map((a) => ({
      personId: a.person,
      capacity: a.capacity,
      ...(a.replaces === undefined ? {} : { replacesPersonId: a.replaces }),
      ...(a.note === undefined ? {} : { note: a.note }),
    }));
    const idx = view.doc.attendance.findIndex((a) => a.capacity === 'substitute');
    const withReason = rows.map((r, i) => (i === idx ? { ...r, orderReason: ' ersättare 2 jävig ' } : r));
    await f.api.call('workspace.attendance.set', { meetingId: f.meetingId, rows: withReason });
    const exported = await f.api.call('meetings.export', { meetingId: f.meetingId });
    expect(exported.attendance.filter((a) => a.orderReason !== undefined).map((a) => [a.person, a.orderReason])).toEqual([['anders-josefsson', 'ersättare 2 jävig']]);

    const present = view.doc.attendance.findIndex((a) => a.capacity === 'present');
    const bad = rows.map((r, i) => (i === present ? { ...r, orderReason: 'partiöverenskommelse' } : r));
    const e = await rejection(f.api.call('workspace.attendance.set', { meetingId: f.meetingId, rows: bad }));
    expect(e.message).toContain('bara en tjänstgörande ersättare kan vara inkallad utanför turordningen');
  });

  it('stores förvaltningsbesvär on a §, treats laglighetsprövning as the default, and refuses an incomplete one', async () => {
    f = await open();
    const view = await f.api.call('workspace.meetings.get', { meetingId: f.meetingId });
    const p24 = view.paragraphs.find((p) => p.number === 24);
    if (p24 === undefined) throw new Error('§ 24 saknas');
    const appeal = { kind: 'forvaltningsbesvar' as const, statute: '13 kap. 3 § plan- och bygglagen (2010:900)', authority: 'Länsstyrelsen i Norrbottens län', weeks: 3 };
    await f.api.call('workspace.paragraphs.update', { paragraphId: p24.id, patch: { appeal } });
    const exported = async () => (await f!.api.call('meetings.export', { meetingId: f!.meetingId })).paragraphs.find((p) => p.number === 24)?.appeal;
    expect(await exported()).toEqual(appeal);
    await f.api.call('workspace.paragraphs.update', { paragraphId: p24.id, patch: { appeal: { kind: 'laglighetsprovning' } } });
    expect(await exported()).toBeUndefined();
    const e = await rejection(f.api.call('workspace.paragraphs.update', { paragraphId: p24.id, patch: { appeal: { ...appeal, weeks: 0 } } }));
    expect(e).toBeInstanceOf(ApiError);
    expect(e.message).toContain('Tiden för överklagande är minst en vecka.');
  });
});
