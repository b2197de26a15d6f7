// Importing CRLs into the trust store (issue 13, offline revocation): `justera trust add-crl`,
// listed by `trust list`, audited; a CRL signed by another key than its named issuer's, a stale
// one and a delta CRL are refused with a Swedish reason and nothing is stored; a newer CRL of the
// same issuer replaces the older; `verify --db` then uses the store's CRLs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/types';
import { signAs } from '../signing/helpers/attacks';
import { makeCrl } from '../signing/helpers/crl';
import { makeProtocolPdf } from '../signing/helpers/pdf';
import { issue, makeTestPki, pem } from '../signing/helpers/pki';

let dir: string;
let now = new Date('2020-11-07T00:00:00Z');
let pki: Awaited<ReturnType<typeof makeTestPki>>;

async function cli(...argv: string[]): Promise<{ status: number; out: string }> {
  const out: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => out.push(t), cwd: dir, today: () => now.toISOString().slice(0, 10), now: () => now };
  const status = await main(argv, io);
  return { status, out: out.join('\n') };
}
const rows = (q: string): unknown[] => {
  const db = new Database(join(dir, 'j.db'), { readonly: true });
  try {
    return db.prepare(q).all();
  } finally {
    db.close();
  }
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'justera-crl-'));
  pki = await makeTestPki();
  const rogue = await issue({ commonName: 'Justera Test-CA Ö', isCa: true });
  const week = { thisUpdate: new Date('2020-11-06T00:00:00Z'), nextUpdate: new Date('2020-11-13T00:00:00Z') };
  const files: Record<string, Uint8Array> = {
    good: await makeCrl(pki.ca, { ...week, crlNumber: 1 }),
    newer: await makeCrl(pki.ca, {
      thisUpdate: new Date('2020-11-06T12:00:00Z'),
      nextUpdate: new Date('2020-11-13T12:00:00Z'),
      crlNumber: 2,
      revoked: [{ cert: pki.sara, at: new Date('2020-11-06T10:00:00Z') }],
    }),
    forged: await makeCrl(pki.ca, { ...week, signedBy: rogue }),
    stale: await makeCrl(pki.ca, { thisUpdate: new Date('2020-10-01T00:00:00Z'), nextUpdate: new Date('2020-10-08T00:00:00Z') }),
    delta: await makeCrl(pki.ca, { ...week, delta: true }),
    intermediate: await makeCrl(await issue({ commonName: 'Mellanliggande CA', isCa: true }), week),
  };
  for (const [k, v] of Object.entries(files)) writeFileSync(join(dir, `${k}.crl`), v);
  writeFileSync(join(dir, 'ca.pem'), pem('CERTIFICATE', pki.ca.certDer));
  writeFileSync(join(dir, 'both.pem'), pem('X509 CRL', files.good ?? new Uint8Array()) + pem('X509 CRL', files.delta ?? new Uint8Array()));
  writeFileSync(join(dir, 'signed.pdf'), await signAs(await makeProtocolPdf(), pki.sara, pki.ca, 'sig-justerare-1'));
  expect((await cli('trust', 'add', 'ca.pem', '--db', 'j.db')).status).toBe(0);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('justera trust add-crl', () => {
  it('refuses a forged, a stale and a delta CRL (and a file mixing a good one with a delta) with the reason, storing nothing', async () => {
    const cases: [string, RegExp][] = [
      ['forged.crl', /säger sig vara utfärdad av .*Justera Test-CA Ö.*, men dess signatur kan inte verifieras med det rotcertifikatet/],
      ['stale.crl', /gällde till 2020-10-08 00:00 UTC och är inaktuell\. Hämta en aktuell spärrlista/],
      ['delta.crl', /kan inte användas \(deltaspärrlista\)\. Importera utfärdarens fullständiga spärrlista/],
      ['both.pem', /deltaspärrlista/],
      ['signed.pdf', /ingen spärrlista \(CRL\) som kan läsas/],
    ];
    for (const [file, why] of cases) {
      const r = await cli('trust', 'add-crl', file, '--db', 'j.db');
      expect(r.status, file).toBe(1);
      expect(r.out).toMatch(why);
    }
    expect(rows('SELECT id FROM trust_crls')).toEqual([]);
    expect(rows("SELECT action FROM audit_log WHERE action LIKE 'trust.%Crl'")).toEqual([]);
  });

  it('imports a good CRL, lists it, and verify --db uses it; a newer one replaces it and its revocation counts', async () => {
    const added = await cli('trust', 'add-crl', 'good.crl', '--db', 'j.db');
    expect(added.status).toBe(0);
    expect(added.out).toMatch(/Importerad:\n.*Spärrlista från .*Justera Test-CA Ö[^\n]*\n {2}Utfärdad: +2020-11-06 00:00 UTC\n {2}Nästa: +2020-11-13 00:00 UTC/);
    expect(added.out).toMatch(/Verifierad: +mot .*Justera Test-CA Ö/);
    const listed = await cli('trust', 'list', '--db', 'j.db');
    expect(listed.out).toMatch(/Spärrlista från .*Justera Test-CA Ö/);
    expect((await cli('trust', 'add-crl', 'good.crl', '--db', 'j.db')).out).toContain('Redan importerad');

    let v = await cli('verify', 'signed.pdf', '--db', 'j.db');
    expect(v.status).toBe(0);
    expect(v.out).toMatch(/Spärrstatus: +ej spärrat/);

    const newer = await cli('trust', 'add-crl', 'newer.crl', '--db', 'j.db', '--json');
    expect(newer.status).toBe(0);
    const r = JSON.parse(newer.out) as { added: { crlNumber: string }[]; replaced: { crlNumber: string }[] };
    expect(r.added.map((c) => c.crlNumber)).toEqual(['02']);
    expect(r.replaced.map((c) => c.crlNumber)).toEqual(['01']);
    expect(rows('SELECT crl_number FROM trust_crls')).toEqual([{ crl_number: '02' }]);
    // An older CRL cannot come back over the newer one.
    expect((await cli('trust', 'add-crl', 'good.crl', '--db', 'j.db')).out).toContain('En lika ny eller nyare spärrlista');
    v = await cli('verify', 'signed.pdf', '--db', 'j.db');
    expect(v.status).toBe(1);
    expect(v.out).toMatch(/Spärrstatus: +SPÄRRAT/);
    expect(rows("SELECT action FROM audit_log WHERE action LIKE 'trust.%Crl' ORDER BY rowid")).toEqual([{ action: 'trust.addCrl' }, { action: 'trust.removeCrl' }, { action: 'trust.addCrl' }]);
  });

  it("keeps an intermediate CA's CRL (its issuer is no anchor) with a note; expired later, list marks it and verify warns", async () => {
    const r = await cli('trust', 'add-crl', 'intermediate.crl', '--db', 'j.db');
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/Obs: Utfärdaren .*Mellanliggande CA.* är inte ett rotcertifikat i tillitslistan/);
    now = new Date('2020-11-20T00:00:00Z');
    const listed = await cli('trust', 'list', '--db', 'j.db', '--json');
    const crls = (JSON.parse(listed.out) as { crls: { issuer: string; stale: boolean }[] }).crls;
    expect(crls.every((c) => c.stale)).toBe(true);
    expect(crls).toHaveLength(2);
    const id = (rows("SELECT id FROM trust_crls WHERE issuer LIKE '%Mellanliggande%'")[0] as { id: string }).id;
    expect((await cli('trust', 'remove-crl', id, '--db', 'j.db')).status).toBe(0);
    expect(rows('SELECT id FROM trust_crls')).toHaveLength(1);
  });
});
