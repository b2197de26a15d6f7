// PAdES B-T: an RFC 3161 token from a local openssl TSA, and what happens when the TSA is down.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../core/api/errors';
import * as asn1js from 'asn1js';
import { errorReason, keyObjectSigner, signPdf, verifyPdf } from '../../electron/services/signing';
import { nonceFrom } from '../../electron/services/signing/tsa';
import { makeProtocolPdf } from './helpers/pdf';
import { makeTestPki } from './helpers/pki';
import { extractSignatures, hasTool, opensslCmsPrint, pdfsig } from './helpers/tools';
import { timestampOutcome } from '../../electron/services/justering';
import { startTestTsa, type TestTsa } from './helpers/tsa-server';

type Pki = Awaited<ReturnType<typeof makeTestPki>>;
let pki: Pki;
let dir: string;
let tsa: TestTsa;
let deadUrl: string;

beforeAll(async () => {
  pki = await makeTestPki();
  dir = mkdtempSync(join(tmpdir(), 'justera-tsa-'));
  tsa = await startTestTsa(dir, pki.ca);
  // A port that was just free and is now closed: connection refused, deterministically.
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  deadUrl = `http://127.0.0.1:${(probe.address() as AddressInfo).port}/tsa`;
  await new Promise<void>((r) => probe.close(() => r()));
});
afterAll(async () => {
  await tsa?.close();
  rmSync(dir, { recursive: true, force: true });
});

const options = () => ({
  fieldName: 'sig-sekreterare',
  role: 'Sekreterare',
  signer: keyObjectSigner(pki.asa.privateKey, [pki.asa.certDer, pki.ca.certDer]),
  signingTime: new Date(),
});

describe.skipIf(!hasTool('openssl'))('time stamps (B-T)', () => {
  it('adds a signature-time-stamp-token from the TSA', async () => {
    const before = tsa.requests;
    const r = await signPdf(await makeProtocolPdf(), { ...options(), tsa: { url: tsa.url } });
    expect(r.level).toBe('B-T');
    expect(r.warnings).toEqual([]);
    expect(tsa.requests).toBe(before + 1);

    const report = await verifyPdf(r.pdf, { trustAnchors: [pki.ca.certDer] });
    expect(report.valid, report.problems.join('\n')).toBe(true);
    const sig = report.signatures[0]!;
    expect(sig.level).toBe('B-T');
    expect(sig.timestamp?.valid).toBe(true);
    expect(sig.timestamp?.trusted).toBe(true);
    expect(sig.timestamp?.tsaSubject).toContain('CN=Justera Test-TSA');
    expect(Math.abs(sig.timestamp!.time!.getTime() - Date.now())).toBeLessThan(5 * 60_000);

    const [cms] = extractSignatures(r.pdf);
    const printed = opensslCmsPrint(dir, cms!.cms, 'bt');
    expect(printed).toMatch(/id-smime-aa-timeStampToken \(1\.2\.840\.113549\.1\.9\.16\.2\.14\)/);
    // The TSA's own SignedData may carry signing-time; our signer's attributes, printed before it, may not.
    const [ours] = printed.split('id-smime-aa-timeStampToken');
    expect(ours).toMatch(/signingCertificateV2/);
    expect(ours).not.toMatch(/signingTime/);

    if (hasTool('pdfsig')) {
      const file = join(dir, 'bt.pdf');
      writeFileSync(file, r.pdf);
      const t = pdfsig(file).signatures.filter((s) => s.signed);
      expect(t.map((s) => s.validation)).toEqual(['Signature is Valid.']);
    }
  });

  it('a time stamp token that does not match the signature is reported', async () => {
    const good = await signPdf(await makeProtocolPdf(), { ...options(), tsa: { url: tsa.url } });
    const other = await signPdf(await makeProtocolPdf(), { ...options(), fieldName: 'sig-ordforande', tsa: { url: tsa.url } });
    const { checkTimestampToken } = await import('../../electron/services/signing/tsa');
    const { checkCms } = await import('../../electron/services/signing/cms-verify');
    const [a] = extractSignatures(good.pdf);
    const [b] = extractSignatures(other.pdf);
    const ca = checkCms(a!.cms);
    const cb = checkCms(b!.cms);
    const check = checkTimestampToken(cb.timeStampTokens[0]!, ca.signatureValue!);
    expect(check.signatureValid).toBe(true);
    expect(check.imprintMatches).toBe(false);
  });

  it('fails with a clear message when the TSA is unreachable', async () => {
    try {
      await signPdf(await makeProtocolPdf(), { ...options(), tsa: { url: deadUrl, timeoutMs: 3000 } });
      throw new Error('förväntade ett fel');
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect([(e as AppError).code, errorReason(e)]).toEqual(['signature', 'tsa_unreachable']);
      expect((e as AppError).message).toMatch(/Tidsstämpeltjänsten .* svarar inte/);
    }
  });

  it('a connection reset before any answer (a kept-alive socket the TSA closed) is tried once more', async () => {
    // In front of the test TSA: the first request's connection is cut before anything is answered,
    // later ones are passed on. Without the retry the signature fails with "svarar inte (ECONNRESET)".
    let seen = 0;
    const flaky = createServer((req, res) => {
      seen += 1;
      if (seen === 1) {
        req.socket.destroy();
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void fetch(tsa.url, { method: 'POST', headers: { 'Content-Type': 'application/timestamp-query' }, body: Buffer.concat(chunks) }).then(async (r) => {
          res.writeHead(r.status, { 'Content-Type': 'application/timestamp-reply' });
          res.end(Buffer.from(await r.arrayBuffer()));
        });
      });
    });
    await new Promise<void>((r) => flaky.listen(0, '127.0.0.1', r));
    try {
      const url = `http://127.0.0.1:${(flaky.address() as AddressInfo).port}/tsa`;
      const r = await signPdf(await makeProtocolPdf(), { ...options(), tsa: { url } });
      expect(seen).toBe(2);
      expect(r.level).toBe('B-T');
      const report = await verifyPdf(r.pdf, { trustAnchors: [pki.ca.certDer] });
      expect(report.signatures[0]?.timestamp?.valid).toBe(true);
    } finally {
      flaky.closeAllConnections();
      await new Promise<void>((r) => flaky.close(() => r()));
    }
  });

  it('signs B-B and says so when the TSA is optional and unreachable', async () => {
    const r = await signPdf(await makeProtocolPdf(), { ...options(), tsa: { url: deadUrl, optional: true, timeoutMs: 3000 } });
    expect(r.level).toBe('B-B');
    expect(r.warnings.join(' ')).toMatch(/saknar tidsstämpel/);
    // Why, as data: the justering layer words its message from this, not from the Swedish text.
    expect(r.timestampFailure).toEqual({ reason: 'tsa_unreachable', why: expect.any(String) });
    expect(timestampOutcome(deadUrl, r.level, r.timestampFailure).message).toContain(`Tidsstämpeltjänsten ${deadUrl} svarade inte (${r.timestampFailure?.why})`);
    const report = await verifyPdf(r.pdf);
    expect(report.signatures[0]!.level).toBe('B-B');
    expect(report.valid).toBe(true);
  });

  it('words the outcome from the failure’s data, whatever tsa.ts’ own sentence says', () => {
    expect(timestampOutcome('http://tsa.example', 'B-B', { reason: 'tsa_rejected', why: 'HTTP 500' }).message).toBe(
      'Tidsstämpeltjänsten http://tsa.example gav inget giltigt svar (HTTP 500); underskriften saknar tidsstämpel (PAdES B-B). Kontrollera adressen till tidsstämpeltjänsten i inställningarna och nätverket.',
    );
    expect(timestampOutcome('http://tsa.example', 'B-T', null)).toEqual({ requested: true, added: true, message: null });
    expect(timestampOutcome(null, 'B-B', null)).toEqual({ requested: false, added: false, message: null });
  });
});

describe('the time-stamp request nonce', () => {
  it('is a positive INTEGER in minimal DER whatever the random bytes (OpenSSL refuses padding)', () => {
    for (const first of [0x00, 0x01, 0x7f, 0x80, 0xff]) {
      const random = new Uint8Array([first, 0x05, 0x90, 0, 0, 0, 0, 1]);
      const nonce = nonceFrom(random);
      const der = new asn1js.Integer({ valueHex: nonce }).toBER();
      const parsed = asn1js.fromBER(der).result as asn1js.Integer;
      expect(nonce[0]).toBeGreaterThanOrEqual(0x40);
      expect(nonce[0]).toBeLessThan(0x80);
      expect(new Uint8Array(parsed.valueBlock.valueHexView)).toEqual(nonce);
      expect([...nonce.slice(1)]).toEqual([...random.slice(1)]);
    }
  });
});
