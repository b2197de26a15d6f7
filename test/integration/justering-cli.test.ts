// The justering flow through the `justera` CLI, across "two machines": the secretary locks
// §§ 23–26, signs in the app, packages the file for the chair; the chair opens the package and
// signs with `justera sign`; the secretary imports it; `justera verify` judges the result.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JusteringStatus } from '../../core/app/justering/types';
import { main } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/types';
import { makeTestPki, pem, writeP12 } from '../signing/helpers/pki';

let dir: string;
let out: string[];
let err: string[];
let now = new Date('2020-11-11T14:00:00+01:00');
const io = (): CliIo => ({ out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, today: () => '2020-11-11', now: () => now });
const cli = async (...argv: string[]): Promise<number> => {
  out = [];
  err = [];
  return main(argv, io());
};
const stdout = () => out.join('\n');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'justera-justering-cli-'));
  const pki = await makeTestPki();
  writeP12(dir, pki.robert, [pki.ca], 'robert.p12', { password: 'pw-robert' });
  writeP12(dir, pki.anders, [pki.ca], 'anders.p12', { password: 'pw-anders' });
  writeP12(dir, pki.sara, [pki.ca], 'sara.p12', { password: 'pw-sara' });
  writeFileSync(join(dir, 'robert.txt'), 'pw-robert\n');
  writeFileSync(join(dir, 'anders.txt'), 'pw-anders\n');
  writeFileSync(join(dir, 'sara.txt'), 'pw-sara\n');
  writeFileSync(join(dir, 'ca.pem'), pem('CERTIFICATE', pki.ca.certDer));
}, 30_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('justera justering', () => {
  let meetingId: string;
  let versionId: string;

  it('freezes group 2 (§§ 23–26) and shows the status', async () => {
    expect(await cli('demo', '--db', 'j.db', '--json')).toBe(0);
    meetingId = (JSON.parse(stdout()) as { meetingId: string }).meetingId;
    expect(await cli('trust', 'list', '--db', 'j.db')).toBe(0);
    expect(stdout()).toContain('Tillitslistan är tom');
    expect(await cli('trust', 'add', 'ca.pem', '--db', 'j.db')).toBe(0);
    expect(stdout()).toContain('Justera Test-CA Ö');
    expect(await cli('justering', 'freeze', meetingId, '--db', 'j.db')).toBe(1);
    expect(err.join('')).toContain('Ange vilken grupp');
    expect(await cli('justering', 'freeze', meetingId, '--group', '2', '--db', 'j.db')).toBe(0);
    expect(stdout()).toContain('Låst för justering');
    expect(await cli('justering', 'status', meetingId, '--db', 'j.db', '--json')).toBe(0);
    const st = JSON.parse(stdout()) as JusteringStatus;
    expect(st.groups.map((g) => g.status)).toEqual(['open', 'frozen']);
    versionId = st.groups[1]?.versions[0]?.id ?? '';
    expect(versionId).not.toBe('');
  }, 60_000);

  it('the secretary signs on her machine via a package, then the chair and the justerare', async () => {
    for (const [field, who, minute] of [
      ['sig-sekreterare', 'robert', '10'],
      ['sig-ordforande', 'anders', '20'],
      ['sig-justerare-1', 'sara', '30'],
    ] as const) {
      now = new Date(`2020-11-11T14:${minute}:00+01:00`);
      expect(await cli('justering', 'package', versionId, '--field', field, '-o', `${field}.justera`, '--db', 'j.db')).toBe(0);
      // The secretary's own package has no trusted secretary signature yet: shown as not verified (status 2).
      expect(await cli('justering', 'open', `${field}.justera`, '-o', `${field}.pdf`, '--trust', 'ca.pem')).toBe(field === 'sig-sekreterare' ? 2 : 0);
      expect(stdout()).toContain(`fältet ${field}`);
      expect(stdout()).toContain(field === 'sig-sekreterare' ? 'Ej verifierat — kontrollera med sekreteraren' : 'Verifierat: underskrivet av sekreteraren Robert Karlsson');
      expect(await cli('sign', `${field}.pdf`, '--field', field, '--p12', `${who}.p12`, '--password-file', `${who}.txt`, '-o', `${field}-signed.pdf`)).toBe(0);
      expect(await cli('justering', 'import', versionId, '--field', field, `${field}-signed.pdf`, '--db', 'j.db')).toBe(0);
    }
    expect(stdout()).toContain('Paragraferna är justerade 2020-11-11T13:30:00.000Z');
    // Once the group is adjusted, nothing more is accepted.
    expect(await cli('justering', 'import', versionId, '--field', 'sig-justerare-1', 'sig-ordforande-signed.pdf', '--db', 'j.db')).toBe(1);
  }, 60_000);

  it('exports the signed protocol, which justera verify accepts', async () => {
    expect(await cli('justering', 'export', versionId, '-o', 'justerat.pdf', '--db', 'j.db')).toBe(0);
    expect(stdout()).toContain('3 underskrifter, justerat');
    expect(await cli('verify', 'justerat.pdf', '--trust', 'ca.pem')).toBe(0);
    const report = stdout();
    writeFileSync(join(dir, 'verify.txt'), report);
    expect(report).toContain('Resultat: alla underskrifter är giltiga och betrodda.');
    // Without a trust anchor the verdict is "tillit ej bedömd" and the status non-zero.
    expect(await cli('verify', 'justerat.pdf')).toBe(1);
    expect(stdout()).toContain('tillit ej bedömd');
    expect(report.match(/GILTIG/g)).toHaveLength(3);
    expect(report).toContain('Filen är oförändrad sedan den sista underskriften.');
    if (process.env.JUSTERA_PRINT_VERIFY) console.log(readFileSync(join(dir, 'verify.txt'), 'utf8'));
    expect(await cli('justering', 'status', meetingId, '--db', 'j.db')).toBe(0);
    expect(stdout()).toContain('Grupp 2 §§ 23-26: justerad 2020-11-11T13:30:00.000Z');
  });
});
