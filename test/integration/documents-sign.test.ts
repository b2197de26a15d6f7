// The clerk's and the secretary's own documents get their own signatures: the anslagsbevis and
// the tillkännagivande signed by the notice signatory (Lisa Lundgren in the reference meeting),
// the protokollsutdrag's utdragsbestyrkande by the secretary (Robert Karlsson). Wrong person,
// wrong field and a second signature are refused; pdfsig judges the files.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAudit } from '../../db/repos/audit';
import { main } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/types';
import { makeTestPki, writeP12, trustCa } from '../signing/helpers/pki';
import { hasTool, pdfsig } from '../signing/helpers/tools';
import { anslagFixture, type AnslagFixture } from './anslag-fixture';
import { rejection } from '../helpers/backend';

const PASSWORD = 'hemligt-lösenord';

let f: AnslagFixture;
let lisa: string;
let robert: string;
let noticeId: string;
let bevisId: string;
let extractId: string;

beforeAll(async () => {
  f = await anslagFixture({ now: '2020-11-06T09:00:00+01:00' });
  const pki = await makeTestPki();
  await trustCa(f.api, pki.ca);
  const lisaId = await pki.issue('Lisa Lundgren', 'RSA');
  const lisaFile = writeP12(f.dir, lisaId, [pki.ca], 'lisa.p12', { password: PASSWORD });
  const robertFile = writeP12(f.dir, pki.robert, [pki.ca], 'robert.p12', { password: PASSWORD });
  writeFileSync(join(f.dir, 'pw.txt'), `${PASSWORD}\n`);
  lisa = readFileSync(lisaFile).toString('base64');
  robert = readFileSync(robertFile).toString('base64');
  const posted = await f.api.call('anslag.post', { groupId: f.groupIds[0] as string });
  noticeId = posted.tillkannagivande.id;
  bevisId = posted.anslagsbevis.id;
  const extract = await f.api.call('extracts.create', { meetingId: f.meetingId, paragraphs: [20, 21, 22], recipients: ['Swedlock AB'] });
  extractId = extract.document.id;
}, 60_000);

afterAll(() => f.dispose());

function pdfsigOf(pdfBase64: string, name: string) {
  const file = join(f.dir, name);
  writeFileSync(file, Buffer.from(pdfBase64, 'base64'));
  return pdfsig(file).signatures.map((s) => [s.fieldName, s.commonName, s.validation, s.totalDocumentSigned]);
}

describe('signing the clerk’s and the secretary’s own documents', () => {
  it('signs the anslagsbevis as Lisa Lundgren; pdfsig shows it valid', async () => {
    const wrong = await rejection(f.api.call('documents.sign', { versionId: bevisId, field: 'sig-anslagsbevis', credential: { kind: 'p12', p12Base64: robert, password: PASSWORD } }));
    expect(wrong.code).toBe('signature');
    expect(wrong.message).toContain('Certifikatet tillhör Robert Karlsson');
    expect(wrong.message).toContain('Lisa Lundgren');
    const wrongField = await rejection(f.api.call('documents.sign', { versionId: bevisId, field: 'sig-anslag', credential: { kind: 'p12', p12Base64: lisa, password: PASSWORD } }));
    expect(wrongField.code).toBe('validation');
    expect(wrongField.message).toContain('Anslagsbeviset skrivs under i fältet för anslagsbevis');
    expect(wrongField.message).not.toContain('sig-');

    const r = await f.api.call('documents.sign', { versionId: bevisId, field: 'sig-anslagsbevis', credential: { kind: 'p12', p12Base64: lisa, password: PASSWORD } });
    expect(r).toMatchObject({ versionId: bevisId, kind: 'anslagsbevis', signature: { field: 'sig-anslagsbevis', signerName: 'Lisa Lundgren', certificateSubject: 'Lisa Lundgren' } });
    expect(r.validation.valid).toBe(true);

    const again = await rejection(f.api.call('documents.sign', { versionId: bevisId, field: 'sig-anslagsbevis', credential: { kind: 'p12', p12Base64: lisa, password: PASSWORD } }));
    expect(again.code).toBe('conflict');

    const current = await f.api.call('documents.currentPdf', { versionId: bevisId });
    expect(current).toMatchObject({ kind: 'anslagsbevis', signed: true, sha256: r.signature.sha256 });
    if (hasTool('pdfsig')) expect(pdfsigOf(current.pdfBase64, 'anslagsbevis.pdf')).toEqual([['sig-anslagsbevis', 'Lisa Lundgren', 'Signature is Valid.', true]]);
    // The stored unsigned version is untouched.
    const stored = await f.api.call('anslag.document', { versionId: bevisId });
    expect(stored.document.sha256).not.toBe(r.signature.sha256);
  }, 60_000);

  it('signs the extract of §§ 20–22 as Robert Karlsson; Lisa is refused', async () => {
    const wrong = await rejection(f.api.call('documents.sign', { versionId: extractId, field: 'sig-utdragsbestyrkande', credential: { kind: 'p12', p12Base64: lisa, password: PASSWORD } }));
    expect(wrong.code).toBe('signature');
    expect(wrong.message).toContain('ska skrivas under av sekreterare Robert Karlsson');
    const r = await f.api.call('documents.sign', { versionId: extractId, field: 'sig-utdragsbestyrkande', credential: { kind: 'p12', p12Base64: robert, password: PASSWORD } });
    expect(r.signature).toMatchObject({ signerName: 'Robert Karlsson', role: 'Sekreterare' });
    const current = await f.api.call('documents.currentPdf', { versionId: extractId });
    if (hasTool('pdfsig')) expect(pdfsigOf(current.pdfBase64, 'utdrag.pdf')).toEqual([['sig-utdragsbestyrkande', 'Robert Karlsson', 'Signature is Valid.', true]]);
    const audit = readAudit(f.backend.db, { entity: 'signature' }).filter((a) => a.action === 'document.sign');
    expect(audit.map((a) => (a.details as { kind: string; signer: string }).signer)).toEqual(['Lisa Lundgren', 'Robert Karlsson']);
  }, 60_000);

  it('a protocol version is not signed this way', async () => {
    const missing = await rejection(f.api.call('documents.sign', { versionId: 'finns-inte', field: 'sig-anslag', credential: { kind: 'p12', p12Base64: lisa, password: PASSWORD } }));
    expect(missing.code).toBe('not_found');
  });

  it('CLI: justera document sign / export of the tillkännagivande', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), cwd: f.dir, today: () => '2020-11-06', now: () => new Date('2020-11-06T09:30:00+01:00') };
    expect(await main(['document', 'sign', noticeId, '--field', 'sig-anslag', '--p12', 'robert.p12', '--password-file', 'pw.txt', '--db', f.dbPath], io)).toBe(1);
    expect(err.join('\n')).toContain('Certifikatet tillhör Robert Karlsson');
    expect(await main(['document', 'sign', noticeId, '--field', 'sig-anslag', '--p12', 'lisa.p12', '--password-file', 'pw.txt', '--db', f.dbPath], io)).toBe(0);
    expect(out.join('\n')).toContain('underskrivet av Lisa Lundgren i sig-anslag');
    expect(await main(['document', 'export', noticeId, '-o', 'anslag.pdf', '--db', f.dbPath, '--json'], io)).toBe(0);
    expect(JSON.parse(out.at(-1) ?? '{}')).toMatchObject({ kind: 'notice', signed: true });
    if (hasTool('pdfsig')) {
      const sigs = pdfsig(join(f.dir, 'anslag.pdf')).signatures;
      expect(sigs.map((s) => [s.fieldName, s.commonName, s.validation])).toEqual([['sig-anslag', 'Lisa Lundgren', 'Signature is Valid.']]);
    }
  }, 60_000);
});
