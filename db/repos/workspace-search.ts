// Full-text search over §§, fast on large databases: no bm25 ranking (it scores every match).
//
// 1. Each prefix term '"upph"*' is expanded through a connection-local fts5vocab table (temp
//    schema, so no migration) into the words the index holds, '("upphandling" OR …)'. FTS5 reads
//    a prefix query by merging every matching word's whole doclist first; an OR of words it
//    reads lazily, so a LIMIT stops it early. Terms in other scripts than Latin (JavaScript and
//    unicode61 might fold them differently), terms with more than MAX_WORDS words and a
//    connection where the vocab table cannot be made (query_only) keep the plain prefix query:
//    the same rows, only slower.
// 2. At most FEW matches: all are sorted by meeting date (newest first), then § number.
//    More: FTS5 hands out rowids newest-saved first (ORDER BY rowid DESC is its own order), the
//    joins filter board/year/meeting, and SQLite stops at `limit`; those hits are then sorted
//    by date. So a very common word shows the most recently saved matching §§.
//    With a board/year/meeting filter FTS5 is given the rowid ranges of those meetings' §§
//    (merged, newest first; contiguous when a meeting's §§ were saved together, as an import does).
// 3. snippet() is only computed for the rows returned.
import type Database from 'better-sqlite3';
import type { Db } from '../open';
import type { SearchHit } from '../../core/app/workspace/types';
import { SNIPPET_END, SNIPPET_START } from '../../core/app/workspace/types';

export interface SearchFilter {
  boardId?: string;
  meetingId?: string;
  year?: number;
}

/** A prefix term expands to at most this many words before the plain prefix query is used. */
export const MAX_WORDS = 32;
/** Up to this many matches are sorted by date; beyond it the most recently saved are taken. */
export const FEW = 1000;

const MIN_ROWID = -(2n ** 63n);
const MAX_ROWID = 2n ** 63n - 1n;
const VOCAB = 'temp.justera_paragraph_words';
const FILTER = `(@board IS NULL OR m.board_id = @board) AND (@meeting IS NULL OR m.id = @meeting) AND (@year IS NULL OR m.year = @year)`;
// FTS5 drives (CROSS JOIN keeps it the outer loop); the other tables are looked up by key.
const HIT = `SELECT m.id AS meetingId, b.id AS boardId, b.name AS boardName, m.date AS meetingDate,
    p.id AS paragraphId, p.number AS number, p.title AS title,
    snippet(paragraphs_fts, -1, '${SNIPPET_START}', '${SNIPPET_END}', '…', 14) AS snippet
  FROM paragraphs_fts CROSS JOIN paragraphs p ON p.rowid = paragraphs_fts.rowid
  CROSS JOIN meetings m ON m.id = p.meeting_id CROSS JOIN boards b ON b.id = p.board_id`;

interface Statements {
  vocab: Database.Statement | null;
  count: Database.Statement;
  sorted: Database.Statement;
  hitsOf: Database.Statement;
  newest: Database.Statement;
  bounds: Database.Statement;
}

const prepared = new WeakMap<Database.Database, Statements>();

export function searchStatements(sql: Database.Database): Statements {
  const cached = prepared.get(sql);
  if (cached) return cached;
  let vocab: Database.Statement | null = null;
  try {
    sql.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS ${VOCAB} USING fts5vocab(main, paragraphs_fts, row)`);
    vocab = sql.prepare(`SELECT term FROM ${VOCAB} WHERE term >= ? AND term < ? LIMIT ${MAX_WORDS + 1}`).pluck();
  } catch {
    vocab = null; // e.g. PRAGMA query_only: plain prefix queries still work
  }
  const s: Statements = {
    vocab,
    count: sql.prepare(`SELECT rowid FROM paragraphs_fts WHERE paragraphs_fts MATCH ? LIMIT ${FEW + 1}`).pluck(),
    sorted: sql
      .prepare(
        `SELECT p.id FROM paragraphs_fts CROSS JOIN paragraphs p ON p.rowid = paragraphs_fts.rowid CROSS JOIN meetings m ON m.id = p.meeting_id
         WHERE paragraphs_fts MATCH @q AND ${FILTER}
         ORDER BY m.date DESC, m.start_time DESC, m.id, p.number LIMIT @limit`,
      )
      .pluck(),
    // The rows picked above, with their snippets.
    hitsOf: sql.prepare(`${HIT} WHERE paragraphs_fts MATCH @q AND p.id IN (SELECT value FROM json_each(@ids))`),
    newest: sql.prepare(`${HIT} WHERE paragraphs_fts MATCH @q AND paragraphs_fts.rowid BETWEEN @lo AND @hi AND ${FILTER} ORDER BY paragraphs_fts.rowid DESC LIMIT @limit`),
    // The rowid range of each filtered meeting's §§ (meetings scanned, §§ through
    // paragraphs_meeting_idx): FTS5 then only walks those parts of its doclists.
    bounds: sql.prepare(`SELECT min(p.rowid) AS lo, max(p.rowid) AS hi FROM meetings m CROSS JOIN paragraphs p ON p.meeting_id = m.id WHERE ${FILTER} GROUP BY m.id ORDER BY lo`).safeIntegers(true),
  };
  prepared.set(sql, s);
  return s;
}

const quoted = (w: string): string => `"${w.replace(/"/g, '""')}"`;

/** Words shorter than this match only as whole words ("av", "§ 20"): as prefixes they match most of the index. */
export const MIN_PREFIX = 3;

/** '"Upph"* "Luleå"*' → '("upphandling" OR "upphandlingen") AND "luleå"' where the index allows. */
export function expandPrefixes(ftsQuery: string, words: ((prefix: string) => string[]) | null): string {
  const parts: string[] = [];
  for (const m of ftsQuery.matchAll(/"((?:[^"]|"")*)"(\*?)/g)) {
    const raw = (m[1] ?? '').replace(/""/g, '"');
    const term = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''); // "(x" and "nyckel*" are one token each
    const lower = term.toLowerCase();
    const oneLatinToken = /^[\p{Script=Latin}\p{N}]+$/u.test(term) && [...lower].length === [...term].length;
    if (m[2] !== '*') parts.push(quoted(raw));
    else if (oneLatinToken && [...term].length < MIN_PREFIX) parts.push(quoted(lower));
    else if (!oneLatinToken || words === null) parts.push(`${quoted(raw)}*`);
    else {
      const found = words(lower);
      if (found.length === 0 || found.length > MAX_WORDS) parts.push(`${quoted(raw)}*`);
      else parts.push(found.length === 1 ? quoted(found[0] as string) : `(${found.map(quoted).join(' OR ')})`);
    }
  }
  return parts.join(' AND ');
}

interface Range {
  lo: bigint;
  hi: bigint;
}

/** Ranges sorted by `lo`, merged where they touch or overlap, so no rowid is read twice. */
function disjoint(ranges: Range[]): Range[] {
  const out: Range[] = [];
  for (const r of ranges) {
    const last = out.at(-1);
    if (last !== undefined && r.lo <= last.hi + 1n) last.hi = r.hi > last.hi ? r.hi : last.hi;
    else out.push({ ...r });
  }
  return out;
}

/** For the most recently saved hits: newest meeting first, then § number. */
const newestFirst = (a: SearchHit, b: SearchHit): number => b.meetingDate.localeCompare(a.meetingDate) || a.meetingId.localeCompare(b.meetingId) || a.number - b.number;

export function searchParagraphs(db: Db, ftsQuery: string, filter: SearchFilter, limit: number, options: { few?: number } = {}): SearchHit[] {
  const s = searchStatements(db.$client);
  const vocab = s.vocab;
  const q = expandPrefixes(ftsQuery, vocab === null ? null : (prefix) => vocab.all(prefix, `${prefix}\u{10FFFF}`) as string[]);
  if (q === '') return [];
  const params = { q, board: filter.boardId ?? null, meeting: filter.meetingId ?? null, year: filter.year ?? null, limit };
  if (s.count.all(q).length > Math.min(options.few ?? FEW, FEW)) {
    const filtered = params.board !== null || params.meeting !== null || params.year !== null;
    const ranges = filtered ? disjoint(s.bounds.all(params) as Range[]) : [{ lo: MIN_ROWID, hi: MAX_ROWID }];
    const hits: SearchHit[] = [];
    for (const { lo, hi } of ranges.reverse()) {
      hits.push(...(s.newest.all({ ...params, lo, hi, limit: limit - hits.length }) as SearchHit[]));
      if (hits.length >= limit) break;
    }
    return hits.sort(newestFirst);
  }
  const order = s.sorted.all(params) as string[];
  if (order.length === 0) return [];
  const rank = new Map(order.map((id, i) => [id, i]));
  const hits = s.hitsOf.all({ q, ids: JSON.stringify(order) }) as SearchHit[];
  return hits.sort((a, b) => (rank.get(a.paragraphId) ?? 0) - (rank.get(b.paragraphId) ?? 0));
}
