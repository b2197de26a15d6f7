// Full-text search over §§ (FTS5, unicode61: Swedish letters match whatever their case). The
// user's words become quoted prefix terms, so no input can be an FTS syntax error.
import type { WorkspaceDeps } from './deps';
import type { SearchHit } from './types';

/** "Nyckel LULEÅ" → '"Nyckel"* "LULEÅ"*' (all words must occur, each as a word prefix). */
export function ftsQuery(input: string): string | null {
  const terms = input
    .split(/\s+/)
    .map((t) => t.replace(/"/g, ''))
    .filter((t) => /[\p{L}\p{N}]/u.test(t))
    .slice(0, 12);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t}"*`).join(' ');
}

export function search(deps: WorkspaceDeps, input: { query: string; boardId?: string; meetingId?: string; year?: number; limit?: number }): SearchHit[] {
  const q = ftsQuery(input.query);
  if (q === null) return [];
  const filter = {
    ...(input.boardId === undefined ? {} : { boardId: input.boardId }),
    ...(input.meetingId === undefined ? {} : { meetingId: input.meetingId }),
    ...(input.year === undefined ? {} : { year: input.year }),
  };
  return deps.ws.search(q, filter, input.limit ?? 50);
}
