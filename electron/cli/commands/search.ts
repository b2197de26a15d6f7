// `justera search`: full-text search over §§ through the 'workspace.search' API method.
import { AppError } from '../../../core/api/errors';
import { SNIPPET_END, SNIPPET_START, type SearchHit } from '../../../core/app/workspace/types';
import type { CliCommand } from '../types';
import { apiOf, dbOption, jsonOption, printJson, withBackend } from '../io';

const START = new RegExp(SNIPPET_START, 'g');
const END = new RegExp(SNIPPET_END, 'g');

/** The snippet for a terminal: the matched words between » and «, whitespace on one line. */
export function terminalSnippet(snippet: string): string {
  return snippet.replace(START, '»').replace(END, '«').replace(/\s+/g, ' ').trim();
}

/** The snippet as plain text plus the matched words, for --json. */
function jsonHit(h: SearchHit): Record<string, unknown> {
  const marks = [...h.snippet.matchAll(new RegExp(`${SNIPPET_START}([^${SNIPPET_END}]*)${SNIPPET_END}`, 'g'))].map((m) => m[1] ?? '');
  return {
    boardId: h.boardId,
    boardName: h.boardName,
    meetingId: h.meetingId,
    meetingDate: h.meetingDate,
    paragraphId: h.paragraphId,
    number: h.number,
    title: h.title,
    snippet: h.snippet.replace(START, '').replace(END, ''),
    highlighted: terminalSnippet(h.snippet),
    matches: marks,
  };
}

export const searchCommand: CliCommand = {
  name: 'search',
  summary: 'Sök i paragrafernas text (fritext, versaler och gemener spelar ingen roll).',
  usage: 'justera search SÖKORD … --db FIL [--board ID] [--year ÅÅÅÅ] [--limit N] [--json]',
  details:
    'Alla ord måste finnas i paragrafen; varje ord matchar början av ett ord ("nyckel" hittar "nyckelsystem").\n' +
    'Träffarna markeras med »…«. Exempel: justera search ärendehanteringssystem --db justera.db --year 2020',
  options: {
    db: dbOption,
    board: { type: 'string', valueName: 'ID', description: 'Sök bara i denna nämnd.' },
    year: { type: 'string', valueName: 'ÅÅÅÅ', description: 'Sök bara i sammanträden detta år.' },
    limit: { type: 'string', valueName: 'N', description: 'Högst så många träffar (1–200, standard 50).' },
    json: jsonOption,
  },
  run: async (io, args) => {
    const query = args.positionals.join(' ').trim();
    if (query.length === 0) throw new AppError('validation', 'Ange vad du söker efter, t.ex. "justera search nyckelsystem --db justera.db".');
    const year = args.values.year;
    if (year !== undefined && !/^\d{4}$/.test(String(year))) throw new AppError('validation', `--year ska vara ett årtal med fyra siffror, inte "${String(year)}".`);
    const limit = args.values.limit;
    if (limit !== undefined && !/^\d{1,3}$/.test(String(limit))) throw new AppError('validation', `--limit ska vara ett heltal mellan 1 och 200, inte "${String(limit)}".`);
    return withBackend(io, args, async (backend) => {
      const hits = await apiOf(backend).call('workspace.search', {
        query,
        ...(typeof args.values.board === 'string' ? { boardId: args.values.board } : {}),
        ...(typeof year === 'string' ? { year: Number(year) } : {}),
        ...(typeof limit === 'string' ? { limit: Number(limit) } : {}),
      });
      if (args.values.json) {
        printJson(io, { query, hits: hits.map(jsonHit) });
        return 0;
      }
      if (hits.length === 0) {
        io.out(`Inga träffar för "${query}".`);
        return 0;
      }
      const lines: string[] = [`${hits.length} ${hits.length === 1 ? 'träff' : 'träffar'} för "${query}":`, ''];
      for (const h of hits) {
        lines.push(`${h.boardName}  ${h.meetingDate}  § ${h.number}  ${h.title}`);
        lines.push(`    ${terminalSnippet(h.snippet)}`);
        lines.push(`    [sammanträde ${h.meetingId}, paragraf ${h.paragraphId}]`);
      }
      io.out(lines.join('\n'));
      return 0;
    });
  },
};
