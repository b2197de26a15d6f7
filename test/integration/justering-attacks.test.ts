// Issue 13, end to end on the reference meeting: a signed file that changes more than the signature
// field is refused by justering.importSigned with a Swedish reason, and nothing is stored; a package
// whose earlier signatures are followed by other changes is refused by openPackage; our own
// signature (B-B and B-T) still imports.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ApiClient } from '../../core/api/client';
import { createBackend, type Backend } from '../../electron/backend';
import { openPkcs12Signer, signPdf } from '../../electron/services/signing';
import { counterIds, rejection } from '../helpers/backend';
import { appendRaw, contentStream, fieldRef, load, nextNumber, pageInfo } from '../signing/helpers/attacks';
import { makeTestPki, writeP12, trustCa, type Identity } from '../signing/helpers/pki';
import { startTestTsa, type TestTsa } from '../signing/helpers/tsa-server';

const PASSWORD = 'hemligt-lösenord';
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

let dir: string;
let backend: Backend;
let api: ApiClient;
let now = new Date('2020-11-05T10:35:00+01:00');
let pki: Awaited<ReturnType<typeof makeTestPki>>;
let tsa: TestTsa;
let versionId: string;
let base: Uint8Array;
let pkgContent: string;
const p12 = new Map<string, string>();

const p12Of = (id: Identity): string => b64(readFileSync(p12.get(id.commonName) ?? ''));
function counts(): { signatures: number; audit: number } {
  const db = backend.db.$client;
  const n = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return { signatures: n('signatures'), audit: n('audit_log') };
}
async function signAs(pdf: Uint8Array, id: Identity, field: string, extra: { signerName?: string; tsa?: { url: string } } = {}): Promise<Uint8Array> {
  const signer = await openPkcs12Signer(readFileSync(p12.get(id.commonName) ?? ''), PASSWORD);
  return (await signPdf(pdf, { fieldName: field, signer, role: 'Justerare', signingTime: new Date('2020-11-05T10:50:00+01:00'), ...extra })).pdf;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'justera-attacks-e2e-'));
  backend = createBackend({ databasePath: join(dir, 'justera.db'), clock: { now: () => now }, ids: counterIds(), actor: 'sekreterare' });
  api = createClient((m, i) => backend.dispatch(m, i));
  const meetingId = (await api.call('demo.load', {})).meetingId;
  pki = await makeTestPki();
  await trustCa(api, pki.ca);
  tsa = await startTestTsa(dir, pki.ca);
  for (const id of [pki.robert, pki.anders, pki.sara]) p12.set(id.commonName, writeP12(dir, id, [pki.ca], `${id.commonName.replace(/\W/g, '_')}.p12`, { password: PASSWORD }));
  versionId = (await api.call('justering.freeze', { meetingId, groupIndex: 0 })).version.id;
  now = new Date('2020-11-05T10:40:00+01:00');
  await api.call('justering.sign', { versionId, field: 'sig-sekreterare', credential: { kind: 'p12', p12Base64: p12Of(pki.robert), password: PASSWORD } });
  await api.call('justering.sign', { versionId, field: 'sig-ordforande', credential: { kind: 'p12', p12Base64: p12Of(pki.anders), password: PASSWORD } });
  pkgContent = (await api.call('justering.exportPackage', { versionId, field: 'sig-justerare-1' })).content;
  base = new Uint8Array(Buffer.from((await api.call('justering.openPackage', { content: pkgContent })).pdfBase64, 'base64'));
  now = new Date('2020-11-05T11:30:00+01:00');
}, 90_000);

afterAll(async () => {
  await tsa.close();
  backend.close();
  rmSync(dir, { recursive: true, force: true });
});

async function doctored(pdf: Uint8Array): Promise<{ num: number; text: string }> {
  const { contents } = await pageInfo(pdf);
  return { num: contents.objectNumber, text: contentStream('BT /F1 14 Tf 50 700 Td (§ 20 Leverantör: Skuggbolaget AB) Tj ET') };
}

const attacks: { id: string; build: () => Promise<Uint8Array>; reason: RegExp; certificateFault?: true }[] = [
  {
    id: 'a new /Root and page tree, no old object touched',
    build: async () => {
      const { doc, page } = await pageInfo(base);
      const n = nextNumber(base);
      const catalog = doc.catalog.toString().replace(/\/Pages \d+ 0 R/, `/Pages ${n + 1} 0 R`);
      const pageText = doc.context
        .lookup(page, PDFDict)
        .toString()
        .replace(/\/Parent \d+ 0 R/, `/Parent ${n + 1} 0 R`)
        .replace(/\/Contents (\[[^\]]*\]|\d+ 0 R)/, `/Contents ${n + 3} 0 R`);
      const attacked = appendRaw(
        base,
        [
          { num: n, text: catalog },
          { num: n + 1, text: `<< /Type /Pages /Kids [${n + 2} 0 R] /Count 1 >>` },
          { num: n + 2, text: pageText },
          { num: n + 3, text: contentStream('BT /F1 14 Tf 50 750 Td (§ 20 Leverantör: Skuggbolaget AB) Tj ET') },
        ],
        { root: `${n} 0 R` },
      );
      return signAs(attacked, pki.sara, 'sig-justerare-1');
    },
    reason: /ändrat efter underskrift.*Trailern pekar på en ny katalog \(\/Root\)/,
  },
  {
    id: 'the content stream defined twice, the xref at the doctored copy',
    build: async () => {
      const d = await doctored(base);
      const doc = await load(base);
      const { contents } = await pageInfo(base);
      const original = doc.context.lookup(contents)!;
      const originalText = `${(original as unknown as { dict: PDFDict }).dict.toString()}\nstream\n${Buffer.from((original as unknown as { getContents(): Uint8Array }).getContents()).toString('latin1')}\nendstream`;
      const two = Buffer.from(appendRaw(base, [d, { num: d.num, text: originalText }])).toString('latin1');
      const firstAt = two.indexOf(`${d.num} 0 obj`, base.length);
      const lastAt = two.lastIndexOf(`${d.num} 0 obj`);
      const fixed = two.replace(`${d.num} 1\n${String(lastAt).padStart(10, '0')}`, `${d.num} 1\n${String(firstAt).padStart(10, '0')}`);
      return signAs(new Uint8Array(Buffer.from(fixed, 'latin1')), pki.sara, 'sig-justerare-1');
    },
    reason: /ändrat efter underskrift.*definieras 2 gånger/,
  },
  {
    id: "the signer's widget /Rect over the whole page reading “Protokollet är INTE justerat”",
    build: async () => {
      const doc = await load(base);
      const ref = fieldRef(doc, 'sig-justerare-1');
      const text = doc.context
        .lookup(ref, PDFDict)
        .toString()
        .replace(/\/Rect \[[^\]]*\]/, '/Rect [0 0 595 842]');
      return signAs(appendRaw(base, [{ num: ref.objectNumber, text }]), pki.sara, 'sig-justerare-1', { signerName: 'Protokollet är INTE justerat' });
    },
    // Two faults: the /Name that draws the text is not the certificate's name (checked first), and the /Rect changed.
    reason: /Namnet i underskriften \(\/Name "Protokollet är INTE justerat"\) är inte certifikatets namn|ändrat efter underskrift.*\(\/Rect\)/,
    certificateFault: true,
  },
  {
    id: "the signer's widget /Rect over the whole page, with the signer's own name",
    build: async () => {
      const doc = await load(base);
      const ref = fieldRef(doc, 'sig-justerare-1');
      const text = doc.context
        .lookup(ref, PDFDict)
        .toString()
        .replace(/\/Rect \[[^\]]*\]/, '/Rect [0 0 595 842]');
      return signAs(appendRaw(base, [{ num: ref.objectNumber, text }]), pki.sara, 'sig-justerare-1');
    },
    reason: /ändrat efter underskrift.*\(\/Rect\)/,
  },
  {
    id: 'page content changed in an update, then the signature',
    build: async () => signAs(appendRaw(base, [await doctored(base)]), pki.sara, 'sig-justerare-1'),
    reason: /ändrat efter underskrift.*En innehållsström \(objekt \d+\) har ändrats/,
  },
  {
    id: 'a font replaced (shadow replace)',
    build: async () => {
      const { font } = await pageInfo(base);
      return signAs(appendRaw(base, [{ num: font.objectNumber, text: '<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>' }]), pki.sara, 'sig-justerare-1');
    },
    reason: /ändrat efter underskrift.*Ett typsnitt/,
  },
];

describe('justering.importSigned refuses files that change more than the signature field', () => {
  for (const a of attacks) {
    it(`${a.id}: refused with the reason, nothing stored`, async () => {
      const before = counts();
      const attacked = await a.build();
      const e = await rejection(api.call('justering.importSigned', { versionId, field: 'sig-justerare-1', pdfBase64: b64(attacked) }));
      expect(e.code).toBe('signature');
      expect(e.message).toMatch(a.reason);
      // A changed file asks for a new signature; a certificate/name fault says what is wrong with the signer.
      if (a.certificateFault !== true) expect(e.message).toMatch(/be om en ny signering/);
      expect(counts()).toEqual(before);
    }, 30_000);
  }

  it('openPackage refuses a package whose PDF was changed after the earlier signatures', async () => {
    const pkg = JSON.parse(pkgContent) as { manifest: { baseSha256: string }; pdf: string };
    const attacked = appendRaw(base, [await doctored(base)]);
    pkg.pdf = b64(attacked);
    pkg.manifest.baseSha256 = createHash('sha256').update(attacked).digest('hex');
    const e = await rejection(api.call('justering.openPackage', { content: JSON.stringify(pkg) }));
    expect(e.code).toBe('signature');
    expect(e.message).toMatch(/ändrat efter underskrift: En innehållsström/);
  });

  it('our own signature with a time stamp (B-T) still imports; verify shows only allowed changes after each signature', async () => {
    const good = await signAs(base, pki.sara, 'sig-justerare-1', { tsa: { url: tsa.url } });
    const r = await api.call('justering.importSigned', { versionId, field: 'sig-justerare-1', pdfBase64: b64(good) });
    expect(r.groupAdjusted).toBe(true);
    const v = await api.call('justering.verify', { versionId });
    expect(v.valid, v.problems.join(' ')).toBe(true);
    expect(v.signatures.map((s) => s.onlyAllowedChangesAfter)).toEqual([true, true, true]);
    expect(v.signatures.map((s) => s.changesAfter.filter((c) => !c.allowed))).toEqual([[], [], []]);
    expect(v.signatures[2]!.level).toBe('B-T');
  }, 30_000);
});
