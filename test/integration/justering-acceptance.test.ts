// The Justering issue's "done when", end to end: the board sets the order secretary → chair →
// justerare; the secretary signs the reference protocol's §§ 20–22 with a .p12 file; the chair
// signs on his own machine (another Justera, another database) with a SoftHSM2 token through a
// signing package; the justerare signs last. pdfsig, qpdf and `justera verify` all agree.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ApiClient } from '../../core/api/client';
import { createBackend, type Backend } from '../../electron/backend';
import { main } from '../../electron/cli/main';
import { counterIds, rejection } from '../helpers/backend';
import { makeTestPki, pem, writeP12, trustCa } from '../signing/helpers/pki';
import { SOFTHSM_PIN, softhsmIn, softhsmModule } from '../signing/helpers/softhsm';
import { hasTool, nssDbTrusting, pdfsig, qpdfCheck } from '../signing/helpers/tools';

const PASSWORD = 'hemligt-lösenord';
const TOKEN = 'SITHS Anders';

interface Machine {
  backend: Backend;
  api: ApiClient;
  now: Date;
}

function machine(dbFile: string, at: string): Machine {
  const m = { now: new Date(at) } as Machine;
  m.backend = createBackend({ databasePath: dbFile, clock: { now: () => m.now }, ids: counterIds(), actor: 'test', pkcs11: { configured: softhsmModule } });
  m.api = createClient((method, input) => m.backend.dispatch(method, input));
  return m;
}

let dir: string;
let secretary: Machine;
let chair: Machine;
let pki: Awaited<ReturnType<typeof makeTestPki>>;
let robertP12: string;
let saraP12: string;
let meetingId: string;
let versionId: string;

const rows = (m: Machine) => ({
  signatures: (m.backend.db.$client.prepare('SELECT count(*) AS n FROM signatures').get() as { n: number }).n,
  audit: (m.backend.db.$client.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n,
});

beforeAll(async () => {
  if (softhsmModule === undefined) return;
  dir = mkdtempSync(join(tmpdir(), 'justera-acceptance-'));
  pki = await makeTestPki();
  robertP12 = readFileSync(writeP12(dir, pki.robert, [pki.ca], 'robert.p12', { password: PASSWORD })).toString('base64');
  saraP12 = readFileSync(writeP12(dir, pki.sara, [pki.ca], 'sara.p12', { password: PASSWORD })).toString('base64');
  const hsm = softhsmIn(dir);
  hsm.initToken(TOKEN);
  hsm.importIdentity(TOKEN, pki.anders, 'a1', 'Underskrift');
  writeFileSync(join(dir, 'ca.pem'), pem('CERTIFICATE', pki.ca.certDer));
  secretary = machine(join(dir, 'sekreterare.db'), '2020-11-05T10:30:00+01:00');
  chair = machine(join(dir, 'ordforande.db'), '2020-11-05T10:30:00+01:00');
  await trustCa(secretary.api, pki.ca);
  await trustCa(chair.api, pki.ca);
  meetingId = (await secretary.api.call('demo.load', {})).meetingId;
}, 60_000);

afterAll(() => {
  secretary?.backend.close();
  chair?.backend.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(softhsmModule === undefined)('the chair signs after the secretary and before the justerare, on his own machine with a card', () => {
  it('the board sets the order; §§ 20–22 are frozen and the status says who waits for whom', async () => {
    const meeting = (await secretary.api.call('meetings.list', {})).find((m) => m.id === meetingId);
    const boardId = meeting?.boardId ?? '';
    const set = await secretary.api.call('boards.setSigningOrder', { boardId, order: ['sekreterare', 'ordforande', 'justerare'] });
    expect(set.order).toEqual(['sekreterare', 'ordforande', 'justerare']);
    versionId = (await secretary.api.call('justering.freeze', { meetingId, groupIndex: 0 })).version.id;
    const status = await secretary.api.call('justering.status', { meetingId });
    expect(status.signingOrder).toEqual(['sekreterare', 'ordforande', 'justerare']);
    const signers = status.groups[0]?.versions[0]?.signers ?? [];
    expect(signers.map((s) => [s.field, s.name, s.waitingFor])).toEqual([
      ['sig-sekreterare', 'Robert Karlsson', []],
      ['sig-ordforande', 'Anders Lundkvist', ['Robert Karlsson']],
      ['sig-justerare-1', 'Sara Lundberg', ['Robert Karlsson', 'Anders Lundkvist']],
    ]);
  }, 60_000);

  it('out of turn is refused with a clear message and changes nothing', async () => {
    const before = rows(secretary);
    const early = await rejection(secretary.api.call('justering.sign', { versionId, field: 'sig-justerare-1', credential: { kind: 'p12', p12Base64: saraP12, password: PASSWORD } }));
    expect(early.code).toBe('conflict');
    expect(early.message).toContain('Robert Karlsson');
    const earlyPackage = await rejection(secretary.api.call('justering.exportPackage', { versionId, field: 'sig-ordforande' }));
    expect(earlyPackage.code).toBe('conflict');
    expect(rows(secretary)).toEqual(before);
  });

  it('the secretary signs with a certificate file', async () => {
    secretary.now = new Date('2020-11-05T10:40:00+01:00');
    const r = await secretary.api.call('justering.sign', { versionId, field: 'sig-sekreterare', credential: { kind: 'p12', p12Base64: robertP12, password: PASSWORD } });
    expect(r.signature.signerName).toBe('Robert Karlsson');
    expect(r.remaining.map((s) => s.field)).toEqual(['sig-ordforande', 'sig-justerare-1']);
  }, 30_000);

  it('the chair signs the package on his own machine with his card (SoftHSM2), and the secretary imports it', async () => {
    const pkg = await secretary.api.call('justering.exportPackage', { versionId, field: 'sig-ordforande' });
    // The chair opens it later that morning; a signature "from the future" would not be accepted.
    chair.now = new Date('2020-11-05T11:05:00+01:00');
    const { slots } = await chair.api.call('justering.pkcs11Slots', { moduleId: 'configured' });
    expect(slots.filter((s) => s.hasToken).map((s) => s.tokenLabel)).toContain(TOKEN);
    const opened = await chair.api.call('justering.openPackage', { content: pkg.content });
    expect(opened.manifest.expectedSigner).toEqual({ name: 'Anders Lundkvist', role: 'Ordförande' });
    expect(opened.signedBefore.map((s) => [s.certificateSubject, s.trusted])).toEqual([['Robert Karlsson', true]]);
    expect(opened.authenticity).toMatchObject({ verified: true, secretary: 'Robert Karlsson', reasons: [] });

    const credential = { kind: 'pkcs11' as const, moduleId: 'configured', tokenLabel: TOKEN };
    const wrongPin = await rejection(chair.api.call('justering.signPackage', { content: pkg.content, credential: { ...credential, pin: '000000' } }));
    expect(wrongPin.code).toBe('signature');
    expect(wrongPin.message).toMatch(/PIN/);

    const signed = await chair.api.call('justering.signPackage', { content: pkg.content, credential: { ...credential, pin: SOFTHSM_PIN } });
    expect(signed.field).toBe('sig-ordforande');
    expect(signed.signerMatches).toBe(true);
    expect(signed.validation.valid).toBe(true);
    expect(signed.validation.signatures.map((s) => s.signerName)).toEqual(['Robert Karlsson', 'Anders Lundkvist']);
    expect((await chair.api.call('meetings.list', {})).length).toBe(0); // nothing of the meeting landed on his machine

    // Back at the secretary's a little later: the signature counts from its import.
    secretary.now = new Date('2020-11-05T11:10:00+01:00');
    const imported = await secretary.api.call('justering.importSigned', { versionId, field: 'sig-ordforande', pdfBase64: signed.pdfBase64 });
    expect(imported.signature.signedAt).toBe('2020-11-05T10:10:00.000Z');
    expect(imported.signature.via).toBe('import');
    expect(imported.remaining.map((s) => s.field)).toEqual(['sig-justerare-1']);
  }, 60_000);

  it('the justerare signs last: the group is justerad at the time of her signature', async () => {
    secretary.now = new Date('2020-11-05T11:20:00+01:00');
    const r = await secretary.api.call('justering.sign', { versionId, field: 'sig-justerare-1', credential: { kind: 'p12', p12Base64: saraP12, password: PASSWORD } });
    expect(r.groupAdjusted).toBe(true);
    expect(r.validation.valid).toBe(true);
    const group = (await secretary.api.call('justering.status', { meetingId })).groups[0];
    expect(group?.status).toBe('adjusted');
    expect(group?.adjustedAt).toBe(r.signature.signedAt);
  }, 30_000);

  it.skipIf(!hasTool('pdfsig') || !hasTool('qpdf') || !hasTool('certutil'))(
    'pdfsig, qpdf and justera verify agree that all three signatures are valid',
    async () => {
      const file = join(dir, 'justerat.pdf');
      writeFileSync(file, Buffer.from((await secretary.api.call('justering.currentPdf', { versionId })).pdfBase64, 'base64'));
      const sigs = pdfsig(file, nssDbTrusting(join(dir, 'nss'), pki.ca.certDer)).signatures;
      expect(sigs.map((s) => [s.fieldName, s.commonName, s.validation, s.certificateValidation])).toEqual([
        ['sig-sekreterare', 'Robert Karlsson', 'Signature is Valid.', 'Certificate is Trusted.'],
        ['sig-ordforande', 'Anders Lundkvist', 'Signature is Valid.', 'Certificate is Trusted.'],
        ['sig-justerare-1', 'Sara Lundberg', 'Signature is Valid.', 'Certificate is Trusted.'],
      ]);
      expect(sigs.map((s) => s.totalDocumentSigned)).toEqual([false, false, true]);
      expect(qpdfCheck(file).ok).toBe(true);

      const out: string[] = [];
      const err: string[] = [];
      const io = { out: (t: string) => out.push(t), err: (t: string) => err.push(t), cwd: dir, today: () => '2020-11-05', now: () => new Date('2020-11-05T12:00:00+01:00') };
      expect(await main(['verify', 'justerat.pdf', '--trust', 'ca.pem'], io)).toBe(0);
      const text = out.join('\n');
      for (const name of ['Robert Karlsson', 'Anders Lundkvist', 'Sara Lundberg']) expect(text).toContain(name);
      expect(err.join('')).toBe('');
    },
    60_000,
  );
});
