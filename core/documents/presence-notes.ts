// Sentences stating, in the § where it happens, who arrived, left, or began or stopped serving.
// Compares who was present and who served on the § before with this one; jäv is stated in its
// own section, so only the attendance intervals count here.
import type { Attendance, MeetingDocument } from '../format/meeting';
import { covers } from '../domain/presence';
import type { People } from './people';

type PresenceInput = Pick<MeetingDocument, 'attendance' | 'paragraphs'>;

export function presenceNotes(doc: PresenceInput, n: number, people: People): string[] {
  const idx = doc.paragraphs.findIndex((p) => p.number === n);
  const prevParagraph = idx > 0 ? doc.paragraphs[idx - 1] : undefined;
  if (prevParagraph === undefined) return [];
  const prev = prevParagraph.number;
  const servingBefore = serving(doc.attendance, prev);
  const servingNow = serving(doc.attendance, n);
  const presentBefore = present(doc.attendance, prev);
  const presentNow = present(doc.attendance, n);
  const who = (key: string) => people.withParty(key);

  const leaving: string[] = [];
  const arriving: string[] = [];
  for (const [person] of servingBefore) {
    if (servingNow.has(person)) continue;
    leaving.push(presentNow.has(person) ? `${who(person)} tjänstgör inte från och med § ${n}.` : `${who(person)} lämnar sammanträdet efter § ${prev}.`);
  }
  for (const person of presentBefore) {
    if (!presentNow.has(person) && !servingBefore.has(person)) leaving.push(`${who(person)} lämnar sammanträdet efter § ${prev}.`);
  }
  for (const [person, a] of servingNow) {
    const seatBefore = servingBefore.get(person);
    const instead = a.replaces === undefined ? '' : ` i stället för ${who(a.replaces)}`;
    if (seatBefore === undefined) {
      const joins = presentBefore.has(person) ? '' : 'ansluter till sammanträdet och ';
      arriving.push(`${who(person)} ${joins}tjänstgör från och med § ${n}${instead}.`);
    } else if (seatBefore.replaces !== a.replaces && a.replaces !== undefined) {
      arriving.push(`${who(person)} tjänstgör från och med § ${n}${instead}.`);
    }
  }
  for (const person of presentNow) {
    if (!presentBefore.has(person) && !servingNow.has(person)) arriving.push(`${who(person)} ansluter till sammanträdet från och med § ${n}.`);
  }
  return [...leaving, ...arriving];
}

function serving(attendance: readonly Attendance[], n: number): Map<string, Attendance> {
  const out = new Map<string, Attendance>();
  for (const a of attendance) {
    if ((a.capacity === 'member' || a.capacity === 'substitute') && covers(a, n) && !out.has(a.person)) out.set(a.person, a);
  }
  return out;
}

function present(attendance: readonly Attendance[], n: number): Set<string> {
  return new Set(attendance.filter((a) => covers(a, n)).map((a) => a.person));
}
