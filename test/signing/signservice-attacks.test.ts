// The attack corpus (helpers/eid-attacks.ts) against checkSignResponse: every published attack on
// an XML-signed SignResponse is refused with its own failure and Swedish reason. Controls first:
// the tools that build the attacks make responses that are accepted when they change nothing, so a
// refusal below is the attack's, not a broken forgery's.
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { DOMParser } from '@xmldom/xmldom';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { signedAttributesForService } from '../../electron/services/signing/cms';
import { openLoopback, type LoopbackSession } from '../../electron/services/signing/signservice/loopback';
import { LOA } from '../../electron/services/signing/signservice/names';
import { buildSignRequest, type BuiltSignRequest, type SignServiceConfig } from '../../electron/services/signing/signservice/request';
import { checkSignResponse, SignServiceError } from '../../electron/services/signing/signservice/response';
import { verifyEnveloped } from '../../electron/services/signing/signservice/xmldsig';
import { ATTACKS, resign, setText, withLeaf, withSignedInfo, type AttackContext } from './helpers/eid-attacks';
import { issue, type Identity } from './helpers/pki';
import { startTestSignService, type TestSignService } from './helpers/signservice';
import { hasTool } from './helpers/tools';

const PNR = '194911172296';
const OTHER_PNR = '198112289874';
const REQUESTER = 'https://justera.testkommun.se/sign/sp';
const needsXmllint = !hasTool('xmllint') && process.env['CI'] !== 'true';

let ca: Identity;
let requester: Identity;
let service: TestSignService;
let config: SignServiceConfig;
let ctx: AttackContext;
let req: BuiltSignRequest;
let requestTime: Date;
let xml: string;

const digest = new Uint8Array(createHash('sha256').update('dokumentets byte ranges').digest());

function request(): BuiltSignRequest {
  return buildSignRequest({
    config,
    requesterKey: requester.privateKey,
    requesterCertificate: requester.certDer,
    personnummer: PNR,
    signMessage: 'Jag justerar protokollet från Socialnämndens sammanträde 2027-03-18, §§ 12–16',
    toBeSigned: signedAttributesForService(digest),
    returnUrl: 'http://127.0.0.1:45678/return/abc',
    now: new Date(),
  });
}

function check(response: string) {
  return checkSignResponse(response, {
    config,
    requestId: req.requestId,
    signTaskId: req.signTaskId,
    requestTime,
    now: new Date(),
    personnummer: PNR,
    contentDigest: digest,
    anchors: [ca.certDer],
  });
}

function refusal(response: string): SignServiceError {
  try {
    check(response);
  } catch (e) {
    if (e instanceof SignServiceError) return e;
    throw e;
  }
  throw new Error('svaret godtogs');
}

beforeAll(async () => {
  ca = await issue({ commonName: 'Test e-legitimation CA', isCa: true });
  requester = await issue({ commonName: 'Testkommunen Justera underskrifter' });
  // The service's signing certificate comes from the same trusted CA, as when a municipality
  // trusts the service provider's CA: the certificate chains, so only its use decides.
  const serviceKey = await issue({ commonName: 'Test Signservice', organization: 'Testtjänst' }, ca);
  service = await startTestSignService({ requesters: { [REQUESTER]: requester.certDer }, person: { personnummer: PNR, givenName: 'Sara', surname: 'Lundberg' }, ca, serviceKey });
  config = {
    signServiceEntityId: service.entityId,
    signServiceUrl: service.url,
    serviceCertificate: service.certificate,
    identityProvider: service.identityProvider,
    requesterEntityId: REQUESTER,
    loa: LOA.loa3,
  };
  ctx = {
    serviceKey,
    ca,
    otherCa: await issue({ commonName: 'Annan CA', isCa: true, organization: 'Annan' }),
    stranger: await issue({ commonName: 'Främmande nyckel', organization: 'Annan' }),
    personnummer: PNR,
    signerName: { givenName: 'Sara', surname: 'Lundberg' },
    otherPersonnummer: OTHER_PNR,
    otherResponse: () => service.answer(request().xml),
  };
  requestTime = new Date();
  req = request();
  xml = await service.answer(req.xml);
}, 60_000);

afterAll(async () => {
  await service?.close();
});

describe.skipIf(needsXmllint)('controls: the attack tools make valid responses when they change nothing', () => {
  it('the service’s own response is accepted', () => {
    expect(check(xml).serialNumber).toBe(PNR);
  });

  it('signed again by the service, SignedInfo re-signed unchanged, a new certificate from the trusted CA: all accepted', async () => {
    expect(check(resign(xml, ctx.serviceKey)).serialNumber).toBe(PNR);
    expect(check(withSignedInfo(xml, ctx.serviceKey, (si) => si)).serialNumber).toBe(PNR);
    const reissued = await withLeaf(xml, ctx);
    expect(check(reissued).chain[0]).not.toEqual(check(xml).chain[0]);
    expect(check(setText(resign(xml, ctx.serviceKey), 'csig:ResponseTime', getResponseTime(xml))).serialNumber).toBe(PNR);
  });

  it('a comment leaves the XML signature valid (comments are not signed), which is why a comment is refused', () => {
    const commented = xml.replace(`<saml:AttributeValue>${PNR}`, `<saml:AttributeValue>${PNR.slice(0, 8)}<!---->${PNR.slice(8)}`);
    expect(commented).not.toBe(xml);
    const doc = new DOMParser().parseFromString(commented, 'text/xml');
    expect(verifyEnveloped(commented, doc, 'OptionalOutputs', service.certificate, new Date())).toBeUndefined();
  });
});

function getResponseTime(x: string): string {
  return /<csig:ResponseTime>([^<]*)</.exec(x)?.[1] ?? '';
}

describe.skipIf(needsXmllint)('attack corpus: each is refused with its reason', () => {
  it.each(ATTACKS.map((a) => [a.id, a] as const))('%s', async (_id, attack) => {
    const tampered = await attack.tamper(xml, ctx);
    expect(tampered).not.toBe(xml);
    const e = refusal(tampered);
    expect({ failure: e.failure, message: e.message }).toEqual({ failure: attack.failure, message: expect.stringMatching(attack.message) as unknown });
  });

  it('a DOCTYPE in UTF-16 (as the loopback would read it as UTF-8) is refused too', () => {
    const doctype = xml.replace(/<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY e "x">]>');
    const asRead = Buffer.from(`\ufeff${doctype}`, 'utf16le').toString('utf8');
    expect(refusal(asRead).failure).toBe('malformed');
  });
});

interface RawAnswer {
  status: number;
  body: string;
}

/** One HTTP request (own connection) with full control of method, Host and body; rejects when no connection is made or it is cut. */
function raw(url: string, o: { method?: string; body?: string | Buffer; headers?: Record<string, string>; address?: string } = {}): Promise<RawAnswer> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const r = httpRequest(
      { agent: false, host: o.address ?? u.hostname, port: u.port, path: `${u.pathname}${u.search}`, method: o.method ?? 'GET', headers: { host: u.host, ...o.headers } },
      (res) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }));
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(o.body);
  });
}

const form = (fields: Record<string, string>): { body: string; headers: Record<string, string> } => ({
  body: new URLSearchParams(fields).toString(),
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

describe.skipIf(needsXmllint)('the loopback takes only the expected POST, once, on 127.0.0.1', () => {
  let session: LoopbackSession;
  let built: BuiltSignRequest;
  let exchange: Promise<string>;
  let response: string;
  let good: Record<string, string>;

  beforeAll(async () => {
    session = await openLoopback(service.url, () => {});
    built = request();
    exchange = session.exchange(built);
    exchange.catch(() => {});
    response = await service.answer(built.xml);
    good = { Binding: 'POST/XML/1.0', RelayState: built.requestId, EidSignResponse: Buffer.from(response, 'utf8').toString('base64') };
  });
  afterAll(() => session?.close());

  it('the return URL is http://127.0.0.1:<port>/return/<192-bit state>', () => {
    expect(session.returnUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/return\/[0-9a-f]{48}$/);
  });

  it('binds 127.0.0.1 only: 127.0.0.2 and ::1 on the same port get no connection', async () => {
    const port = new URL(session.returnUrl).port;
    await expect(raw(`http://127.0.0.2:${port}/`)).rejects.toThrow(/ECONNREFUSED/);
    await expect(raw(`http://[::1]:${port}/`, { address: '::1' })).rejects.toThrow(/ECONNREFUSED|EADDRNOTAVAIL|ENETUNREACH|EAFNOSUPPORT/);
  });

  it('refuses a GET with the response as query parameters, other paths, another state, and POST to the start page', async () => {
    const base = new URL(session.returnUrl);
    const query = new URLSearchParams(good).toString();
    expect((await raw(`${session.returnUrl}?${query}`)).status).toBe(404);
    expect((await raw(`${base.origin}/return/${'0'.repeat(48)}`, { method: 'POST', ...form(good) })).status).toBe(404);
    expect((await raw(`${session.returnUrl}/x`, { method: 'POST', ...form(good) })).status).toBe(404);
    expect((await raw(`${base.origin}/`, { method: 'POST', ...form(good) })).status).toBe(404);
    expect((await raw(session.startUrl, { method: 'POST', ...form(good) })).status).toBe(404);
  });

  it('refuses another Host (DNS rebinding), another Binding, a missing or other RelayState', async () => {
    const rebinding = await raw(session.returnUrl, { method: 'POST', body: form(good).body, headers: { ...form(good).headers, host: `angripare.example:${new URL(session.returnUrl).port}` } });
    expect(rebinding.status).toBe(403);
    expect((await raw(session.startUrl, { headers: { host: 'angripare.example' } })).status).toBe(403);
    expect((await raw(session.returnUrl, { method: 'POST', ...form({ ...good, Binding: 'POST/XML/2.0' }) })).status).toBe(400);
    expect((await raw(session.returnUrl, { method: 'POST', ...form({ Binding: good.Binding ?? '', EidSignResponse: good.EidSignResponse ?? '' }) })).status).toBe(400);
    expect((await raw(session.returnUrl, { method: 'POST', ...form({ ...good, RelayState: '_annan' }) })).status).toBe(400);
  });

  it('refuses a body over 2 MB (413 or the connection cut)', async () => {
    const big = form({ ...good, fyll: 'x'.repeat(3 * 1024 * 1024) });
    const answer = await raw(session.returnUrl, { method: 'POST', ...big }).catch((e: unknown) => ({ status: 0, body: String(e) }));
    if (answer.status !== 0) expect(answer.status).toBe(413);
    else expect(answer.body).toMatch(/ECONNRESET|EPIPE|socket hang up/);
  });

  it('none of that used up the one-time state: the real response (even posted from another origin) is taken, then nothing more', async () => {
    const taken = await raw(session.returnUrl, { method: 'POST', body: form(good).body, headers: { ...form(good).headers, origin: 'https://angripare.example' } });
    expect(taken.status).toBe(200);
    expect(await exchange).toBe(response);
    // The server closed: a second response, a replay, the start page — no connection at all.
    await expect(raw(session.returnUrl, { method: 'POST', ...form(good) })).rejects.toThrow(/ECONNREFUSED/);
    await expect(raw(session.startUrl)).rejects.toThrow(/ECONNREFUSED/);
  });
});
