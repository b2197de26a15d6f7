// Justering end to end on the reference meeting: freeze §§ 20–22, locking in the database,
// sequential PAdES signatures (secretary → chair → justerare) with PKCS#12 certificates made at
// test time, the signing package round trip, refusals, and the signed file checked by pdfsig/qpdf.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ApiClient } from '../../core/api/client';
import type { SignResult } from '../../core/app/justering/types';
import { createBackend, type Backend } from '../../electron/backend';
import { openPkcs12Signer, signPdf } from '../../electron/services/signing';
import { counterIds, rejection } from '../helpers/backend';
import { makeTestPki, pem, writeP12, type Identity, trustCa } from '../signing/helpers/pki';
import { hasTool, pdfsig, qpdfCheck } from '../signing/helpers/tools';
import { softhsmModule } from '../signing/helpers/softhsm';

const PASSWORD = 'hemligt-lösenord';
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

let dir: string;
let backend: Backend;
let api: ApiClient;
let now = new Date('2020-11-05T10:35:00+01:00');
let meetingId: string;
let pki: Awaited<ReturnType<typeof makeTestPki>>;
const p12 = new Map<string, string>();

function sql(): Backend['db']['$client'] {
  return backend.db.$client;
}

function paragraphId(n: number): string {
  return (sql().prepare('SELECT id FROM paragraphs WHERE meeting_id = ? AND number = ?').get(meetingId, n) as { id: string }).id;
}

function p12Of(id: Identity): string {
  const file = p12.get(id.commonName);
  if (file === undefined) throw new Error(`no p12 for ${id.commonName}`);
  return b64(readFileSync(file));
}

function groupRow(position: number): { status: string; adjusted_at: string | null } {
  return sql().prepare('SELECT status, adjusted_at FROM adjustment_groups WHERE meeting_id = ? AND position = ?').get(meetingId, position) as { status: string; adjusted_at: string | null };
}

function counts(): { versions: number; signatures: number } {
  return {
    versions: (sql().prepare('SELECT count(*) AS n FROM document_versions').get() as { n: number }).n,
    signatures: (sql().prepare('SELECT count(*) AS n FROM signatures').get() as { n: number }).n,
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'justera-justering-'));
  backend = createBackend({ databasePath: join(dir, 'justera.db'), clock: { now: () => now }, ids: counterIds(), actor: 'sekreterare', pkcs11: { configured: modulePath } });
  api = createClient((m, i) => backend.dispatch(m, i));
  meetingId = (await api.call('demo.load', {})).meetingId;
  pki = await makeTestPki();
  await trustCa(api, pki.ca);
  for (const id of [pki.robert, pki.anders, pki.sara, pki.asa]) p12.set(id.commonName, writeP12(dir, id, [pki.ca], `${id.commonName.replace(/\W/g, '_')}.p12`, { password: PASSWORD }));
}, 30_000);

afterAll(() => {
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('justering of §§ 20–22 on the reference meeting', () => {
  let versionId: string;
  let frozenSha: string;

  it('asks which group when the meeting has several', async () => {
    const e = await rejection(api.call('justering.freeze', { meetingId }));
    expect(e.code).toBe('validation');
    expect(e.message).toContain('0 (§§ 20-22)');
  });

  it('freezes group 0: a version with the PDF, one empty field per signer, its hash, and the group frozen', async () => {
    const r = await api.call('justering.freeze', { meetingId, groupIndex: 0 });
    versionId = r.version.id;
    frozenSha = r.version.sha256;
    expect(r.paragraphs).toEqual([20, 21, 22]);
    expect(r.version.versionNo).toBe(1);
    expect(r.version.isCurrent).toBe(true);
    expect(r.version.signers.map((s) => [s.field, s.role, s.name])).toEqual([
      ['sig-sekreterare', 'Sekreterare', 'Robert Karlsson'],
      ['sig-ordforande', 'Ordförande', 'Anders Lundkvist'],
      ['sig-justerare-1', 'Justerare', 'Sara Lundberg'],
    ]);
    expect(r.version.signers.every((s) => s.personId !== null)).toBe(true);
    expect(groupRow(0).status).toBe('frozen');
    const row = sql().prepare('SELECT kind, sha256, snapshot, group_id FROM document_versions WHERE id = ?').get(versionId) as { kind: string; sha256: string; snapshot: string };
    expect(row.kind).toBe('protocol');
    expect(row.sha256).toBe(frozenSha);
    expect((JSON.parse(row.snapshot) as { meeting: { date: string } }).meeting.date).toBe('2020-11-05');
    const pdfFile = join(dir, 'frozen.pdf');
    writeFileSync(pdfFile, Buffer.from((await api.call('justering.currentPdf', { versionId })).pdfBase64, 'base64'));
    const sigs = pdfsig(pdfFile).signatures;
    expect(sigs.map((s) => [s.fieldName, s.signed])).toEqual([
      ['sig-sekreterare', false],
      ['sig-ordforande', false],
      ['sig-justerare-1', false],
    ]);
    const again = await rejection(api.call('justering.freeze', { meetingId, groupIndex: 0 }));
    expect(again.code).toBe('conflict');
  }, 60_000);

  it('locks §§ 20–22 in the database (API and direct SQL), while §§ 23–26 stay editable', async () => {
    const e = await rejection(api.call('workspace.paragraphs.update', { paragraphId: paragraphId(21), patch: { title: 'Ändrad rubrik' } }));
    expect(e.code).toBe('locked');
    expect(e.message).toContain('låst för justering');
    expect(() => sql().prepare("UPDATE paragraphs SET title = 'x' WHERE id = ?").run(paragraphId(20))).toThrow(/JUSTERA_LOCKED/);
    expect(() => sql().prepare('DELETE FROM paragraphs WHERE id = ?').run(paragraphId(22))).toThrow(/JUSTERA_LOCKED/);
    expect(() => sql().prepare("UPDATE document_versions SET sha256 = 'x' WHERE id = ?").run(versionId)).toThrow(/JUSTERA_LOCKED/);
    const ok = await api.call('workspace.paragraphs.update', { paragraphId: paragraphId(23), patch: { title: 'Ny rubrik för § 23' } });
    expect(ok.paragraph.title).toBe('Ny rubrik för § 23');
  });

  it('refuses a wrong certificate, a wrong password, an unknown field, and changes nothing', async () => {
    const before = counts();
    const wrongPerson = await rejection(api.call('justering.sign', { versionId, field: 'sig-sekreterare', credential: { kind: 'p12', p12Base64: p12Of(pki.sara), password: PASSWORD } }));
    expect(wrongPerson.code).toBe('signature');
    expect(wrongPerson.message).toContain('Sara Lundberg');
    expect(wrongPerson.message).toContain('Robert Karlsson');
    const wrongPassword = await rejection(api.call('justering.sign', { versionId, field: 'sig-sekreterare', credential: { kind: 'p12', p12Base64: p12Of(pki.robert), password: 'fel' } }));
    expect(wrongPassword.code).toBe('signature');
    const noField = await rejection(api.call('justering.sign', { versionId, field: 'sig-justerare-2', credential: { kind: 'p12', p12Base64: p12Of(pki.robert), password: PASSWORD } }));
    expect(noField.code).toBe('validation');
    expect(noField.message).toContain('sig-justerare-1');
    expect(counts()).toEqual(before);
  });

  it('secretary and chair sign in the app; an already signed field is refused', async () => {
    now = new Date('2020-11-05T10:40:00+01:00');
    const s1 = await api.call('justering.sign', { versionId, field: 'sig-sekreterare', credential: { kind: 'p12', p12Base64: p12Of(pki.robert), password: PASSWORD } });
    expect(s1.signature.signerName).toBe('Robert Karlsson');
    expect(s1.groupAdjusted).toBe(false);
    expect(s1.remaining.map((r) => r.field)).toEqual(['sig-ordforande', 'sig-justerare-1']);
    const twice = await rejection(api.call('justering.sign', { versionId, field: 'sig-sekreterare', credential: { kind: 'p12', p12Base64: p12Of(pki.robert), password: PASSWORD } }));
    expect(twice.code).toBe('conflict');
    expect(twice.message).toContain('redan underskrivet');
    now = new Date('2020-11-05T10:45:00+01:00');
    const s2 = await api.call('justering.sign', { versionId, field: 'sig-ordforande', credential: { kind: 'p12', p12Base64: p12Of(pki.anders), password: PASSWORD } });
    expect(s2.validation.valid).toBe(true);
    expect(s2.validation.signatures).toHaveLength(2);
    expect(groupRow(0).status).toBe('frozen');
  }, 30_000);

  describe('the justerare signs on another machine through a signing package', () => {
    let pkg: { content: string; fileName: string };
    let base: Uint8Array;
    const signAs = async (pdf: Uint8Array, id: Identity, field: string): Promise<Uint8Array> => {
      const signer = await openPkcs12Signer(readFileSync(p12.get(id.commonName) ?? ''), PASSWORD);
      return (await signPdf(pdf, { fieldName: field, signer, role: 'Justerare', signingTime: new Date('2020-11-05T10:50:00+01:00') })).pdf;
    };

    it('exports a package that the other machine opens and reads', async () => {
      pkg = await api.call('justering.exportPackage', { versionId, field: 'sig-justerare-1' });
      expect(pkg.fileName).toMatch(/\.justera$/);
      const opened = await api.call('justering.openPackage', { content: pkg.content });
      expect(opened.manifest.expectedSigner).toEqual({ name: 'Sara Lundberg', role: 'Justerare' });
      expect(opened.manifest.paragraphsLabel).toBe('§§ 20-22');
      expect(opened.manifest.versionSha256).toBe(frozenSha);
      expect(opened.signedBefore.map((s) => s.field)).toEqual(['sig-sekreterare', 'sig-ordforande']);
      base = new Uint8Array(Buffer.from(opened.pdfBase64, 'base64'));
      const truncated = await rejection(api.call('justering.openPackage', { content: pkg.content.slice(0, 500) }));
      expect(truncated.code).toBe('validation');
    });

    it('importSigned refuses a changed base, the wrong field, the wrong person, appended bytes, a truncated file', async () => {
      const before = counts();
      const changed = new Uint8Array(base);
      const i = Buffer.from(changed).indexOf('/Producer');
      changed[i + 1] = 'p'.charCodeAt(0); // "/producer": bytes changed, still a PDF
      const onChanged = await signAs(changed, pki.sara, 'sig-justerare-1');
      const e1 = await rejection(api.call('justering.importSigned', { versionId, field: 'sig-justerare-1', pdfBase64: b64(onChanged) }));
      expect(e1.code).toBe('signature');
      expect(e1.message).toContain('originalet har ändrats');

      const good = await signAs(base, pki.sara, 'sig-justerare-1');
      const e2 = await rejection(api.call('justering.importSigned', { versionId, field: 'sig-ordforande', pdfBase64: b64(good) }));
      expect(e2.code).toBe('conflict'); // that field is already signed
      const e2b = await rejection(api.call('justering.importSigned', { versionId, field: 'sig-justerare-2', pdfBase64: b64(good) }));
      expect(e2b.code).toBe('validation'); // no such field in this version
      const signer = await openPkcs12Signer(readFileSync(p12.get('Sara Lundberg') ?? ''), PASSWORD);
      const elsewhere = await signPdf(base, {
        fieldName: 'sig-annat',
        signer,
        role: 'Justerare',
        signingTime: new Date('2020-11-05T10:50:00+01:00'),
        createFieldIfMissing: { page: 'last', rect: [50, 50, 250, 100] },
      });
      const e2c = await rejection(api.call('justering.importSigned', { versionId, field: 'sig-justerare-1', pdfBase64: b64(elsewhere.pdf) }));
      expect(e2c.code).toBe('signature');
      expect(e2c.message).toContain('sig-annat');

      const byAsa = await signAs(base, pki.asa, 'sig-justerare-1');
      const e3 = await rejection(api.call('justering.importSigned', { versionId, field: 'sig-justerare-1', pdfBase64: b64(byAsa) }));
      expect(e3.code).toBe('signature');

      const appended = Buffer.concat([Buffer.from(good), Buffer.from('\n% tillagt\n')]);
      const e4 = await rejection(api.call('justering.importSigned', { versionId, field: 'sig-justerare-1', pdfBase64: b64(appended) }));
      expect(e4.code).toBe('signature');

      const e5 = await rejection(api.call('justering.importSigned', { versionId, field: 'sig-justerare-1', pdfBase64: b64(good.subarray(0, good.length - 200)) }));
      expect(['signature', 'validation']).toContain(e5.code);

      expect(counts()).toEqual(before);
      expect(groupRow(0).status).toBe('frozen');
    }, 30_000);

    it('imports the good file: the group is adjusted at the time of the last signature', async () => {
      now = new Date('2020-11-05T11:30:00+01:00');
      const good = await signAs(base, pki.sara, 'sig-justerare-1');
      const r: SignResult = await api.call('justering.importSigned', { versionId, field: 'sig-justerare-1', pdfBase64: b64(good) });
      expect(r.groupAdjusted).toBe(true);
      expect(r.meetingAdjusted).toBe(false);
      expect(r.remaining).toEqual([]);
      // The file's /M (09:50) is only the signer's claim: the signature counts from its import.
      expect(r.signature.signedAt).toBe('2020-11-05T10:30:00.000Z');
      expect(r.signature.identity).toBe('name-only');
      expect(groupRow(0)).toEqual({ status: 'adjusted', adjusted_at: '2020-11-05T10:30:00.000Z' });
    }, 30_000);
  });

  it('the signed file: three valid signatures, the last covers the whole document, qpdf is happy', async () => {
    const file = join(dir, 'justerat.pdf');
    const current = await api.call('justering.currentPdf', { versionId });
    expect(current.complete).toBe(true);
    writeFileSync(file, Buffer.from(current.pdfBase64, 'base64'));
    if (hasTool('pdfsig')) {
      const sigs = pdfsig(file).signatures;
      expect(sigs.map((s) => [s.fieldName, s.commonName, s.validation])).toEqual([
        ['sig-sekreterare', 'Robert Karlsson', 'Signature is Valid.'],
        ['sig-ordforande', 'Anders Lundkvist', 'Signature is Valid.'],
        ['sig-justerare-1', 'Sara Lundberg', 'Signature is Valid.'],
      ]);
      expect(sigs.map((s) => s.totalDocumentSigned)).toEqual([false, false, true]);
    }
    if (hasTool('qpdf')) expect(qpdfCheck(file).ok).toBe(true);
    const v = await api.call('justering.verify', { versionId });
    expect(v.valid).toBe(true);
    expect(v.accepted).toBe(true);
    expect(v.signatures.every((s) => s.trusted === true && s.trustAnchor?.includes('Justera Test-CA Ö') === true)).toBe(true);
    expect(v.modifiedAfterLastSignature).toBe(false);
    expect(v.signedFields).toEqual(['sig-sekreterare', 'sig-ordforande', 'sig-justerare-1']);
  });

  it('status shows the group adjusted with its signers; the audit log has every step', async () => {
    const st = await api.call('justering.status', { meetingId });
    const [g0, g1] = st.groups;
    expect(g0?.status).toBe('adjusted');
    expect(g0?.label).toBe('§§ 20-22');
    expect(g0?.adjustedAt).toBe('2020-11-05T10:30:00.000Z');
    expect(g0?.versions[0]?.complete).toBe(true);
    expect(g0?.versions[0]?.signers.map((s) => [s.name, s.signature?.signedAt, s.signature?.via])).toEqual([
      ['Robert Karlsson', '2020-11-05T09:40:00.000Z', 'app'],
      ['Anders Lundkvist', '2020-11-05T09:45:00.000Z', 'app'],
      ['Sara Lundberg', '2020-11-05T10:30:00.000Z', 'import'],
    ]);
    expect(g1?.status).toBe('open');
    expect(st.meetingStatus).toBe('held');
    const actions = (sql().prepare("SELECT action FROM audit_log WHERE action LIKE 'justering.%' ORDER BY id").all() as { action: string }[]).map((r) => r.action);
    expect(actions).toEqual(['justering.freeze', 'justering.sign', 'justering.sign', 'justering.exportPackage', 'justering.importSigned', 'justering.adjusted']);
    // Adjusted: still locked, and signatures cannot be changed.
    expect(() => sql().prepare("UPDATE paragraphs SET title = 'x' WHERE id = ?").run(paragraphId(21))).toThrow(/JUSTERA_LOCKED/);
    expect(() => sql().prepare("UPDATE adjustment_groups SET status = 'open' WHERE meeting_id = ? AND position = 0").run(meetingId)).toThrow(/JUSTERA_LOCKED/);
    expect(() => sql().prepare('DELETE FROM signatures').run()).toThrow(/JUSTERA_LOCKED/);
    const e = await rejection(api.call('justering.sign', { versionId, field: 'sig-sekreterare', credential: { kind: 'p12', p12Base64: p12Of(pki.robert), password: PASSWORD } }));
    expect(e.code).toBe('conflict');
  });
});

// The second group: the secretary signs with a smart card (PKCS#11, SoftHSM2 when installed),
// the chair and the justerare with certificate files; then the whole meeting is adjusted.
const modulePath = softhsmModule;
const softhsm = modulePath !== undefined;
const PIN = '123456';

function tokenWith(id: Identity, label: string): void {
  const tokens = join(dir, 'tokens');
  mkdirSync(tokens, { recursive: true });
  writeFileSync(join(dir, 'softhsm2.conf'), `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  process.env['SOFTHSM2_CONF'] = join(dir, 'softhsm2.conf');
  execFileSync('softhsm2-util', ['--init-token', '--free', '--label', label, '--pin', PIN, '--so-pin', '12345678'], { stdio: 'pipe' });
  writeFileSync(join(dir, 'p11.key.pem'), pem('PRIVATE KEY', id.pkcs8Der));
  writeFileSync(join(dir, 'p11.crt.der'), id.certDer);
  execFileSync('softhsm2-util', ['--import', join(dir, 'p11.key.pem'), '--token', label, '--label', 'Underskrift', '--id', '01', '--pin', PIN], { stdio: 'pipe' });
  execFileSync(
    'pkcs11-tool',
    ['--module', modulePath ?? '', '--token-label', label, '--login', '--pin', PIN, '--write-object', join(dir, 'p11.crt.der'), '--type', 'cert', '--id', '01', '--label', 'Underskrift'],
    { stdio: 'pipe' },
  );
}

describe('justering of §§ 23–26: a smart card, then the whole meeting is adjusted', () => {
  let versionId: string;

  it('freezes group 1', async () => {
    now = new Date('2020-11-11T14:00:00+01:00');
    versionId = (await api.call('justering.freeze', { meetingId, groupIndex: 1 })).version.id;
    const e = await rejection(api.call('workspace.paragraphs.update', { paragraphId: paragraphId(24), patch: { title: 'Ändrad' } }));
    expect(e.code).toBe('locked');
  }, 60_000);

  it('the secretary signs with PKCS#11 (wrong PIN refused), chair and justerare with PKCS#12', async () => {
    now = new Date('2020-11-11T14:10:00+01:00');
    if (softhsm) {
      tokenWith(pki.robert, 'SITHS Robert');
      const wrongPin = await rejection(
        api.call('justering.sign', { versionId, field: 'sig-sekreterare', credential: { kind: 'pkcs11', moduleId: 'configured', tokenLabel: 'SITHS Robert', pin: '000000' } }),
      );
      expect(wrongPin.code).toBe('signature');
      const r = await api.call('justering.sign', { versionId, field: 'sig-sekreterare', credential: { kind: 'pkcs11', moduleId: 'configured', tokenLabel: 'SITHS Robert', pin: PIN } });
      expect(r.signature.signerName).toBe('Robert Karlsson');
    } else {
      console.warn('SoftHSM2 saknas: sekreteraren skriver under med certifikatfil i stället.');
      await api.call('justering.sign', { versionId, field: 'sig-sekreterare', credential: { kind: 'p12', p12Base64: p12Of(pki.robert), password: PASSWORD } });
    }
    now = new Date('2020-11-11T14:20:00+01:00');
    await api.call('justering.sign', { versionId, field: 'sig-ordforande', credential: { kind: 'p12', p12Base64: p12Of(pki.anders), password: PASSWORD } });
    now = new Date('2020-11-12T09:05:00+01:00');
    const last = await api.call('justering.sign', { versionId, field: 'sig-justerare-1', credential: { kind: 'p12', p12Base64: p12Of(pki.sara), password: PASSWORD } });
    expect(last.groupAdjusted).toBe(true);
    expect(last.meetingAdjusted).toBe(true);
    expect(groupRow(1)).toEqual({ status: 'adjusted', adjusted_at: '2020-11-12T08:05:00.000Z' });
    const st = await api.call('justering.status', { meetingId });
    expect(st.meetingStatus).toBe('adjusted');
    expect(st.groups.map((g) => [g.label, g.status, g.adjustedAt])).toEqual([
      ['§§ 20-22', 'adjusted', '2020-11-05T10:30:00.000Z'],
      ['§§ 23-26', 'adjusted', '2020-11-12T08:05:00.000Z'],
    ]);
    const v = await api.call('justering.verify', { versionId });
    expect(v.valid).toBe(true);
    expect(v.signatures.map((s) => s.signerName)).toEqual(['Robert Karlsson', 'Anders Lundkvist', 'Sara Lundberg']);
  }, 60_000);
});
