// The clerk's notice workflow through the typed client: groups waiting with their post-by date,
// posting (dates as the reference BEVIS/ANSLAG box), the anslagsbevis and tillkännagivande as
// their own stored documents, notices up, take-down and its refusal before the appeal period ends.
import { afterEach, describe, expect, it } from 'vitest';
import { buildProtocolData } from '../../core/documents';
import { readAudit } from '../../db/repos/audit';
import { listSignatureFields } from '../../electron/services/signing';
import { pdfText, tempDir } from '../documents/helpers/pdf-tools';
import { ADJUSTED_20_22, ADJUSTED_23_26, anslagFixture, type AnslagFixture } from './anslag-fixture';
import { rejection } from '../helpers/backend';

let f: AnslagFixture | undefined;
afterEach(() => {
  f?.dispose();
  f = undefined;
});

function pdfBytes(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

describe('the reference protocol, posted as in the seed', () => {
  it('lists §§ 20-22 as waiting with post-by 2020-11-09, posts it 2020-11-06 with take-down 2020-11-28', async () => {
    f = await anslagFixture({ adjusted: [ADJUSTED_20_22, undefined], now: '2020-11-06T09:00:00+01:00' });
    const pending = await f.api.call('anslag.pending', {});
    expect(pending).toEqual([
      expect.objectContaining({
        groupId: f.groupIds[0],
        meetingId: f.meetingId,
        boardName: 'Norrbottens e-nämnd',
        meetingDate: '2020-11-05',
        paragraphs: [20, 21, 22],
        label: '§§ 20-22',
        immediate: true,
        adjustedAt: ADJUSTED_20_22,
        adjustedOn: '2020-11-05',
        // Two days after Thu 2020-11-05 is Saturday: moved to Monday (Lag 1930:173).
        postBy: '2020-11-09',
        overdue: false,
        daysLeft: 3,
      }),
    ]);

    const posted = await f.api.call('anslag.post', { groupId: f.groupIds[0] as string });
    expect(posted.notice).toMatchObject({
      paragraphs: [20, 21, 22],
      postedOn: '2020-11-06',
      lastAppealDay: '2020-11-27',
      takeDownOn: '2020-11-28',
      takenDownOn: null,
      state: 'up',
      postedLate: false,
    });
    expect(posted.tillkannagivande).toMatchObject({ kind: 'notice', groupId: f.groupIds[0], versionNo: 1, isCurrent: true });
    expect(posted.tillkannagivande.fileName).toBe('tillkannagivande-norrbottens-e-namnd-2020-11-05-p20-22-v1.pdf');
    expect(posted.anslagsbevis).toMatchObject({ kind: 'anslagsbevis', groupId: null, versionNo: 1, isCurrent: true });
    expect(await f.api.call('anslag.pending', {})).toEqual([]);

    const again = await rejection(f.api.call('anslag.post', { groupId: f.groupIds[0] as string }));
    expect(again.code).toBe('conflict');
    expect(again.message).toContain('sattes upp 2020-11-06');
  });

  it('posts §§ 23-26 on 2020-11-12 (take-down 2020-12-04) and the anslagsbevis then lists both groups as the reference box', async () => {
    f = await anslagFixture({ adjusted: [ADJUSTED_20_22, undefined], now: '2020-11-06T09:00:00+01:00' });
    await f.api.call('anslag.post', { groupId: f.groupIds[0] as string });
    // §§ 23-26 are not adjusted yet: nothing to post.
    const early = await rejection(f.api.call('anslag.post', { groupId: f.groupIds[1] as string }));
    expect(early.code).toBe('validation');
    expect(early.message).toContain('inte justerade ännu');

    f.at('2020-11-11T15:05:00+01:00');
    f.adjust(1, ADJUSTED_23_26);
    expect(await f.api.call('anslag.pending', {})).toEqual([expect.objectContaining({ label: '§§ 23-26', adjustedOn: '2020-11-11', postBy: '2020-11-13', overdue: false })]);

    f.at('2020-11-12T08:00:00+01:00');
    const second = await f.api.call('anslag.post', { groupId: f.groupIds[1] as string, postedOn: '2020-11-12' });
    expect(second.notice).toMatchObject({ paragraphs: [23, 24, 25, 26], postedOn: '2020-11-12', lastAppealDay: '2020-12-03', takeDownOn: '2020-12-04' });
    expect(second.anslagsbevis).toMatchObject({ versionNo: 2, isCurrent: true });

    // The protocol's own BEVIS/ANSLAG box, filled from what was recorded, reads exactly as the seed.
    const exported = await f.api.call('meetings.export', { meetingId: f.meetingId });
    expect(exported.adjustmentGroups.map((g) => g.notice)).toEqual([
      { postedOn: '2020-11-06', takeDownOn: '2020-11-28' },
      { postedOn: '2020-11-12', takeDownOn: '2020-12-04' },
    ]);
    const bevis = buildProtocolData(exported, { generatedAt: '2020-11-12T10:00:00+01:00' }).firstPage.bevis;
    expect(bevis.text).toBe('E-nämndens protokoll är justerat. Justeringen har tillkännagivits genom anslag.');
    expect(bevis.rows).toEqual([
      { label: 'Sammanträdesdatum', lines: ['2020-11-05'] },
      { label: 'Datum när anslaget sätts upp', lines: ['2020-11-06 §§ 20-22', '2020-11-12 §§ 23-26'] },
      { label: 'Datum när anslaget tas ned', lines: ['2020-11-28 §§ 20-22', '2020-12-04 §§ 23-26'] },
      { label: 'Förvaringsplats för protokollet', lines: ['IT-kontoret Luleå kommun'] },
    ]);
    expect(bevis.signatory.name).toBe('Lisa Lundgren');

    // The anslagsbevis as its own document: both versions kept, the second current.
    const docs = await f.api.call('anslag.documents', { meetingId: f.meetingId, kind: 'anslagsbevis' });
    expect(docs.map((d) => [d.versionNo, d.isCurrent])).toEqual([
      [2, true],
      [1, false],
    ]);
    const current = await f.api.call('anslag.document', { versionId: docs[0]?.id as string });
    const pdf = pdfBytes(current.pdfBase64);
    const tmp = tempDir();
    try {
      const text = pdfText(tmp.file('anslagsbevis.pdf', pdf)).replace(/\s+/g, ' ');
      for (const expected of [
        'ANSLAGSBEVIS',
        'BEVIS/ANSLAG',
        'E-nämndens protokoll är justerat. Justeringen har tillkännagivits genom anslag.',
        'Norrbottens e-nämnd',
        'Sammanträdesdatum 2020-11-05',
        '§§ 20-22: uppsatt 2020-11-06, nedtas 2020-11-28',
        '§§ 23-26: uppsatt 2020-11-12, nedtas 2020-12-04',
        'IT-kontoret Luleå kommun',
        'Lisa Lundgren',
      ]) {
        expect(text).toContain(expected);
      }
    } finally {
      tmp.remove();
    }
    expect(await listSignatureFields(pdf)).toEqual([expect.objectContaining({ name: 'sig-anslagsbevis', signed: false, page: 0 })]);

    // The tillkännagivande of each group, with its empty attestation field.
    const notices = await f.api.call('anslag.documents', { meetingId: f.meetingId, kind: 'notice' });
    expect(notices).toHaveLength(2);
    const secondNotice = notices.find((d) => d.groupId === f?.groupIds[1]);
    const noticePdf = pdfBytes((await f.api.call('anslag.document', { versionId: secondNotice?.id as string })).pdfBase64);
    const tmp2 = tempDir();
    try {
      const text = pdfText(tmp2.file('notice.pdf', noticePdf)).replace(/\s+/g, ' ');
      expect(text).toContain('TILLKÄNNAGIVANDE');
      expect(text).toContain('§§ 23-26');
      expect(text).toContain('2020-12-04');
      expect(text).toContain('senast 2020-12-03');
      expect(text).toContain('förvaltningsrätten');
    } finally {
      tmp2.remove();
    }
    expect(await listSignatureFields(noticePdf)).toEqual([expect.objectContaining({ name: 'sig-anslag', signed: false })]);

    // Stored versions are immutable (the database refuses it, not only the code).
    expect(() => f?.backend.db.$client.prepare("UPDATE document_versions SET pdf = x'00' WHERE id = ?").run(docs[1]?.id)).toThrow(/JUSTERA_LOCKED/);
  });
});

describe('posting rules', () => {
  it('refuses a posting date before the adjustment or in the future, and unknown groups', async () => {
    f = await anslagFixture({ now: '2020-11-06T09:00:00+01:00' });
    const before = await rejection(f.api.call('anslag.post', { groupId: f.groupIds[0] as string, postedOn: '2020-11-04' }));
    expect(before.code).toBe('validation');
    expect(before.message).toBe('Anslaget kan inte sättas upp före justeringen: §§ 20-22 justerades 2020-11-05. Ange 2020-11-05 eller ett senare datum.');
    const future = await rejection(f.api.call('anslag.post', { groupId: f.groupIds[0] as string, postedOn: '2020-11-07' }));
    expect(future.code).toBe('validation');
    expect(future.message).toContain('i förväg');
    const unknown = await rejection(f.api.call('anslag.post', { groupId: 'nope' }));
    expect(unknown.code).toBe('not_found');
    const badDate = await rejection(f.api.call('anslag.post', { groupId: f.groupIds[0] as string, postedOn: '2020-02-30' }));
    expect(badDate.code).toBe('validation');
    // Posting on the day of justering itself is allowed.
    const same = await f.api.call('anslag.post', { groupId: f.groupIds[0] as string, postedOn: '2020-11-05' });
    expect(same.notice).toMatchObject({ postedOn: '2020-11-05', lastAppealDay: '2020-11-26', takeDownOn: '2020-11-27' });
  });

  it('flags a group not posted by its post-by date as overdue, and a late posting as late', async () => {
    f = await anslagFixture({ adjusted: [ADJUSTED_20_22, undefined], now: '2020-11-10T09:00:00+01:00' });
    const [waiting] = await f.api.call('anslag.pending', {});
    expect(waiting).toMatchObject({ postBy: '2020-11-09', overdue: true, daysLeft: -1 });
    const posted = await f.api.call('anslag.post', { groupId: f.groupIds[0] as string });
    expect(posted.notice).toMatchObject({ postedOn: '2020-11-10', postedLate: true, takeDownOn: '2020-12-02' });
  });

  it('counts the adjustment day in Swedish time, also when the instant is given in UTC', async () => {
    // 23:30 UTC on 5 November is 00:30 on 6 November in Stockholm.
    f = await anslagFixture({ adjusted: ['2020-11-05T23:30:00Z', undefined], now: '2020-11-06T09:00:00+01:00' });
    const [waiting] = await f.api.call('anslag.pending', {});
    expect(waiting).toMatchObject({ adjustedOn: '2020-11-06', postBy: '2020-11-09' });
  });

  it('moves the post-by day past Christmas and the take-down day past the holidays', async () => {
    f = await anslagFixture({ adjusted: ['2025-12-01T16:00:00+01:00', undefined], now: '2025-12-03T09:00:00+01:00' });
    const [waiting] = await f.api.call('anslag.pending', {});
    expect(waiting).toMatchObject({ adjustedOn: '2025-12-01', postBy: '2025-12-03' });
    const posted = await f.api.call('anslag.post', { groupId: f.groupIds[0] as string });
    // Wed 2025-12-03 + 3 weeks = julafton; 25–26 holidays, 27–28 weekend → Mon 29th.
    expect(posted.notice).toMatchObject({ postedOn: '2025-12-03', lastAppealDay: '2025-12-29', takeDownOn: '2025-12-30' });
  });
});

describe('notices up and taking them down', () => {
  it('refuses take-down before the appeal period has run out, citing KL 13 kap. 5 §, and records it after', async () => {
    f = await anslagFixture({ now: '2020-11-06T09:00:00+01:00' });
    const { notice } = await f.api.call('anslag.post', { groupId: f.groupIds[0] as string });
    f.at('2020-11-12T09:00:00+01:00');
    await f.api.call('anslag.post', { groupId: f.groupIds[1] as string });

    f.at('2020-11-27T16:00:00+01:00');
    const up = await f.api.call('anslag.notices', {});
    expect(up.map((n) => [n.label, n.postedOn, n.takeDownOn, n.state])).toEqual([
      ['§§ 23-26', '2020-11-12', '2020-12-04', 'up'],
      ['§§ 20-22', '2020-11-06', '2020-11-28', 'up'],
    ]);
    const tooEarly = await rejection(f.api.call('anslag.takeDown', { noticeId: notice.noticeId }));
    expect(tooEarly.code).toBe('validation');
    expect(tooEarly.message).toContain('13 kap. 5 § kommunallagen');
    expect(tooEarly.message).toContain('får inte tas ned förrän 2020-11-28');
    expect(tooEarly.message).toContain('sista dag för överklagande är 2020-11-27');
    expect(tooEarly.details?.issues).toEqual([{ path: 'takenDownOn', message: 'Tidigast 2020-11-28.' }]);

    f.at('2020-11-28T10:00:00+01:00');
    const listed = await f.api.call('anslag.notices', {});
    expect(listed.find((n) => n.noticeId === notice.noticeId)?.state).toBe('may_take_down');
    const future = await rejection(f.api.call('anslag.takeDown', { noticeId: notice.noticeId, takenDownOn: '2020-11-30' }));
    expect(future.message).toContain('i förväg');
    const down = await f.api.call('anslag.takeDown', { noticeId: notice.noticeId });
    expect(down).toMatchObject({ takenDownOn: '2020-11-28', state: 'taken_down' });
    const twice = await rejection(f.api.call('anslag.takeDown', { noticeId: notice.noticeId }));
    expect(twice.code).toBe('conflict');

    expect((await f.api.call('anslag.notices', {})).map((n) => n.label)).toEqual(['§§ 23-26']);
    expect((await f.api.call('anslag.notices', { include: 'all' })).map((n) => [n.label, n.state])).toEqual([
      ['§§ 23-26', 'up'],
      ['§§ 20-22', 'taken_down'],
    ]);

    const audit = readAudit(f.backend.db, { entity: 'notice' });
    expect(audit.map((a) => [a.action, a.actor])).toEqual([
      ['notice.posted', 'registrator'],
      ['notice.posted', 'registrator'],
      ['notice.taken_down', 'registrator'],
    ]);
    expect(audit[0]?.details).toMatchObject({ paragraphs: [20, 21, 22], postedOn: '2020-11-06', takeDownOn: '2020-11-28', lastAppealDay: '2020-11-27', postBy: '2020-11-09' });
    expect(audit[2]?.details).toMatchObject({ takenDownOn: '2020-11-28' });
  });

  it('filters by board and meeting, and validates its input in Swedish', async () => {
    f = await anslagFixture({ now: '2020-11-12T09:00:00+01:00' });
    const boards = await f.api.call('boards.list', {});
    expect(await f.api.call('anslag.pending', { boardId: boards[0]?.id as string })).toHaveLength(2);
    expect(await f.api.call('anslag.pending', { boardId: 'annan' })).toEqual([]);
    expect(await f.api.call('anslag.pending', { meetingId: f.meetingId })).toHaveLength(2);
    const bad = await rejection(f.api.call('anslag.post', { groupId: f.groupIds[0] as string, postedOn: '6/11/2020' }));
    expect(bad.code).toBe('validation');
    expect(bad.message).toContain('ÅÅÅÅ-MM-DD');
  });
});
