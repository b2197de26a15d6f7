// Sentences stating, in the § where it happens, who arrived, left, or began or stopped serving.
// Compares who was present and who served on the § before with this one; jäv is stated in its
// own section, so only the attendance intervals count here.
import type { Attendance, MeetingDocument } from '../format/meeting';
import { covers } from '../domain/presence';
import type { People } from './people';

type PresenceInput = Pick<MeetingDocument, 'attendance' | 'paragraphs'>;

/**
 * What presence sentences need of the whole meeting: its attendance and the numbers of its §§, in
 * order. A document of a part of the meeting keeps this (the public version stores it with its
 * source) so that a change at a § outside the part is stated with the § where it happened.
 */
export interface PresenceSource {
  attendance: readonly Attendance[];
  paragraphs: readonly { number: number }[];
}

/** The presence source of `doc`: attendance without remarks (they are not needed, nor published). */
export function presenceSourceOf(doc: Pick<MeetingDocument, 'attendance' | 'paragraphs'>): PresenceSource {
  return {
    attendance: doc.attendance.map(({ note: _note, ...a }) => a),
    paragraphs: doc.paragraphs.map((p) => ({ number: p.number })),
  };
}

/**
 * The sentences for § `n` of `doc`. `whole` is the whole meeting when `doc` holds only some of
 * its §§ (an adjustment group's document or an extract, see restrictTo): a change that happened
 * at a § left out of `doc` is then stated with the § where it really happened ("tjänstgör från
 * och med § 14" in the text of § 16), never with § `n`. Only people whose presence or seat differs
 * between the previous § of `doc` and § `n` are mentioned.
 */
export function presenceNotes(doc: PresenceInput, n: number, people: People, whole: PresenceSource = doc): string[] {
  const idx = doc.paragraphs.findIndex((p) => p.number === n);
  const prevParagraph = idx > 0 ? doc.paragraphs[idx - 1] : undefined;
  if (prevParagraph === undefined) return [];
  const prev = prevParagraph.number;
  const numbers = whole.paragraphs.map((p) => p.number);
  // The §§ of the meeting from the previous § of the document through § n, in order.
  const span = whole !== doc && numbers.includes(prev) && numbers.includes(n) ? numbers.filter((m) => m >= prev && m <= n) : [prev, n];
  const source = span.length > 2 || whole !== doc ? whole : doc;
  const who = (key: string) => people.withParty(key);
  const changed = changedPeople(source.attendance, prev, n);
  const out: string[] = [];
  for (let i = 1; i < span.length; i += 1) {
    const from = span[i - 1] as number;
    const to = span[i] as number;
    for (const note of step(source.attendance, from, to, who)) if (changed.has(note.person)) out.push(note.text);
  }
  return out;
}

interface Note {
  person: string;
  text: string;
}

/** What changed from § `prev` to the next § `n` of the meeting: who left, then who came. */
function step(attendance: readonly Attendance[], prev: number, n: number, who: (key: string) => string): Note[] {
  const servingBefore = serving(attendance, prev);
  const servingNow = serving(attendance, n);
  const presentBefore = present(attendance, prev);
  const presentNow = present(attendance, n);

  const leaving: Note[] = [];
  const arriving: Note[] = [];
  // The clock time of a departure after § prev, or an arrival at § n, when recorded ("kl. 14.20").
  const leftAt = (person: string) => timeText(attendance.find((a) => a.person === person && a.capacity !== 'absent' && a.toParagraph === prev && a.toTime !== undefined)?.toTime);
  const cameAt = (person: string) => timeText(attendance.find((a) => a.person === person && a.capacity !== 'absent' && a.fromParagraph === n && a.fromTime !== undefined)?.fromTime);
  for (const [person] of servingBefore) {
    if (servingNow.has(person)) continue;
    leaving.push({ person, text: presentNow.has(person) ? `${who(person)} tjänstgör inte från och med § ${n}.` : `${who(person)} lämnar sammanträdet${leftAt(person)} efter § ${prev}.` });
  }
  for (const person of presentBefore) {
    if (!presentNow.has(person) && !servingBefore.has(person)) leaving.push({ person, text: `${who(person)} lämnar sammanträdet${leftAt(person)} efter § ${prev}.` });
  }
  for (const [person, a] of servingNow) {
    const seatBefore = servingBefore.get(person);
    const instead = a.replaces === undefined ? '' : ` i stället för ${who(a.replaces)}`;
    if (seatBefore === undefined) {
      const joins = presentBefore.has(person) ? '' : `ansluter till sammanträdet${cameAt(person)} och `;
      arriving.push({ person, text: `${who(person)} ${joins}tjänstgör från och med § ${n}${instead}.` });
    } else if (seatBefore.replaces !== a.replaces && a.replaces !== undefined) {
      arriving.push({ person, text: `${who(person)} tjänstgör från och med § ${n}${instead}.` });
    }
  }
  for (const person of presentNow) {
    if (!presentBefore.has(person) && !servingNow.has(person)) arriving.push({ person, text: `${who(person)} ansluter till sammanträdet${cameAt(person)} från och med § ${n}.` });
  }
  return [...leaving, ...arriving];
}

/** " kl. 14.20" for a recorded time, "" for none. */
function timeText(time: string | undefined): string {
  return time === undefined ? '' : ` kl. ${time.replace(':', '.')}`;
}

/** People whose presence or seat on § `b` differs from § `a`. */
function changedPeople(attendance: readonly Attendance[], a: number, b: number): Set<string> {
  const state = (n: number) => {
    const seats = serving(attendance, n);
    const here = present(attendance, n);
    const out = new Map<string, string>();
    for (const person of here) out.set(person, 'present');
    for (const [person, s] of seats) out.set(person, `serving:${s.replaces ?? ''}`);
    return out;
  };
  const before = state(a);
  const after = state(b);
  const changed = new Set<string>();
  for (const person of new Set([...before.keys(), ...after.keys()])) if (before.get(person) !== after.get(person)) changed.add(person);
  return changed;
}

function serving(attendance: readonly Attendance[], n: number): Map<string, Attendance> {
  const out = new Map<string, Attendance>();
  for (const a of attendance) {
    if ((a.capacity === 'member' || a.capacity === 'substitute') && covers(a, n) && !out.has(a.person)) out.set(a.person, a);
  }
  return out;
}

function present(attendance: readonly Attendance[], n: number): Set<string> {
  return new Set(attendance.filter((a) => a.capacity !== 'absent' && covers(a, n)).map((a) => a.person));
}
