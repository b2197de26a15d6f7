// The e-ID attack corpus (test/signing/helpers/eid-attacks.ts) through the app: the chair starts
// "Skriv under med e-legitimation" on the frozen reference protocol, the test signing service
// answers, and the answer is turned into each attack on its way back through the browser. Every
// attack is refused with its reason (details.reason, Swedish message) and leaves the DB rows, the
// current file, the audit log and the data folder exactly as they were. Then the loopback itself
// is attacked while a signature waits, and a genuine signature still goes through at the end.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createClient, type ApiClient } from '../../core/api/client';
import { createBackend, type Backend } from '../../electron/backend';
import { counterIds, rejection } from '../helpers/backend';
import { ATTACKS, resign, type AttackContext } from '../signing/helpers/eid-attacks';
import { serviceAnswer } from '../signing/helpers/eid-browser';
import { issue, trustCa } from '../signing/helpers/pki';
import { eidOutcome, needsEidTools, startEidService, type EidService } from '../signing/helpers/eid-setup';

const CHAIR_PNR = '194911172296';
const OTHER_PNR = '198112289874';

let dir: string;
let backend: Backend;
let api: ApiClient;
let eid: EidService;
let meetingId: string;
let versionId: string;
let ctx: AttackContext;

function snapshot() {
  const sql = backend.db.$client;
  const n = (table: string) => (sql.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    signatures: n('signatures'),
    versions: n('document_versions'),
    audit: n('audit_log'),
    group: sql.prepare('SELECT status, adjusted_at FROM adjustment_groups WHERE meeting_id = ? AND position = 0').get(meetingId),
    files: readdirSync(dir).sort(),
  };
}

async function currentSha(): Promise<string> {
  return (await api.call('justering.currentPdf', { versionId })).sha256;
}

const outcome = (pendingId: string) => eidOutcome(api, pendingId);

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const unb64 = (s: string | null) => Buffer.from(s ?? '', 'base64').toString('utf8');

/** Starts the chair's e-ID signature and brings back the service's answer, not yet posted. */
async function startAndAnswer() {
  const started = await api.call('justering.signEid', { versionId, field: 'sig-ordforande' });
  const back = await serviceAnswer(started.url);
  return { started, back, xml: unb64(back.fields.get('EidSignResponse')) };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'justera-eid-attacks-'));
  backend = createBackend({ databasePath: join(dir, 'justera.db'), clock: { now: () => new Date() }, ids: counterIds(), actor: 'sekreterare' });
  api = createClient((m, i) => backend.dispatch(m, i));
  meetingId = (await api.call('demo.load', {})).meetingId;
  const ca = await issue({ commonName: 'Test e-legitimation CA', isCa: true });
  // The service's signing certificate is issued by the same trusted CA: it chains, so only how it
  // is used decides (the "service certificate as CA" attack).
  const serviceKey = await issue({ commonName: 'Test Signservice', organization: 'Testtjänst' }, ca);
  eid = await startEidService({ person: { personnummer: CHAIR_PNR, givenName: 'Anders', surname: 'Lundkvist' }, ca, serviceKey });
  await api.call('settings.signServices.save', eid.setting);
  await trustCa(api, ca);
  const frozen = await api.call('justering.freeze', { meetingId, groupIndex: 0 });
  versionId = frozen.version.id;
  const chairId = frozen.version.signers.find((s) => s.field === 'sig-ordforande')?.personId ?? '';
  await api.call('people.identifiers.add', { personId: chairId, kind: 'personnummer', value: CHAIR_PNR });
  // A genuine answer to an earlier request of this app, which the chair then cancelled: the
  // replay source.
  const earlier = await startAndAnswer();
  await api.call('eid.cancel', { pendingId: earlier.started.pendingId });
  await rejection(outcome(earlier.started.pendingId));
  ctx = {
    serviceKey,
    ca,
    otherCa: await issue({ commonName: 'Annan CA', isCa: true, organization: 'Annan' }),
    stranger: await issue({ commonName: 'Främmande nyckel', organization: 'Annan' }),
    personnummer: CHAIR_PNR,
    signerName: { givenName: 'Anders', surname: 'Lundkvist' },
    otherPersonnummer: OTHER_PNR,
    otherResponse: () => Promise.resolve(earlier.xml),
  };
}, 120_000);

afterAll(async () => {
  await eid?.close();
  backend?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(needsEidTools)('e-ID attacks through the app: refused, nothing stored', () => {
  it.each(ATTACKS.map((a) => [a.id, a] as const))(
    '%s',
    async (_id, attack) => {
      const before = snapshot();
      const sha = await currentSha();
      const { started, back, xml } = await startAndAnswer();
      back.fields.set('EidSignResponse', b64(await attack.tamper(xml, ctx)));
      const posted = await fetch(back.action, { method: 'POST', body: back.fields });
      expect(posted.status).toBe(200);
      const e: ApiError = await rejection(outcome(started.pendingId));
      expect({ code: e.code, reason: e.details?.['reason'], message: e.message }).toEqual({
        code: 'signature',
        reason: `eid_${attack.failure}`,
        message: expect.stringMatching(attack.message) as unknown,
      });
      expect(snapshot()).toEqual(before);
      expect(await currentSha()).toBe(sha);
    },
    60_000,
  );

  it('a forged response posted to the loopback from another origin (state and RelayState leaked): taken once, refused, nothing stored', async () => {
    const before = snapshot();
    const { started, back, xml } = await startAndAnswer();
    back.fields.set('EidSignResponse', b64(resign(xml.replace(`<saml:AttributeValue>${CHAIR_PNR}`, `<saml:AttributeValue>${OTHER_PNR}`), ctx.stranger)));
    const posted = await fetch(back.action, { method: 'POST', body: back.fields, headers: { origin: 'https://angripare.example' } });
    expect(posted.status).toBe(200);
    const e = await rejection(outcome(started.pendingId));
    expect(e.details?.['reason']).toBe('eid_bad_signature');
    // The genuine answer comes too late: the loopback is closed.
    back.fields.set('EidSignResponse', b64(xml));
    await expect(fetch(back.action, { method: 'POST', body: back.fields })).rejects.toThrow();
    expect(snapshot()).toEqual(before);
  }, 60_000);

  it('junk at the loopback while the signature waits (GET with parameters, other path, other RelayState, other Binding) is refused and uses up nothing; the genuine answer then signs', async () => {
    const before = snapshot();
    const { started, back, xml } = await startAndAnswer();
    const returnUrl = back.action;
    const fields = (change: Record<string, string>) => {
      const f = new URLSearchParams(back.fields);
      for (const [k, v] of Object.entries(change)) f.set(k, v);
      return f;
    };
    expect((await fetch(`${returnUrl}?${back.fields.toString()}`)).status).toBe(404);
    expect((await fetch(`${returnUrl}x`, { method: 'POST', body: back.fields })).status).toBe(404);
    expect((await fetch(returnUrl, { method: 'POST', body: fields({ RelayState: '_annan' }) })).status).toBe(400);
    expect((await fetch(returnUrl, { method: 'POST', body: fields({ Binding: 'POST/XML/2.0' }) })).status).toBe(400);
    expect((await api.call('eid.status', { pendingId: started.pendingId })).state).toBe('waiting');
    expect(snapshot()).toEqual(before);
    // The genuine answer is still taken: the chair's signature is recorded.
    back.fields.set('EidSignResponse', b64(xml));
    expect((await fetch(returnUrl, { method: 'POST', body: back.fields })).status).toBe(200);
    const done = await outcome(started.pendingId);
    if (done.kind !== 'protocol') throw new Error(done.kind);
    expect(done.result.signature.field).toBe('sig-ordforande');
    expect(snapshot().signatures).toBe(before.signatures + 1);
    // And a replay of that very answer afterwards reaches nothing.
    await expect(fetch(returnUrl, { method: 'POST', body: back.fields })).rejects.toThrow();
  }, 60_000);
});
