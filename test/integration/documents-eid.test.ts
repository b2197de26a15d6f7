// The clerk's documents signed with e-legitimation (documents.signEid, issue 18): the notice
// signatory of the reference meeting, Lisa Lundgren (an official of the board, personnummer added
// by the administrator), signs the tillkännagivande and the anslagsbevis through the test signing
// service on 127.0.0.1 — the request names her personnummer and a sign message about the document,
// the signed file verifies with our verifier and with pdfsig given the test CA. A misbehaving
// service (another person, a bad response signature, a wrong request id), a cancel, an
// unreachable service, a wrong field and a missing personnummer are refused with nothing stored.
//
// The clock: the clerk's other tests use a fixed test clock (2020-11-12), but the test signing
// service works in real time, as a real one does (it refuses a request whose RequestTime is not
// now; the app refuses a response that is not from now). So this back end reads the real time
// (anslagFixture realClock); the notice is posted today, which the clerk's rules allow.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../../core/api/client';
import type { EidStarted } from '../../core/app/justering/eid';
import { verifyPdf } from '../../electron/services/signing';
import { rejection } from '../helpers/backend';
import { visitSignService } from '../signing/helpers/eid-browser';
import { trustCa, type Identity } from '../signing/helpers/pki';
import { closedPort, eidOutcome, eidRefusal, needsEidTools, startEidService, type EidService } from '../signing/helpers/eid-setup';
import type { Misbehaviour, TestSignService } from '../signing/helpers/signservice';
import { hasTool, nssDbTrusting, pdfsig } from '../signing/helpers/tools';
import { anslagFixture, type AnslagFixture } from './anslag-fixture';

const LISA_PNR = '196804122346';
const CSIG = 'http://id.elegnamnden.se/csig/1.1/dss-ext/ns';

let f: AnslagFixture;
let ca: Identity;
let service: TestSignService;
let eid: EidService;
let settingInput: EidService['setting'];
let serviceId: string;
let lisaId: string;
let noticeId: string;
let bevisId: string;

/** Everything a refused signature must leave as it was: rows, the audit log, the data folder. */
function snapshot() {
  const n = (table: string) => (f.backend.db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { signatures: n('signatures'), versions: n('document_versions'), audit: n('audit_log'), files: readdirSync(f.dir).sort() };
}

async function current(versionId: string) {
  return f.api.call('documents.currentPdf', { versionId });
}

const waitForOutcome = (pendingId: string) => eidOutcome(f.api, pendingId);
const refusal = (pendingId: string): Promise<ApiError> => eidRefusal(f.api, pendingId);

beforeAll(async () => {
  f = await anslagFixture({ realClock: true });
  eid = await startEidService({ person: { personnummer: LISA_PNR, givenName: 'Lisa', surname: 'Lundgren' } });
  ({ ca, service, setting: settingInput } = eid);
  await trustCa(f.api, ca);
  serviceId = (await f.api.call('settings.signServices.save', settingInput as never)).id;
  const boardId = (await f.api.call('boards.list', {}))[0]?.id ?? '';
  lisaId = (await f.api.call('workspace.boards.get', { boardId })).officials.find((o) => o.name === 'Lisa Lundgren')?.personId ?? '';
  const posted = await f.api.call('anslag.post', { groupId: f.groupIds[1] as string });
  noticeId = posted.tillkannagivande.id;
  bevisId = posted.anslagsbevis.id;
}, 60_000);

afterAll(async () => {
  await eid?.close();
  f?.dispose();
});

describe.skipIf(needsEidTools)('documents.signEid: the clerk signs with e-legitimation', () => {
  it('the notice signatory without a personnummer: refused with where to add it; nothing sent, nothing stored', async () => {
    const before = snapshot();
    const received = service.received.length;
    const e = await rejection(f.api.call('documents.signEid', { versionId: noticeId, field: 'sig-anslag' }));
    expect(e.code).toBe('validation');
    expect(e.details?.['reason']).toBe('eid_no_personnummer');
    expect(e.message).toMatch(/^Lisa Lundgren har inget personnummer i Justera, så signeringstjänsten kan inte veta vem som ska skriva under som anslag\./);
    expect(service.received.length).toBe(received);
    expect(snapshot()).toEqual(before);
    await f.api.call('people.identifiers.add', { personId: lisaId, kind: 'personnummer', value: '19680412-2346' });
  });

  it('the wrong field for the document: refused before the service is asked', async () => {
    const received = service.received.length;
    const e = await rejection(f.api.call('documents.signEid', { versionId: noticeId, field: 'sig-anslagsbevis' }));
    expect(e.code).toBe('validation');
    expect(e.message).toBe('Tillkännagivandet skrivs under i fältet för bestyrkande av anslaget, inte för anslagsbevis.');
    expect(service.received.length).toBe(received);
  });

  it('the service unreachable: says so and points to certificate file or card (a document has no signing package); nothing stored', async () => {
    const port = await closedPort();
    await f.api.call('settings.signServices.save', { ...settingInput, id: serviceId, signServiceUrl: `http://127.0.0.1:${port}/sign` } as never);
    try {
      const before = snapshot();
      const e = await rejection(f.api.call('documents.signEid', { versionId: noticeId, field: 'sig-anslag' }));
      expect(e.details?.['reason']).toBe('eid_unreachable');
      expect(e.message).toBe('Signeringstjänsten kan inte nås — datorn verkar vara utan nätverk. Skriv under med certifikatfil eller kort i stället, eller försök igen när nätverket fungerar.');
      expect(snapshot()).toEqual(before);
    } finally {
      await f.api.call('settings.signServices.save', { ...settingInput, id: serviceId } as never);
    }
  });

  const misbehaviours: [Misbehaviour, string, RegExp][] = [
    ['other-signer', 'eid_other_signer', /annan person/],
    ['bad-signature', 'eid_bad_signature', /inte signerat av den inställda/],
    ['wrong-request-id', 'eid_wrong_request', /annan begäran/],
    ['other-ca', 'eid_untrusted_certificate', /inte betrott/],
  ];
  it.each(misbehaviours)(
    'the service answers %s: refused (%s), the document unchanged, nothing stored',
    async (m, reason, text) => {
      const before = snapshot();
      const sha = (await current(noticeId)).sha256;
      service.misbehave(m);
      try {
        const started = await f.api.call('documents.signEid', { versionId: noticeId, field: 'sig-anslag' });
        await visitSignService(started.url);
        const e = await refusal(started.pendingId);
        expect(e.code).toBe('signature');
        expect(e.details?.['reason']).toBe(reason);
        expect(e.message).toMatch(text);
      } finally {
        service.misbehave('none');
      }
      expect(snapshot()).toEqual(before);
      expect(await current(noticeId)).toMatchObject({ sha256: sha, signed: false });
    },
    30_000,
  );

  it('cancelled in the e-ID step: refused as cancelled, nothing stored', async () => {
    const before = snapshot();
    const started = await f.api.call('documents.signEid', { versionId: bevisId, field: 'sig-anslagsbevis' });
    await visitSignService(started.url, 'cancel');
    expect((await refusal(started.pendingId)).details?.['reason']).toBe('eid_cancelled');
    expect(snapshot()).toEqual(before);
  }, 30_000);

  it('Lisa Lundgren signs the tillkännagivande with e-ID: her personnummer and the document in the request; recorded; verifies with our verifier and pdfsig', async () => {
    const received = service.received.length;
    const refused = service.refused.length;
    const started: EidStarted = await f.api.call('documents.signEid', { versionId: noticeId, field: 'sig-anslag' });
    expect(started.signMessage).toBe('Jag skriver under tillkännagivandet om justering av protokollet från Norrbottens e-nämnds sammanträde 2020-11-05');
    const visit = await visitSignService(started.url);
    expect(visit.authenticationPage).toContain(started.signMessage);
    const outcome = await waitForOutcome(started.pendingId);
    if (outcome.kind !== 'document') throw new Error(outcome.kind);
    expect(outcome.result).toMatchObject({ versionId: noticeId, kind: 'notice', signature: { field: 'sig-anslag', signerName: 'Lisa Lundgren', identity: 'identifier' } });
    expect(outcome.result.validation.valid).toBe(true);
    // The request passed the service's schema validation and named Lisa's personnummer.
    expect(service.received.length).toBe(received + 1);
    expect(service.refused.length).toBe(refused);
    const request = new DOMParser().parseFromString(service.received.at(-1) ?? '', 'text/xml');
    expect(request.getElementsByTagNameNS(CSIG, 'Signer')[0]?.textContent).toBe(LISA_PNR);
    const row = f.backend.db.$client.prepare("SELECT certificate FROM signatures WHERE field = 'sig-anslag'").get() as { certificate: string };
    expect(JSON.parse(row.certificate)).toMatchObject({ via: 'app', credential: 'eid', identity: 'identifier' });
    const listed = (await f.api.call('documents.list', { meetingId: f.meetingId })).meetings[0]?.documents.find((d) => d.versionId === noticeId);
    expect(listed).toMatchObject({ signing: 'complete', nextSignature: null });
    // Our verifier (the app's, and directly with the test CA) and pdfsig given the test CA.
    const verified = await f.api.call('documents.verify', { versionId: noticeId });
    expect(verified.valid, verified.problems.join('; ')).toBe(true);
    const doc = await current(noticeId);
    expect(doc.signed).toBe(true);
    const pdf = new Uint8Array(Buffer.from(doc.pdfBase64, 'base64'));
    const report = await verifyPdf(pdf, { trustAnchors: [ca.certDer] });
    expect(report.valid, report.problems.join('; ')).toBe(true);
    expect(report.signatures.find((s) => s.fieldName === 'sig-anslag')?.certificate?.subjectSerialNumbers).toEqual([LISA_PNR]);
    if (hasTool('pdfsig') && hasTool('certutil')) {
      const out = mkdtempSync(join(tmpdir(), 'justera-docs-eid-pdfsig-'));
      try {
        const file = join(out, 'tillkannagivande.pdf');
        writeFileSync(file, pdf);
        const { signatures, output } = pdfsig(file, nssDbTrusting(out, ca.certDer));
        expect(
          signatures.map((s) => [s.fieldName, s.commonName, s.validation, s.certificateValidation, s.totalDocumentSigned]),
          output,
        ).toEqual([['sig-anslag', 'Lisa Lundgren', 'Signature is Valid.', 'Certificate is Trusted.', true]]);
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    } else if (process.env['CI'] === 'true') {
      throw new Error('pdfsig och certutil krävs i CI');
    }
    // Signed once: not again, with e-ID or otherwise.
    const again = await rejection(f.api.call('documents.signEid', { versionId: noticeId, field: 'sig-anslag' }));
    expect(again.code).toBe('conflict');
  }, 60_000);
});
