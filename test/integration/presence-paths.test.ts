// Presence sentences on every path that prints a part of the meeting (issue 14): a group of
// §§ 20 and 22 whose member arrived at § 21 (and whose substitute stopped serving there) must say
// "§ 21" in § 22 — in the group's protocol, in an extract and in the public version — never
// "§ 22", where nothing happened.
import { afterEach, describe, expect, it } from 'vitest';
import { buildExtractData, buildProtocolData } from '../../core/documents';
import { restrictTo } from '../../core/documents/extract';
import { meetingDocumentSchema } from '../../core/format/meeting';
import { pdfText, tempDir } from '../documents/helpers/pdf-tools';
import { anslagFixture, type AnslagFixture, type ReferenceDoc } from './anslag-fixture';

let f: AnslagFixture | undefined;
afterEach(() => {
  f?.dispose();
  f = undefined;
});

const REAL = ['Robert Bernhardsson (S) tjänstgör inte från och med § 21.', 'Sara Lundberg (S) ansluter till sammanträdet och tjänstgör från och med § 21.'];

/** The reference with Sara Lundberg arriving at § 21 and two groups: §§ 20, 22 and §§ 21, 23–26. */
function splitGroups(doc: ReferenceDoc): void {
  for (const p of doc.paragraphs) p.immediatelyAdjusted = false;
  const sara = doc.attendance.find((a) => a.person === 'sara-lundberg') as Record<string, unknown>;
  sara.fromParagraph = 21;
  doc.attendance = doc.attendance.filter((a) => a.person !== 'robert-bernhardsson');
  doc.attendance.push({ person: 'robert-bernhardsson', capacity: 'substitute', replaces: 'sara-lundberg', toParagraph: 20 }, { person: 'robert-bernhardsson', capacity: 'present', fromParagraph: 21 });
  (doc as unknown as { meeting: { justerare: string[] } }).meeting.justerare = ['isak-utsi'];
  (doc as unknown as { adjustmentGroups: unknown[] }).adjustmentGroups = [
    { paragraphs: [20, 22], immediate: false },
    { paragraphs: [21, 23, 24, 25, 26], immediate: false },
  ];
}

const lines = (text: string) => text.replace(/\s+/g, ' ');

describe('presence sentences of a non-contiguous group on every document path', () => {
  it('the public version of §§ 20 and 22 states the change at § 21 (PDF text)', async () => {
    f = await anslagFixture({ adjusted: [undefined, undefined], edit: splitGroups });
    f.adjust(0, '2020-11-06T10:00:00+01:00');
    const r = await f.api.call('anslag.publicVersion', { meetingId: f.meetingId });
    expect(r.paragraphs).toEqual([20, 22]);
    const dir = tempDir();
    let text: string;
    try {
      text = lines(pdfText(dir.file('offentlig.pdf', Buffer.from(r.pdfBase64, 'base64'))));
    } finally {
      dir.remove();
    }
    for (const sentence of REAL) expect(text).toContain(sentence);
    expect(text).not.toMatch(/från och med § 22/);
  });

  it('the group protocol, an extract and the public data agree with the whole protocol', async () => {
    f = await anslagFixture({ adjusted: [undefined, undefined], edit: splitGroups });
    const doc = meetingDocumentSchema.parse(await f.api.call('meetings.export', { meetingId: f.meetingId }));
    const at = '2020-11-12T10:00:00+01:00';
    const whole = buildProtocolData(doc, { generatedAt: at }).paragraphs.find((p) => p.number === 21)?.presenceNotes;
    expect(whole).toEqual(REAL);
    const group = buildProtocolData(restrictTo(doc, [20, 22]), { generatedAt: at, wholeMeeting: doc }).paragraphs.find((p) => p.number === 22);
    expect(group?.presenceNotes).toEqual(REAL);
    const extract = buildExtractData(doc, { generatedAt: at, paragraphs: [20, 22] }).paragraphs.find((p) => p.number === 22);
    expect(extract?.presenceNotes).toEqual(REAL);
  });

  it('a public version of a contiguous run keeps no copy of the whole attendance', async () => {
    f = await anslagFixture({ adjusted: [undefined, undefined] });
    f.adjust(0, '2020-11-05T10:30:00+01:00');
    const r = await f.api.call('anslag.publicVersion', { meetingId: f.meetingId });
    expect(r.paragraphs).toEqual([20, 21, 22]);
    const row = f.backend.db.$client.prepare("SELECT snapshot FROM document_versions WHERE kind = 'public'").get() as { snapshot: string };
    expect(JSON.parse(row.snapshot)).not.toHaveProperty('presence');
  });
});
