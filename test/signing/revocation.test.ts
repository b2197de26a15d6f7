// Offline revocation (issue 13): CRLs from the trust store and carried with the signature (CMS
// crls, PDF /DSS /CRLs). Revoked before the validity time → invalid with a Swedish reason; a
// current CRL of the issuer that does not list it → not revoked (which CRL, thisUpdate,
// nextUpdate); no current, verifying CRL → "spärrstatus okänd", a warning that does not fail.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { PDFRef } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/types';
import { verifyPdf, type VerificationReport } from '../../electron/services/signing';
import { checkRevocation, readCrlFile } from '../../electron/services/signing/revocation';
import { appendRaw, latin1, load, nextNumber, signAs } from './helpers/attacks';
import { makeCrl } from './helpers/crl';
import { makeProtocolPdf } from './helpers/pdf';
import { issue, makeTestPki, pem, type Identity } from './helpers/pki';
import { hasTool } from './helpers/tools';

const NOW = new Date('2020-11-07T00:00:00Z');
const withOpenssl = hasTool('openssl') || process.env.CI === 'true';

let dir: string;
let pki: Awaited<ReturnType<typeof makeTestPki>>;
/** Another CA that took the test CA's name: its CRLs must count for nothing. */
let rogue: Identity;
let signed: Uint8Array;
const crl: Record<string, Uint8Array> = {};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'justera-revocation-'));
  pki = await makeTestPki();
  rogue = await issue({ commonName: 'Justera Test-CA Ö', isCa: true });
  signed = await signAs(await makeProtocolPdf(), pki.sara, pki.ca, 'sig-justerare-1');
  const current = { thisUpdate: new Date('2020-11-06T00:00:00Z'), nextUpdate: new Date('2020-11-13T00:00:00Z') };
  crl.good = await makeCrl(pki.ca, { ...current, revoked: [{ cert: pki.asa, at: new Date('2020-10-01T00:00:00Z') }] });
  crl.revoked = await makeCrl(pki.ca, { ...current, revoked: [{ cert: pki.sara, at: new Date('2020-11-01T08:00:00Z'), reason: 1 }] });
  crl.rogueGood = await makeCrl(pki.ca, { ...current, signedBy: rogue });
  crl.rogueRevoked = await makeCrl(pki.ca, { ...current, signedBy: rogue, revoked: [{ cert: pki.sara, at: new Date('2020-11-01T00:00:00Z') }] });
  crl.stale = await makeCrl(pki.ca, { thisUpdate: new Date('2020-10-01T00:00:00Z'), nextUpdate: new Date('2020-10-08T00:00:00Z') });
  crl.staleRevoked = await makeCrl(pki.ca, {
    thisUpdate: new Date('2020-10-01T00:00:00Z'),
    nextUpdate: new Date('2020-10-08T00:00:00Z'),
    revoked: [{ cert: pki.sara, at: new Date('2020-09-30T00:00:00Z') }],
  });
  crl.noNext = await makeCrl(pki.ca, { thisUpdate: current.thisUpdate, nextUpdate: null });
  crl.delta = await makeCrl(pki.ca, { ...current, delta: true });
  crl.otherCa = await makeCrl(await issue({ commonName: 'Annan kommuns CA', isCa: true }), current);
  for (const [k, v] of Object.entries(crl)) writeFileSync(join(dir, `${k}.crl`), v);
  writeFileSync(join(dir, 'ca.pem'), pem('CERTIFICATE', pki.ca.certDer));
  writeFileSync(join(dir, 'signed.pdf'), signed);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const verify = (pdf: Uint8Array, crls: Uint8Array[]): Promise<VerificationReport> => verifyPdf(pdf, { trustAnchors: [pki.ca.certDer], crls, now: NOW });

describe('the test CRLs are real CRLs', () => {
  it.skipIf(!withOpenssl)('openssl reads them and verifies the CA-signed ones, not the rogue ones', () => {
    const check = (name: string) => {
      const r = spawnSync('openssl', ['crl', '-inform', 'DER', '-in', join(dir, `${name}.crl`), '-CAfile', join(dir, 'ca.pem'), '-noout'], { encoding: 'utf8' });
      return `${r.stdout}${r.stderr}`;
    };
    for (const n of ['good', 'revoked', 'stale', 'delta']) expect(check(n)).toMatch(/verify OK/i);
    expect(check('rogueGood')).toMatch(/verify fail|signature failure|bad signature/i);
    const text = execFileSync('openssl', ['crl', '-inform', 'DER', '-in', join(dir, 'revoked.crl'), '-noout', '-text']).toString();
    expect(text).toContain('Key Compromise');
    expect(readCrlFile(crl.revoked ?? new Uint8Array())[0]?.revokedCount).toBe(1);
  });
});

describe('verifyPdf with CRLs from the trust store', () => {
  it('not revoked: names the CRL, its thisUpdate and nextUpdate; the file is accepted, no warning', async () => {
    const r = await verify(signed, [crl.good ?? new Uint8Array()]);
    const s = r.signatures[0];
    expect(s?.revocation.status).toBe('good');
    expect(s?.revocation.crl?.issuer).toContain('Justera Test-CA Ö');
    expect(s?.revocation.crl?.thisUpdate.toISOString()).toBe('2020-11-06T00:00:00.000Z');
    expect(s?.revocation.crl?.nextUpdate?.toISOString()).toBe('2020-11-13T00:00:00.000Z');
    expect(s?.revocation.crl?.source).toBe('store');
    expect(r.accepted).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it('revoked before the validity time: invalid, with the date and reason in Swedish', async () => {
    const r = await verify(signed, [crl.revoked ?? new Uint8Array()]);
    const s = r.signatures[0];
    expect(s?.revocation.status).toBe('revoked');
    expect(s?.valid).toBe(false);
    expect(r.accepted).toBe(false);
    expect(s?.problems.join(' ')).toMatch(/Certifikatet .*Sara Lundberg.* är spärrat sedan 2020-11-01 08:00 UTC \(nyckeln röjd \(keyCompromise\)\), före kontrolltidpunkten/);
  });

  it('a stale CRL that lists the certificate still proves the revocation (revocation is permanent)', async () => {
    const r = await verify(signed, [crl.staleRevoked ?? new Uint8Array()]);
    expect(r.signatures[0]?.revocation.status).toBe('revoked');
  });

  const unknown: [string, string[], RegExp][] = [
    ['no CRL at all', [], /ingen spärrlista från .*Justera Test-CA Ö/],
    ['a stale CRL (nextUpdate passed)', ['stale'], /gällde till 2020-10-08 00:00 UTC och är inaktuell/],
    ['a CRL without nextUpdate', ['noNext'], /anger ingen nästa uppdatering/],
    ["a CRL with the issuer's name signed by another key", ['rogueGood'], /inte signerad av utfärdarens certifikat/],
    ['a delta CRL', ['delta'], /deltaspärrlista/],
    ["another CA's CRL", ['otherCa'], /ingen spärrlista från .*Justera Test-CA Ö/],
  ];
  for (const [what, names, why] of unknown) {
    it(`${what}: "spärrstatus okänd", a warning — the signature stays valid and the file accepted`, async () => {
      const r = await verify(
        signed,
        names.map((n) => crl[n] ?? new Uint8Array()),
      );
      const s = r.signatures[0];
      expect(s?.revocation.status).toBe('unknown');
      expect(s?.revocation.message).toMatch(/^Spärrstatus okänd för .*Sara Lundberg/);
      expect(s?.revocation.message).toMatch(why);
      expect(s?.valid).toBe(true);
      expect(r.accepted).toBe(true);
      expect(r.warnings).toHaveLength(1);
      expect(r.warnings[0]).toMatch(/^Underskrift 1 \(sig-justerare-1\): Spärrstatus okänd/);
    });
  }

  it('a forged CRL that "revokes" the signer does not make it revoked (no denial by a stranger)', async () => {
    const r = await verify(signed, [crl.rogueRevoked ?? new Uint8Array(), crl.good ?? new Uint8Array()]);
    expect(r.signatures[0]?.revocation.status).toBe('good');
  });

  it('without trust, revocation is not assessed', async () => {
    const r = await verifyPdf(signed, { crls: [crl.revoked ?? new Uint8Array()], now: NOW });
    expect(r.signatures[0]?.revocation.status).toBe('unknown');
    expect(r.signatures[0]?.revocation.message).toMatch(/ej bedömd/);
  });

  it("revoked only after a time stamp's time: not revoked when signed (checkRevocation with the validity time)", () => {
    const at = new Date('2020-10-15T00:00:00Z');
    const r = checkRevocation([pki.sara.certDer, pki.ca.certDer], [{ der: crl.revoked ?? new Uint8Array(), source: 'store' }], at, NOW);
    expect(r.status).toBe('good');
    expect(r.revokedAt?.toISOString()).toBe('2020-11-01T08:00:00.000Z');
    expect(r.message).toMatch(/spärrades 2020-11-01 08:00 UTC, efter tidsstämpelns tid/);
  });
});

/** Appends /DSS /CRLs [the CRL] to the catalog in an incremental update, as a PAdES B-LT tool would. */
async function withDss(pdf: Uint8Array, der: Uint8Array): Promise<Uint8Array> {
  const doc = await load(pdf);
  const root = doc.context.trailerInfo.Root as PDFRef;
  const n = nextNumber(pdf);
  const catalog = doc.catalog.toString().replace(/>>\s*$/, ` /DSS ${n} 0 R >>`);
  return appendRaw(pdf, [
    { num: root.objectNumber, text: catalog },
    { num: n, text: `<< /CRLs [${n + 1} 0 R] >>` },
    { num: n + 1, text: `<< /Length ${der.length} >>\nstream\n${latin1(der)}\nendstream` },
  ]);
}

/** The signature's CMS with `der` in its SignedData crls field (unsigned: the signature stays valid). */
function withCmsCrl(pdf: Uint8Array, der: Uint8Array): Uint8Array {
  const text = latin1(pdf);
  const last = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)].at(-1);
  const [b, c] = [Number(last?.[2]), Number(last?.[3])];
  // The CMS ends where its DER length says, not at the last non-zero byte: a signature value may
  // itself end in 0x00 (1 in 256 RSA signatures), so trimming the zero padding would cut it.
  const contents = Buffer.from(text.slice(b + 1, c - 1), 'hex');
  const parsed = asn1js.fromBER(contents);
  expect(parsed.offset).not.toBe(-1);
  const ci = pkijs.ContentInfo.fromBER(contents.subarray(0, parsed.offset));
  const sd = new pkijs.SignedData({ schema: ci.content });
  sd.crls = [pkijs.CertificateRevocationList.fromBER(new Uint8Array(der))];
  const out = new pkijs.ContentInfo({ contentType: ci.contentType, content: sd.toSchema(true) });
  const newHex = Buffer.from(out.toSchema().toBER(false)).toString('hex');
  const room = c - b - 2;
  expect(newHex.length).toBeLessThanOrEqual(room);
  const copy = new Uint8Array(pdf);
  copy.set(Buffer.from(newHex.padEnd(room, '0'), 'latin1'), b + 1);
  return copy;
}

describe('revocation data carried in the file', () => {
  it('a CRL in /DSS (an allowed change after the signature) decides, marked as embedded', async () => {
    const good = await verify(await withDss(signed, crl.good ?? new Uint8Array()), []);
    expect(good.signatures[0]?.revocation.status).toBe('good');
    expect(good.signatures[0]?.revocation.crl?.source).toBe('embedded');
    expect(good.accepted).toBe(true);
    const revoked = await verify(await withDss(signed, crl.revoked ?? new Uint8Array()), []);
    expect(revoked.signatures[0]?.revocation.status).toBe('revoked');
    expect(revoked.accepted).toBe(false);
    // A forged CRL in the file counts no more than one in the store.
    const forged = await verify(await withDss(signed, crl.rogueGood ?? new Uint8Array()), []);
    expect(forged.signatures[0]?.revocation.status).toBe('unknown');
  });

  it('a CRL in the CMS SignedData crls field decides', async () => {
    const withCrl = withCmsCrl(signed, crl.revoked ?? new Uint8Array());
    const r = await verify(withCrl, []);
    expect(r.signatures[0]?.cmsSignatureValid).toBe(true);
    expect(r.signatures[0]?.revocation.status).toBe('revoked');
    const asn = asn1js.fromBER(crl.good ?? new Uint8Array());
    expect(asn.offset).not.toBe(-1);
    const good = await verify(withCmsCrl(signed, crl.good ?? new Uint8Array()), []);
    expect(good.signatures[0]?.revocation.status).toBe('good');
  });
});

describe('justera verify --crl', () => {
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => out.push(t), cwd: dir, today: () => '2020-11-07', now: () => NOW };
    const status = await main(['verify', 'signed.pdf', '--trust', 'ca.pem', ...argv], io);
    return { status, out: out.join('\n') };
  };

  it('prints the revocation outcome; revoked exits 1, unknown is a warning with exit 0', async () => {
    const good = await run('--crl', 'good.crl');
    expect(good.status).toBe(0);
    expect(good.out).toMatch(/Spärrstatus: +ej spärrat — Inte spärrat enligt spärrlista från .*utfärdad 2020-11-06 00:00 UTC, giltig till 2020-11-13 00:00 UTC/);
    const revoked = await run('--crl', 'revoked.crl');
    expect(revoked.status).toBe(1);
    expect(revoked.out).toMatch(/Spärrstatus: +SPÄRRAT/);
    expect(revoked.out).toContain('Resultat: OGILTIG');
    const unknown = await run('--crl', 'stale.crl');
    expect(unknown.status).toBe(0);
    expect(unknown.out).toMatch(/Spärrstatus: +spärrstatus okänd \(varning\)/);
    expect(unknown.out).toMatch(/Varning: Underskrift 1 \(sig-justerare-1\): Spärrstatus okänd/);
    const json = await run('--crl', 'revoked.crl', '--json');
    const report = JSON.parse(json.out) as { signatures: { revocation: { status: string; revokedAt: string } }[] };
    expect(report.signatures[0]?.revocation).toMatchObject({ status: 'revoked', revokedAt: '2020-11-01T08:00:00.000Z' });
  });
});
