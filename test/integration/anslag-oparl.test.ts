// The notice board's OParl 1.1 data from the reference meeting, through the API and the CLI: the
// published address as an organisation setting (validated, audited, cleared), the export that
// writes OParl only with an address and says why not without one, every object valid against
// the official schemas, every URL a file in the folder, the confidential § and personnummer kept
// out, the people as the public version names them, and the same bytes on every export.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../core/api/client';
import { readAudit } from '../../db/repos/audit';
import { main } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/types';
import { referenceCopy } from '../helpers/backend';
import { checkOparlExport, readSite } from '../helpers/oparl-schemas';
import { tempDir, type TempDir } from '../documents/helpers/pdf-tools';
import { anslagFixture, type AnslagFixture, type ReferenceDoc } from './anslag-fixture';

let f: AnslagFixture | undefined;
let out: TempDir | undefined;
afterEach(() => {
  f?.dispose();
  out?.remove();
  f = undefined;
  out = undefined;
});

const BASE = 'https://www.lulea.se/anslagstavla/';

/** Strings of the confidential § 27 and the personnummer in § 24 that must not be published. */
const SECRETS = [
  'Hemligt personalärende Qvarnström',
  'Qvarnström',
  'Åsa Öberg-Tvärsnitt',
  'Tvärsnitt',
  '19121212-1212',
  '121212-1212',
  '20080808-2382',
  '191212121212',
  'Dnr HEMLIG 2020/99',
  'Gröntegelvägen',
];

function withSecrets(doc: ReferenceDoc): void {
  const para = (text: string) => ({ type: 'paragraph', content: [{ text }] });
  doc.paragraphs.push({
    number: 27,
    title: 'Hemligt personalärende Qvarnström',
    caseNumber: 'Dnr HEMLIG 2020/99',
    decision: { numbered: false, points: [[para('Nämnden beslutar att Åsa Öberg-Tvärsnitt (19121212-1212) omplaceras.')]] },
    summary: [para('Ärendet gäller Åsa Öberg-Tvärsnitt, skyddad adress Gröntegelvägen.')],
    confidential: { provision: '39 kap. 3 §' },
  });
  const p24 = doc.paragraphs.find((p) => p.number === 24) as Record<string, unknown>;
  p24.description = [para('Kontakt: handläggare med personnummer 20080808-2382 och 191212121212.')];
  (doc as unknown as { adjustmentGroups: { paragraphs: number[] }[] }).adjustmentGroups[1]?.paragraphs.push(27);
}

async function posted(): Promise<AnslagFixture> {
  const fx = await anslagFixture({ now: '2020-11-06T09:00:00+01:00', edit: withSecrets });
  await fx.api.call('anslag.post', { groupId: fx.groupIds[0] as string });
  fx.at('2020-11-12T09:00:00+01:00');
  await fx.api.call('anslag.post', { groupId: fx.groupIds[1] as string });
  fx.at('2020-11-20T08:00:00+01:00');
  return fx;
}

function hashes(files: Map<string, string>): Map<string, string> {
  return new Map([...files].map(([p, c]) => [p, createHash('sha256').update(c).digest('hex')]));
}

describe('the published address of the notice board', () => {
  it('is an organisation setting: validated with a Swedish message, normalised, audited and cleared', async () => {
    f = await posted();
    expect(await f.api.call('noticeboard.address', {})).toMatchObject({ organisationName: 'Luleå kommun', url: null });
    for (const bad of ['www.lulea.se/anslagstavla', 'ftp://www.lulea.se/', 'https://www.lulea.se/a?sida=1', 'https://www.lulea.se/a#x', 'https://user:pw@www.lulea.se/', 'javascript:alert(1)']) {
      const e = await f.api.call('noticeboard.setAddress', { url: bad }).then(
        () => null,
        (x: unknown) => x,
      );
      expect(e, bad).toBeInstanceOf(ApiError);
      expect((e as ApiError).code, bad).toBe('validation');
      expect((e as ApiError).message, bad).toContain('Ange anslagstavlans publika adress som en fullständig webbadress');
    }
    expect(await f.api.call('noticeboard.address', {})).toMatchObject({ url: null });
    const set = await f.api.call('noticeboard.setAddress', { url: '  https://www.lulea.se/anslagstavla  ' });
    expect(set.url).toBe(BASE);
    expect(await f.api.call('noticeboard.address', { organisationId: set.organisationId })).toMatchObject({ url: BASE });
    // The export's override goes through the same check.
    const e = await f.api.call('noticeboard.export', { directory: join(f.dir, 'x'), baseUrl: 'lulea.se' }).then(
      () => null,
      (x: unknown) => x,
    );
    expect((e as ApiError).message).toContain('Ange anslagstavlans publika adress');
    expect((await f.api.call('noticeboard.setAddress', { url: '' })).url).toBeNull();
    const audit = readAudit(f.backend.db, { entity: 'organisation' }).filter((a) => a.action === 'noticeboard.address_set');
    expect(audit.map((a) => a.details)).toEqual([
      { before: null, after: BASE },
      { before: BASE, after: null },
    ]);
  });
});

describe('OParl export of the reference meeting', () => {
  it('without an address writes the pages but no OParl data, and says why', async () => {
    f = await posted();
    out = tempDir('justera-oparl-');
    const r = await f.api.call('noticeboard.export', { directory: out.path });
    expect(r.oparlEntryPoint).toBeNull();
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]).toContain('Öppna data enligt OParl skrevs inte: anslagstavlans publika adress saknas');
    expect(r.notes[0]).toContain('justera board set-url');
    expect(existsSync(join(out.path, 'oparl'))).toBe(false);
    expect(readFileSync(join(out.path, 'index.html'), 'utf8')).not.toContain('oparl');
  });

  it('with the organisation’s address: every object valid, every URL a file, nothing confidential, the same bytes again', async () => {
    f = await posted();
    out = tempDir('justera-oparl-');
    await f.api.call('noticeboard.setAddress', { url: BASE });
    const dir = join(out.path, 'tavla');
    const r = await f.api.call('noticeboard.export', { directory: dir });
    expect(r).toMatchObject({ baseUrl: BASE, oparlEntryPoint: `${BASE}oparl/system.json`, notes: [], current: 2 });

    const files = readSite(dir);
    const check = checkOparlExport(files, BASE);
    expect(check.problems).toEqual([]);
    for (const type of ['System', 'Body', 'Organization', 'Meeting', 'AgendaItem', 'File', 'Person', 'Membership', 'LegislativeTerm', 'Location']) {
      expect(check.validated[type], type).toBeGreaterThan(0);
    }

    const read = (path: string) => JSON.parse(files.get(path) ?? 'null') as Record<string, unknown>;
    const body = read('oparl/body.json');
    expect(body.legislativeTerm).toEqual([expect.objectContaining({ name: 'Mandatperioden 2018–2022', startDate: '2018-10-15', endDate: '2022-10-14' })]);
    const meetings = read('oparl/meetings.json').data as Record<string, unknown>[];
    expect(meetings).toHaveLength(1);
    const meeting = meetings[0] as Record<string, unknown>;
    const items = meeting.agendaItem as Record<string, unknown>[];
    expect(items.map((i) => i.order)).toEqual([20, 21, 22, 23, 24, 25, 26, 27]);
    expect(items.find((i) => i.order === 27)).toMatchObject({ public: false, name: '[Sekretess enligt 39 kap. 3 § OSL]' });
    // The File's checksums are the PDF's in the folder.
    const pdf = readFileSync(join(dir, 'dokument/norrbottens-e-namnd-2020-11-05-offentlig-version.pdf'));
    expect(meeting.resultsProtocol).toMatchObject({
      size: pdf.length,
      sha512Checksum: createHash('sha512').update(pdf).digest('hex'),
      'justera:sha256Checksum': createHash('sha256').update(pdf).digest('hex'),
    });

    // Nothing confidential and no personnummer anywhere in the data.
    const all = [...files]
      .filter(([p]) => !p.endsWith('.pdf'))
      .map(([, c]) => c)
      .join('\n');
    for (const s of SECRETS) expect(all.includes(s), s).toBe(false);
    expect(all).not.toMatch(/\b(?:19|20)?\d{6}[-+]?\d{4}\b/);

    // People: only names the reference document gives, no other data about them.
    const doc = referenceCopy();
    const names = new Set(doc.people.map((p) => p.name));
    const persons = read('oparl/persons.json').data as Record<string, unknown>[];
    expect(persons.length).toBeGreaterThan(3);
    for (const p of persons) {
      expect(names.has(p.name as string), String(p.name)).toBe(true);
      expect(Object.keys(p).sort()).toEqual(expect.arrayContaining(['body', 'id', 'name', 'type']));
      expect(Object.keys(p).filter((k) => !['body', 'id', 'name', 'type', 'membership', 'created', 'modified'].includes(k))).toEqual([]);
    }
    const attending = new Set(doc.attendance.map((a) => doc.people.find((p) => p.key === a.person)?.name));
    for (const name of attending)
      expect(
        persons.map((p) => p.name),
        String(name),
      ).toContain(name);

    // The pages and the feed link to the entry point.
    expect(files.get('index.html')).toContain('<a href="oparl/system.json" type="application/json">Öppna data (OParl)</a>');
    expect(files.get('anslag/norrbottens-e-namnd-2020-11-05-20-22.html')).toContain('href="../oparl/system.json"');
    expect(files.get('anslag.atom')).toContain(`href="${BASE}oparl/system.json"`);

    // Same data, same day: into a new folder the same bytes; into the same folder nothing written.
    const again = await f.api.call('noticeboard.export', { directory: join(out.path, 'igen') });
    expect(again.publicVersionsCreated).toBe(0);
    expect(hashes(readSite(join(out.path, 'igen')))).toEqual(hashes(files));
    const same = await f.api.call('noticeboard.export', { directory: dir });
    expect(same.written).toEqual([]);

    // Clearing the address removes the OParl data an earlier export wrote (its URLs would be stale).
    await f.api.call('noticeboard.setAddress', { url: null });
    const cleared = await f.api.call('noticeboard.export', { directory: dir });
    expect(cleared.removed.filter((p) => p.startsWith('oparl/'))).toHaveLength([...files.keys()].filter((p) => p.startsWith('oparl/')).length);
    expect(existsSync(join(dir, 'oparl'))).toBe(false);
  });
});

describe('CLI', () => {
  it('`board set-url` sets, shows and clears the address; `board export` uses it or --base-url and says why there is no OParl data without', async () => {
    f = await posted();
    out = tempDir('justera-oparl-');
    const lines: string[] = [];
    const errors: string[] = [];
    const io: CliIo = { out: (t) => lines.push(t), err: (t) => errors.push(t), cwd: out.path, today: () => '2020-11-20', now: () => new Date('2020-11-20T08:00:00+01:00') };
    const db = ['--db', f.dbPath];

    expect(await main(['board', 'set-url', ...db], io)).toBe(0);
    expect(lines.pop()).toBe('Luleå kommun har ingen publik adress för anslagstavlan. Ange den med "justera board set-url URL --db FIL".');
    expect(await main(['board', 'export', 'utan', ...db, '--today', '2020-11-20'], io)).toBe(0);
    expect(errors.join('\n')).toContain('Öppna data enligt OParl skrevs inte: anslagstavlans publika adress saknas.');
    expect(existsSync(join(out.path, 'utan', 'oparl'))).toBe(false);

    errors.length = 0;
    expect(await main(['board', 'set-url', 'lulea.se', ...db], io)).toBe(1);
    expect(errors.join('\n')).toContain('Ange anslagstavlans publika adress som en fullständig webbadress');
    errors.length = 0;
    expect(await main(['board', 'set-url', 'https://www.lulea.se/anslagstavla', ...db], io)).toBe(0);
    expect(lines.pop()).toBe(`Anslagstavlan för Luleå kommun publiceras under ${BASE}`);
    expect(await main(['board', 'export', 'med', ...db, '--today', '2020-11-20'], io)).toBe(0);
    expect(errors).toEqual([]);
    expect(lines.pop()).toContain(`Öppna data (OParl 1.1): ${BASE}oparl/system.json`);
    expect(checkOparlExport(readSite(join(out.path, 'med')), BASE).problems).toEqual([]);

    expect(await main(['board', 'set-url', '--clear', ...db], io)).toBe(0);
    expect(lines.pop()).toContain('har ingen publik adress');
    const other = 'https://anslag.example.se/luleå/';
    expect(await main(['board', 'export', 'annan', ...db, '--today', '2020-11-20', '--base-url', other], io)).toBe(0);
    const normalised = new URL(other).href;
    expect(JSON.parse(readFileSync(join(out.path, 'annan', 'oparl', 'system.json'), 'utf8'))).toMatchObject({ id: `${normalised}oparl/system.json` });
    expect(checkOparlExport(readSite(join(out.path, 'annan')), normalised).problems).toEqual([]);
  });
});
