// documents.sign (the clerk's own tillkännagivande and anslagsbevis) with the time-stamping
// service of the app settings: a time stamp from a local openssl TSA (PAdES B-T), and a signature
// without one (B-B, said so) when the service cannot be reached.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, writeP12, trustCa } from '../signing/helpers/pki';
import { hasTool } from '../signing/helpers/tools';
import { startTestTsa, type TestTsa } from '../signing/helpers/tsa-server';
import { anslagFixture, type AnslagFixture } from './anslag-fixture';

const PASSWORD = 'hemligt-lösenord';

let f: AnslagFixture;
let tsa: TestTsa;
let lisa: string;
let noticeId: string;
let bevisId: string;

beforeAll(async () => {
  f = await anslagFixture({ now: '2020-11-06T09:00:00+01:00' });
  const pki = await makeTestPki();
  await trustCa(f.api, pki.ca);
  lisa = readFileSync(writeP12(f.dir, await pki.issue('Lisa Lundgren', 'RSA'), [pki.ca], 'lisa.p12', { password: PASSWORD })).toString('base64');
  tsa = await startTestTsa(f.dir, pki.ca);
  const posted = await f.api.call('anslag.post', { groupId: f.groupIds[0] as string });
  noticeId = posted.tillkannagivande.id;
  bevisId = posted.anslagsbevis.id;
}, 60_000);

afterAll(async () => {
  await tsa.close();
  f.dispose();
});

describe.skipIf(!hasTool('openssl'))('documents.sign with a time-stamping service', () => {
  it('time-stamps the tillkännagivande (B-T)', async () => {
    await f.api.call('settings.set', { tsaUrl: tsa.url });
    const r = await f.api.call('documents.sign', { versionId: noticeId, field: 'sig-anslag', credential: { kind: 'p12', p12Base64: lisa, password: PASSWORD } });
    expect(r.timestamp).toEqual({ requested: true, added: true, message: null });
    expect(r.validation.signatures.find((s) => s.field === 'sig-anslag')?.level).toBe('B-T');
    expect(tsa.requests).toBe(1);
  });

  it('signs the anslagsbevis without a time stamp (B-B) when the service is unreachable, and says so', async () => {
    await f.api.call('settings.set', { tsaUrl: 'http://127.0.0.1:1/tsa' });
    const r = await f.api.call('documents.sign', { versionId: bevisId, field: 'sig-anslagsbevis', credential: { kind: 'p12', p12Base64: lisa, password: PASSWORD } });
    expect(r.timestamp.added).toBe(false);
    expect(r.timestamp.message).toContain('Tidsstämpeltjänsten http://127.0.0.1:1/tsa svarade inte');
    expect(r.validation.valid).toBe(true);
    expect(r.validation.signatures.find((s) => s.field === 'sig-anslagsbevis')?.level).toBe('B-B');
  });
});
