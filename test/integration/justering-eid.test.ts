// "Skriv under med e-legitimation" end to end through the app API on the frozen reference protocol,
// with the test signing service (written to the Sweden Connect DSS profile) on 127.0.0.1: the chair
// signs with e-ID — the request the app sends is schema-valid (xmllint in the test service), the
// signed file verifies with our verifier and with pdfsig given the test CA — and every misbehaviour
// of the service, a cancel at the service and in the app, an unreachable service, a person without
// a personnummer and an app without a service are refused with nothing stored.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, createClient, type ApiClient } from '../../core/api/client';
import type { EidStarted } from '../../core/app/justering/eid';
import { createBackend, type Backend } from '../../electron/backend';
import { verifyPdf } from '../../electron/services/signing';
import { counterIds, rejection } from '../helpers/backend';
import { trustCa, type Identity } from '../signing/helpers/pki';
import { visitSignService } from '../signing/helpers/eid-browser';
import { closedPort, eidOutcome, eidRefusal, needsEidTools, startEidService, type EidService } from '../signing/helpers/eid-setup';
import type { Misbehaviour, TestSignService } from '../signing/helpers/signservice';
import { hasTool, nssDbTrusting, pdfsig } from '../signing/helpers/tools';

const CHAIR_PNR = '194911172296';

let dir: string;
let backend: Backend;
let api: ApiClient;
let eid: EidService;
let ca: Identity;
let service: TestSignService;
let meetingId: string;
let versionId: string;
let chairId: string;
let serviceSetting: { id: string };
let settingInput: EidService['setting'];

function sql(): Backend['db']['$client'] {
  return backend.db.$client;
}

/** Everything a refused signature must leave as it was: rows, the current file, the audit log, the data folder. */
function snapshot() {
  const n = (table: string) => (sql().prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    signatures: n('signatures'),
    versions: n('document_versions'),
    audit: n('audit_log'),
    group: sql().prepare('SELECT status, adjusted_at FROM adjustment_groups WHERE meeting_id = ? AND position = 0').get(meetingId),
    files: readdirSync(dir).sort(),
  };
}

async function currentSha(): Promise<string> {
  return (await api.call('justering.currentPdf', { versionId })).sha256;
}

const waitForOutcome = (pendingId: string) => eidOutcome(api, pendingId);
const refusal = (pendingId: string): Promise<ApiError> => eidRefusal(api, pendingId);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'justera-eid-'));
  // The service works in real time (its certificates, the response time): so does this back end.
  backend = createBackend({ databasePath: join(dir, 'justera.db'), clock: { now: () => new Date() }, ids: counterIds(), actor: 'sekreterare' });
  api = createClient((m, i) => backend.dispatch(m, i));
  meetingId = (await api.call('demo.load', {})).meetingId;
  eid = await startEidService({ person: { personnummer: CHAIR_PNR, givenName: 'Anders', surname: 'Lundkvist' } });
  ({ ca, service, setting: settingInput } = eid);
  await trustCa(api, ca);
  const frozen = await api.call('justering.freeze', { meetingId, groupIndex: 0 });
  versionId = frozen.version.id;
  chairId = frozen.version.signers.find((s) => s.field === 'sig-ordforande')?.personId ?? '';
}, 60_000);

afterAll(async () => {
  await eid?.close();
  backend?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(needsEidTools)('justering.signEid', () => {
  it('without a configured signing service: refused, pointing to Inställningar; nothing stored', async () => {
    const before = snapshot();
    const e = await rejection(api.call('justering.signEid', { versionId, field: 'sig-ordforande' }));
    expect(e.details?.['reason']).toBe('eid_no_service');
    expect(e.message).toMatch(/Inställningar → Underskriftstjänster/);
    expect(snapshot()).toEqual(before);
  });

  it('a chair without a personnummer: refused with where to add it; nothing sent, nothing stored', async () => {
    serviceSetting = await api.call('settings.signServices.save', settingInput as never);
    const before = { ...snapshot(), audit: snapshot().audit };
    const received = service.received.length;
    const e = await rejection(api.call('justering.signEid', { versionId, field: 'sig-ordforande' }));
    expect(e.code).toBe('validation');
    expect(e.details?.['reason']).toBe('eid_no_personnummer');
    expect(e.message).toBe(
      'Anders Lundkvist har inget personnummer i Justera, så signeringstjänsten kan inte veta vem som ska skriva under som ordförande. Lägg till personnumret under Norrbottens e-nämnd → Ledamöter (e-legitimation) och försök igen, eller skriv under med certifikatfil, kort eller underskriftspaket.',
    );
    expect(service.received.length).toBe(received);
    expect(snapshot()).toEqual(before);
    await api.call('people.identifiers.add', { personId: chairId, kind: 'personnummer', value: '19491117-2296' });
  });

  it('the service unreachable (offline): says so and points to the signing package; nothing stored', async () => {
    const port = await closedPort();
    await api.call('settings.signServices.save', { ...settingInput, id: serviceSetting.id, signServiceUrl: `http://127.0.0.1:${port}/sign` } as never);
    const before = snapshot();
    const e = await rejection(api.call('justering.signEid', { versionId, field: 'sig-ordforande' }));
    expect(e.details?.['reason']).toBe('eid_unreachable');
    expect(e.message).toMatch(/^Signeringstjänsten kan inte nås — datorn verkar vara utan nätverk\. Använd underskriftspaket i stället/);
    expect(snapshot()).toEqual(before);
    await api.call('settings.signServices.save', { ...settingInput, id: serviceSetting.id } as never);
  });

  const misbehaviours: [Misbehaviour, string, RegExp][] = [
    ['wrong-request-id', 'eid_wrong_request', /annan begäran/],
    ['expired', 'eid_expired', /för gammalt/],
    ['other-signer', 'eid_other_signer', /annan person/],
    ['bad-signature', 'eid_bad_signature', /inte signerat av den inställda/],
    ['other-ca', 'eid_untrusted_certificate', /inte betrott/],
    ['refused', 'eid_refused', /avböjde/],
    ['wrong-digest', 'eid_bad_signed_attributes', /kontrollsumma/],
    ['extra-attribute', 'eid_bad_signed_attributes', /andra attribut/],
  ];
  it.each(misbehaviours)(
    'the service answers %s: refused (%s), nothing stored',
    async (m, reason, text) => {
      const before = snapshot();
      const sha = await currentSha();
      service.misbehave(m);
      try {
        const started = await api.call('justering.signEid', { versionId, field: 'sig-ordforande' });
        await visitSignService(started.url);
        const e = await refusal(started.pendingId);
        expect(e.code).toBe('signature');
        expect(e.details?.['reason']).toBe(reason);
        expect(e.message).toMatch(text);
        if (m === 'refused') expect(e.details?.['serviceMessage']).toMatch(/stängd för underhåll/);
      } finally {
        service.misbehave('none');
      }
      expect(snapshot()).toEqual(before);
      expect(await currentSha()).toBe(sha);
    },
    30_000,
  );

  it('cancelled in the e-ID step (the service answers user-cancel): refused as cancelled, nothing stored', async () => {
    const before = snapshot();
    const started = await api.call('justering.signEid', { versionId, field: 'sig-ordforande' });
    await visitSignService(started.url, 'cancel');
    const e = await refusal(started.pendingId);
    expect(e.details?.['reason']).toBe('eid_cancelled');
    expect(e.message).toMatch(/avbröts i e-legitimationen/);
    expect(snapshot()).toEqual(before);
  }, 30_000);

  it('cancelled in the app while waiting: the loopback closes, a late browser gets nowhere, nothing stored', async () => {
    const before = snapshot();
    const started = await api.call('justering.signEid', { versionId, field: 'sig-ordforande' });
    expect((await api.call('eid.status', { pendingId: started.pendingId })).state).toBe('waiting');
    // A second start for the same field while one is under way is refused.
    const busy = await rejection(api.call('justering.signEid', { versionId, field: 'sig-ordforande' }));
    expect(busy.details?.['reason']).toBe('eid_busy');
    expect(await api.call('eid.cancel', { pendingId: started.pendingId })).toEqual({ cancelled: true });
    const e = await refusal(started.pendingId);
    expect(e.details?.['reason']).toBe('eid_cancelled');
    await expect(visitSignService(started.url)).rejects.toThrow();
    // The pending signature is gone once its outcome was told.
    expect((await rejection(api.call('eid.status', { pendingId: started.pendingId }))).details?.['reason']).toBe('eid_unknown');
    expect(snapshot()).toEqual(before);
  }, 30_000);

  it('the chair signs with e-ID: schema-valid request for the right person and message; recorded; verifies with our verifier and pdfsig', async () => {
    const received = service.received.length;
    const refused = service.refused.length;
    const started: EidStarted = await api.call('justering.signEid', { versionId, field: 'sig-ordforande' });
    expect(started.opened).toBe(false);
    expect(started.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/start\/[0-9a-f]{48}$/);
    expect(started.signMessage).toBe('Jag justerar protokollet från Norrbottens e-nämnds sammanträde 2020-11-05, §§ 20-22');
    const visit = await visitSignService(started.url);
    expect(visit.authenticationPage).toContain(started.signMessage);
    expect(visit.returnStatus).toBe(200);
    const outcome = await waitForOutcome(started.pendingId);
    if (outcome.kind !== 'protocol') throw new Error(outcome.kind);
    expect(outcome.result.signature.field).toBe('sig-ordforande');
    expect(outcome.result.signature.signerName).toBe('Anders Lundkvist');
    expect(outcome.result.signature.identity).toBe('identifier');
    expect(outcome.result.validation.valid).toBe(true);
    // The request passed the service's xmllint validation against the DSS/csig/SAML schemas.
    expect(service.received.length).toBe(received + 1);
    expect(service.refused.length).toBe(refused);
    const request = new DOMParser().parseFromString(service.received.at(-1) ?? '', 'text/xml');
    const signer = request.getElementsByTagNameNS('http://id.elegnamnden.se/csig/1.1/dss-ext/ns', 'Signer')[0];
    expect(signer?.textContent).toBe(CHAIR_PNR);
    expect(request.getElementsByTagNameNS('urn:oasis:names:tc:SAML:2.0:assertion', 'AuthnContextClassRef')[0]?.textContent).toBe('http://id.elegnamnden.se/loa/1.0/loa3');
    const row = sql().prepare("SELECT certificate FROM signatures WHERE field = 'sig-ordforande'").get() as { certificate: string };
    expect(JSON.parse(row.certificate)).toMatchObject({ via: 'app', credential: 'eid', identity: 'identifier' });
    const status = await api.call('justering.status', { meetingId });
    const chair = status.groups[0]?.versions[0]?.signers.find((s) => s.field === 'sig-ordforande');
    expect(chair?.signature?.signerName).toBe('Anders Lundkvist');
    // Our verifier (the app's, and directly) and pdfsig given the test CA.
    const verified = await api.call('justering.verify', { versionId });
    expect(verified.valid, verified.problems.join('; ')).toBe(true);
    const pdf = new Uint8Array(Buffer.from((await api.call('justering.currentPdf', { versionId })).pdfBase64, 'base64'));
    const report = await verifyPdf(pdf, { trustAnchors: [ca.certDer] });
    expect(report.valid, report.problems.join('; ')).toBe(true);
    expect(report.signatures.find((s) => s.fieldName === 'sig-ordforande')?.certificate?.subjectSerialNumbers).toEqual([CHAIR_PNR]);
    if (hasTool('pdfsig') && hasTool('certutil')) {
      const out = mkdtempSync(join(tmpdir(), 'justera-eid-pdfsig-'));
      try {
        const file = join(out, 'signed.pdf');
        writeFileSync(file, pdf);
        const { signatures, output } = pdfsig(file, nssDbTrusting(out, ca.certDer));
        const sig = signatures.find((x) => x.fieldName === 'sig-ordforande');
        expect(sig?.validation, output).toBe('Signature is Valid.');
        expect(sig?.certificateValidation, output).toBe('Certificate is Trusted.');
        expect(sig?.commonName).toBe('Anders Lundkvist');
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    } else if (process.env['CI'] === 'true') {
      throw new Error('pdfsig och certutil krävs i CI');
    }
    // Signed once: the field cannot be signed again, with e-ID or otherwise.
    const again = await rejection(api.call('justering.signEid', { versionId, field: 'sig-ordforande' }));
    expect(again.code).toBe('conflict');
  }, 60_000);
});
