// The signing-service protocol (DSS profile + csig extension) against a local test service written
// to the spec: requests and responses are schema-valid, a good response is accepted, and every
// misbehaviour of the service is refused with a reason the user understands.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPdf, verifyPdf } from '../../electron/services/signing';
import { signedAttributesForService } from '../../electron/services/signing/cms';
import { identityMatches, personnummerOf } from '../../electron/services/signing/signservice/identity';
import { openLoopback } from '../../electron/services/signing/signservice/loopback';
import { LOA } from '../../electron/services/signing/signservice/names';
import { signServiceSigner } from '../../electron/services/signing/signservice/remote';
import { buildSignRequest, justeringSignMessage, type SignServiceConfig } from '../../electron/services/signing/signservice/request';
import { checkSignResponse, SignServiceError, type SignServiceFailure } from '../../electron/services/signing/signservice/response';
import { verifyEnveloped } from '../../electron/services/signing/signservice/xmldsig';
import { makeProtocolPdf } from './helpers/pdf';
import { issue, type Identity } from './helpers/pki';
import { schemaProblems, startTestSignService, type Misbehaviour, type TestSignService } from './helpers/signservice';
import { hasTool, nssDbTrusting, pdfsig } from './helpers/tools';

const PNR = '194911172296';
const REQUESTER = 'https://justera.testkommun.se/sign/sp';
const needsXmllint = !hasTool('xmllint') && process.env['CI'] !== 'true';

let dir: string;
let ca: Identity;
let requester: Identity;
let service: TestSignService;
let config: SignServiceConfig;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'justera-signservice-'));
  ca = await issue({ commonName: 'Test e-legitimation CA', isCa: true });
  requester = await issue({ commonName: 'Testkommunen Justera underskrifter' });
  service = await startTestSignService({
    requesters: { [REQUESTER]: requester.certDer },
    person: { personnummer: PNR, givenName: 'Sara', surname: 'Lundberg' },
    ca,
  });
  config = {
    signServiceEntityId: service.entityId,
    signServiceUrl: service.url,
    serviceCertificate: service.certificate,
    identityProvider: service.identityProvider,
    requesterEntityId: REQUESTER,
    loa: LOA.loa3,
  };
});
afterAll(async () => {
  await service.close();
  rmSync(dir, { recursive: true, force: true });
});

const digest = createHash('sha256').update('dokumentets byte ranges').digest();
const message = justeringSignMessage('Socialnämnden', '2027-03-18', '§§ 12–16');

function request(overrides: { personnummer?: string; returnUrl?: string } = {}) {
  return buildSignRequest({
    config,
    requesterKey: requester.privateKey,
    requesterCertificate: requester.certDer,
    personnummer: overrides.personnummer ?? PNR,
    signMessage: message,
    toBeSigned: signedAttributesForService(new Uint8Array(digest)),
    returnUrl: overrides.returnUrl ?? 'http://127.0.0.1:45678/return/abc',
    now: new Date(),
  });
}

function expectedFor(r: ReturnType<typeof request>, now = new Date()) {
  return {
    config,
    requestId: r.requestId,
    signTaskId: r.signTaskId,
    requestTime: now,
    now,
    personnummer: PNR,
    contentDigest: new Uint8Array(digest),
    anchors: [ca.certDer],
  };
}

async function answerWith(m: Misbehaviour, r = request()): Promise<string> {
  service.misbehave(m);
  try {
    return await service.answer(r.xml);
  } finally {
    service.misbehave('none');
  }
}

describe.skipIf(needsXmllint)('SignRequest', () => {
  it('is valid against the DSS and csig schemas (xmllint, local catalog)', () => {
    expect(schemaProblems(request().xml)).toEqual([]);
  });

  it('the schemas really bite: a request without Conditions is refused by xmllint', () => {
    const broken = request().xml.replace(/<saml:Conditions[\s\S]*?<\/saml:Conditions>/, '');
    expect(schemaProblems(broken).join('\n')).toMatch(/Conditions/);
  });

  it('carries the profile, requester, service, IdP, the expected signer, LoA, sign message and the task', () => {
    const r = request();
    const doc = new DOMParser().parseFromString(r.xml, 'text/xml');
    const root = doc.documentElement!;
    expect(root.getAttribute('Profile')).toBe('http://id.elegnamnden.se/csig/1.1/dss-ext/profile');
    expect(r.requestId.length).toBeGreaterThanOrEqual(20);
    const text = (ns: string, name: string) => Array.from(doc.getElementsByTagNameNS(ns, name)).map((e) => e.textContent);
    const csig = 'http://id.elegnamnden.se/csig/1.1/dss-ext/ns';
    const saml = 'urn:oasis:names:tc:SAML:2.0:assertion';
    expect(text(csig, 'SignRequester')).toEqual([REQUESTER]);
    expect(text(csig, 'SignService')).toEqual([service.entityId]);
    expect(text(csig, 'IdentityProvider')).toEqual([service.identityProvider]);
    expect(text(saml, 'AuthnContextClassRef')).toEqual([LOA.loa3]);
    expect(text(saml, 'AttributeValue')).toEqual([PNR]);
    expect(Buffer.from(text(csig, 'Message')[0]!, 'base64').toString('utf8')).toBe('Jag justerar protokollet från Socialnämndens sammanträde 2027-03-18, §§ 12–16');
    const task = doc.getElementsByTagNameNS(csig, 'SignTaskData')[0]!;
    expect(task.getAttribute('SigType')).toBe('PDF');
    expect(task.getAttribute('AdESType')).toBe('BES');
    expect(Buffer.from(text(csig, 'ToBeSignedBytes')[0]!, 'base64')).toEqual(Buffer.from(signedAttributesForService(new Uint8Array(digest))));
  });

  it('is signed over the whole request by the requester key; any change breaks it', () => {
    const r = request();
    const parse = (x: string) => new DOMParser().parseFromString(x, 'text/xml');
    expect(verifyEnveloped(r.xml, parse(r.xml), 'OptionalInputs', requester.certDer, new Date())).toBeUndefined();
    const other = r.xml.replace(PNR, '198112289874');
    expect(verifyEnveloped(other, parse(other), 'OptionalInputs', requester.certDer, new Date())).toMatch(/ogiltig/);
  });

  it('refuses a personnummer that is not twelve digits', () => {
    expect(() => request({ personnummer: '491117-2296' })).toThrow(/tolv siffror/);
  });

  it('the test service refuses a request signed by another key, and one for another service', async () => {
    const stranger = await issue({ commonName: 'Främling' });
    const r = buildSignRequest({
      config,
      requesterKey: stranger.privateKey,
      requesterCertificate: stranger.certDer,
      personnummer: PNR,
      signMessage: message,
      toBeSigned: signedAttributesForService(new Uint8Array(digest)),
      returnUrl: 'http://127.0.0.1:1/return/x',
      now: new Date(),
    });
    await expect(service.answer(r.xml)).rejects.toThrow(/signatur är ogiltig/);
    const wrongService = buildSignRequest({
      config: { ...config, signServiceEntityId: 'https://other.example/sign' },
      requesterKey: requester.privateKey,
      requesterCertificate: requester.certDer,
      personnummer: PNR,
      signMessage: message,
      toBeSigned: signedAttributesForService(new Uint8Array(digest)),
      returnUrl: 'http://127.0.0.1:1/return/x',
      now: new Date(),
    });
    await expect(service.answer(wrongService.xml)).rejects.toThrow(/SignService/);
  });
});

describe.skipIf(needsXmllint)('SignResponse', () => {
  it('a good response is schema-valid and accepted: chain, identity, signature over our digest', async () => {
    const r = request();
    const xml = await answerWith('none', r);
    expect(schemaProblems(xml)).toEqual([]);
    const checked = checkSignResponse(xml, expectedFor(r));
    expect(checked.serialNumber).toBe(PNR);
    expect(checked.signerName).toBe('Sara Lundberg');
    expect(checked.chain).toHaveLength(2);
  });

  const refusals: [Misbehaviour, SignServiceFailure, RegExp][] = [
    ['wrong-request-id', 'wrong_request', /annan begäran/],
    ['expired', 'expired', /för gammalt/],
    ['other-signer', 'other_signer', /annan person/],
    ['bad-signature', 'bad_signature', /inte signerat av den inställda/],
    ['other-ca', 'untrusted_certificate', /inte betrott/],
    ['user-cancel', 'cancelled', /avbröts/],
    ['refused', 'refused', /avböjde.*underhåll/],
    ['wrong-digest', 'bad_signed_attributes', /kontrollsumma/],
    ['extra-attribute', 'bad_signed_attributes', /andra attribut/],
  ];
  it.each(refusals)('refuses %s (%s) with a Swedish reason', async (m, failure, text) => {
    const r = request();
    const xml = await answerWith(m, r);
    expect(schemaProblems(xml)).toEqual([]);
    let caught: unknown;
    try {
      checkSignResponse(xml, expectedFor(r));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SignServiceError);
    expect((caught as SignServiceError).failure).toBe(failure);
    expect((caught as SignServiceError).message).toMatch(text);
  });

  it('refuses a response to another person even when the service is honest (we expected someone else)', async () => {
    const r = request({ personnummer: '198112289874' });
    const xml = await answerWith('none', r);
    expect(() => checkSignResponse(xml, { ...expectedFor(r), personnummer: '198112289874' })).toThrow(/annan person/);
  });

  it('refuses any edit after the service signed: RequestID, signer value, certificate, a second signature', async () => {
    const r = request();
    const xml = await answerWith('none', r);
    const edits = [
      xml.replace(/<csig:ResponseTime>[^<]*/, '<csig:ResponseTime>2099-01-01T00:00:00Z'),
      xml.replace(`<saml:AttributeValue>${PNR}`, '<saml:AttributeValue>198112289874'),
      xml.replace(/(<csig:X509Certificate>)([^<]{40})/, (_m, a: string, b: string) => a + b.split('').reverse().join('')),
      xml.replace('<dss:SignatureObject>', `<dss:SignatureObject>${/<ds:Signature[\s\S]*<\/ds:Signature>/.exec(xml)![0]}`),
    ];
    for (const edited of edits) {
      expect(() => checkSignResponse(edited, expectedFor(r))).toThrow(SignServiceError);
    }
  });

  it('refuses a DOCTYPE (no entities in a signed message)', async () => {
    const r = request();
    const xml = (await answerWith('none', r)).replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "x">]>');
    expect(() => checkSignResponse(xml, expectedFor(r))).toThrow(/DOCTYPE/);
  });
});

describe('identity', () => {
  it('matches a personnummer with or without the prefixes used in certificates', () => {
    for (const v of ['194911172296', 'SE194911172296', 'PNOSE-194911172296', '19491117-2296']) expect(identityMatches(PNR, v)).toBe(true);
    for (const v of ['194911172297', '4911172296', '', 'PNOSE-19491117229', 'XX194911172296']) expect(identityMatches(PNR, v)).toBe(false);
    expect(personnummerOf('abc')).toBeUndefined();
  });
});

describe.skipIf(needsXmllint)('end to end: a protocol signed through the test service', () => {
  async function signThroughBrowser(pdf: Uint8Array, m: Misbehaviour = 'none') {
    service.misbehave(m);
    // A scripted "browser": opens the start page, posts the form to the service, presses the
    // authentication button, and posts the auto-submitted response form back to the loopback.
    const browse = async (startUrl: string): Promise<void> => {
      const form = (html: string) => {
        const action = /<form method="post" action="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
        const fields = new URLSearchParams();
        for (const [, n, v] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields.set(n!, v!.replace(/&amp;/g, '&'));
        return { action, fields };
      };
      const start = form(await (await fetch(startUrl)).text());
      const auth = await (await fetch(start.action, { method: 'POST', body: start.fields })).text();
      expect(auth).toContain('Jag justerar protokollet');
      const a = form(auth);
      a.fields.set('action', 'sign');
      const back = form(await (await fetch(new URL(a.action, service.url), { method: 'POST', body: a.fields })).text());
      await fetch(back.action, { method: 'POST', body: back.fields });
    };
    const session = await openLoopback(service.url, (url) => {
      setImmediate(() => void browse(url));
    });
    try {
      return await signPdf(pdf, {
        fieldName: 'sig-ordforande',
        role: 'Ordförande',
        signerName: 'Sara Lundberg',
        signingTime: new Date(),
        signer: signServiceSigner({
          config,
          requesterKey: requester.privateKey,
          requesterCertificate: requester.certDer,
          personnummer: PNR,
          signMessage: message,
          returnUrl: session.returnUrl,
          anchors: [ca.certDer],
          now: () => new Date(),
          exchange: (req) => session.exchange(req),
        }),
      });
    } finally {
      session.close();
      service.misbehave('none');
    }
  }

  it('signs with the service-issued certificate; our verifier and pdfsig (given the test CA) accept it', async () => {
    const base = await makeProtocolPdf();
    const r = await signThroughBrowser(base);
    expect(r.certificate.subject).toContain(`serialNumber=${PNR}`);
    expect(Buffer.from(r.pdf.subarray(0, base.length)).equals(Buffer.from(base))).toBe(true);
    const report = await verifyPdf(r.pdf, { trustAnchors: [ca.certDer] });
    expect(report.valid, report.problems.join('; ')).toBe(true);
    expect(report.signatures[0]!.chainTrusted).toBe(true);
    expect(report.signatures[0]!.certificateName).toBe('Sara Lundberg');
    if (hasTool('pdfsig') && hasTool('certutil')) {
      const file = join(dir, 'e-id.pdf');
      writeFileSync(file, r.pdf);
      const { signatures, output } = pdfsig(file, nssDbTrusting(join(dir, 'nss'), ca.certDer));
      const chair = signatures.find((sig) => sig.fieldName === 'sig-ordforande');
      expect(chair?.validation, output).toBe('Signature is Valid.');
      expect(chair?.certificateValidation, output).toBe('Certificate is Trusted.');
      expect(chair?.commonName).toBe('Sara Lundberg');
    } else if (process.env['CI'] === 'true') {
      throw new Error('pdfsig och certutil krävs i CI');
    }
  });

  it.each<[Misbehaviour, RegExp]>([
    ['other-signer', /annan person/],
    ['other-ca', /inte betrott/],
    ['wrong-digest', /kontrollsumma/],
  ])('%s: signPdf refuses and returns no document', async (m, text) => {
    await expect(signThroughBrowser(await makeProtocolPdf(), m)).rejects.toThrow(text);
  });
});
