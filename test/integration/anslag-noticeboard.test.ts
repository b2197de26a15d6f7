// Exporting the digital notice board to a folder: the files, byte-identical regeneration, the
// move to the archive, removal of what is no longer needed (and only that), refusal to overwrite
// files Justera did not write, the CLI command and the audit entry.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/client';
import { readAudit } from '../../db/repos/audit';
import { main } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/types';
import { MANIFEST, writeSite } from '../../electron/services/noticeboard/writer';
import { referenceCopy } from '../helpers/backend';
import { tempDir, type TempDir } from '../documents/helpers/pdf-tools';
import { anslagFixture, type AnslagFixture } from './anslag-fixture';

let f: AnslagFixture | undefined;
let out: TempDir | undefined;
afterEach(() => {
  f?.dispose();
  out?.remove();
  f = undefined;
  out = undefined;
});

function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(relative(dir, full).split('\\').join('/'), createHash('sha256').update(readFileSync(full)).digest('hex'));
    }
  };
  walk(dir);
  return files;
}

async function posted(): Promise<AnslagFixture> {
  const fx = await anslagFixture({ now: '2020-11-06T09:00:00+01:00' });
  await fx.api.call('anslag.post', { groupId: fx.groupIds[0] as string });
  fx.at('2020-11-12T09:00:00+01:00');
  await fx.api.call('anslag.post', { groupId: fx.groupIds[1] as string });
  return fx;
}

const PAGE_20_22 = 'anslag/norrbottens-e-namnd-2020-11-05-20-22.html';
const PAGE_23_26 = 'anslag/norrbottens-e-namnd-2020-11-05-23-26.html';
const PDF = 'dokument/norrbottens-e-namnd-2020-11-05-offentlig-version.pdf';

describe('board export', () => {
  it('writes the site, regenerates it byte for byte, archives by date and removes only what it wrote', async () => {
    f = await posted();
    out = tempDir('justera-board-');
    const dir = join(out.path, 'anslagstavla');

    f.at('2020-11-20T08:00:00+01:00');
    const first = await f.api.call('noticeboard.export', { directory: dir });
    expect(first).toMatchObject({ organisationName: 'Luleå kommun', today: '2020-11-20', current: 2, archived: 0, publicVersionsCreated: 1, removed: [], unchanged: [] });
    const files = ['anslag.atom', PAGE_20_22, PAGE_23_26, 'arkiv.html', PDF, 'index.html', 'stil.css'];
    expect(first.written).toEqual(files);
    const before = snapshot(dir);
    expect([...before.keys()].sort()).toEqual([MANIFEST, ...files].sort());
    const manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as { files: { path: string; sha256: string }[] };
    expect(manifest.files.map((x) => x.path)).toEqual(files);
    expect(manifest.files.every((x) => before.get(x.path) === x.sha256)).toBe(true);
    // The PDF in the site is the stored public version.
    const stored = f.backend.db.$client.prepare("SELECT sha256 FROM document_versions WHERE kind = 'public' AND is_current = 1").get() as { sha256: string };
    expect(before.get(PDF)).toBe(stored.sha256);

    // Same data, same day → nothing written, every byte the same.
    const again = await f.api.call('noticeboard.export', { directory: dir });
    expect(again).toMatchObject({ written: [], removed: [], publicVersionsCreated: 0 });
    expect(again.unchanged).toEqual(files);
    expect(snapshot(dir)).toEqual(before);

    // Someone else's file in the folder is never touched.
    writeFileSync(join(dir, 'egen-fil.txt'), 'kommunens egen fil');

    // The take-down day of §§ 20-22 has come: it moves to the archive.
    const later = await f.api.call('noticeboard.export', { directory: dir, today: '2020-11-28' });
    expect(later).toMatchObject({ current: 1, archived: 1, removed: [] });
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).not.toContain(PAGE_20_22);
    expect(readFileSync(join(dir, 'arkiv.html'), 'utf8')).toContain(PAGE_20_22);

    // Seen as of a day when §§ 23-26 were not posted yet, their page is no longer needed.
    const earlier = await f.api.call('noticeboard.export', { directory: dir, today: '2020-11-10' });
    expect(earlier.removed).toEqual([PAGE_23_26]);
    expect(existsSync(join(dir, PAGE_23_26))).toBe(false);
    expect(readFileSync(join(dir, 'egen-fil.txt'), 'utf8')).toBe('kommunens egen fil');
    expect(readdirSync(dir).filter((n) => n.startsWith('.justera-tmp'))).toEqual([]);

    const audit = readAudit(f.backend.db, { entity: 'organisation' });
    expect(audit.map((a) => a.action)).toEqual(['noticeboard.exported', 'noticeboard.exported', 'noticeboard.exported', 'noticeboard.exported']);
    expect(audit[0]?.details).toMatchObject({ today: '2020-11-20', current: 2, archived: 0, written: 7, oparl: null });
  });

  it('refuses to overwrite a file it did not write, and leaves the folder as it was', async () => {
    f = await posted();
    out = tempDir('justera-board-');
    const dir = join(out.path, 'webb');
    mkdirSync(dir);
    writeFileSync(join(dir, 'index.html'), '<p>Kommunens startsida</p>');
    try {
      await f.api.call('noticeboard.export', { directory: dir, today: '2020-11-20' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).code).toBe('conflict');
      expect((e as ApiError).message).toContain('index.html, som Justera inte har skrivit');
    }
    expect(readdirSync(dir)).toEqual(['index.html']);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toBe('<p>Kommunens startsida</p>');
  });

  it('asks which organisation when the database has several', async () => {
    f = await posted();
    const other = referenceCopy();
    (other as unknown as { organisation: { name: string } }).organisation.name = 'Bodens kommun';
    await f.api.call('meetings.import', { document: other });
    out = tempDir('justera-board-');
    try {
      await f.api.call('noticeboard.export', { directory: out.path, today: '2020-11-20' });
      expect.unreachable();
    } catch (e) {
      expect((e as ApiError).message).toContain('Databasen har flera organisationer');
      expect((e as ApiError).message).toContain('Luleå kommun: ');
    }
    const orgs = await f.api.call('organisations.list', {});
    const lulea = orgs.find((o) => o.name === 'Luleå kommun');
    const r = await f.api.call('noticeboard.export', { directory: out.path, today: '2020-11-20', organisationId: lulea?.id as string });
    expect(r.current).toBe(2);
    const boden = orgs.find((o) => o.name === 'Bodens kommun');
    const empty = await f.api.call('noticeboard.export', { directory: join(out.path, 'boden'), today: '2020-11-20', organisationId: boden?.id as string });
    expect(empty).toMatchObject({ current: 0, archived: 0 });
    expect(readFileSync(join(out.path, 'boden', 'index.html'), 'utf8')).toContain('Det finns inga aktuella anslag just nu.');
  });

  it('the folder writer never leaves the folder, cleans up after an interrupted export and rejects a foreign manifest', async () => {
    out = tempDir('justera-board-');
    const dir = join(out.path, 'tavla');
    for (const path of ['../utanfor.html', '/etc/x.html', 'a/../../b.html', '.dold.html', MANIFEST]) {
      await expect(writeSite(dir, [{ path, content: 'x' }])).rejects.toThrow(/Ogiltigt filnamn|utanför/);
    }
    expect(existsSync(join(out.path, 'utanfor.html'))).toBe(false);
    // A staging folder left by an export that stopped half-way is removed by the next one.
    mkdirSync(join(dir, '.justera-tmp-123-abcdef01', 'anslag'), { recursive: true });
    writeFileSync(join(dir, '.justera-tmp-123-abcdef01', 'anslag', 'halv.html'), '<p>hal');
    const r = await writeSite(dir, [
      { path: 'index.html', content: '<p>hej</p>' },
      { path: 'dokument/a.pdf', content: new Uint8Array([37, 80, 68, 70]) },
    ]);
    expect(r.written).toEqual(['dokument/a.pdf', 'index.html']);
    expect(readdirSync(dir).sort()).toEqual([MANIFEST, 'dokument', 'index.html']);
    // Dropping the PDF removes it and its now empty folder.
    const r2 = await writeSite(dir, [{ path: 'index.html', content: '<p>hej</p>' }]);
    expect(r2).toMatchObject({ written: [], unchanged: ['index.html'], removed: ['dokument/a.pdf'] });
    expect(readdirSync(dir).sort()).toEqual([MANIFEST, 'index.html']);
    writeFileSync(join(dir, MANIFEST), '{"format":"något annat"}');
    await expect(writeSite(dir, [{ path: 'index.html', content: 'x' }])).rejects.toThrow(/är skadad eller kommer inte från Justera/);
  });

  it('`justera board export DIR --db DB --today` writes the same site', async () => {
    f = await posted();
    out = tempDir('justera-board-');
    const lines: string[] = [];
    const errors: string[] = [];
    const io: CliIo = { out: (t) => lines.push(t), err: (t) => errors.push(t), cwd: out.path, today: () => '2020-11-20', now: () => new Date('2020-11-20T08:00:00+01:00') };
    const code = await main(['board', 'export', 'tavla', '--db', f.dbPath, '--today', '2020-11-20', '--base-url', 'https://www.lulea.se/anslagstavla'], io);
    expect(errors).toEqual([]);
    expect(code).toBe(0);
    expect(lines.join('\n')).toContain('Aktuella anslag: 2, i arkivet: 0.');
    const atom = readFileSync(join(out.path, 'tavla', 'anslag.atom'), 'utf8');
    expect(atom).toContain(`<id>https://www.lulea.se/anslagstavla/${PAGE_23_26}</id>`);
    const bad = await main(['board', 'export', 'tavla', '--db', f.dbPath, '--today', '2020-11-31'], io);
    expect(bad).toBe(1);
    expect(errors.join('\n')).toContain('Ogiltigt datum för --today');
  });
});
