// In-memory fakes for the Justering ports (core/app/justering/ports.ts) with the real SQLite
// stores on ':memory:': the use cases run without rendering, signing or verifying real PDFs.
// The fake "PDF" is text; a signature appends one line, so "incremental" and "covers the whole
// file" keep their meaning: the signed file is the base plus exactly one new line.
import { createHash } from 'node:crypto';
import type { AppDeps } from '../../core/app/ports';
import type { CheckedSignature, JusteringDeps, JusteringServices, OpenedSigner, SignerCredentials } from '../../core/app/justering/ports';
import type { SignatureCheck, ValidationSummary } from '../../core/app/justering/types';
import { openDatabase, type Db } from '../../db/open';
import { createJusteringStore } from '../../db/repos/justering';
import { createSettingsStore } from '../../db/repos/settings';
import { createIdentityStore, createTrustStore } from '../../db/repos/trust';
import { createStore } from '../../db/store';
import { counterIds, FIXED_NOW } from './backend';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** A certificate "file" for the fake signer: the holder's name is the whole of it. */
export function fakeP12(commonName: string): SignerCredentials {
  return { kind: 'p12', p12: enc.encode(commonName), password: 'x' };
}

interface FakeSig {
  field: string;
  cn: string;
  at: string;
  level: string;
}

const SIG = /^%SIG (\{.*\})$/;

function signaturesOf(pdf: Uint8Array): { lines: string[]; sigs: FakeSig[] } {
  const lines = dec.decode(pdf).split('\n');
  return { lines, sigs: lines.flatMap((l) => (SIG.test(l) ? [JSON.parse(SIG.exec(l)?.[1] ?? '{}') as FakeSig] : [])) };
}

/** The fake trusts every signature when the trust store has any anchor (trust itself is tested on real PDFs). */
function check(s: FakeSig, whole: boolean, trusted: boolean): SignatureCheck {
  return {
    field: s.field,
    signerName: s.cn,
    certificateSubject: `CN=${s.cn}`,
    certificateSha256: sha256(enc.encode(s.cn)),
    signedAt: s.at,
    claimedSigningTime: s.at,
    timestampTime: null,
    level: s.level,
    coversWholeFile: whole,
    changesAfter: [],
    onlyAllowedChangesAfter: true,
    valid: true,
    trusted,
    trustAnchor: trusted ? 'CN=Fake-CA' : null,
    validityTime: { at: s.at, source: 'verification' },
    problems: [],
  };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface FakeServiceLog {
  rendered: number;
  signed: { field: string; cn: string; tsaUrl: string | null }[];
}

export function fakeJusteringServices(log: FakeServiceLog = { rendered: 0, signed: [] }): JusteringServices & { log: FakeServiceLog } {
  const summary = (pdf: Uint8Array, trusted: boolean): ValidationSummary => {
    const { sigs } = signaturesOf(pdf);
    return {
      valid: true,
      trustAssessed: trusted,
      trusted,
      accepted: trusted,
      modifiedAfterLastSignature: false,
      fileLength: pdf.length,
      signatures: sigs.map((s, i) => check(s, i === sigs.length - 1, trusted)),
      problems: [],
    };
  };
  return {
    log,
    async renderFrozen(data) {
      log.rendered += 1;
      const fields = data.signaturePage.signers.map((s) => s.field);
      return { pdf: enc.encode(`%FAKEPDF ${data.title}\n%FIELDS ${fields.join(' ')}`), fields };
    },
    startEid() {
      // The signing-service path is tested on real PDFs against the test service (test/integration/justering-eid.test.ts).
      return Promise.reject(new Error('the fake has no signing service'));
    },
    async openSigner(credentials): Promise<OpenedSigner> {
      if (credentials.kind !== 'p12') throw new Error('the fake signs with certificate files only');
      const cn = dec.decode(credentials.p12);
      return {
        commonName: cn,
        subject: `CN=${cn}`,
        certificateSha256: sha256(credentials.p12),
        identity: { commonNames: [cn], serialNumbers: [], sha256: sha256(credentials.p12) },
        async sign(pdf, o) {
          log.signed.push({ field: o.field, cn, tsaUrl: o.tsaUrl });
          const line: FakeSig = { field: o.field, cn, at: o.signingTime.toISOString(), level: 'B-B' };
          return { pdf: enc.encode(`${dec.decode(pdf)}\n%SIG ${JSON.stringify(line)}`), timestamp: { requested: o.tsaUrl !== null, added: false, message: null } };
        },
        async close() {},
      };
    },
    async verify(pdf, o) {
      const s = summary(pdf, o.trustAnchors.length > 0);
      return { summary: s, report: s };
    },
    async checkIncremental(base, signed, o): Promise<CheckedSignature> {
      const before = dec.decode(base);
      const after = dec.decode(signed);
      if (!after.startsWith(`${before}\n`)) throw new Error('not an incremental update of the base');
      const added = signaturesOf(enc.encode(after.slice(before.length + 1))).sigs;
      const only = added[0];
      if (added.length !== 1 || only === undefined || only.field !== o.fieldName) throw new Error(`expected one new signature in ${o.fieldName}`);
      const signature = check(only, true, o.trustAnchors.length > 0);
      if (o.expectedCertificateSha256 !== undefined && signature.certificateSha256 !== o.expectedCertificateSha256) throw new Error('another certificate');
      const s = summary(signed, o.trustAnchors.length > 0);
      return { signature, certificateIdentity: { commonNames: [only.cn], serialNumbers: [], sha256: signature.certificateSha256 ?? '' }, report: s, summary: s };
    },
    async pdfFacts(pdf) {
      const text = dec.decode(pdf);
      const fields = (/%FIELDS (.*)/.exec(text)?.[1] ?? '').split(' ').filter((f) => f !== '');
      const signed = new Set(signaturesOf(pdf).sigs.map((s) => s.field));
      return { text, fields: fields.map((name) => ({ name, signed: signed.has(name) })) };
    },
    async pkcs11Slots() {
      return [];
    },
    sha256,
  };
}

export interface FakeJustering {
  db: Db;
  deps: JusteringDeps & { services: ReturnType<typeof fakeJusteringServices> };
  /** Moves the clock. */
  at(instant: string): void;
  close(): void;
}

/** The Justering use cases on an in-memory database with fake PDF services. */
export function fakeJustering(): FakeJustering {
  const db = openDatabase(':memory:');
  let now = FIXED_NOW;
  const clock = { now: () => now };
  const ids = counterIds();
  const actor = 'test';
  const app: AppDeps = { store: createStore(db, { clock, ids, actor }), clock, ids, actor };
  const deps = {
    ...app,
    justering: createJusteringStore(db, { clock, ids }),
    settings: createSettingsStore(db, { clock }),
    trust: createTrustStore(db, { clock, ids, actor }),
    identity: createIdentityStore(db, { clock, ids }),
    services: fakeJusteringServices(),
  };
  return {
    db,
    deps,
    at(instant) {
      now = new Date(instant);
    },
    close: () => db.$client.close(),
  };
}
