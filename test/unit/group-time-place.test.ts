// "Tid och plats för justering" per adjustment group (issues 14 and 15): an immediate group's
// documents say it was adjusted at the meeting, an ordinary group prints its own time and place,
// older meetings with only the meeting's value print it for their ordinary groups, and the
// reference protocol prints exactly what the seed prints.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildExtractData, buildProtocolData } from '../../core/documents';
import { restrictTo } from '../../core/documents/extract';
import { publicDocument, publicProtocolData } from '../../core/app/anslag/public';
import { ADJUSTED_AT_MEETING, timePlaceLinesFor } from '../../core/domain/justering-time';
import { paragraphLabel } from '../../core/domain/numbering';
import { adjustmentIssues } from '../../core/domain/rules';
import { meetingDocumentSchema, MEETING_FORMAT_VERSION, upgradeMeetingDocument, type MeetingDocument } from '../../core/format/meeting';
import reference from '../../core/reference/e-namnden-2020-11-05.json' with { type: 'json' };

const ref = (): MeetingDocument => meetingDocumentSchema.parse(structuredClone(reference));
const AT = '2020-11-12T10:00:00+01:00';
const row = (rows: { label: string; lines: string[] }[]) => rows.find((r) => r.label === 'Tid och plats för justering')?.lines;

/** The reference with its ordinary group given its own time and place. */
function withOwn(): MeetingDocument {
  const doc = ref();
  const ordinary = doc.adjustmentGroups[1];
  if (ordinary === undefined) throw new Error('referensen saknar grupp 2');
  ordinary.timePlace = { date: '2020-11-11', time: '15:00', place: 'Stadshuset, Luleå' };
  return meetingDocumentSchema.parse(doc);
}

describe('the time and place of justering each document prints', () => {
  it('the reference: the whole protocol prints the seed\'s line (the immediate §§ are in "Justerade paragrafer")', () => {
    expect(row(buildProtocolData(ref(), { generatedAt: AT }).firstPage.rows)).toEqual(['Se digital signatur på sista sidan']);
  });

  it("the immediate group's protocol, extract and public version say it was adjusted at the meeting — never the later time", () => {
    const doc = withOwn();
    const group = buildProtocolData(restrictTo(doc, [20, 21, 22]), { generatedAt: AT, wholeMeeting: doc });
    expect(row(group.firstPage.rows)).toEqual([ADJUSTED_AT_MEETING]);
    expect(row(buildExtractData(doc, { generatedAt: AT, paragraphs: [21] }).rows)).toEqual([ADJUSTED_AT_MEETING]);
    const pub = publicProtocolData({ paragraphs: [20, 21, 22], document: publicDocument(doc, [20, 21, 22]), signatureLines: [] }, AT);
    expect(row(pub.firstPage.rows)).toEqual([ADJUSTED_AT_MEETING]);
    // Without per-group values (before this change) the meeting's later value was printed here.
    expect(JSON.stringify(group.firstPage.rows)).not.toContain('Stadshuset');
  });

  it("the ordinary group's documents print its own time and place", () => {
    const doc = withOwn();
    const own = ['Stadshuset, Luleå', '15:00, 2020-11-11'];
    expect(row(buildProtocolData(restrictTo(doc, [23, 24, 25, 26]), { generatedAt: AT, wholeMeeting: doc }).firstPage.rows)).toEqual(own);
    expect(row(buildExtractData(doc, { generatedAt: AT, paragraphs: [24] }).rows)).toEqual(own);
    const pub = publicProtocolData({ paragraphs: [23, 24, 25, 26], document: publicDocument(doc, [23, 24, 25, 26]), signatureLines: [] }, AT);
    expect(row(pub.firstPage.rows)).toEqual(own);
    // The whole protocol: the ordinary group's value (the immediate §§ are named in "Justerade paragrafer").
    expect(row(buildProtocolData(doc, { generatedAt: AT }).firstPage.rows)).toEqual(own);
  });

  it("an extract across both groups says each group's value after its §§", () => {
    const doc = withOwn();
    expect(row(buildExtractData(doc, { generatedAt: AT, paragraphs: [21, 24] }).rows)).toEqual([`§ 21: ${ADJUSTED_AT_MEETING}`, '§ 24: Stadshuset, Luleå, 15:00, 2020-11-11']);
  });

  it('a meeting with only the meeting-level value prints it for every ordinary group (older files)', () => {
    const doc = ref();
    doc.meeting.adjustmentTimePlace = 'Kommunhuset 2020-11-11 kl. 15.00';
    expect(row(buildProtocolData(restrictTo(doc, [23, 24]), { generatedAt: AT }).firstPage.rows)).toEqual(['Kommunhuset 2020-11-11 kl. 15.00']);
    expect(row(buildProtocolData(restrictTo(doc, [20, 21]), { generatedAt: AT }).firstPage.rows)).toEqual([ADJUSTED_AT_MEETING]);
  });

  it("property: a document of one immediate group never prints the meeting's or another group's time and place", () => {
    fc.assert(
      fc.property(
        fc.subarray([20, 21, 22], { minLength: 1 }),
        fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== ''),
        (part, text) => {
          const doc = ref();
          doc.meeting.adjustmentTimePlace = text.trim();
          expect(timePlaceLinesFor(doc, part, paragraphLabel, true)).toEqual([ADJUSTED_AT_MEETING]);
          expect(timePlaceLinesFor(doc, part, paragraphLabel, false)).toEqual([ADJUSTED_AT_MEETING]);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe("the rules of a group's time and place", () => {
  const issues = (edit: (doc: MeetingDocument) => void) => {
    const doc = ref();
    edit(doc);
    return adjustmentIssues(doc).map((i) => i.message);
  };
  const ordinary = (doc: MeetingDocument) => doc.adjustmentGroups[1] as MeetingDocument['adjustmentGroups'][number];
  const immediate = (doc: MeetingDocument) => doc.adjustmentGroups[0] as MeetingDocument['adjustmentGroups'][number];

  it('an immediate group has no later time and place', () => {
    expect(issues((d) => (immediate(d).timePlace = { date: '2020-11-11', place: 'Stadshuset' }))).toEqual([
      expect.stringContaining('justeras omedelbart vid sammanträdet och har ingen senare tid och plats för justering'),
    ]);
  });

  it('not before the meeting, not after the last day for justering (KL 5 kap. 69 §)', () => {
    expect(issues((d) => (ordinary(d).timePlace = { date: '2020-11-04', place: 'Stadshuset' }))[0]).toContain('före sammanträdet 2020-11-05');
    // 2020-11-19 is the 14th day (a Thursday).
    expect(issues((d) => (ordinary(d).timePlace = { date: '2020-11-19', place: 'Stadshuset' }))).toEqual([]);
    expect(issues((d) => (ordinary(d).timePlace = { date: '2020-11-20', place: 'Stadshuset' }))[0]).toContain('senast 2020-11-19');
  });

  it('import refuses them with the path, and a version-2 file without the field imports unchanged', () => {
    const raw = structuredClone(reference) as unknown as { adjustmentGroups: Record<string, unknown>[] };
    (raw.adjustmentGroups[0] as Record<string, unknown>).timePlace = { date: '2020-11-06', place: 'Stadshuset' };
    const r = meetingDocumentSchema.safeParse(raw);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['adjustmentGroups', 0, 'timePlace']);

    const v2 = { ...(structuredClone(reference) as Record<string, unknown>), formatVersion: 2 };
    const upgraded = meetingDocumentSchema.parse(upgradeMeetingDocument(v2));
    expect(upgraded.formatVersion).toBe(MEETING_FORMAT_VERSION);
    expect(upgraded.adjustmentGroups.map((g) => g.timePlace)).toEqual([undefined, undefined]);
    expect(row(buildProtocolData(upgraded, { generatedAt: AT }).firstPage.rows)).toEqual(row(buildProtocolData(ref(), { generatedAt: AT }).firstPage.rows));
  });
});
