// Changes made after signing must show up, with the right reason, in our verifier and in pdfsig.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyObjectSigner, signPdf, verifyPdf } from '../../electron/services/signing';
import { appendIncrementalUpdate } from '../../electron/services/signing/incremental';
import { readTrailer } from '../../electron/services/signing/pdf-structure';
import { makeProtocolPdf } from './helpers/pdf';
import { makeTestPki, type Identity } from './helpers/pki';
import { hasTool, pdfsig } from './helpers/tools';

let dir: string;
let anchors: Uint8Array[];
let signed: Uint8Array; // three signatures
const withPdfsig = hasTool('pdfsig');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'justera-tamper-'));
  const pki = await makeTestPki();
  anchors = [pki.ca.certDer];
  let pdf = await makeProtocolPdf();
  const steps: [Identity, string, string][] = [
    [pki.asa, 'sig-sekreterare', 'Sekreterare'],
    [pki.robert, 'sig-ordforande', 'Ordförande'],
    [pki.sara, 'sig-justerare-1', 'Justerare'],
  ];
  for (const [id, fieldName, role] of steps) {
    pdf = (await signPdf(pdf, { fieldName, role, signer: keyObjectSigner(id.privateKey, [id.certDer, pki.ca.certDer]), signingTime: new Date('2020-11-06T13:00:00Z') })).pdf;
  }
  signed = pdf;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const copy = (b: Uint8Array): Uint8Array => new Uint8Array(b);
const indexOf = (b: Uint8Array, s: string, from = 0): number => Buffer.from(b).indexOf(s, from, 'latin1');
const toolView = (name: string, pdf: Uint8Array) => {
  const file = join(dir, name);
  writeFileSync(file, pdf);
  return pdfsig(file);
};

describe('tampering', () => {
  it('is untouched to begin with', async () => {
    const r = await verifyPdf(signed, { trustAnchors: anchors });
    expect(r.valid).toBe(true);
  });

  it('a byte flipped in the original document breaks every signature (digest)', async () => {
    const bad = copy(signed);
    const at = indexOf(bad, '/MediaBox [ 0 0 595 842 ]');
    expect(at).toBeGreaterThan(0);
    bad[at + 15] = '6'.charCodeAt(0); // 595 → 695 points wide
    const r = await verifyPdf(bad, { trustAnchors: anchors });
    expect(r.valid).toBe(false);
    expect(r.signatures.map((s) => s.digestMatches)).toEqual([false, false, false]);
    expect(r.signatures.map((s) => s.cmsSignatureValid)).toEqual([true, true, true]); // the CMS itself is intact
    expect(r.signatures[0]!.problems.join(' ')).toMatch(/kontrollsumma/);
    if (withPdfsig) {
      const t = toolView('flipped.pdf', bad);
      expect(t.signatures.map((s) => s.validation)).toEqual(['Digest Mismatch.', 'Digest Mismatch.', 'Digest Mismatch.']);
    }
  });

  it('a byte flipped in the last revision breaks only the last signature', async () => {
    const bad = copy(signed);
    const at = Buffer.from(bad).lastIndexOf('/M (D:2020', undefined, 'latin1');
    expect(at).toBeGreaterThan(signed.length - 30_000);
    bad[at + 6] = '3'.charCodeAt(0); // D:2020 → D:3020 in Sara's signature dictionary
    const r = await verifyPdf(bad, { trustAnchors: anchors });
    expect(r.signatures.map((s) => s.valid)).toEqual([true, true, false]);
    expect(r.valid).toBe(false);
    if (withPdfsig) {
      const t = toolView('flipped-last.pdf', bad);
      expect(t.signatures.map((s) => s.validation)).toEqual(['Signature is Valid.', 'Signature is Valid.', 'Digest Mismatch.']);
    }
  });

  it('bytes appended after the last signature: signatures valid, file modified', async () => {
    const bad = new Uint8Array(Buffer.concat([signed, Buffer.from('\n% tillägg efter signering\n', 'latin1')]));
    const r = await verifyPdf(bad, { trustAnchors: anchors });
    expect(r.signatures.every((s) => s.valid)).toBe(true);
    expect(r.modifiedAfterLastSignature).toBe(true);
    expect(r.signatures[2]!.coversWholeFile).toBe(false);
    expect(r.valid).toBe(false);
    expect(r.problems.join(' ')).toMatch(/ändrats efter den sista signaturen/);
    if (withPdfsig) {
      const t = toolView('appended.pdf', bad);
      expect(t.signatures.map((s) => s.validation)).toEqual(['Signature is Valid.', 'Signature is Valid.', 'Signature is Valid.']);
      expect(t.signatures.some((s) => s.totalDocumentSigned)).toBe(false); // the trap pdfsig leaves open
    }
  });

  it('a truncated file: the last signature points past the end', async () => {
    const bad = signed.subarray(0, signed.length - 200);
    const r = await verifyPdf(bad, { trustAnchors: anchors });
    expect(r.valid).toBe(false);
    const last = r.signatures[r.signatures.length - 1]!;
    expect(last.byteRangeValid).toBe(false);
    expect(last.problems.join(' ')).toMatch(/trunkerats/);
    expect(r.problems.join(' ')).toMatch(/ofullständig/);
  });

  it('a rewritten file (pdf-lib load and save) breaks the signatures', async () => {
    const doc = await PDFDocument.load(signed);
    doc.getPages()[0]!.drawText('Tillagd rad', { x: 50, y: 600 });
    const bad = await doc.save({ useObjectStreams: false });
    const r = await verifyPdf(bad, { trustAnchors: anchors });
    expect(r.valid).toBe(false);
    expect(r.signatures.some((s) => !s.digestMatches || !s.byteRangeValid)).toBe(true);
    if (withPdfsig) {
      const t = toolView('rewritten.pdf', bad);
      expect(t.signatures.some((s) => s.validation !== 'Signature is Valid.')).toBe(true);
    }
  });

  it('page content replaced by an incremental update after signing: flagged as modified', async () => {
    const doc = await PDFDocument.load(signed, { updateMetadata: false });
    const raw = doc.getPages()[0]!.node.get(PDFName.of('Contents'));
    const contentsRef = raw instanceof PDFArray ? raw.get(0) : raw;
    expect(contentsRef).toBeInstanceOf(PDFRef);
    const replacement = doc.context.stream('BT /F1 24 Tf 50 700 Td (Beslutet upphävt) Tj ET');
    const bad = appendIncrementalUpdate(signed, readTrailer(signed), [{ ref: contentsRef as PDFRef, body: replacement }]).bytes;
    const r = await verifyPdf(bad, { trustAnchors: anchors });
    // Each still covers its own revision, but a reader now shows other content: changed after signing.
    expect(r.signatures.every((s) => s.digestMatches && s.cmsSignatureValid && s.byteRangeValid)).toBe(true);
    expect(r.signatures.map((s) => s.onlyAllowedChangesAfter)).toEqual([false, false, false]);
    expect(r.signatures.every((s) => !s.valid)).toBe(true);
    expect(r.signatures[2]!.problems.join(' ')).toMatch(/Ändrat efter underskrift: En innehållsström \(objekt \d+\) har ändrats/);
    expect(r.modifiedAfterLastSignature).toBe(true);
    expect(r.valid).toBe(false);
    if (withPdfsig) {
      const t = toolView('shadowed.pdf', bad);
      expect(t.signatures.some((s) => s.totalDocumentSigned)).toBe(false);
    }
  });

  it('a changed signature value: CMS signature invalid though the digest matches', async () => {
    const bad = copy(signed);
    const r0 = await verifyPdf(signed);
    const [, b, c] = r0.signatures[0]!.byteRange!;
    const hex = Buffer.from(bad.subarray(b! + 1, c! - 1))
      .toString('latin1')
      .replace(/(00)+$/, '');
    const at = b! + 1 + hex.length - 20; // inside the signature value, the last field of the SignerInfo
    bad[at] = bad[at] === '0'.charCodeAt(0) ? '1'.charCodeAt(0) : '0'.charCodeAt(0);
    const r = await verifyPdf(bad, { trustAnchors: anchors });
    expect(r.signatures[0]!.digestMatches).toBe(true);
    expect(r.signatures[0]!.cmsSignatureValid).toBe(false);
    expect(r.signatures[0]!.problems.join(' ')).toMatch(/kryptografiska signaturen är ogiltig/);
    expect(r.valid).toBe(false);
    if (withPdfsig) {
      const t = toolView('badvalue.pdf', bad);
      expect(t.signatures[0]!.validation).not.toBe('Signature is Valid.');
    }
  });
});
