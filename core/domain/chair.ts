// Who chairs each § (ordförande under paragrafen). The meeting has one chair (meeting.chair), who
// leads every § they serve on. On a § where the chair does not serve — jäv, left the meeting
// early, not yet arrived — someone else leads it (KL 6 kap. 20–21 §§): the vice ordförande, then
// the andre vice ordförande, else the longest-serving member (ålderspresident) or whoever the
// board appoints. Justera proposes the vice chairs from the roster; anything else the secretary
// records per § (paragraphs[].chair). The acting chair casts the casting vote (utslagsröst) on
// that § and is named in the protocol and the närvarolista.
//
// One rule for every entrance: rules.ts checks the recorded choice and asks for one where no
// proposal exists; the documents, the editor and the vote checks all ask actingChair().
import type { Attendance, MeetingDocument, Member, Paragraph } from '../format/meeting';
import { covers, servingOn } from './presence';

export type ChairInput = Pick<MeetingDocument, 'attendance' | 'members'> & {
  meeting: Pick<MeetingDocument['meeting'], 'chair'>;
  paragraphs: readonly Pick<Paragraph, 'number' | 'jav' | 'chair'>[];
};

/**
 * Why the acting chair leads § n: `meeting` the meeting's chair serves; `chosen` recorded for
 * the § (paragraphs[].chair); `vice`/`andre_vice` proposed from the roster.
 */
export type ChairBasis = 'meeting' | 'chosen' | 'vice' | 'andre_vice';

export interface ActingChair {
  person: string;
  basis: ChairBasis;
}

/** Why the meeting's chair does not lead § n. */
export type ChairAbsence = 'jav' | 'left' | 'not_arrived' | 'absent';

/** Who serves on § n (servingOn, so jäv and substitutes count). */
function servingSet(doc: ChairInput, n: number): Set<string> {
  return new Set(servingOn({ attendance: doc.attendance, paragraphs: doc.paragraphs as Paragraph[] }, n).map((s) => s.person));
}

/** Whether the meeting's chair serves on § n, and so leads it. */
export function chairServes(doc: ChairInput, n: number): boolean {
  return servingSet(doc, n).has(doc.meeting.chair);
}

/** The roster's vice chair, then andre vice chair, who serve on § n (the proposal when the chair does not). */
export function proposedChair(doc: ChairInput, n: number): ActingChair | null {
  const serving = servingSet(doc, n);
  const holder = (role: Member['role']) => doc.members.find((m) => m.role === role && m.person !== doc.meeting.chair && serving.has(m.person))?.person;
  const vice = holder('vice_ordforande');
  if (vice !== undefined) return { person: vice, basis: 'vice' };
  const andre = holder('andre_vice_ordforande');
  if (andre !== undefined) return { person: andre, basis: 'andre_vice' };
  return null;
}

/**
 * Who chairs § n: the meeting's chair when they serve on it; else the choice recorded for the §
 * when that person serves there; else the proposal (vice, then andre vice ordförande serving on
 * the §); null when there is none — rules.ts then asks the secretary to record one.
 */
export function actingChair(doc: ChairInput, n: number): ActingChair | null {
  const serving = servingSet(doc, n);
  if (serving.has(doc.meeting.chair)) return { person: doc.meeting.chair, basis: 'meeting' };
  const chosen = doc.paragraphs.find((p) => p.number === n)?.chair;
  if (chosen !== undefined && serving.has(chosen)) return { person: chosen, basis: 'chosen' };
  return proposedChair(doc, n);
}

/**
 * Why the meeting's chair is not leading § n, or null when they serve on it. `whole`: the whole
 * meeting's attendance and § numbers when `doc` holds only some §§ (an extract), so the reason
 * reads as in the protocol ("har lämnat sammanträdet", not "inte är närvarande").
 */
export function chairAbsence(doc: ChairInput, n: number, whole: { attendance: readonly Attendance[]; paragraphs: readonly { number: number }[] } = doc): ChairAbsence | null {
  if (chairServes(doc, n)) return null;
  const chair = doc.meeting.chair;
  if (doc.paragraphs.find((p) => p.number === n)?.jav.some((j) => j.person === chair) === true) return 'jav';
  const numbers = whole.paragraphs.map((p) => p.number);
  const served = numbers.filter((m) => whole.attendance.some((a) => a.person === chair && (a.capacity === 'member' || a.capacity === 'substitute') && covers(a, m)));
  if (served.some((m) => m < n)) return 'left';
  if (served.some((m) => m > n)) return 'not_arrived';
  return 'absent';
}

/** The §§ (numbers) chaired by someone other than the meeting's chair, with who. */
export function actingChairs(doc: ChairInput): Map<number, ActingChair | null> {
  const out = new Map<number, ActingChair | null>();
  for (const p of doc.paragraphs) if (!chairServes(doc, p.number)) out.set(p.number, actingChair(doc, p.number));
  return out;
}

/** "har anmält jäv", "har lämnat sammanträdet" …: why the meeting's chair does not lead the § (after "då ordföranden X"). */
export function chairAbsenceText(absence: ChairAbsence): string {
  switch (absence) {
    case 'jav':
      return 'har anmält jäv';
    case 'left':
      return 'har lämnat sammanträdet';
    case 'not_arrived':
      return 'ännu inte har anslutit till sammanträdet';
    case 'absent':
      return 'inte är närvarande';
    default: {
      const never: never = absence;
      return never;
    }
  }
}
