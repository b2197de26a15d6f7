// Person references inside a paragraph: keys in the file format, ids in the database.
import type { Paragraph } from './meeting';

/** A stable key from a name: "Åsa Öberg" → "asa-oberg". */
export function personKeyFromName(name: string): string {
  const folded = name
    .toLowerCase()
    .replace(/[åäàáâã]/g, 'a')
    .replace(/[öòóôõø]/g, 'o')
    .replace(/[éèêë]/g, 'e')
    .replace(/[üúùû]/g, 'u')
    .replace(/[íìîï]/g, 'i')
    .replace(/æ/g, 'ae')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return folded.length > 0 ? folded : 'person';
}

/** Keys for many people at once, made unique with "-2", "-3" in the order given. */
export function uniquePersonKeys(names: readonly { id: string; name: string }[]): Map<string, string> {
  const used = new Set<string>();
  const keys = new Map<string, string>();
  for (const { id, name } of names) {
    const base = personKeyFromName(name);
    let key = base;
    for (let n = 2; used.has(key); n += 1) key = `${base}-${n}`;
    used.add(key);
    keys.set(id, key);
  }
  return keys;
}

/** Rewrites every person reference in a paragraph (motions, votes, reservations, notes, jäv, the § chair). */
export function mapParagraphPersons(p: Paragraph, map: (ref: string) => string): Paragraph {
  return {
    ...p,
    motions: p.motions.map((m) => ({ ...m, by: map(m.by) })),
    reservations: p.reservations.map((r) => ({ ...r, person: map(r.person) })),
    protocolNotes: p.protocolNotes.map((n) => (n.by === undefined ? n : { ...n, by: map(n.by) })),
    jav: p.jav.map((j) => ({ ...j, person: map(j.person) })),
    ...(p.chair === undefined ? {} : { chair: map(p.chair) }),
    votes: p.votes.map((vote) =>
      vote.kind === 'open'
        ? {
            ...vote,
            votes: vote.votes.map((v) => ({ ...v, person: map(v.person) })),
            ...(vote.castingVote === undefined ? {} : { castingVote: { ...vote.castingVote, person: map(vote.castingVote.person) } }),
          }
        : vote,
    ),
  };
}
