// `justera people list` and `justera people identifiers list|add|remove` (issue 13): people with
// their ids, identifiers added through the same API and validation as the board screen, listed
// masked unless --visa-fullständiga (audited), Swedish messages on bad input and nothing stored.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { cliSession } from '../helpers/cli';

let dir: string;
const { cli, stdout, stderr } = cliSession(() => dir, '2020-11-05T10:45:00+01:00', ['--db', 'j.db']);
const sql = <T>(q: string): T[] => {
  const db = new Database(join(dir, 'j.db'), { readonly: true });
  try {
    return db.prepare(q).all() as T[];
  } finally {
    db.close();
  }
};

interface Listed {
  boards: { boardId: string; board: string; people: { personId: string; name: string; roles: string[]; identifiers: number }[] }[];
}

async function saraId(): Promise<string> {
  expect(await cli('people', 'list', '--json')).toBe(0);
  const listed = JSON.parse(stdout('')) as Listed;
  const sara = listed.boards.flatMap((b) => b.people).find((p) => p.name === 'Sara Lundberg');
  expect(sara).toBeDefined();
  return sara?.personId ?? '';
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'justera-people-'));
  expect(await cli('demo')).toBe(0);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('justera people list', () => {
  it('lists every member and official of each board with the person id from the database', async () => {
    expect(await cli('people', 'list')).toBe(0);
    const text = stdout();
    const persons = sql<{ id: string; name: string }>('SELECT id, name FROM persons');
    const assigned = sql<{ person_id: string }>('SELECT person_id FROM assignments WHERE retired_on IS NULL UNION SELECT person_id FROM officials');
    expect(assigned.length).toBeGreaterThan(5);
    for (const a of assigned) {
      const p = persons.find((x) => x.id === a.person_id);
      expect(text).toContain(`[${a.person_id}]`);
      expect(text).toContain(p?.name ?? '?');
    }
    expect(text).toMatch(/Sara Lundberg .* e-leg: ingen {2}\[/);
  });

  it('--board filters; an unknown board is named', async () => {
    const board = sql<{ id: string }>('SELECT id FROM boards')[0]?.id ?? '';
    expect(await cli('people', 'list', '--board', board, '--json')).toBe(0);
    expect((JSON.parse(stdout('')) as Listed).boards.map((b) => b.boardId)).toEqual([board]);
    expect(await cli('people', 'list', '--board', 'finns-inte')).toBe(1);
    expect(stderr('')).toContain('Nämnden finns-inte finns inte');
  });
});

describe('justera people identifiers', () => {
  it('adds a personnummer in every written form, stores it normalised once, lists it masked', async () => {
    const id = await saraId();
    // 121212+1212: "+" = 100 years or older, so 1912; the check digit is Skatteverket's test number's.
    for (const form of ['19121212-1212', '191212121212', 'SE191212121212', 'PNOSE-191212121212', '121212+1212']) {
      expect(await cli('people', 'identifiers', 'add', id, 'personnummer', form)).toBe(0);
      expect(stdout('')).toContain('19121212-••••');
    }
    expect(sql<{ value: string }>('SELECT value FROM person_identifiers')).toEqual([{ value: '191212121212' }]);
    expect(await cli('people', 'identifiers', 'list', id)).toBe(0);
    expect(stdout('')).toContain('personnummer: 19121212-••••');
    expect(stdout('')).not.toContain('1212121212');
    expect(await cli('people', 'identifiers', 'list', id, '--json')).toBe(0);
    expect(stdout('')).not.toContain('191212121212');
    // The people list counts it but does not show it.
    expect(await cli('people', 'list')).toBe(0);
    expect(stdout()).toMatch(/Sara Lundberg .* e-leg: 1 {2}\[/);
    expect(stdout()).not.toContain('19121212');
  });

  it('without a century: under 100 years old on the day, "+" for 100 or older; samordningsnummer too', async () => {
    const id = await saraId();
    expect(await cli('people', 'identifiers', 'add', id, 'personnummer', '121212-1212')).toBe(0);
    // Samordningsnummer: day + 60 (19701263-…), check digit 1.
    expect(await cli('people', 'identifiers', 'add', id, 'samordningsnummer', '701263-2381')).toBe(0);
    const values = sql<{ value: string }>('SELECT value FROM person_identifiers ORDER BY value').map((r) => r.value);
    expect(values).toEqual(['197012632381', '201212121212']);
  });

  it('shows whole values only with --visa-fullständiga, and the audit log records that (not the value)', async () => {
    const id = await saraId();
    expect(await cli('people', 'identifiers', 'add', id, 'hsa', 'se2321000016-1003')).toBe(0);
    expect(await cli('people', 'identifiers', 'add', id, 'fingeravtryck', 'AB:'.repeat(32).slice(0, -1))).toBe(0);
    expect(await cli('people', 'identifiers', 'list', id, '--visa-fullständiga')).toBe(0);
    expect(stdout()).toContain('HSA-id: SE2321000016-1003');
    expect(stdout()).toContain('ab'.repeat(32));
    const audit = sql<{ action: string; details: string }>("SELECT action, details FROM audit_log WHERE action LIKE 'person.%' ORDER BY rowid");
    expect(audit.map((a) => a.action)).toEqual(['person.addIdentifier', 'person.addIdentifier', 'person.revealIdentifiers']);
    for (const a of audit) expect(a.details).not.toMatch(/2321000016|abab/i);
  });

  it('refuses bad input in Swedish, saying what to do, and stores nothing', async () => {
    const id = await saraId();
    const cases: [string[], RegExp][] = [
      [['personnummer', '19121212-1213'], /inget giltigt personnummer.*ÅÅÅÅMMDD-NNNN/],
      [['personnummer', '19121312-1212'], /inget giltigt personnummer/],
      [['personnummer', '12345'], /inget giltigt personnummer/],
      [['hsa', '2321000016'], /inget HSA-id.*SE2321000016-1003/],
      [['fingeravtryck', 'abc'], /64 hexadecimala tecken/],
      [['körkort', '123'], /Okänd typ "körkort". Välj personnummer, hsa eller fingeravtryck/],
      [['personnummer'], /Ange identifieraren/],
    ];
    for (const [rest, message] of cases) {
      expect(await cli('people', 'identifiers', 'add', id, ...rest)).toBe(1);
      expect(stderr('')).toMatch(message);
    }
    expect(await cli('people', 'identifiers', 'add', 'ingen-sådan', 'personnummer', '19121212-1212')).toBe(1);
    expect(stderr('')).toContain('Personen finns inte');
    expect(sql('SELECT * FROM person_identifiers')).toEqual([]);
    expect(sql("SELECT * FROM audit_log WHERE action LIKE 'person.%'")).toEqual([]);
  });

  it('reads the value from a file (kept out of the shell history) and removes by id', async () => {
    const id = await saraId();
    writeFileSync(join(dir, 'pnr.txt'), '19121212-1212\n');
    expect(await cli('people', 'identifiers', 'add', id, 'personnummer', '--value-file', 'pnr.txt', '--json')).toBe(0);
    const added = JSON.parse(stdout('')) as { id: string; masked: string; value?: string };
    expect(added.masked).toBe('19121212-••••');
    expect(added.value).toBeUndefined();
    expect(await cli('people', 'identifiers', 'remove', added.id)).toBe(0);
    expect(sql('SELECT * FROM person_identifiers')).toEqual([]);
    expect(await cli('people', 'identifiers', 'remove', added.id)).toBe(1);
    expect(stderr('')).toContain('Identifieraren finns inte längre');
  });
});
