// People's e-mail addresses (where the kallelse goes) in the data formats (issue 16): the meeting
// JSON carries them in people[].email only when asked (`includeEmail`, `justera export
// --med-e-post`) and an import stores them; the member list CSV carries them in its E-post column
// by default and reads them back. One rule for every entrance: the API, the JSON format and the
// CSV reader accept and refuse exactly the same strings (the member dialog calls the same
// emailProblem), and a bad address is refused with its row and column (CSV) or path (JSON) and a
// Swedish message, nothing written. Nothing frozen, archived or public carries the addresses.
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emailProblem, optionalEmailSchema } from '../../core/format/email';
import { personSchema } from '../../core/format/meeting';
import { readMemberCsv } from '../../core/app/workspace/csv';
import { createClient } from '../../core/api/client';
import { createBackend } from '../../electron/backend';
import { main } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/types';
import { referenceCopy, rejection, rowCounts, testBackend, type TestBackend } from '../helpers/backend';

const ADDRESSES: Record<string, string> = {
  'Sara Lundberg': 'sara.lundberg@kommun.se',
  'Anders Lundkvist': 'anders.lundkvist@norrbotten.se',
  'Isak Utsi': 'isak.utsi+namnd@kommun.se',
};

let t: TestBackend;
beforeEach(() => {
  t = testBackend();
});
afterEach(() => t.dispose());

async function seeded(): Promise<{ meetingId: string; boardId: string; personId: (name: string) => string }> {
  const { meetingId, boardId } = await t.api.call('demo.load', {});
  const board = await t.api.call('workspace.boards.get', { boardId });
  const personId = (name: string) => board.members.find((m) => m.name === name)?.personId ?? '';
  for (const [name, email] of Object.entries(ADDRESSES)) await t.api.call('people.setEmail', { personId: personId(name), email });
  return { meetingId, boardId, personId };
}

function emailsOf(doc: { people: { name: string; email?: string }[] }): Record<string, string> {
  return Object.fromEntries(doc.people.flatMap((p) => (p.email === undefined ? [] : [[p.name, p.email]])));
}

describe('the meeting JSON format', () => {
  it('leaves the addresses out by default, carries them when asked, and an import into another database keeps them', async () => {
    const { meetingId } = await seeded();
    const plain = await t.api.call('meetings.export', { meetingId });
    expect(JSON.stringify(plain)).not.toContain('@');
    const withEmail = await t.api.call('meetings.export', { meetingId, includeEmail: true });
    expect(emailsOf(withEmail)).toEqual(ADDRESSES);
    // Apart from the addresses, the two exports are the same document.
    expect({ ...withEmail, people: withEmail.people.map(({ key, name }) => ({ key, name })) }).toEqual(plain);

    const other = testBackend();
    try {
      const { meetingId: copy, boardId } = await other.api.call('meetings.import', { document: JSON.parse(JSON.stringify(withEmail)) });
      expect(emailsOf(await other.api.call('meetings.export', { meetingId: copy, includeEmail: true }))).toEqual(ADDRESSES);
      // The stored addresses are the ones the kallelse and the board page use.
      const members = (await other.api.call('workspace.boards.get', { boardId })).members;
      expect(Object.fromEntries(members.filter((m) => m.email !== null).map((m) => [m.name, m.email]))).toEqual(ADDRESSES);
      const audit = other.backend.db.$client.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'meeting.imported'").get() as { n: number };
      expect(audit.n).toBe(1);
    } finally {
      other.dispose();
    }
  });

  it('an import fills in a missing address and keeps one already stored', async () => {
    const { meetingId, personId } = await seeded();
    const doc = await t.api.call('meetings.export', { meetingId, includeEmail: true });
    // The same meeting a week later, in the same database: its people are reused by name.
    const next = structuredClone(doc) as typeof doc;
    next.meeting.date = '2020-11-12';
    next.paragraphs.forEach((p, i) => (p.number = 40 + i));
    next.adjustmentGroups = [];
    next.people = next.people.map((p) => (p.name === 'Sara Lundberg' ? { ...p, email: 'sara.gammal@kommun.se' } : p.name === 'Maud Lundbäck' ? { ...p, email: 'maud.lundback@kommun.se' } : p));
    await t.api.call('meetings.import', { document: next });
    const board = (await t.api.call('workspace.boards.get', { boardId: (await t.api.call('boards.list', {}))[0]?.id ?? '' })).members;
    const email = (name: string) => board.find((m) => m.personId === personId(name))?.email;
    expect(email('Sara Lundberg')).toBe('sara.lundberg@kommun.se');
    expect(email('Maud Lundbäck')).toBe('maud.lundback@kommun.se');
  });

  it('refuses a bad address with its path and a Swedish message, and writes nothing', async () => {
    const doc = referenceCopy();
    (doc.people[3] as { email?: string }).email = 'Sara <sara@kommun.se>';
    const before = rowCounts(t.backend);
    const e = await rejection(t.api.call('meetings.import', { document: doc }));
    expect(e.code).toBe('validation');
    expect(e.details?.issues).toEqual([{ path: 'people[3].email', message: 'Skriv e-postadressen som namn@exempel.se (utan mellanslag och utan namn före).' }]);
    expect(rowCounts(t.backend)).toEqual(before);
  });
});

describe('nothing frozen, archived or public carries the addresses', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'justera-email-leak-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const files = (path: string): string[] => (statSync(path).isFile() ? [path] : readdirSync(path).flatMap((f) => files(join(path, f))));

  it('the frozen protocol version, the archive package, the notice board and the default JSON export', async () => {
    const io = (out: string[]): CliIo => ({ out: (x) => out.push(x), err: (x) => out.push(x), cwd: dir, today: () => '2020-11-20', now: () => new Date('2020-11-20T10:00:00Z') });
    const cli = async (...argv: string[]) => {
      const out: string[] = [];
      const status = await main([...argv, '--db', 'j.db'], io(out));
      return { status, out: out.join('\n') };
    };
    expect((await cli('demo')).status).toBe(0);
    const backend = createBackend({ databasePath: join(dir, 'j.db'), actor: 'test' });
    let meetingId = '';
    let boardId = '';
    try {
      const api = createClient((m, i) => backend.dispatch(m, i));
      boardId = (await api.call('boards.list', {}))[0]?.id ?? '';
      meetingId = (await api.call('meetings.list', {}))[0]?.id ?? '';
      const members = (await api.call('workspace.boards.get', { boardId })).members;
      for (const [name, email] of Object.entries(ADDRESSES)) await api.call('people.setEmail', { personId: members.find((m) => m.name === name)?.personId ?? '', email });
      await api.call('justering.freeze', { meetingId, groupIndex: 0 });
      const versions = backend.db.$client.prepare('SELECT * FROM document_versions').all() as Record<string, unknown>[];
      expect(versions.length).toBeGreaterThan(0);
      for (const v of versions) for (const [col, value] of Object.entries(v)) expect(typeof value === 'string' && value.includes('@'), `document_versions.${col}`).toBe(false);
    } finally {
      backend.close();
    }
    const runs: [string, string[]][] = [
      ['meeting.json', ['export', meetingId, '-o', 'meeting.json']],
      ['arkiv', ['archive', 'export', boardId, '2020', 'arkiv']],
      ['tavla', ['board', 'export', 'tavla', '--base-url', 'https://www.kommun.se/anslag/', '--today', '2020-11-20']],
    ];
    for (const [path, argv] of runs) {
      const r = await cli(...argv);
      expect(r.status, `${argv.join(' ')}: ${r.out}`).toBe(0);
      const written = files(join(dir, path));
      expect(written.length).toBeGreaterThan(0);
      for (const f of written)
        expect(
          Object.values(ADDRESSES).filter((a) => readFileSync(f, 'latin1').includes(a)),
          f,
        ).toEqual([]);
    }
    const asked = await cli('export', meetingId, '-o', 'with-email.json', '--med-e-post');
    expect(asked.status).toBe(0);
    expect(emailsOf(JSON.parse(readFileSync(join(dir, 'with-email.json'), 'utf8')))).toEqual(ADDRESSES);
  });
});

describe('the member list CSV', () => {
  it('carries the E-post column by default, and an import into another board reads the addresses back', async () => {
    const { boardId } = await seeded();
    const r = await t.api.call('workspace.members.export', { boardId });
    const lines = r.csv.split('\r\n');
    expect(lines[0]).toBe('\uFEFFNamn;Roll;Parti;Representerar;Mandat från;Mandat till;Ersättarordning;Ersättare för;E-post');
    expect(lines).toContain(lines.find((l) => l.startsWith('Sara Lundberg;')));
    expect(lines.find((l) => l.startsWith('Sara Lundberg;'))?.endsWith(';sara.lundberg@kommun.se')).toBe(true);

    // Into another database's board: everyone is new there.
    const other = testBackend();
    try {
      const organisationId = (await other.api.call('workspace.organisations.create', { name: 'Region Norrbotten', kind: 'region' })).organisationId;
      const copy = (await other.api.call('workspace.boards.create', { organisationId, name: 'E-nämnden', kind: 'namnd', seats: 7, storagePlace: 'Kommunkansliet' })).boardId;
      expect((await other.api.call('workspace.members.import', { boardId: copy, dataBase64: Buffer.from(r.csv).toString('base64') })).imported).toBe(r.members);
      expect((await other.api.call('workspace.members.export', { boardId: copy })).csv).toBe(r.csv);
    } finally {
      other.dispose();
    }
  });

  it('refuses a bad address with row and column, imports nothing and changes no stored address', async () => {
    const { boardId, personId } = await seeded();
    const csv = 'Namn;Roll;Mandat från;Mandat till;E-post\r\nSara Lundberg;Ledamot;2027-01-01;2030-12-31;sara@kommun.se\r\nNy Ledamot;Ersättare;2027-01-01;2030-12-31;ny ledamot@kommun.se\r\n';
    const before = rowCounts(t.backend);
    const e = await rejection(t.api.call('workspace.members.import', { boardId, dataBase64: Buffer.from(csv).toString('base64') }));
    expect(e.code).toBe('validation');
    expect(e.details?.issues).toEqual([
      { path: 'rad 3, E-post', message: '"ny ledamot@kommun.se" är ingen e-postadress. Skriv e-postadressen som namn@exempel.se (utan mellanslag och utan namn före).' },
    ]);
    expect(rowCounts(t.backend)).toEqual(before);
    const sara = (await t.api.call('workspace.boards.get', { boardId })).members.find((m) => m.personId === personId('Sara Lundberg'));
    expect(sara?.email).toBe('sara.lundberg@kommun.se');
  });

  it('a new term in the file replaces the stored address (the list is the current register), and the audit log says so', async () => {
    const { boardId, personId } = await seeded();
    const csv = 'Namn;Roll;Mandat från;Mandat till;Mejl\r\nSara Lundberg;Ledamot;2027-01-01;2030-12-31;sara.ny@kommun.se\r\n';
    await t.api.call('workspace.members.import', { boardId, dataBase64: Buffer.from(csv).toString('base64') });
    const sara = (await t.api.call('workspace.boards.get', { boardId })).members.find((m) => m.personId === personId('Sara Lundberg'));
    expect(sara?.email).toBe('sara.ny@kommun.se');
    const rows = t.backend.db.$client.prepare("SELECT details FROM audit_log WHERE action = 'person.email' AND entity_id = ?").all(personId('Sara Lundberg')) as { details: string }[];
    expect(rows.map((r) => JSON.parse(r.details))).toEqual([{ email: 'sara.lundberg@kommun.se' }, { email: 'sara.ny@kommun.se', source: 'members.import' }]);
  });
});

describe('one rule for every entrance', () => {
  const nearAddress = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc
      .tuple(fc.stringMatching(/^[A-Za-z0-9.+_ <>"-]{0,12}$/), fc.constantFrom('@', '@@', ' @', ''), fc.stringMatching(/^[a-z0-9.-]{0,10}$/), fc.constantFrom('.se', '.com', '', '.', '-.se'))
      .map(([a, at, b, c]) => `${a}${at}${b}${c}`),
    fc.constantFrom('a@b.se', 'A.B@kommun.se', 'x@-b.se', `${'a'.repeat(64)}@b.se`, `${'a'.repeat(65)}@b.se`, `a@${'b'.repeat(63)}.se`, `a@${'b'.repeat(64)}.se`, `a@${'b.'.repeat(125)}se`),
  );

  it('the API, the JSON format and the CSV reader accept and refuse the same addresses, with the same message', () => {
    fc.assert(
      fc.property(nearAddress, (raw) => {
        // Each entrance trims; the CSV cell cannot hold the separator or a line break unquoted.
        const value = raw.replace(/[;\r\n"]/g, '').trim();
        if (value === '') return;
        const api = optionalEmailSchema.safeParse(value);
        const json = personSchema.safeParse({ key: 'a', name: 'A', email: value });
        const csv = readMemberCsv(new TextEncoder().encode(`Namn;Roll;Mandat från;Mandat till;E-post\nA;Ledamot;2023-01-01;2026-12-31;${value}\n`), {});
        const ui = emailProblem(value);
        expect(json.success).toBe(api.success);
        expect(csv.issues.length === 0).toBe(api.success);
        expect(ui === null).toBe(api.success);
        if (!api.success) {
          expect(json.error?.issues[0]?.message).toBe(api.error.issues[0]?.message);
          expect(csv.issues[0]?.message.endsWith(ui ?? '')).toBe(true);
          expect(ui).toBe(api.error.issues[0]?.message);
        }
      }),
      { numRuns: 400 },
    );
  });
});
