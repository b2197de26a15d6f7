// Archive packages (E-ARK CSIP style) through the CLI: the reference meeting with §§ 20–22
// frozen and signed by the secretary and the chair; verify passes, and fails on a changed or
// a missing file; a non-empty target folder is refused.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient } from '../../core/api/client';
import { createBackend } from '../../electron/backend';
import { main } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/types';
import { parseMets, verifyArchive } from '../../electron/services/archive';
import { checkMetsStructure, parseXml } from '../../electron/services/archive/mets-check';
import { counterIds } from '../helpers/backend';
import { makeTestPki, writeP12, trustCa } from '../signing/helpers/pki';
import { hasTool } from '../signing/helpers/tools';

const PASSWORD = 'hemligt-lösenord';
const METS_XSD = join(__dirname, '..', 'fixtures', 'schemas', 'mets', 'mets.xsd');
let dir: string;
let boardId: string;
let out: string[];
let err: string[];
const io = (): CliIo => ({
  out: (t) => out.push(t),
  err: (t) => err.push(t),
  cwd: dir,
  today: () => '2020-11-06',
  now: () => new Date('2020-11-06T09:00:00+01:00'),
});
const cli = (...argv: string[]) => main(argv, io());
const stdout = () => out.join('');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'justera-archive-'));
  let now = new Date('2020-11-05T10:35:00+01:00');
  const backend = createBackend({ databasePath: join(dir, 'justera.db'), clock: { now: () => now }, ids: counterIds(), actor: 'sekreterare' });
  try {
    const api = createClient((m, i) => backend.dispatch(m, i));
    const demo = await api.call('demo.load', {});
    boardId = demo.boardId;
    const pki = await makeTestPki();
    await trustCa(api, pki.ca);
    const p12 = (id: typeof pki.robert) => readFileSync(writeP12(dir, id, [pki.ca], `${id.commonName.replace(/\W/g, '_')}.p12`, { password: PASSWORD })).toString('base64');
    const frozen = await api.call('justering.freeze', { meetingId: demo.meetingId, groupIndex: 0 });
    now = new Date('2020-11-05T10:40:00+01:00');
    await api.call('justering.sign', { versionId: frozen.version.id, field: 'sig-sekreterare', credential: { kind: 'p12', p12Base64: p12(pki.robert), password: PASSWORD } });
    now = new Date('2020-11-05T10:45:00+01:00');
    await api.call('justering.sign', { versionId: frozen.version.id, field: 'sig-ordforande', credential: { kind: 'p12', p12Base64: p12(pki.anders), password: PASSWORD } });
  } finally {
    backend.close();
  }
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
  out = [];
  err = [];
});

function exportTo(name: string): Promise<number> {
  return cli('archive', 'export', boardId, '2020', name, '--db', 'justera.db');
}

describe('justera archive export', () => {
  it('writes METS.xml, manifest.sha256, the meeting JSON and every document version with its signed state', async () => {
    expect(await exportTo('arkiv')).toBe(0);
    expect(stdout()).toMatch(/Arkivpaketet är skrivet till .*arkiv: 1 sammanträde, \d+ filer, 1 signerade PDF:er\./);
    const pkg = join(dir, 'arkiv');
    const xml = readFileSync(join(pkg, 'METS.xml'), 'utf8');
    expect(xml).toMatch(/<mets:mets [^>]*OBJID="urn:justera:arkiv:[^"]+:2020"/);
    expect(xml).toContain('<mets:structMap');
    expect(xml).toMatch(/<mets:div ID="meeting-1" TYPE="Sammanträde" LABEL="[^"]+ 2020-11-05"/);
    const mets = parseMets(xml);
    expect(mets.files.map((f) => f.use).sort()).toEqual(['document-register', 'frozen-pdf', 'meeting-data', 'signed-pdf', 'validation-report']);
    for (const f of mets.files) {
      expect(f.checksumType).toBe('SHA-256');
      expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(readFileSync(join(pkg, f.path)).length).toBe(f.size);
      expect(xml).toMatch(new RegExp(`MIMETYPE="application/(pdf|json)" SIZE="${f.size}"`));
    }
    const meeting = JSON.parse(readFileSync(join(pkg, mets.files.find((f) => f.use === 'meeting-data')?.path ?? ''), 'utf8')) as { meeting: { date: string } };
    expect(meeting.meeting.date).toBe('2020-11-05');
    const signed = readFileSync(join(pkg, mets.files.find((f) => f.use === 'signed-pdf')?.path ?? ''));
    expect(signed.subarray(0, 5).toString()).toBe('%PDF-');
    const report = JSON.parse(readFileSync(join(pkg, mets.files.find((f) => f.use === 'validation-report')?.path ?? ''), 'utf8')) as { signatures: unknown[] };
    expect(report.signatures).toHaveLength(2);
    // manifest.sha256 is in sha256sum format and covers METS.xml too.
    const manifest = readFileSync(join(pkg, 'manifest.sha256'), 'utf8');
    expect(manifest.trim().split('\n')).toHaveLength(mets.files.length + 1);
    expect(execFileSync('sha256sum', ['-c', '--quiet', 'manifest.sha256'], { cwd: pkg }).toString()).toBe('');
    // Dublin Core: one dmdSec for the package, one per meeting, referenced from the structMap.
    expect(xml).toContain('<dc:title xml:lang="sv">Protokoll Norrbottens e-nämnd 2020-11-05</dc:title>');
    expect(xml).toMatch(/<dc:creator>Norrbottens e-nämnd<\/dc:creator>\s*<dc:creator>[^<]+<\/dc:creator>/);
    expect(xml).toContain('<dc:date>2020-11-05</dc:date>');
    expect(xml).toMatch(/<dc:description xml:lang="sv">§§ 20-\d+<\/dc:description>/);
    expect(xml).toMatch(/<dc:identifier>urn:justera:sammantrade:[^<]+<\/dc:identifier>/);
    expect(xml).toContain('<dc:language>sv</dc:language>');
    expect(xml).toMatch(/<mets:div ID="meeting-1" [^>]*DMDID="dmd-1"/);
    expect(checkMetsStructure(xml)).toEqual([]);
    // Valid against the official METS 1.12.1 schema (test/fixtures/schemas/mets, xlink resolved
    // locally), checked by libxml2's xmllint; required on CI.
    if (hasTool('xmllint')) {
      const r = spawnSync('xmllint', ['--noout', '--nonet', '--schema', METS_XSD, join(pkg, 'METS.xml')], { encoding: 'utf8' });
      expect(r.stderr.trim(), r.stderr).toBe(`${join(pkg, 'METS.xml')} validates`);
      expect(r.status).toBe(0);
    }
    // E-ARK CSIP 2.1 on the root and in the header (docs/archive.md lists what is met).
    expect(xml).toMatch(/<mets:mets [^>]*TYPE="OTHER" csip:OTHERTYPE="Sammanträdesprotokoll"/);
    expect(xml).toMatch(/csip:CONTENTINFORMATIONTYPE="OTHER" csip:OTHERCONTENTINFORMATIONTYPE="[^"]+"/);
    expect(xml).toContain('PROFILE="https://earkcsip.dilcis.eu/profile/E-ARK-CSIP.xml"');
    expect(xml).toMatch(/<mets:agent ROLE="CREATOR" TYPE="OTHER" OTHERTYPE="SOFTWARE">\s*<mets:name>Justera<\/mets:name>\s*<mets:note csip:NOTETYPE="SOFTWARE VERSION">/);
    expect(xml).toContain('<mets:structMap ID="structMap" TYPE="PHYSICAL" LABEL="CSIP">');
    // No temporary folder is left behind.
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a non-empty folder in Swedish and accepts an empty one', async () => {
    mkdirSync(join(dir, 'upptagen'));
    writeFileSync(join(dir, 'upptagen', 'annat.txt'), 'x');
    expect(await exportTo('upptagen')).toBe(1);
    expect(err.join('')).toContain('är inte tom');
    expect(readdirSync(join(dir, 'upptagen'))).toEqual(['annat.txt']);
    mkdirSync(join(dir, 'tom'));
    expect(await exportTo('tom')).toBe(0);
    expect(existsSync(join(dir, 'tom', 'METS.xml'))).toBe(true);
    err = [];
    expect(await cli('archive', 'export', boardId, '2019', 'inget', '--db', 'justera.db')).toBe(1);
    expect(err.join('')).toContain('inga sammanträden år 2019');
    expect(existsSync(join(dir, 'inget'))).toBe(false);
  });
});

describe('justera archive verify', () => {
  it('passes on an untouched package', async () => {
    // Without a trust anchor the signatures are not judged trusted: not an all-clear.
    expect(await cli('archive', 'verify', 'arkiv')).toBe(1);
    expect(stdout()).toContain('Tillit ej bedömd');
    out = [];
    expect(await cli('archive', 'verify', 'arkiv', '--db', 'justera.db')).toBe(0);
    expect(stdout()).toContain('METS.xml: strukturen är korrekt (kontrollerad i Justera, inte mot METS-schemat).');
    expect(stdout()).toMatch(/0 med fel/);
    expect(stdout()).toMatch(/Underskrifter: 1 giltiga, 0 ogiltiga/);
    out = [];
    expect(await cli('archive', 'verify', 'arkiv', '--json', '--db', 'justera.db')).toBe(0);
    const r = JSON.parse(stdout()) as { ok: boolean; files: { bad: unknown[] } };
    expect(r.ok).toBe(true);
    expect(r.files.bad).toEqual([]);
  });

  it('fails naming the file when one byte of the signed PDF is flipped', async () => {
    expect(await exportTo('andrad')).toBe(0);
    const pkg = join(dir, 'andrad');
    const signed = parseMets(readFileSync(join(pkg, 'METS.xml'), 'utf8')).files.find((f) => f.use === 'signed-pdf')?.path ?? '';
    const bytes = readFileSync(join(pkg, signed));
    const at = Math.floor(bytes.length / 3);
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    writeFileSync(join(pkg, signed), bytes);
    out = [];
    expect(await cli('archive', 'verify', 'andrad')).toBe(1);
    expect(stdout()).toContain(`FEL  ${signed}: Checksumman stämmer inte`);
    const r = await verifyArchive(pkg);
    expect(r.ok).toBe(false);
    expect(r.files.bad.map((b) => b.path)).toEqual([signed]);
  });

  it('re-verifies the signature even when the checksums were forged to match', async () => {
    expect(await exportTo('forfalskad')).toBe(0);
    const pkg = join(dir, 'forfalskad');
    const metsPath = join(pkg, 'METS.xml');
    const entry = parseMets(readFileSync(metsPath, 'utf8')).files.find((f) => f.use === 'signed-pdf');
    const bytes = readFileSync(join(pkg, entry?.path ?? ''));
    const at = Math.floor(bytes.length / 3);
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    writeFileSync(join(pkg, entry?.path ?? ''), bytes);
    const sum = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    const oldMets = readFileSync(metsPath);
    const newMets = Buffer.from(oldMets.toString('utf8').replace(entry?.sha256 ?? '', sum(bytes)));
    writeFileSync(metsPath, newMets);
    const manifestPath = join(pkg, 'manifest.sha256');
    writeFileSync(
      manifestPath,
      readFileSync(manifestPath, 'utf8')
        .replace(entry?.sha256 ?? '', sum(bytes))
        .replace(sum(oldMets), sum(newMets)),
    );
    out = [];
    expect(await cli('archive', 'verify', 'forfalskad')).toBe(1);
    expect(stdout()).toContain('0 med fel');
    expect(stdout()).toMatch(/Underskrifter: 0 giltiga, 1 ogiltiga/);
    expect(stdout()).toContain(`OGILTIG  ${entry?.path ?? ''}`);
  });

  it('fails when a file is deleted, or METS.xml is changed', async () => {
    expect(await exportTo('saknas')).toBe(0);
    const pkg = join(dir, 'saknas');
    const data = parseMets(readFileSync(join(pkg, 'METS.xml'), 'utf8')).files.find((f) => f.use === 'meeting-data')?.path ?? '';
    unlinkSync(join(pkg, data));
    out = [];
    expect(await cli('archive', 'verify', 'saknas')).toBe(1);
    expect(stdout()).toContain(`FEL  ${data}: Filen saknas.`);

    expect(await exportTo('mets')).toBe(0);
    const metsPath = join(dir, 'mets', 'METS.xml');
    writeFileSync(metsPath, readFileSync(metsPath, 'utf8').replace('<mets:name>Justera</mets:name>', '<mets:name>Någon annan</mets:name>'));
    const r = await verifyArchive(join(dir, 'mets'));
    expect(r.files.bad.map((b) => b.path)).toEqual(['METS.xml']);
    // Not an archive package at all.
    out = [];
    err = [];
    expect(await cli('archive', 'verify', 'tom-mapp-finns-inte')).toBe(1);
    expect(err.join('')).toContain('METS.xml saknas');
  });
});

describe('METS.xml structure', () => {
  const good = () => readFileSync(join(dir, 'arkiv', 'METS.xml'), 'utf8');

  it('names what is wrong when a section, a reference or a checksum is missing', () => {
    const xml = good();
    const firstFile = /<mets:file ID="(file-\d+)"/.exec(xml)?.[1] ?? '';
    const noPointer = xml.replace(`<mets:fptr FILEID="${firstFile}"/>`, '');
    expect(checkMetsStructure(noPointer)).toEqual([expect.stringContaining(`Filen ${firstFile} (`)]);
    expect(checkMetsStructure(noPointer)[0]).toContain('finns inte i structMap');
    const noDmd = xml.replace(/<mets:dmdSec[\s\S]*?<\/mets:dmdSec>\s*/g, '');
    expect(checkMetsStructure(noDmd)).toEqual(expect.arrayContaining(['mets:dmdSec (den beskrivande metadatan) saknas.', expect.stringContaining('pekar på dmdSec "dmd-1"')]));
    const noLanguage = xml.replace('<dc:language>sv</dc:language>', '');
    expect(checkMetsStructure(noLanguage)).toEqual(['dmdSec dmd-0 saknar dc:language.']);
    const noChecksum = xml.replace(/ CHECKSUM="[0-9a-f]{64}"/, '');
    expect(checkMetsStructure(noChecksum)).toEqual(['Filen file-0001 saknar en SHA-256-checksumma.']);
    const dangling = xml.replace('</mets:structMap>', '<mets:div><mets:fptr FILEID="file-9999"/></mets:div></mets:structMap>');
    expect(checkMetsStructure(dangling)).toEqual(['structMap pekar på filen "file-9999", som inte finns i fileSec.']);
    const twice = xml.replace('ID="file-0002"', 'ID="file-0001"');
    expect(checkMetsStructure(twice)).toEqual(expect.arrayContaining(['ID "file-0001" förekommer mer än en gång.']));
    expect(checkMetsStructure(xml.replace('</mets:fileSec>', ''))[0]).toMatch(/^METS.xml är inte välformad XML: /);
    expect(checkMetsStructure(xml.replace('<mets:name>Justera', '<mets:name>Justera & co'))[0]).toContain('ett & som inte är en entitet');
  });

  it('reads METS by namespace, not by prefix, and resolves entities in paths', () => {
    const xml = good();
    const expected = parseMets(xml);
    const renamed = xml
      .replace(/(<\/?)mets:/g, '$1m:')
      .replace('xmlns:mets=', 'xmlns:m=')
      .replace(/xlink:/g, 'xl:')
      .replace('xmlns:xlink=', 'xmlns:xl=');
    expect(parseMets(renamed)).toEqual(expected);
    expect(checkMetsStructure(renamed)).toEqual([]);
    // A path with an ampersand is escaped in the file and read back as written.
    const first = expected.files[0]?.path ?? '';
    const withAmp = xml.replace(`xlink:href="${first}"`, `xlink:href="${first.replace('data/', 'data/a&amp;b/')}"`);
    expect(parseMets(withAmp).files[0]?.path).toBe(first.replace('data/', 'data/a&b/'));
  });

  it('names the missing E-ARK CSIP root attributes and the creating agent', () => {
    const xml = good();
    const bare = xml
      .replace(' TYPE="OTHER"', '')
      .replace(/ csip:CONTENTINFORMATIONTYPE="[^"]*"/, '')
      .replace(/ PROFILE="[^"]*"/, '')
      .replace(/ROLE="CREATOR"/g, 'ROLE="OTHER"');
    expect(checkMetsStructure(bare)).toEqual([
      'mets:mets saknar TYPE.',
      'mets:mets saknar csip:CONTENTINFORMATIONTYPE.',
      'mets:mets saknar PROFILE.',
      'metsHdr saknar en mets:agent med ROLE="CREATOR".',
    ]);
  });

  it.skipIf(!hasTool('xmllint'))('agrees with xmllint on well-formedness', () => {
    for (const broken of ['<a><b></a>', '<a x="1" x="2"/>', '<a>&nbsp;</a>', '<a/><b/>', '<a>ok &amp; &#229; &#xE5;</a>', '<a>x & y</a>', 'text<a/>', '<a', '<a xmlns:m="u"><m:b/></a>', '<a/>text']) {
      const file = join(dir, 'test.xml');
      writeFileSync(file, broken);
      const lint = (() => {
        try {
          execFileSync('xmllint', ['--noout', file], { stdio: 'pipe' });
          return true;
        } catch {
          return false;
        }
      })();
      const ours = (() => {
        try {
          parseXml(broken);
          return true;
        } catch {
          return false;
        }
      })();
      expect(ours, broken).toBe(lint);
    }
  });

  it('verify fails with the structural problem when a file is dropped from the structMap', async () => {
    expect(await exportTo('struktur')).toBe(0);
    const metsPath = join(dir, 'struktur', 'METS.xml');
    const xml = readFileSync(metsPath, 'utf8');
    const id = /<mets:file ID="(file-\d+)"/.exec(xml)?.[1] ?? '';
    const changed = Buffer.from(xml.replace(`<mets:fptr FILEID="${id}"/>`, ''));
    writeFileSync(metsPath, changed);
    const manifestPath = join(dir, 'struktur', 'manifest.sha256');
    const sum = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    writeFileSync(manifestPath, readFileSync(manifestPath, 'utf8').replace(sum(Buffer.from(xml)), sum(changed)));
    out = [];
    expect(await cli('archive', 'verify', 'struktur')).toBe(1);
    expect(stdout()).toContain('METS.xml: 1 strukturfel.');
    expect(stdout()).toContain(`STRUKTUR  METS.xml: Filen ${id} (`);
    expect(stdout()).toContain('0 med fel');
    const r = await verifyArchive(join(dir, 'struktur'));
    expect(r.mets.valid).toBe(false);
    expect(r.ok).toBe(false);
  });
});
