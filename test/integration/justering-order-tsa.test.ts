// The board's signing order (secretary → chair → justerare) and the time-stamping service set in
// the app settings: refusals change nothing, status shows who waits for whom, and signatures get
// an RFC 3161 time stamp from a local openssl TSA, or none (PAdES B-B, said so) when the service
// cannot be reached or answers nonsense.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ApiClient } from '../../core/api/client';
import { createBackend, type Backend } from '../../electron/backend';
import { counterIds, rejection } from '../helpers/backend';
import { makeTestPki, writeP12, type Identity, trustCa } from '../signing/helpers/pki';
import { hasTool } from '../signing/helpers/tools';
import { startTestTsa, type TestTsa } from '../signing/helpers/tsa-server';

const PASSWORD = 'hemligt-lösenord';
const canStamp = hasTool('openssl');

let dir: string;
let backend: Backend;
let api: ApiClient;
let meetingId: string;
let boardId: string;
let versionId: string;
let pki: Awaited<ReturnType<typeof makeTestPki>>;
let tsa: TestTsa | undefined;
let nonsense: Server;
let nonsenseUrl: string;
const p12 = new Map<string, string>();

function p12Of(id: Identity): string {
  const file = p12.get(id.commonName);
  if (file === undefined) throw new Error(`no p12 for ${id.commonName}`);
  return readFileSync(file).toString('base64');
}

function counts(): { signatures: number; audit: number } {
  const n = (q: string) => (backend.db.$client.prepare(q).get() as { n: number }).n;
  return { signatures: n('SELECT count(*) AS n FROM signatures'), audit: n('SELECT count(*) AS n FROM audit_log') };
}

function lastAudit(): { action: string; details: string } {
  return backend.db.$client.prepare('SELECT action, details FROM audit_log ORDER BY id DESC LIMIT 1').get() as { action: string; details: string };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'justera-order-tsa-'));
  backend = createBackend({ databasePath: join(dir, 'justera.db'), clock: { now: () => new Date() }, ids: counterIds(), actor: 'sekreterare' });
  api = createClient((m, i) => backend.dispatch(m, i));
  meetingId = (await api.call('demo.load', {})).meetingId;
  boardId = (backend.db.$client.prepare('SELECT board_id FROM meetings WHERE id = ?').get(meetingId) as { board_id: string }).board_id;
  pki = await makeTestPki();
  await trustCa(api, pki.ca);
  for (const id of [pki.robert, pki.anders, pki.sara]) p12.set(id.commonName, writeP12(dir, id, [pki.ca], `${id.commonName.replace(/\W/g, '_')}.p12`, { password: PASSWORD }));
  if (canStamp) tsa = await startTestTsa(dir, pki.ca);
  // A "TSA" that answers 200 with bytes that are no time-stamp response.
  nonsense = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'application/timestamp-reply' }).end('inget tidsstämpelsvar'));
  await new Promise<void>((resolve) => nonsense.listen(0, '127.0.0.1', resolve));
  nonsenseUrl = `http://127.0.0.1:${(nonsense.address() as AddressInfo).port}/tsa`;
}, 60_000);

afterAll(async () => {
  await tsa?.close();
  await new Promise<void>((resolve) => nonsense.close(() => resolve()));
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('app settings: the time-stamping service', () => {
  it('starts without a service, refuses addresses that are not http(s) and stores nothing then', async () => {
    expect(await api.call('settings.get', {})).toEqual({ tsaUrl: null });
    const before = counts();
    for (const bad of ['ftp://tsa.example.se', 'tidsstämpel', 'file:///etc/passwd']) {
      const e = await rejection(api.call('settings.set', { tsaUrl: bad }));
      expect(e.code).toBe('validation');
      expect(e.message).toContain('http- eller https-adress');
    }
    expect(counts()).toEqual(before);
    expect(await api.call('settings.get', {})).toEqual({ tsaUrl: null });
  });

  it('stores an https address, audits the change, and an empty one clears it', async () => {
    expect(await api.call('settings.set', { tsaUrl: ' https://tsa.example.se/tsa ' })).toEqual({ tsaUrl: 'https://tsa.example.se/tsa' });
    expect(await api.call('settings.get', {})).toEqual({ tsaUrl: 'https://tsa.example.se/tsa' });
    const audit = lastAudit();
    expect(audit.action).toBe('settings.set');
    expect(JSON.parse(audit.details)).toEqual({ before: null, after: 'https://tsa.example.se/tsa' });
    expect(await api.call('settings.set', { tsaUrl: '' })).toEqual({ tsaUrl: null });
    expect(await api.call('settings.set', { tsaUrl: null })).toEqual({ tsaUrl: null });
  });
});

describe('the board’s signing order', () => {
  it('is "any order" until set; an unknown board, a repeated or unknown role are refused and change nothing', async () => {
    expect(await api.call('boards.getSigningOrder', { boardId })).toEqual({ boardId, order: null });
    const before = counts();
    const unknown = await rejection(api.call('boards.setSigningOrder', { boardId: 'finns-inte', order: ['sekreterare'] }));
    expect(unknown.code).toBe('not_found');
    expect(unknown.message).toContain('Nämnden finns inte');
    const twice = await rejection(api.call('boards.setSigningOrder', { boardId, order: ['sekreterare', 'ordforande', 'sekreterare'] }));
    expect(twice.code).toBe('validation');
    expect(twice.message).toContain('högst en gång');
    const role = await rejection(api.call('boards.setSigningOrder', { boardId, order: ['kassör'] } as never));
    expect(role.code).toBe('validation');
    expect(role.message).toContain('sekreterare, ordforande och justerare');
    expect(counts()).toEqual(before);
    expect(await api.call('boards.getSigningOrder', { boardId })).toEqual({ boardId, order: null });
  });

  it('is set by the board and audited', async () => {
    const order = ['sekreterare', 'ordforande', 'justerare'] as const;
    expect(await api.call('boards.setSigningOrder', { boardId, order: [...order] })).toEqual({ boardId, order: [...order] });
    expect(await api.call('boards.getSigningOrder', { boardId })).toEqual({ boardId, order: [...order] });
    const audit = lastAudit();
    expect(audit.action).toBe('board.setSigningOrder');
    expect(JSON.parse(audit.details)).toEqual({ before: null, after: [...order] });
  });

  it('shows in the status who waits for whom', async () => {
    versionId = (await api.call('justering.freeze', { meetingId, groupIndex: 0 })).version.id;
    const st = await api.call('justering.status', { meetingId });
    expect(st.signingOrder).toEqual(['sekreterare', 'ordforande', 'justerare']);
    const signers = st.groups[0]?.versions[0]?.signers ?? [];
    expect(signers.map((s) => [s.field, s.waitingFor])).toEqual([
      ['sig-sekreterare', []],
      ['sig-ordforande', ['Robert Karlsson']],
      ['sig-justerare-1', ['Robert Karlsson', 'Anders Lundkvist']],
    ]);
  }, 60_000);

  it('refuses the chair before the secretary (p12, card, package, import) before any key is used, and changes nothing', async () => {
    const before = counts();
    const chair = await rejection(api.call('justering.sign', { versionId, field: 'sig-ordforande', credential: { kind: 'p12', p12Base64: p12Of(pki.anders), password: PASSWORD } }));
    expect(chair.code).toBe('conflict');
    expect(chair.message).toBe('Ordföranden skriver under efter sekreteraren (Robert Karlsson). Vänta tills sekreteraren har skrivit under.');
    // No module is loaded, no PIN tried: the order is checked first.
    const card = await rejection(api.call('justering.sign', { versionId, field: 'sig-ordforande', credential: { kind: 'pkcs11', moduleId: 'known:opensc', pin: '1234' } }));
    expect(card.code).toBe('conflict');
    const pkg = await rejection(api.call('justering.exportPackage', { versionId, field: 'sig-justerare-1' }));
    expect(pkg.code).toBe('conflict');
    expect(pkg.message).toBe('Justeraren skriver under efter sekreteraren (Robert Karlsson) och ordföranden (Anders Lundkvist). Vänta tills de har skrivit under.');
    const imported = await rejection(api.call('justering.importSigned', { versionId, field: 'sig-justerare-1', pdfBase64: Buffer.from('%PDF-1.7').toString('base64') }));
    expect(imported.code).toBe('conflict');
    expect(counts()).toEqual(before);
  });

  it.skipIf(!canStamp)(
    'signs the secretary with a time stamp from the configured service (B-T)',
    async () => {
      await api.call('settings.set', { tsaUrl: tsa?.url ?? null });
      const requests = tsa?.requests ?? 0;
      const r = await api.call('justering.sign', { versionId, field: 'sig-sekreterare', credential: { kind: 'p12', p12Base64: p12Of(pki.robert), password: PASSWORD } });
      expect(r.timestamp).toEqual({ requested: true, added: true, message: null });
      expect(tsa?.requests).toBe(requests + 1);
      expect(r.validation.valid).toBe(true);
      expect(r.validation.signatures.find((s) => s.field === 'sig-sekreterare')?.level).toBe('B-T');
      const st = await api.call('justering.status', { meetingId });
      expect(st.groups[0]?.versions[0]?.signers.map((s) => s.waitingFor)).toEqual([[], [], ['Anders Lundkvist']]);
    },
    60_000,
  );

  it.skipIf(!canStamp)(
    'signs the chair without a time stamp (B-B) when the service cannot be reached, and says so',
    async () => {
      await api.call('settings.set', { tsaUrl: 'http://127.0.0.1:1/tsa' });
      const r = await api.call('justering.sign', { versionId, field: 'sig-ordforande', credential: { kind: 'p12', p12Base64: p12Of(pki.anders), password: PASSWORD } });
      expect(r.timestamp.requested).toBe(true);
      expect(r.timestamp.added).toBe(false);
      expect(r.timestamp.message).toMatch(/^Tidsstämpeltjänsten http:\/\/127\.0\.0\.1:1\/tsa svarade inte \(.+\); underskriften saknar tidsstämpel \(PAdES B-B\)\./);
      expect(r.validation.signatures.find((s) => s.field === 'sig-ordforande')?.level).toBe('B-B');
      expect(r.validation.valid).toBe(true);
    },
    60_000,
  );

  it.skipIf(!canStamp)(
    'signs the justerare without a time stamp when the service answers nonsense; the last signature adjusts the group',
    async () => {
      await api.call('settings.set', { tsaUrl: nonsenseUrl });
      const r = await api.call('justering.sign', { versionId, field: 'sig-justerare-1', credential: { kind: 'p12', p12Base64: p12Of(pki.sara), password: PASSWORD } });
      expect(r.timestamp.added).toBe(false);
      expect(r.timestamp.message).toContain(`Tidsstämpeltjänsten ${nonsenseUrl} gav inget giltigt svar`);
      expect(r.timestamp.message).toContain('(PAdES B-B)');
      expect(r.groupAdjusted).toBe(true);
      const verified = await api.call('justering.verify', { versionId });
      expect(verified.valid).toBe(true);
      expect(verified.signatures.map((s) => [s.field, s.level])).toEqual([
        ['sig-sekreterare', 'B-T'],
        ['sig-ordforande', 'B-B'],
        ['sig-justerare-1', 'B-B'],
      ]);
      await api.call('settings.set', { tsaUrl: null });
    },
    60_000,
  );

  it('lets roles outside the order sign any time, and "any order" lifts the order', async () => {
    // Group 1 (the next §§): only the justerare is ordered first; the others are free.
    await api.call('boards.setSigningOrder', { boardId, order: ['justerare'] });
    const v2 = (await api.call('justering.freeze', { meetingId, groupIndex: 1 })).version.id;
    let st = await api.call('justering.status', { meetingId });
    expect(st.groups[1]?.versions[0]?.signers.every((s) => s.waitingFor.length === 0)).toBe(true);
    await api.call('boards.setSigningOrder', { boardId, order: ['justerare', 'ordforande'] });
    st = await api.call('justering.status', { meetingId });
    expect(st.groups[1]?.versions[0]?.signers.map((s) => [s.field, s.waitingFor])).toEqual([
      ['sig-sekreterare', []],
      ['sig-ordforande', ['Sara Lundberg']],
      ['sig-justerare-1', []],
    ]);
    const e = await rejection(api.call('justering.sign', { versionId: v2, field: 'sig-ordforande', credential: { kind: 'p12', p12Base64: p12Of(pki.anders), password: PASSWORD } }));
    expect(e.message).toBe('Ordföranden skriver under efter justeraren (Sara Lundberg). Vänta tills justeraren har skrivit under.');
    const secretary = await api.call('justering.sign', { versionId: v2, field: 'sig-sekreterare', credential: { kind: 'p12', p12Base64: p12Of(pki.robert), password: PASSWORD } });
    expect(secretary.timestamp).toEqual({ requested: false, added: false, message: null });
    expect(await api.call('boards.setSigningOrder', { boardId, order: null })).toEqual({ boardId, order: null });
    const chair = await api.call('justering.sign', { versionId: v2, field: 'sig-ordforande', credential: { kind: 'p12', p12Base64: p12Of(pki.anders), password: PASSWORD } });
    expect(chair.signature.field).toBe('sig-ordforande');
    expect((await api.call('justering.status', { meetingId })).signingOrder).toBeNull();
  }, 120_000);
});
