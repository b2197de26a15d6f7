// `justera signservice list|add|remove` through the CLI: the same validation as Inställningar
// (settings.signServices.save) — missing options, a file that is no certificate, a relative key
// path made absolute, a duplicate name, an unknown service to remove — each refusal with exit
// code 1, a Swedish message and nothing stored (the audit log unchanged).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditCount, cliSession } from '../helpers/cli';
import { issue, pem } from '../signing/helpers/pki';

let dir: string;
const { cli, stdout, stderr } = cliSession(() => dir, '2020-11-05T10:35:00+01:00');
const auditRows = () => auditCount(join(dir, 'j.db'));

let certDer: Uint8Array;
const base = () => [
  '--name',
  'Testtjänsten',
  '--entity-id',
  'https://sign.test.justera.se/signservice',
  '--url',
  'https://sign.test.justera.se/sign/request',
  '--certificate',
  'tjanst.pem',
  '--idp',
  'https://idp.test.justera.se/bankid',
  '--requester',
  'https://justera.testkommun.se/sp',
  '--p12',
  'nycklar/underskrift.p12',
  '--password-file',
  'nycklar/underskrift.pass',
  '--db',
  'j.db',
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'justera-signservice-cli-'));
  certDer = (await issue({ commonName: 'Test Signservice' })).certDer;
  writeFileSync(join(dir, 'tjanst.pem'), `${pem('CERTIFICATE', certDer)}\n`);
  writeFileSync(join(dir, 'tjanst.der'), certDer);
  writeFileSync(join(dir, 'inte-cert.pem'), 'detta är inget certifikat\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('justera signservice', () => {
  it('lists none, refuses bad input with nothing stored, adds, lists, refuses a duplicate, removes', async () => {
    expect(await cli('signservice', 'list', '--db', 'j.db')).toBe(0);
    expect(stdout()).toContain('Ingen underskriftstjänst är inställd');
    const audits = auditRows();

    // Missing options: every one named.
    expect(await cli('signservice', 'add', '--name', 'X', '--db', 'j.db')).toBe(1);
    expect(stderr()).toContain('--entity-id, --url, --certificate, --idp, --requester, --p12, --password-file');
    // A file that is no certificate: the settings screen's words.
    const bad = base();
    bad[bad.indexOf('tjanst.pem')] = 'inte-cert.pem';
    expect(await cli('signservice', 'add', ...bad)).toBe(1);
    expect(stderr()).toContain('PEM-form');
    // A file that does not exist.
    bad[bad.indexOf('inte-cert.pem')] = 'saknas.pem';
    expect(await cli('signservice', 'add', ...bad)).toBe(1);
    expect(stderr()).toContain('kunde inte läsas');
    // A level of assurance that does not exist; a service address that is not http(s).
    expect(await cli('signservice', 'add', ...base(), '--loa', 'loa9')).toBe(1);
    expect(stderr()).toContain('Välj tillitsnivå: loa2, loa3 eller loa4.');
    const ftp = base();
    ftp[ftp.indexOf('https://sign.test.justera.se/sign/request')] = 'ftp://sign.test.justera.se';
    expect(await cli('signservice', 'add', ...ftp)).toBe(1);
    expect(stderr()).toContain('https-adress');
    expect(auditRows()).toBe(audits);
    expect(await cli('signservice', 'list', '--db', 'j.db', '--json')).toBe(0);
    expect(JSON.parse(stdout())).toEqual({ services: [] });

    // Added: relative key paths stored absolute (the setting requires a full path), loa3 by default.
    expect(await cli('signservice', 'add', ...base())).toBe(0);
    expect(stdout()).toContain('Tillagd:');
    expect(stdout()).toContain(`Nyckel:          ${join(dir, 'nycklar/underskrift.p12')} (lösenord i ${join(dir, 'nycklar/underskrift.pass')})`);
    expect(auditRows()).toBe(audits + 1);
    expect(await cli('signservice', 'list', '--db', 'j.db', '--json')).toBe(0);
    const [saved] = (JSON.parse(stdout()) as { services: Record<string, string>[] }).services;
    expect(saved).toMatchObject({ name: 'Testtjänsten', loa: 'loa3', requesterP12Path: join(dir, 'nycklar/underskrift.p12'), serviceCertificatePem: pem('CERTIFICATE', certDer).trim() });

    // The same name again (any case) is refused; a DER certificate under another name is taken.
    const dup = base();
    dup[dup.indexOf('Testtjänsten')] = 'TESTTJÄNSTEN';
    expect(await cli('signservice', 'add', ...dup)).toBe(1);
    expect(stderr()).toContain('Det finns redan en underskriftstjänst som heter ”TESTTJÄNSTEN”');
    const der = base();
    der[der.indexOf('Testtjänsten')] = 'Reservtjänsten';
    der[der.indexOf('tjanst.pem')] = 'tjanst.der';
    expect(await cli('signservice', 'add', ...der, '--loa', 'loa4', '--json')).toBe(0);
    const reserve = JSON.parse(stdout()) as Record<string, string>;
    expect(reserve['loa']).toBe('loa4');
    expect(reserve['serviceCertificatePem']?.replace(/\s+/g, '')).toBe(pem('CERTIFICATE', certDer).replace(/\s+/g, ''));
    expect(await cli('signservice', 'list', '--db', 'j.db')).toBe(0);
    expect(stdout()).toContain(`${saved?.['id']}  Testtjänsten`);
    expect(stdout()).toContain('Reservtjänsten');

    // Removing: an unknown one refused; by name (any case) and by id.
    const before = auditRows();
    expect(await cli('signservice', 'remove', 'Okänd', '--db', 'j.db')).toBe(1);
    expect(stderr()).toContain('Det finns ingen underskriftstjänst med id eller namn ”Okänd”');
    expect(auditRows()).toBe(before);
    expect(await cli('signservice', 'remove', 'testtjänsten', '--db', 'j.db')).toBe(0);
    expect(stdout()).toBe('Borttagen: Testtjänsten');
    expect(await cli('signservice', 'remove', reserve['id'] ?? '', '--db', 'j.db')).toBe(0);
    expect(await cli('signservice', 'list', '--db', 'j.db')).toBe(0);
    expect(stdout()).toContain('Ingen underskriftstjänst är inställd');
    expect(auditRows()).toBe(before + 2);
  }, 60_000);
});
