// A local signing service written to the Sweden Connect DSS profile and csig extension, for tests
// only: validates each SignRequest against the XSDs (xmllint, local catalog) and the profile's rules,
// "authenticates" a configured test person on an HTML page, issues a certificate from a test CA
// with the personnummer in subject serialNumber (certificate profile 2.3.1.1), signs the hash and
// returns a signed, schema-valid SignResponse by an auto-submitting form to the return URL.
// It can misbehave on request, so that the app's refusals can be tested.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes, sign as cryptoSign, X509Certificate } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOMParser } from '@xmldom/xmldom';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { SignedXml } from 'xml-crypto';
import { issue, type Identity } from './pki';

export const SCHEMA_DIR = fileURLToPath(new URL('../../fixtures/signservice', import.meta.url));

const DSS = 'urn:oasis:names:tc:dss:1.0:core:schema';
const CSIG = 'http://id.elegnamnden.se/csig/1.1/dss-ext/ns';
const SAML = 'urn:oasis:names:tc:SAML:2.0:assertion';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const PROFILE = 'http://id.elegnamnden.se/csig/1.1/dss-ext/profile';
const PNR = 'urn:oid:1.2.752.29.4.13';

export type Misbehaviour = 'none' | 'wrong-request-id' | 'expired' | 'other-signer' | 'bad-signature' | 'other-ca' | 'user-cancel' | 'refused' | 'wrong-digest' | 'extra-attribute';

export interface TestPerson {
  personnummer: string;
  givenName: string;
  surname: string;
}

/** Validates XML against the DSS + csig schemas with xmllint; returns the problems (empty when valid). */
export function schemaProblems(xml: string): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'justera-dss-'));
  const file = join(dir, 'msg.xml');
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--nonet', '--noout', '--schema', join(SCHEMA_DIR, 'signservice.xsd'), file], {
      env: { ...process.env, XML_CATALOG_FILES: join(SCHEMA_DIR, 'catalog.xml') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return [];
  } catch (e) {
    const out = String((e as { stderr?: Buffer }).stderr ?? e);
    return out.split('\n').filter((l) => /validity error|fails to validate|parser error/.test(l));
  }
}

function certPem(der: Uint8Array): string {
  return new X509Certificate(der).toString();
}

function el(parent: Element, ns: string, local: string): Element | undefined {
  for (let n = parent.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === local) return n as Element;
  }
  return undefined;
}

function txt(e: Element | undefined): string {
  return (e?.textContent ?? '').trim();
}

export interface ParsedRequest {
  requestId: string;
  audience: string;
  signerPnr: string;
  loa: string;
  signMessage: string;
  signTaskId: string;
  toBeSigned: Uint8Array;
}

export interface TestSignServiceOptions {
  entityId?: string;
  identityProvider?: string;
  /** Requesters the service knows: entityID → certificate that signs their requests. */
  requesters: Record<string, Uint8Array>;
  person: TestPerson;
  ca: Identity;
  /** The key and certificate the service signs its responses with (default: a self-signed one of its own). */
  serviceKey?: Identity;
}

export interface ResponseSignatureOptions {
  signatureAlgorithm?: string;
  digestAlgorithm?: string;
  canonicalizationAlgorithm?: string;
  transforms?: string[];
  /** Reference the signed element by its ID attribute (URI="#…") instead of URI="". */
  referenceById?: boolean;
  /** The element the reference covers (default the root). */
  xpath?: string;
}

/**
 * Signs a SignResponse the way the service does (enveloped, URI="", appended to OptionalOutputs);
 * the algorithms can be changed so that tests can offer weak or unusual ones.
 */
export function signResponseXml(xml: string, key: Identity, o: ResponseSignatureOptions = {}): string {
  const s = new SignedXml({
    privateKey: key.privateKey.export({ type: 'pkcs8', format: 'pem' }),
    publicCert: certPem(key.certDer),
    signatureAlgorithm: o.signatureAlgorithm ?? 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: o.canonicalizationAlgorithm ?? 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  s.addReference({
    xpath: o.xpath ?? '/*',
    transforms: o.transforms ?? ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
    digestAlgorithm: o.digestAlgorithm ?? 'http://www.w3.org/2001/04/xmlenc#sha256',
    ...(o.referenceById ? {} : { uri: '', isEmptyUri: true }),
  });
  s.computeSignature(xml, { prefix: 'ds', location: { reference: `/*/*[local-name()='OptionalOutputs']`, action: 'append' } });
  return s.getSignedXml();
}

export interface TestSignService {
  entityId: string;
  identityProvider: string;
  /** POST endpoint (the DSS HTTP POST binding). */
  url: string;
  certificate: Uint8Array;
  /** The service's signing key (tests re-sign tampered responses with it). */
  key: Identity;
  ca: Identity;
  /** Every request received (XML) and the problems found in refused ones. */
  received: string[];
  refused: string[][];
  misbehave(m: Misbehaviour): void;
  /** Validates a request and answers it directly (no browser), as the HTTP path does after the button. */
  answer(requestXml: string): Promise<string>;
  close(): Promise<void>;
}

/** ESS signing-certificate-v2 attribute value for `leafDer` (as a signing service adds it to the signed attributes). */
export function essSigningCertificateV2(leafDer: Uint8Array): asn1js.Sequence {
  const cert = pkijs.Certificate.fromBER(new Uint8Array(leafDer));
  const generalNames = new asn1js.Sequence({
    value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [cert.issuer.toSchema()] })],
  });
  const issuerSerial = new asn1js.Sequence({ value: [generalNames, new asn1js.Integer({ valueHex: cert.serialNumber.valueBlock.valueHexView })] });
  const id = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: createHash('sha256').update(leafDer).digest() }), issuerSerial] });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [id] })] });
}

/** DER SET OF with the elements sorted (X.690 11.6), as signed attributes are signed. */
export function derSorted(values: asn1js.AsnType[]): Uint8Array {
  const ders = values.map((v) => Buffer.from(v.toBER(false)));
  ders.sort(Buffer.compare);
  return new Uint8Array(new asn1js.Set({ value: ders.map((d) => asn1js.fromBER(new Uint8Array(d)).result) }).toBER(false));
}

export async function startTestSignService(options: TestSignServiceOptions): Promise<TestSignService> {
  const entityId = options.entityId ?? 'https://sign.test.justera.se/signservice';
  const identityProvider = options.identityProvider ?? 'https://idp.test.justera.se/bankid';
  const serviceKey = options.serviceKey ?? (await issue({ commonName: 'Test Signservice', organization: 'Testtjänst' }));
  const stranger = await issue({ commonName: 'Främmande nyckel', organization: 'Annan' });
  const otherCa = await issue({ commonName: 'Annan CA', isCa: true, organization: 'Annan' });
  let mode: Misbehaviour = 'none';
  const received: string[] = [];
  const refused: string[][] = [];
  const pending = new Map<string, ParsedRequest>();

  function validate(xml: string, now: Date): { ok: true; req: ParsedRequest } | { ok: false; problems: string[] } {
    const problems = schemaProblems(xml);
    if (problems.length > 0) return { ok: false, problems };
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const root = doc.documentElement as Element;
    const inputs = el(root, DSS, 'OptionalInputs');
    const ext = inputs && el(inputs, CSIG, 'SignRequestExtension');
    const sig = inputs && el(inputs, DS, 'Signature');
    if (!ext || !sig) return { ok: false, problems: ['SignRequestExtension och ds:Signature krävs i OptionalInputs'] };
    if (root.getAttribute('Profile') !== PROFILE) problems.push('fel Profile');
    const requestId = root.getAttribute('RequestID') ?? '';
    if (requestId.length < 20) problems.push('RequestID kortare än 20 byte');
    const requester = txt(el(ext, CSIG, 'SignRequester'));
    const requesterCert = options.requesters[requester];
    if (!requesterCert) problems.push(`okänd SignRequester ${requester}`);
    else {
      const refs = sig.getElementsByTagNameNS(DS, 'Reference');
      if (refs.length !== 1 || refs[0]?.getAttribute('URI') !== '') problems.push('signaturen täcker inte hela begäran');
      const v = new SignedXml({ publicCert: certPem(requesterCert), getCertFromKeyInfo: () => null });
      v.loadSignature(sig);
      let valid = false;
      try {
        valid = v.checkSignature(xml);
      } catch {
        valid = false;
      }
      if (!valid) problems.push('begärans signatur är ogiltig');
    }
    if (txt(el(ext, CSIG, 'SignService')) !== entityId) problems.push('SignService är inte den här tjänsten');
    if (txt(el(ext, CSIG, 'IdentityProvider')) !== identityProvider) problems.push('okänd IdentityProvider');
    const conditions = el(ext, SAML, 'Conditions');
    const nb = new Date(conditions?.getAttribute('NotBefore') ?? '');
    const noa = new Date(conditions?.getAttribute('NotOnOrAfter') ?? '');
    const requestTime = new Date(txt(el(ext, CSIG, 'RequestTime')));
    if (!(nb.getTime() <= now.getTime() && now.getTime() < noa.getTime())) problems.push('begäran är utanför sitt tidsfönster');
    if (Math.abs(now.getTime() - requestTime.getTime()) > 3 * 60_000) problems.push('RequestTime är äldre än 3 minuter');
    const ar = conditions && el(conditions, SAML, 'AudienceRestriction');
    const audience = txt(ar && el(ar, SAML, 'Audience'));
    if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(audience) && !/^https:\/\//.test(audience)) problems.push('Audience är ingen giltig retur-URL');
    const signer = el(ext, CSIG, 'Signer');
    const attrs = signer ? Array.from(signer.getElementsByTagNameNS(SAML, 'Attribute')).filter((a) => a.getAttribute('Name') === PNR) : [];
    const signerPnr = txt(attrs[0]?.getElementsByTagNameNS(SAML, 'AttributeValue')[0] as Element | undefined);
    if (!signerPnr) problems.push('Signer saknar personnummer');
    const crp = el(ext, CSIG, 'CertRequestProperties');
    const loa = txt(crp && el(crp, SAML, 'AuthnContextClassRef'));
    if (!/^http:\/\/id\.elegnamnden\.se\/loa\/1\.0\/loa[234]$/.test(loa)) problems.push(`LoA stöds inte: ${loa}`);
    const sm = el(ext, CSIG, 'SignMessage');
    if (sm?.getAttribute('MustShow') !== 'true') problems.push('SignMessage ska visas (MustShow)');
    const signMessage = Buffer.from(txt(sm && el(sm, CSIG, 'Message')), 'base64').toString('utf8');
    const other = el(el(root, DSS, 'InputDocuments') ?? root, DSS, 'Other');
    const tasks = other && el(other, CSIG, 'SignTasks');
    const task = tasks && el(tasks, CSIG, 'SignTaskData');
    if (!task || task.getAttribute('SigType') !== 'PDF') problems.push('SignTaskData med SigType PDF krävs');
    const toBeSigned = new Uint8Array(Buffer.from(txt(task && el(task, CSIG, 'ToBeSignedBytes')), 'base64'));
    const set = asn1js.fromBER(toBeSigned);
    if (!(set.result instanceof asn1js.Set) || set.offset !== toBeSigned.length) problems.push('ToBeSignedBytes är inga signerade attribut (DER SET)');
    if (problems.length > 0) return { ok: false, problems };
    return {
      ok: true,
      req: { requestId, audience, signerPnr, loa, signMessage, signTaskId: task?.getAttribute('SignTaskId') ?? '', toBeSigned },
    };
  }

  async function respond(req: ParsedRequest, now: Date): Promise<string> {
    const person = mode === 'other-signer' ? { personnummer: '198112289874', givenName: 'Olle', surname: 'Obehörig' } : options.person;
    const requestId = mode === 'wrong-request-id' ? `_${randomBytes(32).toString('hex')}` : req.requestId;
    const responseTime = mode === 'expired' ? new Date(now.getTime() - 60 * 60_000) : now;
    const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');
    let result = `<dss:Result><dss:ResultMajor>urn:oasis:names:tc:dss:1.0:resultmajor:Success</dss:ResultMajor></dss:Result>`;
    let signTask = '';
    let chainXml = '';
    if (mode === 'user-cancel' || mode === 'refused') {
      result =
        mode === 'user-cancel'
          ? `<dss:Result><dss:ResultMajor>urn:oasis:names:tc:dss:1.0:resultmajor:RequesterError</dss:ResultMajor><dss:ResultMinor>http://id.elegnamnden.se/sig-status/1.0/user-cancel</dss:ResultMinor><dss:ResultMessage xml:lang="sv">Användaren avbröt</dss:ResultMessage></dss:Result>`
          : `<dss:Result><dss:ResultMajor>urn:oasis:names:tc:dss:1.0:resultmajor:ResponderError</dss:ResultMajor><dss:ResultMessage xml:lang="sv">Tjänsten är stängd för underhåll</dss:ResultMessage></dss:Result>`;
    } else {
      const issuer = mode === 'other-ca' ? otherCa : options.ca;
      const leaf = await issue(
        {
          commonName: `${person.givenName} ${person.surname}`,
          organization: 'Testkommunen Justera',
          serialNumber: person.personnummer,
          givenName: person.givenName,
          surname: person.surname,
          notBefore: new Date(now.getTime() - 60_000),
          notAfter: new Date(now.getTime() + 365 * 24 * 3600_000),
        },
        issuer,
      );
      // The requester's attributes plus signing-certificate-v2 (AdESType BES), DER-sorted again.
      const inAttrs = (asn1js.fromBER(req.toBeSigned).result as asn1js.Set).valueBlock.value.map((v) => new pkijs.Attribute({ schema: v }));
      if (mode === 'wrong-digest') {
        const md = inAttrs.find((a) => a.type === '1.2.840.113549.1.9.4');
        if (md) md.values = [new asn1js.OctetString({ valueHex: createHash('sha256').update('ett annat dokument').digest() })];
      }
      inAttrs.push(new pkijs.Attribute({ type: '1.2.840.113549.1.9.16.2.47', values: [essSigningCertificateV2(leaf.certDer)] }));
      if (mode === 'extra-attribute') {
        inAttrs.push(new pkijs.Attribute({ type: '1.2.840.113549.1.9.5', values: [new asn1js.UTCTime({ valueDate: now })] }));
      }
      const signed = derSorted(inAttrs.map((a) => a.toSchema()));
      const signatureValue = cryptoSign('sha256', signed, leaf.privateKey);
      chainXml =
        `<csig:SignatureCertificateChain>` +
        [leaf.certDer, issuer.certDer].map((d) => `<csig:X509Certificate>${Buffer.from(d).toString('base64')}</csig:X509Certificate>`).join('') +
        `</csig:SignatureCertificateChain>`;
      signTask =
        `<dss:SignatureObject><dss:Other><csig:SignTasks>` +
        `<csig:SignTaskData SignTaskId="${req.signTaskId}" SigType="PDF" AdESType="BES">` +
        `<csig:ToBeSignedBytes>${Buffer.from(signed).toString('base64')}</csig:ToBeSignedBytes>` +
        `<csig:Base64Signature Type="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256">${signatureValue.toString('base64')}</csig:Base64Signature>` +
        `</csig:SignTaskData></csig:SignTasks></dss:Other></dss:SignatureObject>`;
    }
    const assertion =
      mode === 'user-cancel' || mode === 'refused'
        ? ''
        : `<csig:SignerAssertionInfo><csig:ContextInfo>` +
          `<csig:IdentityProvider Format="urn:oasis:names:tc:SAML:2.0:nameid-format:entity">${identityProvider}</csig:IdentityProvider>` +
          `<csig:AuthenticationInstant>${iso(now)}</csig:AuthenticationInstant>` +
          `<saml:AuthnContextClassRef>${req.loa}</saml:AuthnContextClassRef>` +
          `<csig:AssertionRef>_${randomBytes(16).toString('hex')}</csig:AssertionRef>` +
          `</csig:ContextInfo><saml:AttributeStatement>` +
          `<saml:Attribute Name="${PNR}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"><saml:AttributeValue>${person.personnummer}</saml:AttributeValue></saml:Attribute>` +
          `<saml:Attribute Name="urn:oid:2.5.4.42" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"><saml:AttributeValue>${person.givenName}</saml:AttributeValue></saml:Attribute>` +
          `<saml:Attribute Name="urn:oid:2.5.4.4" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri"><saml:AttributeValue>${person.surname}</saml:AttributeValue></saml:Attribute>` +
          `</saml:AttributeStatement></csig:SignerAssertionInfo>`;
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?>` +
      `<dss:SignResponse xmlns:dss="${DSS}" xmlns:csig="${CSIG}" xmlns:saml="${SAML}" Profile="${PROFILE}" RequestID="${requestId}">` +
      result +
      `<dss:OptionalOutputs><csig:SignResponseExtension Version="1.5">` +
      `<csig:ResponseTime>${iso(responseTime)}</csig:ResponseTime>` +
      assertion +
      chainXml +
      `</csig:SignResponseExtension></dss:OptionalOutputs>` +
      signTask +
      `</dss:SignResponse>`;
    const out = signResponseXml(xml, mode === 'bad-signature' ? stranger : serviceKey);
    const problems = schemaProblems(out);
    if (problems.length > 0) throw new Error(`testtjänsten skapade ett ogiltigt svar: ${problems.join('; ')}`);
    return out;
  }

  async function answer(requestXml: string): Promise<string> {
    received.push(requestXml);
    const v = validate(requestXml, new Date());
    if (!v.ok) {
      refused.push(v.problems);
      throw new Error(`begäran avvisad: ${v.problems.join('; ')}`);
    }
    return respond(v.req, new Date());
  }

  const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const html = (title: string, body: string, onload = ''): string =>
    `<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body${onload}><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
  const readForm = (req: IncomingMessage): Promise<URLSearchParams> =>
    new Promise((ok, bad) => {
      const parts: Buffer[] = [];
      req.on('data', (c: Buffer) => parts.push(c));
      req.on('end', () => ok(new URLSearchParams(Buffer.concat(parts).toString('utf8'))));
      req.on('error', bad);
    });

  const server: Server = createServer((req, res) => {
    void (async () => {
      const send = (status: number, body: string): void => {
        res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
        res.end(body);
      };
      try {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        if (req.method === 'POST' && url.pathname === '/sign') {
          const form = await readForm(req);
          const xml = Buffer.from(form.get('EidSignRequest') ?? '', 'base64').toString('utf8');
          received.push(xml);
          const v = validate(xml, new Date());
          if (!v.ok || form.get('Binding') !== 'POST/XML/1.0' || form.get('RelayState') !== v.req.requestId) {
            const problems = v.ok ? ['Binding/RelayState fel'] : v.problems;
            refused.push(problems);
            send(400, html('Begäran avvisad', `<ul>${problems.map((p) => `<li>${esc(p)}</li>`).join('')}</ul>`));
            return;
          }
          const session = randomBytes(16).toString('hex');
          pending.set(session, v.req);
          send(
            200,
            html(
              'Testlegitimering',
              `<p>Underskrift begärd av en e-tjänst. Meddelande att skriva under:</p><blockquote>${esc(v.req.signMessage)}</blockquote>` +
                `<p>Testperson: ${esc(options.person.givenName)} ${esc(options.person.surname)}</p>` +
                `<form method="post" action="/authenticate"><input type="hidden" name="session" value="${session}">` +
                `<button type="submit" name="action" value="sign">Legitimera och skriv under</button> ` +
                `<button type="submit" name="action" value="cancel">Avbryt</button></form>`,
            ),
          );
          return;
        }
        if (req.method === 'POST' && url.pathname === '/authenticate') {
          const form = await readForm(req);
          const parsed = pending.get(form.get('session') ?? '');
          if (!parsed) {
            send(404, html('Okänd session', '<p>Sessionen finns inte.</p>'));
            return;
          }
          pending.delete(form.get('session') ?? '');
          const before = mode;
          if (form.get('action') === 'cancel') mode = 'user-cancel';
          const xml = await respond(parsed, new Date());
          mode = before;
          send(
            200,
            html(
              'Skickar svaret',
              `<form method="post" action="${esc(parsed.audience)}"><input type="hidden" name="Binding" value="POST/XML/1.0">` +
                `<input type="hidden" name="RelayState" value="${esc(parsed.requestId)}">` +
                `<input type="hidden" name="EidSignResponse" value="${Buffer.from(xml, 'utf8').toString('base64')}">` +
                `<noscript><button type="submit">Fortsätt</button></noscript></form>`,
              ' onload="document.forms[0].submit()"',
            ),
          );
          return;
        }
        send(404, html('Hittades inte', ''));
      } catch (e) {
        send(500, html('Fel i testtjänsten', `<p>${esc(String(e))}</p>`));
      }
    })();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    entityId,
    identityProvider,
    url: `http://127.0.0.1:${port}/sign`,
    certificate: serviceKey.certDer,
    key: serviceKey,
    ca: options.ca,
    received,
    refused,
    misbehave: (m) => {
      mode = m;
    },
    answer,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** The subject serialNumber of a DER certificate, for assertions. */
export function subjectOf(der: Uint8Array): string {
  return new X509Certificate(der).subject;
}
