// Identifiers are personal data (issue 13): no export carries them unless asked. Every export
// path is run over a database where people have a personnummer, an HSA-id and a certificate
// fingerprint, and every file written is searched for them: the meeting JSON (`justera export`),
// the archive package, the digital notice board with OParl, the member list CSV, the listings.
// Asked for (`people export --med-identiteter`), the member list carries them, and the import
// reads them back through the same validation (a bad personnummer refused with row and column).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ApiClient } from '../../core/api/client';
import { createBackend, type Backend } from '../../electron/backend';
import { main } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/types';
import { counterIds, rejection } from '../helpers/backend';

const PNR = '191212121212';
const HSA = 'SE2321000016-1003';
const FP = 'ab'.repeat(32);
/** Every form the seeded identifiers could appear in. */
const NEEDLES = [PNR, '19121212-1212', '121212-1212', '1212121212', HSA, FP, FP.toUpperCase()];

let dir: string;
let boardId: string;
let meetingId: string;

async function cli(...argv: string[]): Promise<{ status: number; out: string }> {
  const out: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => out.push(t), cwd: dir, today: () => '2020-11-10', now: () => new Date('2020-11-10T10:00:00Z') };
  const status = await main([...argv, '--db', 'j.db'], io);
  return { status, out: out.join('\n') };
}

function withBackend<T>(fn: (api: ApiClient, b: Backend) => Promise<T>): Promise<T> {
  const b = createBackend({ databasePath: join(dir, 'j.db'), clock: { now: () => new Date('2020-11-10T10:00:00Z') }, ids: counterIds('x'), actor: 'test' });
  return fn(
    createClient((m, i) => b.dispatch(m, i)),
    b,
  ).finally(() => b.close());
}

function filesUnder(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path).flatMap((f) => filesUnder(join(path, f)));
}

function leaks(text: string): string[] {
  return NEEDLES.filter((n) => text.includes(n));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'justera-ids-export-'));
  expect((await cli('demo')).status).toBe(0);
  await withBackend(async (api) => {
    boardId = (await api.call('boards.list', {}))[0]?.id ?? '';
    meetingId = (await api.call('meetings.list', {}))[0]?.id ?? '';
    const people = (await api.call('workspace.boards.get', { boardId })).members;
    const person = (name: string) => people.find((m) => m.name === name)?.personId ?? '';
    await api.call('people.identifiers.add', { personId: person('Sara Lundberg'), kind: 'personnummer', value: '19121212-1212' });
    await api.call('people.identifiers.add', { personId: person('Sara Lundberg'), kind: 'fingerprint', value: FP });
    await api.call('people.identifiers.add', { personId: person('Isak Utsi'), kind: 'hsa', value: HSA });
  });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('no export carries identifiers by default', () => {
  it('the seeded identifiers are in the database (the search below would find them)', () => {
    const db = readFileSync(join(dir, 'j.db')).toString('latin1') + readFileSync(join(dir, 'j.db-wal'), { flag: 'a+' }).toString('latin1');
    expect(leaks(db)).toEqual(expect.arrayContaining([PNR, HSA, FP]));
  });

  it('meeting JSON, archive package, notice board with OParl, member list CSV, and the listings', async () => {
    const runs: [string, string[]][] = [
      ['meeting.json', ['export', meetingId, '-o', 'meeting.json']],
      ['arkiv', ['archive', 'export', boardId, '2020', 'arkiv']],
      ['tavla', ['board', 'export', 'tavla', '--base-url', 'https://www.kommun.se/anslag/', '--today', '2020-11-10']],
      ['members.csv', ['people', 'export', boardId, '-o', 'members.csv']],
    ];
    for (const [path, argv] of runs) {
      const r = await cli(...argv);
      expect(r.status, argv.join(' ')).toBe(0);
      const files = filesUnder(join(dir, path));
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) expect(leaks(readFileSync(f).toString('latin1')), f).toEqual([]);
      expect(leaks(r.out)).toEqual([]);
    }
    expect(readdirSync(join(dir, 'tavla', 'oparl')).length).toBeGreaterThan(0);
    for (const argv of [
      ['list', '--json'],
      ['people', 'list', '--json'],
      ['people', 'list'],
    ]) {
      const r = await cli(...argv);
      expect(r.status).toBe(0);
      expect(leaks(r.out), argv.join(' ')).toEqual([]);
    }
    // The member list export says in the audit log that it carried none.
    await withBackend(async (_api, b) => {
      const row = b.db.$client.prepare("SELECT details FROM audit_log WHERE action = 'members.exported'").get() as { details: string };
      expect(JSON.parse(row.details)).toMatchObject({ includeIdentifiers: false, identifiers: 0 });
    });
  });
});

describe('asked for: people export --med-identiteter, and the import reads them back', () => {
  it('writes the identifiers in their columns and imports them into another board with the same validation', async () => {
    const r = await cli('people', 'export', boardId, '-o', 'with-ids.csv', '--med-identiteter');
    expect(r.status).toBe(0);
    expect(r.out).toContain('3 identifierare');
    const csv = readFileSync(join(dir, 'with-ids.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFNamn;Roll;Parti;Representerar;Mandat från;Mandat till;Ersättarordning;Ersättare för;E-post;Personnummer;HSA-id;Fingeravtryck');
    expect(csv).toMatch(new RegExp(`Sara Lundberg;Ledamot;[^\\r\\n]*;19121212-1212;;${FP}\\r\\n`));
    expect(csv).toMatch(new RegExp(`Isak Utsi;[^\\r\\n]*;;${HSA};\\r\\n`));

    await withBackend(async (api, b) => {
      const org = (await api.call('organisations.list', {}))[0]?.id ?? '';
      const other = (await api.call('workspace.boards.create', { organisationId: org, name: 'Prövningsnämnden', kind: 'namnd', seats: 15, storagePlace: 'Kommunkansliet' })).boardId;
      // A bad personnummer in one row: the whole file is refused, row and column named, nothing stored.
      const bad = csv.replace('19121212-1212', '19121212-1213');
      const before = (b.db.$client.prepare('SELECT count(*) AS n FROM person_identifiers').get() as { n: number }).n;
      const e = await rejection(api.call('workspace.members.import', { boardId: other, dataBase64: Buffer.from(bad).toString('base64') }));
      expect(e.details?.issues).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: expect.stringMatching(/^rad \d+, Personnummer$/), message: expect.stringContaining('"19121212-1213" är inget giltigt personnummer') }),
        ]),
      );
      expect((b.db.$client.prepare('SELECT count(*) AS n FROM person_identifiers').get() as { n: number }).n).toBe(before);
      expect((await api.call('workspace.boards.get', { boardId: other })).members).toEqual([]);

      const imported = await api.call('workspace.members.import', { boardId: other, dataBase64: Buffer.from(csv).toString('base64') });
      expect(imported.imported).toBe(15);
      const members = (await api.call('workspace.boards.get', { boardId: other })).members;
      const sara = members.find((m) => m.name === 'Sara Lundberg')?.personId ?? '';
      const isak = members.find((m) => m.name === 'Isak Utsi')?.personId ?? '';
      const ids = async (personId: string) => (await api.call('people.identifiers.list', { personId, reveal: true })).identifiers.map((i) => `${i.kind}:${i.value ?? ''}`).sort();
      expect(await ids(sara)).toEqual([`fingerprint:${FP}`, `personnummer:${PNR}`]);
      expect(await ids(isak)).toEqual([`hsa:${HSA}`]);
      const audit = b.db.$client.prepare("SELECT details FROM audit_log WHERE action = 'person.addIdentifier' AND details LIKE '%members.import%'").all() as { details: string }[];
      expect(audit).toHaveLength(3);
      for (const a of audit) expect(leaks(a.details)).toEqual([]);
    });
  });
});
