// "Tid och plats för justering" per adjustment group (issues 14 and 15). An immediate group is
// adjusted at the meeting itself (KL 5 kap. 70 §) and never prints the meeting's later time and
// place; an ordinary group prints its own, or else the meeting's value (older files and meetings
// have only that one, and it is taken to mean every ordinary group).
import type { AdjustmentGroup, GroupTimePlace, MeetingDocument } from '../format/meeting';

/** What the protocol of an immediately adjusted group prints as its time and place of justering. */
export const ADJUSTED_AT_MEETING = 'Justerat omedelbart vid sammanträdet';
/** What a digitally signed protocol prints when no time and place was given. */
export const SEE_DIGITAL_SIGNATURE = 'Se digital signatur på sista sidan';

/** "Kommunhuset" / "10:00, 2027-03-25" — place first, then time and day as "Plats och tid" prints them. */
export function timePlaceLines(tp: GroupTimePlace): string[] {
  return [tp.place, tp.time === undefined ? tp.date : `${tp.time}, ${tp.date}`];
}

/** One line, for lists and messages: "Kommunhuset, 10:00, 2027-03-25". */
export function timePlaceText(tp: GroupTimePlace): string {
  return timePlaceLines(tp).join(', ');
}

type Meeting = Pick<MeetingDocument['meeting'], 'adjustmentTimePlace' | 'digitalSignatures'>;

/** The meeting-level value: what a whole protocol without groups, or a group without its own, prints. */
export function meetingTimePlaceLines(m: Meeting): string[] {
  return [m.adjustmentTimePlace ?? (m.digitalSignatures ? SEE_DIGITAL_SIGNATURE : '')];
}

/** The "Tid och plats för justering" lines of one group's document. */
export function groupTimePlaceLines(m: Meeting, g: Pick<AdjustmentGroup, 'immediate' | 'timePlace'>): string[] {
  if (g.immediate) return [ADJUSTED_AT_MEETING];
  return g.timePlace === undefined ? meetingTimePlaceLines(m) : timePlaceLines(g.timePlace);
}

/**
 * The lines for a document of the §§ `numbers` (a group's protocol, its extract, its public
 * version, or the whole protocol). One group: its value. `immediateStated`: the document says
 * elsewhere which §§ were adjusted at the meeting (the protocol's "Justerade paragrafer … varav
 * 20-22 omedelbart justerade", as the reference prints it) — then the immediate groups are left
 * out when ordinary ones are there too. Several different values: each after its §§
 * ("§§ 23-24: Kommunhuset, 2027-03-25").
 */
export function timePlaceLinesFor(doc: Pick<MeetingDocument, 'meeting' | 'adjustmentGroups'>, numbers: readonly number[], label: (ns: number[]) => string, immediateStated: boolean): string[] {
  const covered = doc.adjustmentGroups.map((g) => ({ g, covered: g.paragraphs.filter((n) => numbers.includes(n)) })).filter((x) => x.covered.length > 0);
  const each = covered.map((x) => ({ immediate: x.g.immediate, covered: x.covered, lines: groupTimePlaceLines(doc.meeting, x.g) }));
  const ungrouped = numbers.filter((n) => !covered.some((x) => x.covered.includes(n)));
  if (ungrouped.length > 0 || each.length === 0) each.push({ immediate: false, covered: ungrouped, lines: meetingTimePlaceLines(doc.meeting) });
  const shown = immediateStated && each.some((e) => !e.immediate) ? each.filter((e) => !e.immediate) : each;
  const first = shown[0];
  if (first === undefined) return meetingTimePlaceLines(doc.meeting);
  if (shown.every((e) => e.lines.join('\n') === first.lines.join('\n'))) return first.lines;
  return shown.map((e) => `${label(e.covered)}: ${e.lines.join(', ')}`);
}
