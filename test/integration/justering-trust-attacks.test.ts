// The certificate attacks of issue 13, each as the file an attacker would send back for Sara
// Lundberg's field (sig-justerare-1) of the reference meeting's §§ 20–22: the import refuses it
// with a Swedish message naming the reason and stores nothing; `justera verify --trust CA` exits
// non-zero with the reason; the legitimate file still imports and verifies. pdfsig's opinion of
// each file is recorded beside ours (docs/justering.md, "Attacks and what pdfsig says").
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ApiClient } from '../../core/api/client';
import { createBackend, type Backend } from '../../electron/backend';
import { main } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/types';
import { keyObjectSigner, signPdf } from '../../electron/services/signing';
import { OID } from '../../electron/services/signing/oids';
import { prepareSignedAttributes } from '../../electron/services/signing/cms';
import { counterIds, rejection } from '../helpers/backend';
import { forgeSignature, makeCms, makeTimeStampToken } from '../signing/helpers/forge';
import { makeCrl } from '../signing/helpers/crl';
import { issue, makeTestPki, pem, trustCa, writeP12, type Identity } from '../signing/helpers/pki';
import { hasTool, nssDbTrusting, pdfsig } from '../signing/helpers/tools';

const PASSWORD = 'hemligt-lösenord';
const SARA_PNR = '198001010001';
const OTHER_PNR = '197505050109';
const FIELD = 'sig-justerare-1';

let dir: string;
let backend: Backend;
let api: ApiClient;
let now = new Date('2020-11-05T10:35:00+01:00');
let versionId: string;
let base: Uint8Array;
let pki: Awaited<ReturnType<typeof makeTestPki>>;
/** Sara's real e-ID certificate: CN and personnummer (ETSI "PNOSE-" form) from the trusted CA. */
let sara: Identity;

function counts(): { signatures: number; adjusted: number } {
  const sql = backend.db.$client;
  return {
    signatures: (sql.prepare('SELECT count(*) AS n FROM signatures').get() as { n: number }).n,
    adjusted: (sql.prepare('SELECT count(*) AS n FROM adjustment_groups WHERE adjusted_at IS NOT NULL').get() as { n: number }).n,
  };
}

async function cliVerify(file: string, extra: string[] = []): Promise<{ status: number; out: string }> {
  const out: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => out.push(t), cwd: dir, today: () => '2020-11-05', now: () => now };
  const status = await main(['verify', file, '--trust', 'ca.pem', ...extra], io);
  return { status, out: out.join('\n') };
}

const signWith = (pdf: Uint8Array, id: Identity, chain: Uint8Array[], o: { signingTime?: Date; signerName?: string } = {}) =>
  signPdf(pdf, {
    fieldName: FIELD,
    role: 'Justerare',
    signer: keyObjectSigner(id.privateKey, [id.certDer, ...chain]),
    signingTime: o.signingTime ?? new Date('2020-11-05T10:00:00Z'),
    ...(o.signerName === undefined ? {} : { signerName: o.signerName }),
  }).then((r) => r.pdf);

interface Attack {
  name: string;
  make(): Promise<Uint8Array>;
  /** What the import's refusal must name. */
  importReason: RegExp;
  /** What verify must name. */
  verifyReason: RegExp;
  /** Extra `justera verify` arguments (the CRL for the revoked case). */
  verifyArgs?: string[];
  /**
   * pdfsig's verdict on the new signature, "validation / certificate validation", with an NSS
   * database trusting the same test CA (poppler 22.12, as observed; pinned, in docs/justering.md).
   */
  pdfsigSays: string;
}

const attacks: Attack[] = [
  {
    name: 'self-signed certificate with the same name',
    pdfsigSays: 'Signature is Valid. / Certificate issuer is unknown.',
    make: async () => {
      const self = await issue({ commonName: 'Sara Lundberg', serialNumber: `PNOSE-${SARA_PNR}` });
      return signWith(base, self, []);
    },
    importReason: /leder inte till något betrott rotcertifikat/,
    verifyReason: /leder inte till något betrott rotcertifikat/,
  },
  {
    name: 'certificate from an untrusted CA',
    pdfsigSays: 'Signature is Valid. / Unknown issue with Certificate or corrupted data.',
    make: async () => {
      const other = await makeTestPki();
      const fake = await other.issue('Sara Lundberg', 'RSA', { serialNumber: `PNOSE-${SARA_PNR}` });
      return signWith(base, fake, [other.ca.certDer]);
    },
    importReason: /leder inte till något betrott rotcertifikat/,
    verifyReason: /leder inte till något betrott rotcertifikat/,
  },
  {
    name: 'expired certificate with a backdated /M',
    pdfsigSays: 'Signature is Valid. / Certificate has Expired',
    make: async () => {
      const old = await pki.issue('Sara Lundberg', 'RSA', { serialNumber: `PNOSE-${SARA_PNR}`, notBefore: new Date('2019-01-01'), notAfter: new Date('2020-06-30') });
      return signWith(base, old, [pki.ca.certDer], { signingTime: new Date('2020-06-01T10:00:00Z') });
    },
    importReason: /inte giltigt vid kontrolltidpunkten.*\(\/M\) räknas inte/,
    verifyReason: /inte giltigt vid kontrolltidpunkten/,
  },
  {
    name: 'a /M in the future',
    pdfsigSays: 'Signature is Valid. / Certificate is Trusted.',
    make: () => signWith(base, sara, [pki.ca.certDer], { signingTime: new Date('2020-11-20T10:00:00Z') }),
    importReason: /\/M\).*efter kontrolltidpunkten/,
    verifyReason: /\/M\).*efter kontrolltidpunkten/,
  },
  {
    name: 'keyEncipherment-only certificate',
    pdfsigSays: 'Signature is Valid. / Unknown issue with Certificate or corrupted data.',
    make: async () => {
      const enc = await pki.issue('Sara Lundberg', 'RSA', { serialNumber: `PNOSE-${SARA_PNR}`, keyUsage: ['keyEncipherment'] });
      return forgeSignature(base, { fieldName: FIELD, role: 'Justerare', signerName: 'Sara Lundberg', signingTime: new Date('2020-11-05T10:00:00Z'), identity: enc, chain: [pki.ca.certDer] });
    },
    importReason: /inte avsett för underskrifter.*keyEncipherment/,
    verifyReason: /inte avsett för underskrifter/,
  },
  {
    name: 'two CNs in the subject',
    pdfsigSays: 'Signature is Valid. / Certificate is Trusted.',
    make: async () => {
      const two = await pki.issue('Sara Lundberg', 'RSA', { serialNumber: `PNOSE-${SARA_PNR}`, extraCommonNames: ['Mallory Svensson'] });
      return signWith(base, two, [pki.ca.certDer]);
    },
    importReason: /2 namn \(CN/,
    verifyReason: /2 namn \(CN: Sara Lundberg \/ Mallory Svensson\)/,
  },
  {
    name: 'wrong personnummer',
    pdfsigSays: 'Signature is Valid. / Certificate is Trusted.',
    make: async () => {
      const namesake = await pki.issue('Sara Lundberg', 'RSA', { serialNumber: `SE${OTHER_PNR}` });
      return signWith(base, namesake, [pki.ca.certDer]);
    },
    importReason: /inte Sara Lundbergs registrerade personnummer/,
    // A trusted, valid certificate of a namesake: the file alone cannot tell, only the identifier can.
    verifyReason: /.*/,
  },
  {
    name: 'name spoofed in /Name',
    pdfsigSays: 'Signature is Valid. / Certificate is Trusted.',
    make: async () => {
      const mallory = await pki.issue('Mallory Svensson', 'RSA', { serialNumber: `PNOSE-${OTHER_PNR}` });
      return signWith(base, mallory, [pki.ca.certDer], { signerName: 'Sara Lundberg' });
    },
    importReason: /\/Name "Sara Lundberg"\) är inte certifikatets namn \(Mallory Svensson\)/,
    verifyReason: /\/Name "Sara Lundberg"\) är inte certifikatets namn/,
  },
  {
    name: 'revoked certificate (CRL in the trust store)',
    pdfsigSays: 'Signature is Valid. / Certificate is Trusted.',
    make: async () => {
      const lost = await pki.issue('Sara Lundberg', 'RSA', { serialNumber: `PNOSE-${SARA_PNR}` });
      // The administrator imports the CA's current CRL, which lists the lost card's certificate.
      const crl = await makeCrl(pki.ca, {
        thisUpdate: new Date('2020-11-05T08:00:00Z'),
        nextUpdate: new Date('2020-11-12T08:00:00Z'),
        revoked: [{ cert: lost, at: new Date('2020-11-04T12:00:00Z'), reason: 1 }],
      });
      writeFileSync(join(dir, 'revoked.crl'), crl);
      await api.call('trust.addCrl', { crlBase64: Buffer.from(crl).toString('base64') });
      return signWith(base, lost, [pki.ca.certDer]);
    },
    importReason: /är spärrat sedan 2020-11-04 12:00 UTC \(nyckeln röjd \(keyCompromise\)\)/,
    verifyReason: /Spärrstatus: +SPÄRRAT/,
    verifyArgs: ['--crl', 'revoked.crl'],
  },
  // Round 2: CMS and certificate classes the verifier accepted before (verify.ts, cms-verify.ts, certificates.ts, tsa.ts).
  {
    name: 'expired certificate revived by a time stamp signed with the signer’s own certificate',
    pdfsigSays: 'Signature is Valid. / Certificate has Expired',
    make: async () => {
      const old = await pki.issue('Sara Lundberg', 'RSA', { serialNumber: `PNOSE-${SARA_PNR}`, notBefore: new Date('2019-01-01'), notAfter: new Date('2020-06-30') });
      // Any certificate from the trusted CA can sign a TSTInfo; only a time-stamping service's proves a time.
      const stamp = (v: Uint8Array) => makeTimeStampToken(old, [pki.ca.certDer], v, new Date('2020-06-01T10:00:00Z'));
      return forgeCms(old, (r) => makeCms({ identity: old, chain: [pki.ca.certDer], content: r, timeStamp: stamp }));
    },
    importReason: /inte gjord av en tidsstämpeltjänst.*id-kp-timeStamping/,
    verifyReason: /inte gjord av en tidsstämpeltjänst/,
  },
  {
    name: 'a certificate the CA signed with SHA-1',
    pdfsigSays: 'Signature is Valid. / Certificate is Trusted.',
    make: async () => {
      const sha1 = await pki.issue('Sara Lundberg', 'RSA', { serialNumber: `PNOSE-${SARA_PNR}`, sha1Signature: true });
      return signWith(base, sha1, [pki.ca.certDer]);
    },
    importReason: /utfärdat med hashalgoritmen SHA-1/,
    verifyReason: /utfärdat med hashalgoritmen SHA-1/,
  },
  {
    name: 'a name with a right-to-left override (shows as "Sara Lundberg")',
    pdfsigSays: 'Signature is Valid. / Certificate is Trusted.',
    make: async () => {
      const rtl = await pki.issue('Sara \u202egrebdnuL', 'RSA', { serialNumber: `PNOSE-${SARA_PNR}` });
      return forgeCms(rtl, (r) => makeCms({ identity: rtl, chain: [pki.ca.certDer], content: r }));
    },
    importReason: /tecken som vänder textens riktning \(Sara grebdnuL\)/,
    verifyReason: /tecken som vänder textens riktning/,
  },
  {
    name: 'an empty name (CN)',
    pdfsigSays: 'Signature is Valid. / Certificate is Trusted.',
    make: async () => {
      const nameless = await pki.issue(' ', 'RSA', { serialNumber: `PNOSE-${SARA_PNR}` });
      return forgeCms(nameless, (r) => makeCms({ identity: nameless, chain: [pki.ca.certDer], content: r }));
    },
    importReason: /namn \(CN\) är tomt/,
    verifyReason: /namn \(CN\) är tomt/,
  },
  {
    name: 'a time stamp from the future (a time-stamping certificate, its clock wrong) makes a not-yet-valid certificate valid',
    pdfsigSays: 'Signature is Valid. / Certificate is Trusted.',
    make: async () => {
      const early = await pki.issue('Sara Lundberg', 'RSA', { serialNumber: `PNOSE-${SARA_PNR}`, notBefore: new Date('2020-12-01') });
      const tsaCert = await pki.issue('Felställd TSA', 'RSA', { extendedKeyUsage: ['1.3.6.1.5.5.7.3.8'] });
      const stamp = (v: Uint8Array) => makeTimeStampToken(tsaCert, [pki.ca.certDer], v, new Date('2020-12-02T10:00:00Z'));
      return forgeCms(early, (r) => makeCms({ identity: early, chain: [pki.ca.certDer], content: r, timeStamp: stamp }));
    },
    importReason: /Tidsstämpeln anger tiden 2020-12-02T10:00:00.000Z, efter kontrolltidpunkten.*Certifikatet är inte giltigt vid kontrolltidpunkten/,
    verifyReason: /Tidsstämpeln anger tiden 2020-12-02/,
  },
  {
    name: 'SHA-1 digest and sha1WithRSA',
    pdfsigSays: 'Signature is Valid. / Certificate is Trusted.',
    make: () => forgeCms(sara, (r) => makeCms({ identity: sara, chain: [pki.ca.certDer], content: r, digest: 'sha1' })),
    importReason: /SHA-1, som inte längre är säker/,
    verifyReason: /SHA-1, som inte längre är säker/,
  },
  {
    name: 'RSA key of 1024 bits',
    pdfsigSays: 'Signature is Valid. / Certificate is Trusted.',
    make: async () => {
      const weak = await pki.issue('Sara Lundberg', 'RSA', { serialNumber: `PNOSE-${SARA_PNR}`, modulusLength: 1024 });
      return forgeCms(weak, (r) => makeCms({ identity: weak, chain: [pki.ca.certDer], content: r }));
    },
    importReason: /för svag nyckel: RSA-nyckeln har bara 1024 bitar/,
    verifyReason: /för svag nyckel/,
  },
  {
    name: 'a CA certificate as the signer',
    pdfsigSays: 'Signature is Valid. / Certificate is Trusted.',
    make: async () => {
      const ca = await pki.issue('Sara Lundberg', 'RSA', { serialNumber: `PNOSE-${SARA_PNR}`, isCa: true, keyUsage: ['digitalSignature', 'nonRepudiation', 'keyCertSign'] });
      return forgeCms(ca, (r) => makeCms({ identity: ca, chain: [pki.ca.certDer], content: r }));
    },
    importReason: /är ett utfärdarcertifikat \(CA\)/,
    verifyReason: /utfärdarcertifikat \(CA\)/,
  },
  {
    name: 'a web server certificate (extended key usage serverAuth)',
    pdfsigSays: 'Signature is Valid. / Unknown issue with Certificate or corrupted data.',
    make: async () => {
      const tls = await pki.issue('Sara Lundberg', 'RSA', { serialNumber: `PNOSE-${SARA_PNR}`, extendedKeyUsage: ['1.3.6.1.5.5.7.3.1'] });
      return forgeCms(tls, (r) => makeCms({ identity: tls, chain: [pki.ca.certDer], content: r }));
    },
    importReason: /avsett för annat än underskrifter \(utökad nyckelanvändning: webbserver/,
    verifyReason: /avsett för annat än underskrifter/,
  },
  {
    name: 'a second SignerInfo beside Sara’s own',
    pdfsigSays: 'Signature is Valid. / Certificate is Trusted.',
    make: async () => {
      const mallory = await pki.issue('Mallory Svensson', 'RSA', { serialNumber: `PNOSE-${OTHER_PNR}` });
      return forgeCms(sara, (r) => makeCms({ identity: sara, chain: [pki.ca.certDer], content: r, extraSigners: [mallory] }));
    },
    importReason: /2 undertecknare \(SignerInfo\)/,
    verifyReason: /2 undertecknare/,
  },
  {
    name: 'signing-certificate attribute naming another certificate than the one embedded',
    pdfsigSays: 'Signature is Valid. / Certificate is Trusted.',
    make: () =>
      forgeCms(sara, (r) =>
        makeCms({
          identity: sara,
          chain: [pki.ca.certDer],
          content: r,
          // ESS signing-certificate-v2 binds the signature to Robert's certificate; Sara's is sent along.
          attributes: (a) => a.map((x) => (x.type === OID.signingCertificateV2 ? (prepareSignedAttributes(pki.robert.certDer, new Uint8Array(32)).attributes.find((y) => y.type === x.type) ?? x) : x)),
        }),
      ),
    importReason: /signing-certificate pekar på ett annat certifikat/,
    verifyReason: /signing-certificate pekar på ett annat certifikat/,
  },
  {
    name: 'signed attributes without content-type',
    pdfsigSays: 'Signature is Valid. / Certificate is Trusted.',
    make: () => forgeCms(sara, (r) => makeCms({ identity: sara, chain: [pki.ca.certDer], content: r, attributes: (a) => a.filter((x) => x.type !== OID.contentType) })),
    importReason: /content-type \(saknas\)/,
    verifyReason: /content-type \(saknas\)/,
  },
];

/** Sara's field signed with a CMS made by `build` over the signed byte ranges. */
const forgeCms = (id: Identity, build: (ranges: Uint8Array[]) => Uint8Array) =>
  forgeSignature(base, { fieldName: FIELD, role: 'Justerare', signerName: id.commonName, signingTime: new Date('2020-11-05T10:00:00Z'), identity: id, chain: [pki.ca.certDer], cms: build });

/** pdfsig (with certutil for its trust database) is required under CI=true, never silently skipped there. */
const withPdfsig = (hasTool('pdfsig') && hasTool('certutil')) || process.env.CI === 'true';
/** What pdfsig says of the new signature, for the table in docs/justering.md. */
const pdfsigSays = new Map<string, string>();
/** An NSS database trusting the test CA, so pdfsig judges with the same trust anchor as we do. */
let nss: string | undefined;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'justera-trust-attacks-'));
  backend = createBackend({ databasePath: join(dir, 'justera.db'), clock: { now: () => now }, ids: counterIds(), actor: 'sekreterare' });
  api = createClient((m, i) => backend.dispatch(m, i));
  const meetingId = (await api.call('demo.load', {})).meetingId;
  pki = await makeTestPki();
  await trustCa(api, pki.ca);
  writeFileSync(join(dir, 'ca.pem'), pem('CERTIFICATE', pki.ca.certDer));
  if (withPdfsig) nss = nssDbTrusting(dir, pki.ca.certDer);
  sara = await pki.issue('Sara Lundberg', 'RSA', { serialNumber: `PNOSE-${SARA_PNR}` });
  const saraId = (backend.db.$client.prepare("SELECT id FROM persons WHERE name = 'Sara Lundberg'").get() as { id: string }).id;
  await api.call('people.identifiers.add', { personId: saraId, kind: 'personnummer', value: `${SARA_PNR.slice(0, 8)}-${SARA_PNR.slice(8)}` });
  versionId = (await api.call('justering.freeze', { meetingId, groupIndex: 0 })).version.id;
  now = new Date('2020-11-05T10:40:00+01:00');
  const robert = readFileSync(writeP12(dir, pki.robert, [pki.ca], 'robert.p12', { password: PASSWORD })).toString('base64');
  await api.call('justering.sign', { versionId, field: 'sig-sekreterare', credential: { kind: 'p12', p12Base64: robert, password: PASSWORD } });
  base = new Uint8Array(Buffer.from((await api.call('justering.currentPdf', { versionId })).pdfBase64, 'base64'));
  now = new Date('2020-11-05T11:30:00+01:00');
}, 120_000);

afterAll(() => {
  backend.close();
  if (process.env.JUSTERA_PRINT_PDFSIG) console.log([...pdfsigSays].map(([k, v]) => `| ${k} | ${v} |`).join('\n'));
  rmSync(dir, { recursive: true, force: true });
});

describe('certificate attacks on an imported signature', () => {
  for (const attack of attacks) {
    it(`refuses ${attack.name}: import names the reason and stores nothing; verify exits non-zero`, async () => {
      const forged = await attack.make();
      const before = counts();
      const e = await rejection(api.call('justering.importSigned', { versionId, field: FIELD, pdfBase64: Buffer.from(forged).toString('base64') }));
      expect(e.code).toBe('signature');
      expect(e.message).toMatch(attack.importReason);
      expect(counts()).toEqual(before);
      const file = `${attack.name.replace(/\W+/g, '-')}.pdf`;
      writeFileSync(join(dir, file), forged);
      if (attack.name !== 'wrong personnummer') {
        const v = await cliVerify(file, attack.verifyArgs);
        expect(v.status).toBe(1);
        expect(v.out).toMatch(attack.verifyReason);
      }
      if (withPdfsig) {
        const last = pdfsig(join(dir, file), nss)
          .signatures.filter((s) => s.signed)
          .at(-1);
        const says = `${last?.validation ?? '–'} / ${last?.certificateValidation ?? '–'}`;
        pdfsigSays.set(attack.name, says);
        // pdfsig's opinion, beside ours: it calls the signature itself valid in every case.
        expect(says).toBe(attack.pdfsigSays);
      }
    }, 30_000);
  }

  it('still imports and verifies the legitimate file, identified by personnummer, at the import time', async () => {
    const good = await signWith(base, sara, [pki.ca.certDer]);
    const r = await api.call('justering.importSigned', { versionId, field: FIELD, pdfBase64: Buffer.from(good).toString('base64') });
    expect(r.signature.identity).toBe('identifier');
    expect(r.signature.trustAnchor).toContain('Justera Test-CA Ö');
    // The file's /M (10:00 UTC) is a claim: the time recorded is when it was imported.
    expect(r.signature.signedAt).toBe(now.toISOString());
    writeFileSync(join(dir, 'legit.pdf'), good);
    const v = await cliVerify('legit.pdf');
    expect(v.out).toContain('Tillit:              betrodd');
    expect(v.out).not.toContain('OGILTIG');
    // The CA's CRL lists only the lost card's certificate: Sara's real one is not revoked.
    const withCrl = await cliVerify('legit.pdf', ['--crl', 'revoked.crl']);
    expect(withCrl.status).toBe(0);
    expect(withCrl.out).toMatch(/Spärrstatus: +ej spärrat — Inte spärrat enligt spärrlista från .*Justera Test-CA Ö/);
  }, 30_000);
});
