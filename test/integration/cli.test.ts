// The `justera` CLI end to end: through main() with a fake terminal, and once as a real process.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../electron/cli/main';
import { commands } from '../../electron/cli/commands';
import type { CliIo } from '../../electron/cli/types';
import { referenceCopy } from '../helpers/backend';

const run = promisify(execFile);
let dir: string;
let out: string[];
let err: string[];
const io = (): CliIo => ({
  out: (t) => out.push(t),
  err: (t) => err.push(t),
  cwd: dir,
  today: () => '2020-11-05',
  now: () => new Date('2020-11-05T10:45:00+01:00'),
});
const cli = (...argv: string[]) => main(argv, io());
const stdout = () => out.join('');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'justera-cli-'));
  out = [];
  err = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('help', () => {
  it('lists every command, and each command describes every option', async () => {
    expect(await cli('--help')).toBe(0);
    for (const c of commands) expect(stdout()).toContain(c.name);
    for (const c of commands) {
      out = [];
      expect(await cli(...c.name.split(' '), '--help')).toBe(0);
      expect(stdout()).toContain(`Användning: ${c.usage}`);
      for (const name of Object.keys(c.options)) expect(stdout()).toContain(`--${name}`);
    }
  });

  it('an unknown command or flag exits non-zero with a Swedish hint', async () => {
    expect(await cli('frobnicate')).toBe(2);
    expect(err.join('')).toContain('Okänt kommando "frobnicate"');
    err = [];
    expect(await cli('list', '--db', 'x.db', '--colour')).toBe(2);
    expect(err.join('')).toContain('Okänd flagga --colour');
  });
});

describe('demo, list, export, import', () => {
  it('round-trips the reference meeting through files', async () => {
    expect(await cli('demo', '--db', 'a.db')).toBe(0);
    expect(stdout()).toMatch(/Referenssammanträdet är inläst/);
    out = [];
    expect(await cli('list', '--db', 'a.db', '--json')).toBe(0);
    const listed = JSON.parse(stdout()) as { meetings: { id: string; date: string }[]; boards: { name: string }[] };
    expect(listed.boards.map((b) => b.name)).toEqual(['Norrbottens e-nämnd']);
    const id = listed.meetings[0]?.id ?? '';
    out = [];
    expect(await cli('list', '--db', 'a.db')).toBe(0);
    expect(stdout()).toContain(`2020-11-05 09:00  Teams  §§ 20–26  Genomfört, ej justerat  [${id}]`);

    expect(await cli('export', id, '--db', 'a.db', '-o', 'm.json')).toBe(0);
    expect(await cli('import', 'm.json', '--db', 'b.db', '--json')).toBe(0);
    const imported = JSON.parse(out[out.length - 1] ?? '{}') as { meetingId: string };
    expect(await cli('export', imported.meetingId, '--db', 'b.db', '-o', 'm2.json')).toBe(0);
    expect(readFileSync(join(dir, 'm2.json'), 'utf8')).toBe(readFileSync(join(dir, 'm.json'), 'utf8'));
  });

  it('rejects malformed JSON, a schema violation and a duplicate §, naming the field and writing nothing', async () => {
    writeFileSync(join(dir, 'bad.json'), '{"format": "justera-meeting", ');
    expect(await cli('import', 'bad.json', '--db', 'c.db')).toBe(1);
    expect(err.join('')).toMatch(/bad\.json är inte giltig JSON/);
    expect(existsSync(join(dir, 'c.db'))).toBe(false);

    const doc = referenceCopy();
    (doc.paragraphs[4] as { number: number }).number = 20;
    writeFileSync(join(dir, 'dup.json'), JSON.stringify(doc));
    err = [];
    expect(await cli('import', 'dup.json', '--db', 'c.db')).toBe(1);
    expect(err.join('')).toContain('paragraphs[4].number: § 20 förekommer redan');

    const bad = referenceCopy();
    bad.meeting.date = '2020-02-30';
    writeFileSync(join(dir, 'date.json'), JSON.stringify(bad));
    err = [];
    expect(await cli('import', 'date.json', '--db', 'c.db')).toBe(1);
    expect(err.join('')).toContain('meeting.date: Ange ett datum som finns');
    out = [];
    expect(await cli('list', '--db', 'c.db', '--json')).toBe(0);
    expect(JSON.parse(stdout())).toEqual({ organisations: [], boards: [], meetings: [] });
  });

  it('asks for --db and for the file when they are missing', async () => {
    const prev = process.env.JUSTERA_DB;
    delete process.env.JUSTERA_DB;
    try {
      expect(await cli('list')).toBe(1);
      expect(err.join('')).toContain('Ange databasfilen med --db FIL');
      err = [];
      expect(await cli('import', '--db', 'x.db')).toBe(1);
      expect(err.join('')).toContain('Ange JSON-filen');
      err = [];
      expect(await cli('export', 'okänt-id', '--db', 'x.db')).toBe(1);
      expect(err.join('')).toContain('finns inte');
    } finally {
      if (prev !== undefined) process.env.JUSTERA_DB = prev;
    }
  });
});

describe('as a process (npx justera works without a build step)', () => {
  it('prints help and loads the demo', async () => {
    const bin = join(__dirname, '..', '..', 'bin', 'justera.js');
    const help = await run(process.execPath, [bin, '--help']);
    expect(help.stdout).toContain('Användning: justera KOMMANDO');
    const demo = await run(process.execPath, [bin, 'demo', '--db', join(dir, 'p.db'), '--json']);
    expect(JSON.parse(demo.stdout)).toMatchObject({ created: true });
    await expect(run(process.execPath, [bin, 'import', join(dir, 'missing.json'), '--db', join(dir, 'p.db')])).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('kunde inte läsas') });
  });
});
