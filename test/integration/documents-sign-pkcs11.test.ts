// The clerk signs her own documents with a smart card (PKCS#11, a SoftHSM2 token standing in for
// SITHS): documents.sign with a card credential and `justera document sign --pkcs11`. A wrong PIN and another
// person's card are refused and store nothing; the signed tillkännagivande and anslagsbevis are
// valid in pdfsig.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/types';
import { makeTestPki, trustCa } from '../signing/helpers/pki';
import { SOFTHSM_PIN, softhsmIn, softhsmModule } from '../signing/helpers/softhsm';
import { hasTool, pdfsig } from '../signing/helpers/tools';
import { rejection } from '../helpers/backend';
import { anslagFixture, type AnslagFixture } from './anslag-fixture';

let f: AnslagFixture;
let module: string;
let noticeId: string;
let bevisId: string;

beforeAll(async () => {
  if (softhsmModule === undefined) return;
  f = await anslagFixture({ now: '2020-11-06T09:00:00+01:00', pkcs11Module: softhsmModule });
  const pki = await makeTestPki();
  await trustCa(f.api, pki.ca);
  const hsm = softhsmIn(f.dir);
  module = hsm.module;
  hsm.initToken('SITHS Lisa');
  hsm.importIdentity('SITHS Lisa', await pki.issue('Lisa Lundgren', 'RSA'), '01', 'Underskrift');
  hsm.initToken('SITHS Robert');
  hsm.importIdentity('SITHS Robert', pki.robert, '02', 'Underskrift');
  writeFileSync(join(f.dir, 'pin.txt'), `${SOFTHSM_PIN}\n`);
  const posted = await f.api.call('anslag.post', { groupId: f.groupIds[0] as string });
  noticeId = posted.tillkannagivande.id;
  bevisId = posted.anslagsbevis.id;
}, 60_000);

afterAll(() => f?.dispose());

describe.skipIf(softhsmModule === undefined)('the clerk signs with a smart card', () => {
  it('documents.sign with a card: wrong PIN and another person’s card refused, then Lisa’s card signs the anslagsbevis', async () => {
    const wrongPin = await rejection(
      f.api.call('documents.sign', { versionId: bevisId, field: 'sig-anslagsbevis', credential: { kind: 'pkcs11', moduleId: 'configured', tokenLabel: 'SITHS Lisa', pin: '000000' } }),
    );
    expect(wrongPin.code).toBe('signature');
    expect(wrongPin.message).toMatch(/PIN/);
    const robert = await rejection(
      f.api.call('documents.sign', { versionId: bevisId, field: 'sig-anslagsbevis', credential: { kind: 'pkcs11', moduleId: 'configured', tokenLabel: 'SITHS Robert', pin: SOFTHSM_PIN } }),
    );
    expect(robert.message).toContain('Robert Karlsson');
    expect((await f.api.call('documents.currentPdf', { versionId: bevisId })).signed).toBe(false);

    const r = await f.api.call('documents.sign', { versionId: bevisId, field: 'sig-anslagsbevis', credential: { kind: 'pkcs11', moduleId: 'configured', tokenLabel: 'SITHS Lisa', pin: SOFTHSM_PIN } });
    expect(r.signature.signerName).toBe('Lisa Lundgren');
    const current = await f.api.call('documents.currentPdf', { versionId: bevisId });
    expect(current.signed).toBe(true);
    if (hasTool('pdfsig')) {
      const file = join(f.dir, 'bevis.pdf');
      writeFileSync(file, Buffer.from(current.pdfBase64, 'base64'));
      expect(pdfsig(file).signatures.map((s) => [s.fieldName, s.commonName, s.validation])).toEqual([['sig-anslagsbevis', 'Lisa Lundgren', 'Signature is Valid.']]);
    }
  }, 60_000);

  it('CLI: lists the cards, then signs the tillkännagivande with --pkcs11 --slot --pin-file', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: f.dir, today: () => '2020-11-06', now: () => new Date('2020-11-06T09:30:00+01:00') };
    expect(await main(['document', 'sign', noticeId, '--field', 'sig-anslag', '--pkcs11', module, '--db', f.dbPath], io)).toBe(0);
    const lisaSlot = out.find((l) => l.includes('SITHS Lisa'))?.match(/--slot (\d+)/)?.[1];
    expect(lisaSlot).toBeDefined();
    expect(await main(['document', 'sign', noticeId, '--field', 'sig-anslag', '--pkcs11', module, '--slot', '999', '--pin-file', 'pin.txt', '--db', f.dbPath], io)).toBe(1);
    expect(err.join('\n')).toContain('Kortplats 999 finns inte');
    expect(await main(['document', 'sign', noticeId, '--field', 'sig-anslag', '--pkcs11', module, '--slot', lisaSlot ?? '', '--pin-file', 'pin.txt', '--db', f.dbPath], io)).toBe(0);
    expect(out.join('\n')).toContain('underskrivet av Lisa Lundgren i sig-anslag');
  }, 60_000);
});
