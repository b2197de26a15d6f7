// Search on a generated set of boards, years and meetings: newest meeting first, filters, the
// prefix expansion giving exactly the rows of FTS5's own prefix query, and both query paths
// (sorting all matches / the most recently saved first) agreeing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ftsQuery } from '../../core/app/workspace/search';
import type { SearchHit } from '../../core/app/workspace/types';
import { expandPrefixes, searchParagraphs } from '../../db/repos/workspace-search';
import { generateMeetings } from '../bench/dataset';
import { testBackend, type TestBackend } from '../helpers/backend';

let t: TestBackend;
const docs = [...generateMeetings({ years: 2, boards: 2, meetingsPerYear: 3, paragraphsPerMeeting: 6, wordsPerParagraph: 30, seed: 7 })];

beforeAll(async () => {
  t = testBackend({ memory: true });
  // Saved newest first, so the order of saving is the opposite of the date order.
  for (const document of [...docs].sort((a, b) => b.meeting.date.localeCompare(a.meeting.date))) {
    const r = await t.backend.dispatch('meetings.import', { document });
    if (!r.ok) throw new Error(r.error.message);
  }
}, 60_000);
afterAll(() => t.dispose());

const key = (h: SearchHit) => `${h.meetingDate} ${h.boardName} § ${h.number}`;
function expectNewestFirst(hits: SearchHit[]): void {
  for (let i = 1; i < hits.length; i += 1) {
    const [a, b] = [hits[i - 1] as SearchHit, hits[i] as SearchHit];
    expect(a.meetingDate >= b.meetingDate, `${key(a)} before ${key(b)}`).toBe(true);
    if (a.meetingId === b.meetingId) expect(a.number).toBeLessThan(b.number);
  }
}

describe('search order and filters', () => {
  it('lists the newest meeting first and §§ in order within it, whatever order they were saved in', async () => {
    const hits = await t.api.call('workspace.search', { query: 'kommun', limit: 200 });
    expect(hits.length).toBeGreaterThan(10);
    expectNewestFirst(hits);
    const newest = docs
      .map((d) => d.meeting.date)
      .sort()
      .at(-1);
    expect(hits[0]?.meetingDate).toBe(newest);
  });

  it('filters by board and year', async () => {
    const boards = await t.api.call('boards.list', {});
    const board = boards[1];
    if (board === undefined) throw new Error('two boards expected');
    const hits = await t.api.call('workspace.search', { query: 'kommun', boardId: board.id, year: 2016, limit: 200 });
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      expect(h.boardId).toBe(board.id);
      expect(h.meetingDate.startsWith('2016-')).toBe(true);
    }
    expectNewestFirst(hits);
    expect(await t.api.call('workspace.search', { query: 'kommun', year: 1999 })).toEqual([]);
  });

  it('expands a prefix into the words of the index and finds exactly what the prefix query finds', () => {
    const sql = t.backend.db.$client;
    const rows = (match: string) => sql.prepare('SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH ? ORDER BY rowid').pluck().all(match);
    const words = (prefix: string) => sql.prepare('SELECT DISTINCT term FROM temp.justera_paragraph_words WHERE term >= ? AND term < ?').pluck().all(prefix, `${prefix}\u{10FFFF}`) as string[];
    for (const input of ['kommun', 'UPPHANDL', 'Luleå', 'nämnd beslut', 'ärende', 'förvaltn*', '(upph', 'e-nämnd', 'xyzzy', 'av']) {
      const q = ftsQuery(input) as string;
      const expanded = expandPrefixes(q, words);
      if (/^(av)$/.test(input))
        expect(expanded).toBe('"av"'); // short words match whole words only
      else expect(rows(expanded), `${input}: ${expanded}`).toEqual(rows(q));
    }
    expect(expandPrefixes('"upph"*', () => ['upphandling', 'upphandlingen'])).toBe('("upphandling" OR "upphandlingen")');
    expect(expandPrefixes('"upph"* "x"*', null)).toBe('"upph"* AND "x"');
    expect(expandPrefixes('"Ωμέγα"*', () => ['fel'])).toBe('"Ωμέγα"*'); // other scripts: FTS5's own prefix query
  });

  it('gives the same hits when all matches are sorted and when the most recently saved are taken', () => {
    const q = ftsQuery('kommun') as string;
    const sorted = searchParagraphs(t.backend.db, q, {}, 500);
    const newest = searchParagraphs(t.backend.db, q, {}, 500, { few: 0 });
    expect(newest.map(key).sort()).toEqual(sorted.map(key).sort());
    expectNewestFirst(newest);
    // With a limit, that path takes the §§ saved last (here the oldest meetings), sorted by date.
    const top = searchParagraphs(t.backend.db, q, {}, 5, { few: 0 });
    expect(top).toHaveLength(5);
    expectNewestFirst(top);
    const oldest = docs.map((d) => d.meeting.date).sort()[0];
    expect(top.at(-1)?.meetingDate).toBe(oldest);
    const year = searchParagraphs(t.backend.db, q, { year: 2015 }, 500, { few: 0 });
    expect(year.map(key).sort()).toEqual(
      sorted
        .filter((h) => h.meetingDate.startsWith('2015-'))
        .map(key)
        .sort(),
    );
  });
});
