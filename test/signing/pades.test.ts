// Three sequential PAdES signatures (secretary, chair, justerare) checked by pdfsig, openssl, qpdf
// and our own verifier, for a classic xref table and for an xref stream.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyObjectSigner, listSignatureFields, signPdf, verifyPdf } from '../../electron/services/signing';
import { makeProtocolPdf } from './helpers/pdf';
import { makeTestPki, type Identity } from './helpers/pki';
import { extractSignatures, hasTool, nssDbTrusting, opensslCmsPrint, opensslCmsVerify, pdfsig, qpdfCheck } from './helpers/tools';

type Pki = Awaited<ReturnType<typeof makeTestPki>>;
let pki: Pki;
let dir: string;

beforeAll(async () => {
  pki = await makeTestPki();
  dir = mkdtempSync(join(tmpdir(), 'justera-pades-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const signerFor = (id: Identity) => keyObjectSigner(id.privateKey, [id.certDer, pki.ca.certDer]);

async function signThree(base: Uint8Array): Promise<Uint8Array[]> {
  const steps: [Identity, string, string][] = [
    [pki.asa, 'sig-sekreterare', 'Sekreterare'],
    [pki.anders, 'sig-ordforande', 'Ordförande'],
    [pki.sara, 'sig-justerare-1', 'Justerare'],
  ];
  const versions = [base];
  let time = Date.parse('2020-11-06T13:00:00Z');
  for (const [id, fieldName, role] of steps) {
    const prev = versions[versions.length - 1]!;
    const r = await signPdf(prev, { fieldName, role, signer: signerFor(id), signingTime: new Date(time), location: 'Luleå' });
    expect(r.level).toBe('B-B');
    expect(r.signerName).toBe(id.commonName);
    versions.push(r.pdf);
    time += 45 * 60_000;
  }
  return versions;
}

describe.each([
  { kind: 'xref table', useObjectStreams: false },
  { kind: 'xref stream', useObjectStreams: true },
])('three signatures on a protocol with a $kind', ({ kind, useObjectStreams }) => {
  let versions: Uint8Array[];
  let file: string;

  beforeAll(async () => {
    versions = await signThree(await makeProtocolPdf({ useObjectStreams }));
    file = join(dir, `signed-${useObjectStreams ? 'stream' : 'table'}.pdf`);
    writeFileSync(file, versions[3]!);
  });

  it('appends only: each version is a byte-for-byte prefix of the next', () => {
    for (let i = 1; i < versions.length; i++) {
      const prev = versions[i - 1]!;
      expect(Buffer.from(versions[i]!.subarray(0, prev.length)).equals(Buffer.from(prev))).toBe(true);
    }
    const tail = Buffer.from(versions[3]!.subarray(versions[2]!.length)).toString('latin1');
    expect(tail).toMatch(useObjectStreams ? /\/Type \/XRef/ : /\nxref\n/);
  });

  it('writes /Name as a UTF-16BE text string with BOM', () => {
    const text = Buffer.from(versions[1]!).toString('latin1');
    const utf16 = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Åsa Öberg', 'utf16le').swap16()])
      .toString('hex')
      .toUpperCase();
    expect(text).toContain(`/Name <${utf16}>`);
    expect(text).not.toMatch(/\/Name \(Ã/);
  });

  it.skipIf(!hasTool('pdfsig'))('pdfsig: every signature valid, the last covers the whole document', () => {
    const { signatures, output } = pdfsig(file);
    expect(
      signatures.map((s) => s.fieldName),
      output,
    ).toEqual(['sig-sekreterare', 'sig-ordforande', 'sig-justerare-1']);
    expect(signatures.map((s) => s.commonName)).toEqual(['Åsa Öberg', 'Anders Lundkvist', 'Sara Lundberg']);
    for (const s of signatures) {
      expect(s.validation, s.raw).toBe('Signature is Valid.');
      expect(s.signatureType).toBe('ETSI.CAdES.detached');
    }
    expect(signatures.map((s) => s.totalDocumentSigned)).toEqual([false, false, true]);
  });

  it.skipIf(!hasTool('pdfsig') || !hasTool('certutil'))('pdfsig: trusted when the test CA is in its NSS database', () => {
    const nss = nssDbTrusting(join(dir, kind.replace(' ', '-')), pki.ca.certDer);
    const { signatures, output } = pdfsig(file, nss);
    expect(signatures).toHaveLength(3);
    for (const s of signatures) expect(s.certificateValidation, output).toBe('Certificate is Trusted.');
  });

  it.skipIf(!hasTool('openssl'))('openssl: PAdES attributes present, no signing-time, CMS verifies', () => {
    const sigs = extractSignatures(versions[3]!);
    expect(sigs).toHaveLength(3);
    sigs.forEach((sig, i) => {
      const printed = opensslCmsPrint(dir, sig.cms, `${kind}-${i}`);
      expect(printed).toMatch(/object: contentType \(1\.2\.840\.113549\.1\.9\.3\)/);
      expect(printed).toMatch(/object: messageDigest \(1\.2\.840\.113549\.1\.9\.4\)/);
      expect(printed).toMatch(/object: id-smime-aa-signingCertificateV2 \(1\.2\.840\.113549\.1\.9\.16\.2\.47\)/);
      expect(printed).not.toMatch(/signingTime/);
      expect(printed).not.toMatch(/eContent: <ABSENT>\s*\n\s*eContent:/); // detached: no content
      expect(opensslCmsVerify(dir, sig, pki.ca.certDer, `${kind}-v${i}`)).toContain('Verification successful');
    });
  });

  it.skipIf(!hasTool('qpdf'))('qpdf --check passes', () => {
    const r = qpdfCheck(file);
    expect(r.ok, r.output).toBe(true);
    expect(r.output).toContain('No syntax or stream encoding errors found');
  });

  it('our verifier agrees, field by field', async () => {
    const report = await verifyPdf(versions[3]!, { trustAnchors: [pki.ca.certDer] });
    expect(report.valid, report.problems.join('\n')).toBe(true);
    expect(report.modifiedAfterLastSignature).toBe(false);
    expect(report.signatures.map((s) => [s.fieldName, s.signerName, s.certificateName, s.level, s.valid, s.chainTrusted])).toEqual([
      ['sig-sekreterare', 'Åsa Öberg', 'Åsa Öberg', 'B-B', true, true],
      ['sig-ordforande', 'Anders Lundkvist', 'Anders Lundkvist', 'B-B', true, true],
      ['sig-justerare-1', 'Sara Lundberg', 'Sara Lundberg', 'B-B', true, true],
    ]);
    expect(report.signatures.map((s) => s.coveredLength)).toEqual([versions[1]!.length, versions[2]!.length, versions[3]!.length]);
    expect(report.signatures.map((s) => s.coversWholeFile)).toEqual([false, false, true]);
    // pdf-lib writes one revision; each signature adds one.
    expect(report.signatures.map((s) => s.revision)).toEqual([2, 3, 4]);
    expect(report.signatures[0]!.claimedSigningTime?.toISOString()).toBe('2020-11-06T13:00:00.000Z');
    expect(report.signatures[0]!.certificate?.subject).toBe('CN=Åsa Öberg, O=Testkommunen Justera, C=SE');
    expect(report.signatures[1]!.certificate?.issuer).toBe('CN=Justera Test-CA Ö, O=Testkommunen Justera, C=SE');
  });

  it('an intermediate version verifies as such: valid, covering its whole file', async () => {
    const report = await verifyPdf(versions[2]!, { trustAnchors: [pki.ca.certDer] });
    expect(report.valid).toBe(true);
    expect(report.signatures).toHaveLength(2);
    expect(await listSignatureFields(versions[2]!)).toEqual([
      { name: 'sig-sekreterare', signed: true, page: 1, rect: [50, 80, 210, 150] },
      { name: 'sig-ordforande', signed: true, page: 1, rect: [220, 80, 380, 150] },
      { name: 'sig-justerare-1', signed: false, page: 1, rect: [390, 80, 550, 150] },
    ]);
  });

  it.skipIf(!hasTool('pdffonts'))('embeds the appearance font (pdffonts)', async () => {
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    // The bundled Liberation Sans (templates/fonts), one subset per signature stamp.
    const liberation = out.split('\n').filter((l) => l.includes('LiberationSans'));
    expect(liberation).toHaveLength(3);
    for (const line of liberation) expect(line).toMatch(/CID TrueType\s+Identity-H\s+yes yes yes/);
  });
});

describe('without trust anchors', () => {
  it('reports trust as unknown (null) but the signatures as valid', async () => {
    const [, , , last] = await signThree(await makeProtocolPdf());
    const report = await verifyPdf(last!);
    expect(report.valid).toBe(true);
    expect(report.signatures.every((s) => s.chainTrusted === null)).toBe(true);
  });

  it('reports a chain to an unrelated anchor as untrusted', async () => {
    const [, signed] = await signThree(await makeProtocolPdf());
    const other = await makeTestPki();
    const report = await verifyPdf(signed!, { trustAnchors: [other.ca.certDer] });
    expect(report.valid).toBe(false);
    expect(report.signatures[0]!.chainTrusted).toBe(false);
    expect(report.signatures[0]!.cmsSignatureValid).toBe(true);
  });
});
