// `justera search` through main() with a fake terminal, on the reference meeting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliSession } from '../helpers/cli';
import { referenceCopy } from '../helpers/backend';

let dir: string;
let boardId: string;
const { cli, stdout: lines, stderr } = cliSession(() => dir, '2020-11-05T10:45:00+01:00');
const stdout = () => lines('');

interface JsonHit {
  boardId: string;
  boardName: string;
  meetingId: string;
  meetingDate: string;
  paragraphId: string;
  number: number;
  title: string;
  snippet: string;
  highlighted: string;
  matches: string[];
}
async function jsonSearch(...argv: string[]): Promise<JsonHit[]> {
  expect(await cli('search', ...argv, '--db', 'a.db', '--json')).toBe(0);
  return (JSON.parse(stdout()) as { hits: JsonHit[] }).hits;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'justera-search-'));
  expect(await cli('demo', '--db', 'a.db', '--json')).toBe(0);
  expect(await cli('list', '--db', 'a.db', '--json')).toBe(0);
  boardId = (JSON.parse(stdout()) as { boards: { id: string }[] }).boards[0]?.id ?? '';
  expect(boardId).not.toBe('');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('justera search', () => {
  it('finds Swedish words whatever their case and marks the hit words', async () => {
    expect(await cli('search', 'ÄRENDEHANTERINGSSYSTEM', '--db', 'a.db')).toBe(0);
    const text = stdout();
    expect(text).toMatch(/1 träff för "ÄRENDEHANTERINGSSYSTEM"/);
    expect(text).toMatch(/2020-11-05 {2}§ 22 {2}\S/);
    expect(text).toMatch(/»ärendehanteringssystem[^«]*«/i);
    expect(text).not.toContain('\u0002');
    expect(text).not.toContain('\u0003');
    expect((await jsonSearch('ärendehanteringssystem')).map((h) => h.number)).toEqual([22]);
  });

  it('filters by board and year', async () => {
    // A second meeting, a year later in another board, with the same text.
    const copy = referenceCopy();
    copy.meeting.date = '2021-03-04';
    (copy as unknown as { board: { name: string } }).board.name = 'Testnämnden';
    writeFileSync(join(dir, 'copy.json'), JSON.stringify(copy));
    expect(await cli('import', 'copy.json', '--db', 'a.db')).toBe(0);
    const all = await jsonSearch('nyckelsys');
    expect(all.map((h) => `${h.meetingDate} ${h.number}`).sort()).toEqual(['2020-11-05 20', '2021-03-04 20']);
    expect((await jsonSearch('NYCKELSYS', '--year', '2020')).map((h) => [h.meetingDate, h.boardId])).toEqual([['2020-11-05', boardId]]);
    expect((await jsonSearch('nyckelsys', '--year', '2021')).map((h) => h.meetingDate)).toEqual(['2021-03-04']);
    expect((await jsonSearch('nyckelsys', '--board', boardId)).map((h) => h.meetingDate)).toEqual(['2020-11-05']);
    expect(await jsonSearch('nyckelsys', '--board', boardId, '--year', '2021')).toEqual([]);
    expect(await jsonSearch('luleå', '--year', '2019')).toEqual([]);
    expect(await cli('search', 'luleå', '--year', '2019', '--db', 'a.db')).toBe(0);
    expect(stdout()).toContain('Inga träffar för "luleå"');
    expect(await cli('search', 'luleå', '--year', '20', '--db', 'a.db')).toBe(1);
    expect(stderr('')).toContain('--year ska vara ett årtal');
  });

  it('prints hits as JSON with board, date, § number, title and snippet', async () => {
    const [hit, ...rest] = await jsonSearch('nyckelsys', '--year', '2020');
    expect(rest).toEqual([]);
    expect(hit).toMatchObject({ boardId, meetingDate: '2020-11-05', number: 20 });
    expect(Object.keys(hit ?? {}).sort()).toEqual(['boardId', 'boardName', 'highlighted', 'matches', 'meetingDate', 'meetingId', 'number', 'paragraphId', 'snippet', 'title']);
    expect(hit?.title.length).toBeGreaterThan(0);
    expect(hit?.boardName.length).toBeGreaterThan(0);
    for (const c of ['\u0002', '\u0003', '»', '«']) expect(hit?.snippet).not.toContain(c);
    expect(hit?.highlighted).toMatch(/»[^«]+«/);
    expect(hit?.matches.every((m) => /^nyckelsys/i.test(m))).toBe(true);
  });

  it('never errors on FTS syntax characters', async () => {
    for (const q of ['"', 'nyckelsystem AND (', 'NEAR(a b)', '*', 'a OR b"* -c', ')', '^luleå', 'kommuns:']) {
      expect(await cli('search', q, '--db', 'a.db')).toBe(0);
      expect(stderr()).toBe('');
    }
    expect(await cli('search', '--db', 'a.db')).toBe(1);
    expect(stderr('')).toContain('Ange vad du söker efter');
  });
});
