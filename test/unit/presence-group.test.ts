// Presence sentences in the document of an adjustment group or an extract whose §§ are not
// contiguous (issue 14): a change that happened at a § left out of the document is stated with
// the § where it happened, never with the § of the document that follows it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildExtractData, buildProtocolData } from '../../core/documents';
import { restrictTo } from '../../core/documents/extract';
import { peopleOf } from '../../core/documents/people';
import { presenceNotes } from '../../core/documents/presence-notes';
import { meetingDocumentSchema, type MeetingDocument } from '../../core/format/meeting';
import reference from '../../core/reference/e-namnden-2020-11-05.json' with { type: 'json' };

const ref = (): MeetingDocument => meetingDocumentSchema.parse(structuredClone(reference));
const AT = '2020-11-12T10:00:00+01:00';

/** Sara Lundberg arrives at § `at`; Robert Bernhardsson serves for her until then and stays on. */
function lateArrival(at: number): MeetingDocument {
  const doc = ref();
  const sara = doc.attendance.find((a) => a.person === 'sara-lundberg');
  if (sara === undefined) throw new Error('referensen saknar Sara Lundberg');
  sara.fromParagraph = at;
  doc.attendance = doc.attendance.filter((a) => a.person !== 'robert-bernhardsson');
  doc.attendance.push(
    { person: 'robert-bernhardsson', capacity: 'substitute', replaces: 'sara-lundberg', toParagraph: at - 1 },
    { person: 'robert-bernhardsson', capacity: 'present', fromParagraph: at },
  );
  return meetingDocumentSchema.parse(doc);
}

const REAL = ['Robert Bernhardsson (S) tjänstgör inte från och med § 23.', 'Sara Lundberg (S) ansluter till sammanträdet och tjänstgör från och med § 23.'];

describe('presence sentences in a part of the meeting', () => {
  it('in the whole protocol they stand at § 23, where the change happened', () => {
    const doc = lateArrival(23);
    expect(presenceNotes(doc, 23, peopleOf(doc))).toEqual(REAL);
  });

  it('the group §§ 21 and 25: § 25 states § 23, never § 25 (protocol of the group and extract)', () => {
    const doc = lateArrival(23);
    const group = buildProtocolData(restrictTo(doc, [21, 25]), { generatedAt: AT, wholeMeeting: doc });
    expect(group.paragraphs.find((p) => p.number === 25)?.presenceNotes).toEqual(REAL);
    const extract = buildExtractData(doc, { generatedAt: AT, paragraphs: [21, 25] });
    expect(extract.paragraphs.find((p) => p.number === 25)?.presenceNotes).toEqual(REAL);
    // Without the whole meeting the part can only guess; that guess was "§ 25".
    const guessed = buildProtocolData(restrictTo(doc, [21, 25]), { generatedAt: AT });
    expect(guessed.paragraphs.find((p) => p.number === 25)?.presenceNotes.join(' ')).toContain('§ 25');
  });

  it('never names a § where nothing happened, and names every change (any part, any arrival)', () => {
    const numbers = [20, 21, 22, 23, 24, 25, 26];
    fc.assert(
      fc.property(fc.integer({ min: 21, max: 26 }), fc.subarray(numbers, { minLength: 2 }), (at, part) => {
        const doc = lateArrival(at);
        const people = peopleOf(doc);
        const restricted = restrictTo(doc, part);
        for (const [i, n] of part.entries()) {
          if (i === 0) continue;
          const prev = part[i - 1] as number;
          const stated = presenceNotes(restricted, n, people, doc);
          // Each sentence is one the whole protocol states at a § after the previous § of the part.
          const real = numbers.filter((m) => m > prev && m <= n).flatMap((m) => presenceNotes(doc, m, people));
          for (const s of stated) expect(real).toContain(s);
          // Sara's arrival between the two §§ is always stated.
          if (prev < at && at <= n) expect(stated).toContain(`Sara Lundberg (S) ansluter till sammanträdet och tjänstgör från och med § ${at}.`);
        }
      }),
      { numRuns: 60 },
    );
  });
});
