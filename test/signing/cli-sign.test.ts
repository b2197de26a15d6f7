// `justera sign` / `justera verify` through the CLI runner: three signers in turn, then tamper.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/types';
import { makeTestPki, pem, writeP12 } from './helpers/pki';
import { makeProtocolPdf } from './helpers/pdf';
import { hasTool, pdfsig } from './helpers/tools';

let dir: string;
let out: string[];
let err: string[];
let clock = new Date('2020-11-06T08:00:00Z');
const io = (): CliIo => ({ out: (t) => out.push(t), err: (t) => err.push(t), cwd: dir, today: () => '2020-11-06', now: () => clock });
const cli = async (...argv: string[]) => {
  out = [];
  err = [];
  return main(argv, io());
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'justera-cli-sign-'));
  const pki = await makeTestPki();
  writeFileSync(join(dir, 'ca.pem'), pem('CERTIFICATE', pki.ca.certDer));
  writeFileSync(join(dir, 'pw.txt'), 'hemligt lösen\n');
  writeP12(dir, pki.robert, [pki.ca], 'robert.p12', { password: 'hemligt lösen' });
  writeP12(dir, pki.anders, [pki.ca], 'anders.p12', { password: 'hemligt lösen' });
  writeP12(dir, pki.sara, [pki.ca], 'sara.p12', { password: 'hemligt lösen' });
  writeFileSync(join(dir, 'protokoll.pdf'), await makeProtocolPdf());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('justera sign and verify', () => {
  it('secretary, chair and justerare sign in turn; every signature stays valid', async () => {
    const steps: [string, string, string, string][] = [
      ['protokoll.pdf', 'sig-sekreterare', 'robert.p12', 's1.pdf'],
      ['s1.pdf', 'sig-ordforande', 'anders.p12', 's2.pdf'],
      ['s2.pdf', 'sig-justerare-1', 'sara.p12', 's3.pdf'],
    ];
    for (const [input, field, p12, output] of steps) {
      clock = new Date(clock.getTime() + 3_600_000);
      expect(await cli('sign', input, '--field', field, '--p12', p12, '--password-file', 'pw.txt', '-o', output)).toBe(0);
      expect(out.join('')).toMatch(new RegExp(`i fältet ${field} \\(PAdES B-B\\)`));
    }
    expect(await cli('verify', 's3.pdf', '--trust', 'ca.pem')).toBe(0);
    const text = out.join('');
    expect(text).toContain('Underskrift 1: GILTIG');
    expect(text).toContain('Undertecknare:       Robert Karlsson');
    expect(text).toContain('Undertecknare:       Anders Lundkvist');
    expect(text).toContain('Undertecknare:       Sara Lundberg');
    expect(text).toContain('Tillit:              betrodd (CN=Justera Test-CA Ö');
    expect(text).toContain('Resultat: alla underskrifter är giltiga och betrodda.');
    // Without --trust the chain is not judged: "tillit ej bedömd", never an all-clear (status 1).
    expect(await cli('verify', 's3.pdf', '--json')).toBe(1);
    const report = JSON.parse(out.join('')) as { valid: boolean; trustAssessed: boolean; signatures: { fieldName: string; level: string }[] };
    expect(report.valid).toBe(true);
    expect(report.trustAssessed).toBe(false);
    expect(report.signatures.map((s) => [s.fieldName, s.level])).toEqual([
      ['sig-sekreterare', 'B-B'],
      ['sig-ordforande', 'B-B'],
      ['sig-justerare-1', 'B-B'],
    ]);
    if (hasTool('pdfsig')) {
      const sigs = pdfsig(join(dir, 's3.pdf')).signatures;
      expect(sigs).toHaveLength(3);
      expect(sigs.every((s) => s.validation === 'Signature is Valid.')).toBe(true);
    }
  });

  it('refuses a wrong password, an already signed field and a missing field, writing nothing', async () => {
    writeFileSync(join(dir, 'wrong.txt'), 'fel\n');
    expect(await cli('sign', 's1.pdf', '--field', 'sig-ordforande', '--p12', 'anders.p12', '--password-file', 'wrong.txt', '-o', 'x.pdf')).toBe(1);
    expect(err.join('')).toMatch(/lösenord/i);
    expect(await cli('sign', 's1.pdf', '--field', 'sig-sekreterare', '--p12', 'anders.p12', '--password-file', 'pw.txt', '-o', 'x.pdf')).toBe(1);
    expect(err.join('')).toMatch(/redan/);
    expect(await cli('sign', 's1.pdf', '--field', 'sig-finns-inte', '--p12', 'anders.p12', '--password-file', 'pw.txt', '-o', 'x.pdf')).toBe(1);
    expect(err.join('')).toMatch(/sig-finns-inte/);
    expect(() => readFileSync(join(dir, 'x.pdf'))).toThrow();
    expect(await cli('sign', 's1.pdf', '--field', 'sig-ordforande', '-o', 'x.pdf')).toBe(1);
    expect(err.join('')).toContain('Ange antingen --p12');
  });

  it('exits non-zero when bytes were appended after the last signature', async () => {
    writeFileSync(join(dir, 'tampered.pdf'), readFileSync(join(dir, 's3.pdf')));
    appendFileSync(join(dir, 'tampered.pdf'), '\n% tillagt i efterhand\n');
    expect(await cli('verify', 'tampered.pdf')).toBe(1);
    expect(out.join('')).toContain('Filen har ÄNDRATS efter den sista underskriften.');
    expect(out.join('')).toContain('Resultat: OGILTIG.');
  });
});
