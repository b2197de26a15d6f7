// justering.signPackage: the justerare signs a received .justera package on another machine (an
// empty database there) with a certificate file or a card (SoftHSM2), optionally time-stamped;
// the secretary's import accepts the result. Bad input gets the same Swedish errors as signing in
// the app, and writes nothing. justering.pkcs11Slots lists the card readers of a PKCS#11 module.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readAudit } from '../../db/repos/audit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ApiClient } from '../../core/api/client';
import type { SigningPackage } from '../../core/app/justering/types';
import { createBackend, type Backend } from '../../electron/backend';
import { counterIds, rejection } from '../helpers/backend';
import { makeTestPki, writeP12, type Identity, trustCa } from './helpers/pki';
import { SOFTHSM_PIN as PIN, softhsmIn, softhsmModule as modulePath } from './helpers/softhsm';
import { startTestTsa, type TestTsa } from './helpers/tsa-server';

const PASSWORD = 'hemligt-lösenord';
const softhsm = modulePath !== undefined;

let dir: string;
let secretary: { backend: Backend; api: ApiClient };
let justerare: { backend: Backend; api: ApiClient };
let versionId: string;
let pki: Awaited<ReturnType<typeof makeTestPki>>;
let tsa: TestTsa;

function open(name: string, pkcs11: { configured?: string | undefined } = {}, transport: 'http' | 'in-process' = 'in-process') {
  const backend = createBackend({ databasePath: join(dir, name), clock: { now: () => new Date() }, ids: counterIds(name), actor: name, pkcs11, transport });
  return { backend, api: createClient((m, i) => backend.dispatch(m, i)) };
}

function p12(id: Identity, file = `${id.commonName.replace(/\W/g, '_')}.p12`, password = PASSWORD) {
  return { kind: 'p12' as const, p12Base64: readFileSync(writeP12(dir, id, [pki.ca], file, { password })).toString('base64'), password };
}

function rows(b: Backend): { signatures: number; audit: number } {
  const n = (q: string) => (b.db.$client.prepare(q).get() as { n: number }).n;
  return { signatures: n('SELECT count(*) AS n FROM signatures'), audit: n('SELECT count(*) AS n FROM audit_log') };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'justera-signpackage-'));
  secretary = open('sekreterare.db');
  justerare = open('justerare.db', { configured: modulePath });
  const meetingId = (await secretary.api.call('demo.load', {})).meetingId;
  versionId = (await secretary.api.call('justering.freeze', { meetingId, groupIndex: 0 })).version.id;
  pki = await makeTestPki();
  await trustCa(secretary.api, pki.ca);
  await trustCa(justerare.api, pki.ca);
  tsa = await startTestTsa(dir, pki.ca);
  if (softhsm) {
    const hsm = softhsmIn(dir);
    hsm.initToken('SITHS Anders');
    hsm.importIdentity('SITHS Anders', pki.anders, '01', 'Underskrift');
  }
}, 60_000);

afterAll(async () => {
  await tsa.close();
  secretary.backend.close();
  justerare.backend.close();
  rmSync(dir, { recursive: true, force: true });
});

async function packageFor(field: string): Promise<string> {
  return (await secretary.api.call('justering.exportPackage', { versionId, field })).content;
}

describe('justering.signPackage on the justerare’s machine', () => {
  let content: string;

  it('refuses a wrong password, an expired certificate, one not meant for signing, a tampered package; writes nothing', async () => {
    content = await packageFor('sig-justerare-1');
    const before = rows(justerare.backend);
    // No trusted secretary signature yet: "ej verifierat", and signing needs an explicit confirmation.
    const opened = await justerare.api.call('justering.openPackage', { content });
    expect(opened.authenticity.verified).toBe(false);
    expect(opened.authenticity.message).toContain('Ej verifierat — kontrollera med sekreteraren');
    const unconfirmed = await rejection(justerare.api.call('justering.signPackage', { content, credential: p12(pki.sara) }));
    expect(unconfirmed.code).toBe('conflict');
    expect(unconfirmed.message).toContain('Bekräfta uttryckligen');
    const wrongPassword = await rejection(justerare.api.call('justering.signPackage', { confirmUnverified: true, content, credential: { ...p12(pki.sara), password: 'fel' } }));
    expect(wrongPassword.code).toBe('signature');
    expect(wrongPassword.message).toMatch(/lösenord/i);

    const expired = await pki.issue('Sara Lundberg', 'RSA', { notBefore: new Date('2019-01-01T00:00:00Z'), notAfter: new Date('2020-01-01T00:00:00Z') });
    const old = await rejection(justerare.api.call('justering.signPackage', { confirmUnverified: true, content, credential: p12(expired, 'expired.p12') }));
    expect(old.code).toBe('signature');
    expect(old.message).toContain('gick ut');

    const encryptionOnly = await pki.issue('Sara Lundberg', 'RSA', { keyUsage: ['keyEncipherment'] });
    const ku = await rejection(justerare.api.call('justering.signPackage', { confirmUnverified: true, content, credential: p12(encryptionOnly, 'ku.p12') }));
    expect(ku.code).toBe('signature');
    expect(ku.message).toContain('inte avsett för underskrifter');

    const pkg = JSON.parse(content) as SigningPackage;
    const bytes = Buffer.from(pkg.pdf, 'base64');
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0x01;
    const tampered = JSON.stringify({ ...pkg, pdf: bytes.toString('base64') });
    const bad = await rejection(justerare.api.call('justering.signPackage', { confirmUnverified: true, content: tampered, credential: p12(pki.sara) }));
    expect(bad.code).toBe('validation');
    expect(bad.message).toContain('kontrollsumman');

    const truncated = await rejection(justerare.api.call('justering.signPackage', { confirmUnverified: true, content: content.slice(0, 200), credential: p12(pki.sara) }));
    expect(truncated.code).toBe('validation');
    expect(truncated.message).toContain('inget giltigt underskriftspaket');
    expect(rows(justerare.backend)).toEqual(before);
  });

  it('signs with another person’s certificate but warns; the secretary’s import refuses that file', async () => {
    const r = await justerare.api.call('justering.signPackage', { confirmUnverified: true, content, credential: p12(pki.robert) });
    expect(r.signerMatches).toBe(false);
    expect(r.warning).toContain('Certifikatet tillhör Robert Karlsson');
    expect(r.warning).toContain('justerare Sara Lundberg');
    const before = rows(secretary.backend);
    const e = await rejection(secretary.api.call('justering.importSigned', { versionId, field: 'sig-justerare-1', pdfBase64: r.pdfBase64 }));
    expect(e.code).toBe('signature');
    expect(rows(secretary.backend)).toEqual(before);
  });

  it('signs the field with a certificate file and a time stamp; valid, only an audit record on this machine; the secretary imports it', async () => {
    await justerare.api.call('settings.set', { tsaUrl: tsa.url });
    const before = rows(justerare.backend);
    const r = await justerare.api.call('justering.signPackage', { confirmUnverified: true, content, credential: p12(pki.sara) });
    expect(r.field).toBe('sig-justerare-1');
    expect(r.fileName).toBe('protokoll-2020-11-05-20-sig-justerare-1-underskriven.pdf');
    expect(r.signerMatches).toBe(true);
    expect(r.warning).toBeNull();
    expect(r.timestamp).toEqual({ requested: true, added: true, message: null });
    expect(r.validation.valid).toBe(true);
    const sig = r.validation.signatures.find((s) => s.field === 'sig-justerare-1');
    expect(sig?.certificateSubject).toBe('Sara Lundberg');
    expect(sig?.level).toBe('B-T');
    expect(sig?.coversWholeFile).toBe(true);
    // No signature or protocol is stored on the justerare's machine, only its audit record.
    expect(rows(justerare.backend)).toEqual({ signatures: before.signatures, audit: before.audit + 1 });
    const [record] = readAudit(justerare.backend.db, { entity: 'package', entityId: versionId, limit: 1 });
    expect(record).toMatchObject({ action: 'package.sign', details: { field: 'sig-justerare-1', signer: 'Sara Lundberg', signerMatches: true, timestamp: true, paragraphs: '§§ 20-22' } });

    const imported = await secretary.api.call('justering.importSigned', { versionId, field: 'sig-justerare-1', pdfBase64: r.pdfBase64 });
    expect(imported.signature.via).toBe('import');
    expect(imported.timestamp).toEqual({ requested: false, added: true, message: null });

    // The same field signed again, from a package built on the signed file: refused.
    const pkg = JSON.parse(content) as SigningPackage;
    const signedPdf = Buffer.from(r.pdfBase64, 'base64');
    const again = JSON.stringify({ ...pkg, pdf: r.pdfBase64, manifest: { ...pkg.manifest, baseSha256: createHash('sha256').update(signedPdf).digest('hex') } });
    const e = await rejection(justerare.api.call('justering.signPackage', { confirmUnverified: true, content: again, credential: p12(pki.sara) }));
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('redan underskrivet');
  }, 60_000);

  it('signs without a time stamp (B-B) when the service cannot be reached, and says so', async () => {
    await justerare.api.call('settings.set', { tsaUrl: 'http://127.0.0.1:1/tsa' });
    const r = await justerare.api.call('justering.signPackage', { confirmUnverified: true, content: await packageFor('sig-sekreterare'), credential: p12(pki.robert) });
    expect(r.timestamp.added).toBe(false);
    expect(r.timestamp.message).toContain('svarade inte');
    expect(r.timestamp.message).toContain('PAdES B-B');
    expect(r.validation.signatures.find((s) => s.field === 'sig-sekreterare')?.level).toBe('B-B');
    await justerare.api.call('settings.set', { tsaUrl: null });
  }, 60_000);
});

describe.skipIf(!softhsm)('PKCS#11: slots and signing a package with a card (SoftHSM2)', () => {
  it('lists the slots: the token with label and serial, and the empty slot SoftHSM always offers', async () => {
    const { slots } = await justerare.api.call('justering.pkcs11Slots', { moduleId: 'configured' });
    const card = slots.find((s) => s.tokenLabel === 'SITHS Anders');
    expect(card).toMatchObject({ hasToken: true, manufacturer: 'SoftHSM project' });
    expect(card?.tokenSerial).toMatch(/^[0-9a-f]+$/);
    expect(slots.some((s) => !s.hasToken && s.tokenLabel === '' && s.tokenSerial === '')).toBe(true);
    expect(new Set(slots.map((s) => s.slotIndex)).size).toBe(slots.length);
  });

  it('says in Swedish when the module cannot be loaded; a client can never send a module path', async () => {
    writeFileSync(join(dir, 'trasig.so'), 'inte ett bibliotek');
    const broken = open('trasig.db', { configured: join(dir, 'trasig.so') });
    try {
      const e = await rejection(broken.api.call('justering.pkcs11Slots', { moduleId: 'configured' }));
      expect(e.code).toBe('signature');
      expect(e.message).toContain('kunde inte laddas');
    } finally {
      broken.backend.close();
    }
    for (const moduleId of [join(dir, 'trasig.so'), '\\\\server\\share\\evil.dll', 'opensc-pkcs11.so']) {
      const path = await rejection(justerare.api.call('justering.pkcs11Slots', { moduleId }));
      expect(path.code).toBe('validation');
      expect(path.message).toContain('Välj kortläsarens modul i listan');
    }
    const unknown = await rejection(justerare.api.call('justering.pkcs11Slots', { moduleId: 'known:finns-inte' }));
    expect(unknown.code).toBe('validation');
    // Over HTTP only the module the host was started with is offered.
    const web = open('webb.db', { configured: modulePath }, 'http');
    try {
      const { modules, canChoose } = await web.api.call('pkcs11.modules', {});
      expect(modules.map((m) => m.id)).toEqual(['configured']);
      expect(canChoose).toBe(false);
      expect((await rejection(web.api.call('pkcs11.chooseModule', {}))).code).toBe('validation');
      expect((await rejection(web.api.call('justering.pkcs11Slots', { moduleId: 'chosen' }))).message).toContain('--pkcs11-module');
    } finally {
      web.backend.close();
    }
  });

  it('refuses a wrong PIN, then signs the chair’s field with the card and a time stamp; the secretary imports it', async () => {
    const content = await packageFor('sig-ordforande');
    const { slots } = await justerare.api.call('justering.pkcs11Slots', { moduleId: 'configured' });
    const tokenSerial = slots.find((s) => s.tokenLabel === 'SITHS Anders')?.tokenSerial ?? '';
    const credential = { kind: 'pkcs11' as const, moduleId: 'configured', tokenSerial, pin: '000000' };
    const wrong = await rejection(justerare.api.call('justering.signPackage', { confirmUnverified: true, content, credential }));
    expect(wrong.code).toBe('signature');
    expect(wrong.message).toContain('Fel PIN-kod');
    await justerare.api.call('settings.set', { tsaUrl: tsa.url });
    const r = await justerare.api.call('justering.signPackage', { confirmUnverified: true, content, credential: { ...credential, pin: PIN } });
    await justerare.api.call('settings.set', { tsaUrl: null });
    expect(r.signerMatches).toBe(true);
    expect(r.timestamp).toEqual({ requested: true, added: true, message: null });
    expect(r.validation.signatures.find((s) => s.field === 'sig-ordforande')?.certificateSubject).toBe('Anders Lundkvist');
    const imported = await secretary.api.call('justering.importSigned', { versionId, field: 'sig-ordforande', pdfBase64: r.pdfBase64 });
    expect(imported.remaining.map((s) => s.field)).toEqual(['sig-sekreterare']);
  }, 60_000);
});
