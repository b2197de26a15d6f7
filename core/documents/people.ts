// Resolves person keys to what documents print: names, parties, what a member represents.
import { AppError } from '../api/errors';
import type { MeetingDocument, Member } from '../format/meeting';

export interface People {
  name(key: string): string;
  /** The member's party on the meeting date, or ''. */
  party(key: string): string;
  /** "Anders Lundkvist (S)", or the bare name for people without a party. */
  withParty(key: string): string;
  /** What a member represents, or an official's organisation, or ''. */
  organisation(key: string): string;
  /** The member record valid on the meeting date, if any. */
  member(key: string): Member | undefined;
}

export function peopleOf(doc: MeetingDocument): People {
  const names = new Map(doc.people.map((p) => [p.key, p.name]));
  const date = doc.meeting.date;
  // A person may have several assignments over the years; the one covering the meeting counts.
  const members = new Map<string, Member>();
  for (const m of doc.members) {
    const current = m.termStart <= date && date <= m.termEnd;
    if (current || !members.has(m.person)) members.set(m.person, m);
  }
  const officials = new Map(doc.officials.map((o) => [o.person, o]));

  const name = (key: string): string => {
    const found = names.get(key);
    if (found === undefined) {
      throw new AppError('validation', `Personen "${key}" finns inte i sammanträdets personlista. Lägg till personen eller rätta nyckeln.`);
    }
    return found;
  };
  const party = (key: string): string => members.get(key)?.party ?? '';
  return {
    name,
    party,
    withParty: (key) => (party(key) === '' ? name(key) : `${name(key)} (${party(key)})`),
    organisation: (key) => members.get(key)?.represents ?? officials.get(key)?.organisation ?? '',
    member: (key) => members.get(key),
  };
}

/** "A", "A och B", "A, B och C". */
export function joinSwedish(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

/** "E-nämnden" → "E-nämndens"; names already ending in s, x or z take no extra s. */
export function genitive(name: string): string {
  return /[sxz]$/i.test(name) ? name : `${name}s`;
}
