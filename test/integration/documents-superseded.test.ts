// A clerk's document replaced by a later version is no longer offered for signing, and signing it
// is refused (as a replaced protocol version is). Posting the second adjustment group makes a new
// anslagsbevis covering both groups and marks the first "Ersatt av en senare version"; the
// documents page still offered "Skriv under" on the replaced one and signing it succeeded — a
// signed attestation that no longer states the posting (found walking a meeting from an empty
// database: §§ 87-91 and § 92 posted the same day).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestPki, trustCa, writeP12 } from '../signing/helpers/pki';
import { anslagFixture, type AnslagFixture } from './anslag-fixture';
import { rejection } from '../helpers/backend';

const PASSWORD = 'hemligt-lösenord';
let f: AnslagFixture;
let lisa: string;
let first: { bevis: string; notice: string };
let second: { bevis: string; notice: string };

beforeAll(async () => {
  f = await anslagFixture({ now: '2020-11-12T09:00:00+01:00' });
  const pki = await makeTestPki();
  await trustCa(f.api, pki.ca);
  lisa = readFileSync(writeP12(f.dir, await pki.issue('Lisa Lundgren', 'RSA'), [pki.ca], 'lisa.p12', { password: PASSWORD })).toString('base64');
  const a = await f.api.call('anslag.post', { groupId: f.groupIds[0] as string, postedOn: '2020-11-06' });
  first = { bevis: a.anslagsbevis.id, notice: a.tillkannagivande.id };
  const b = await f.api.call('anslag.post', { groupId: f.groupIds[1] as string, postedOn: '2020-11-12' });
  second = { bevis: b.anslagsbevis.id, notice: b.tillkannagivande.id };
}, 60_000);

afterAll(() => f.dispose());

const credential = () => ({ kind: 'p12' as const, p12Base64: lisa, password: PASSWORD });

describe('a replaced document', () => {
  it('is listed as replaced and offers no signature; the current one does', async () => {
    expect(second.bevis).not.toBe(first.bevis);
    const docs = (await f.api.call('documents.list', { meetingId: f.meetingId })).meetings[0]?.documents ?? [];
    const old = docs.find((d) => d.versionId === first.bevis);
    const now = docs.find((d) => d.versionId === second.bevis);
    expect(old).toMatchObject({ kind: 'anslagsbevis', isCurrent: false, nextSignature: null });
    expect(now).toMatchObject({ kind: 'anslagsbevis', isCurrent: true, nextSignature: { field: 'sig-anslagsbevis', name: 'Lisa Lundgren' } });
    // Each group's notice is its own document: both stay current and signable.
    for (const id of [first.notice, second.notice]) expect(docs.find((d) => d.versionId === id)).toMatchObject({ isCurrent: true, nextSignature: { field: 'sig-anslag' } });
  });

  it('is refused with a Swedish reason, nothing signed; the current version signs', async () => {
    const refused = await rejection(f.api.call('documents.sign', { versionId: first.bevis, field: 'sig-anslagsbevis', credential: credential() }));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toBe('Anslagsbeviset version 1 har ersatts av en senare version. Skriv under den gällande versionen.');
    expect((await f.api.call('documents.currentPdf', { versionId: first.bevis })).signed).toBe(false);
    const r = await f.api.call('documents.sign', { versionId: second.bevis, field: 'sig-anslagsbevis', credential: credential() });
    expect(r.signature.signerName).toBe('Lisa Lundgren');
  }, 60_000);
});
