// The attack corpus against the e-ID signing path (issue 18). Each attack turns a valid, signed
// SignResponse of the test signing service into one published attack on XML-signed SAML/DSS
// messages or on the protocol, and names the refusal Justera must give (failure and Swedish text).
// The same list is run against checkSignResponse (test/signing/signservice-attacks.test.ts) and
// through the app with nothing stored (test/integration/eid-attacks.test.ts).
//
// Where the classes come from: XML Signature Wrapping — Somorovsky et al., "On Breaking SAML: Be
// Whoever You Want to Be" (USENIX Security 2012) and McIntosh/Austel (2005); comment truncation of
// identity values — Duo Labs, CVE-2017-11427 ff. (2018); transforms and algorithms — W3C "XML
// Signature Best Practices" (2013); XXE and entity expansion — OWASP. Where an attack needs a
// signature a third party could not make (a service signing with SHA-1, or over a part of the
// message), the service's own key signs it: the test is then that Justera's policy refuses it.
import { createHmac, sign as cryptoSign } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { ExclusiveCanonicalization } from 'xml-crypto';
import type { SignServiceFailure } from '../../../electron/services/signing/signservice/response';
import { issue, pem, type Identity, type IssueOptions } from './pki';
import { derSorted, essSigningCertificateV2, signResponseXml, type ResponseSignatureOptions } from './signservice';

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const DSS = 'urn:oasis:names:tc:dss:1.0:core:schema';
const SIGNING_CERTIFICATE_V2 = '1.2.840.113549.1.9.16.2.47';
const MESSAGE_DIGEST = '1.2.840.113549.1.9.4';
const SIG_RE = /<ds:Signature[\s>][\s\S]*?<\/ds:Signature>/;

export interface AttackContext {
  /** The configured service's signing key (issued by the trusted CA, so that it chains). */
  serviceKey: Identity;
  /** The trust anchor that issues the signers' certificates. */
  ca: Identity;
  /** A CA Justera does not trust, and a key that is not the service's. */
  otherCa: Identity;
  stranger: Identity;
  /** The expected signer, and someone else. */
  personnummer: string;
  signerName: { givenName: string; surname: string };
  otherPersonnummer: string;
  /** A valid response of the same service to another request (the replay source). */
  otherResponse: () => Promise<string>;
}

export interface Attack {
  id: string;
  /** The class, in Swedish, as the table in docs/justering.md names it. */
  klass: string;
  /** What is done, in Swedish (the table's second column). */
  what: string;
  tamper: (xml: string, ctx: AttackContext) => Promise<string> | string;
  failure: SignServiceFailure;
  message: RegExp;
}

// ---------------------------------------------------------------------------------------------
// Tools

export function signatureOf(xml: string): string {
  const m = SIG_RE.exec(xml);
  if (!m) throw new Error('svaret har ingen ds:Signature');
  return m[0];
}

export function withoutSignature(xml: string): string {
  return xml.replace(SIG_RE, '');
}

/** The service signs the (edited) response again, as a service under attack or a misbehaving one would. */
export function resign(xml: string, key: Identity, o: ResponseSignatureOptions = {}): string {
  return signResponseXml(withoutSignature(xml), key, o);
}

/** Replaces the inner text of the first `<prefix:local>` element. */
export function setText(xml: string, qname: string, value: string): string {
  const re = new RegExp(`(<${qname}(?:\\s[^>]*)?>)[^<]*(</${qname}>)`);
  if (!re.test(xml)) throw new Error(`${qname} saknas`);
  return xml.replace(re, (_m, open: string, close: string) => `${open}${value}${close}`);
}

export function getText(xml: string, qname: string): string {
  const m = new RegExp(`<${qname}(?:\\s[^>]*)?>([^<]*)</${qname}>`).exec(xml);
  if (!m) throw new Error(`${qname} saknas`);
  return m[1] ?? '';
}

/** The personnummer AttributeValue of the SignerAssertionInfo. */
function setAssertedPnr(xml: string, value: string): string {
  return xml.replace(/(Name="urn:oid:1\.2\.752\.29\.4\.13"[^>]*><saml:AttributeValue>)[^<]*/, (_m, open: string) => open + value);
}

/**
 * Edits SignedInfo and signs it again with `sign` (default RSA-SHA256 with `key`) over its
 * exclusive canonical form: a signature that is cryptographically valid over the edited SignedInfo.
 */
export function withSignedInfo(xml: string, key: Identity, edit: (signedInfo: string) => string, sign?: (canonical: Buffer) => Buffer): string {
  const sig = signatureOf(xml);
  const signedInfo = /<ds:SignedInfo>[\s\S]*<\/ds:SignedInfo>/.exec(sig)?.[0];
  if (!signedInfo) throw new Error('SignedInfo saknas');
  const edited = edit(signedInfo);
  const doc = new DOMParser().parseFromString(`<ds:Signature xmlns:ds="${DS}">${edited}</ds:Signature>`, 'text/xml');
  const node = doc.documentElement?.firstChild as Element;
  const canonical = Buffer.from(new ExclusiveCanonicalization().process(node, {}), 'utf8');
  const value = (sign ?? ((c) => cryptoSign('sha256', c, key.privateKey)))(canonical).toString('base64');
  const newSig = sig.replace(signedInfo, edited).replace(/<ds:SignatureValue>[^<]*<\/ds:SignatureValue>/, `<ds:SignatureValue>${value}</ds:SignatureValue>`);
  return xml.replace(sig, newSig);
}

function toBeSignedOf(xml: string): Uint8Array {
  return new Uint8Array(Buffer.from(getText(xml, 'csig:ToBeSignedBytes'), 'base64'));
}

function attributesOf(der: Uint8Array): pkijs.Attribute[] {
  return (asn1js.fromBER(der).result as asn1js.Set).valueBlock.value.map((v) => new pkijs.Attribute({ schema: v }));
}

interface LeafForgery {
  /** The signer certificate (default: issued by the trusted CA to the expected person). */
  leaf?: IssueOptions;
  issuer?: (ctx: AttackContext) => Identity;
  /** Use this identity as the leaf instead of issuing one. */
  leafIdentity?: (ctx: AttackContext) => Identity;
  /** The certificates after the leaf in SignatureCertificateChain (default: the issuer). */
  chainTail?: (ctx: AttackContext, issuer: Identity) => Uint8Array[];
  /** Changes the attributes before they are DER-sorted and signed. */
  attributes?: (attrs: pkijs.Attribute[], leaf: Identity, ctx: AttackContext) => Promise<pkijs.Attribute[]> | pkijs.Attribute[];
  /** Bytes the leaf key really signs (default: the attributes put in ToBeSignedBytes). */
  signedBytes?: (attrs: Uint8Array) => Uint8Array;
}

/**
 * The service issues a (different) signer certificate and signs the sign task with it, then signs
 * the response: everything valid except what the forgery changes.
 */
export async function withLeaf(xml: string, ctx: AttackContext, f: LeafForgery = {}): Promise<string> {
  const issuer = f.issuer ? f.issuer(ctx) : ctx.ca;
  const now = new Date();
  const leaf = f.leafIdentity
    ? f.leafIdentity(ctx)
    : await issue(
        f.leaf ?? {
          commonName: `${ctx.signerName.givenName} ${ctx.signerName.surname}`,
          serialNumber: ctx.personnummer,
          givenName: ctx.signerName.givenName,
          surname: ctx.signerName.surname,
          notBefore: new Date(now.getTime() - 60_000),
          notAfter: new Date(now.getTime() + 365 * 24 * 3600_000),
        },
        issuer,
      );
  let attrs = attributesOf(toBeSignedOf(xml)).filter((a) => a.type !== SIGNING_CERTIFICATE_V2);
  attrs.push(new pkijs.Attribute({ type: SIGNING_CERTIFICATE_V2, values: [essSigningCertificateV2(leaf.certDer)] }));
  if (f.attributes) attrs = await f.attributes(attrs, leaf, ctx);
  const signed = derSorted(attrs.map((a) => a.toSchema()));
  const value = cryptoSign('sha256', f.signedBytes ? f.signedBytes(signed) : signed, leaf.privateKey);
  const chain = [leaf.certDer, ...(f.chainTail ? f.chainTail(ctx, issuer) : [issuer.certDer])];
  let out = setText(xml, 'csig:ToBeSignedBytes', Buffer.from(signed).toString('base64'));
  out = setText(out, 'csig:Base64Signature', value.toString('base64'));
  out = out.replace(
    /<csig:SignatureCertificateChain>[\s\S]*<\/csig:SignatureCertificateChain>/,
    `<csig:SignatureCertificateChain>${chain.map((d) => `<csig:X509Certificate>${Buffer.from(d).toString('base64')}</csig:X509Certificate>`).join('')}</csig:SignatureCertificateChain>`,
  );
  return resign(out, ctx.serviceKey);
}

const bad = (detail: string): RegExp => new RegExp(`^Svaret är inte signerat av den inställda underskriftstjänsten: ${detail}`);

// ---------------------------------------------------------------------------------------------
// The corpus

const XSW = 'XML Signature Wrapping (XSW)';
const TRANSFORM = 'Otillåtna transformer';
const COMMENT = 'Kommentarer och processinstruktioner (osignerat innehåll)';
const DTD = 'DOCTYPE och entiteter';
const NAMESPACE = 'Namnrymdsförväxling';
const WEAK = 'Svaga eller förväxlade algoritmer';
const PROTOCOL = 'Protokoll: fel begäran, återspelning, tid';
const CERT = 'Underskriftscertifikatet';
const HASH = 'Hashbyte och signerade attribut';
const KEY = 'Svarets nyckel';

export const ATTACKS: Attack[] = [
  // --- XML Signature Wrapping
  {
    id: 'xsw-signed-response-in-optional-outputs',
    klass: XSW,
    what: 'Det signerade svaret flyttas in i OptionalOutputs i ett förfalskat, osignerat svar (annan person) som blir dokumentets rot',
    tamper: (xml, ctx) => {
      const forged = setAssertedPnr(withoutSignature(xml), ctx.otherPersonnummer).replace(/<\?xml[^>]*\?>/, '');
      const original = xml.replace(/<\?xml[^>]*\?>/, '');
      return forged.replace('</dss:OptionalOutputs>', `${original}</dss:OptionalOutputs>`);
    },
    failure: 'bad_signature',
    message: bad('XML-signaturen ligger fel'),
  },
  {
    id: 'xsw-signed-response-in-signature-object',
    klass: XSW,
    what: 'Det signerade svaret flyttas in i SignatureObject/Other (”Extensions”) under en förfalskad rot',
    tamper: (xml, ctx) => {
      const forged = setAssertedPnr(withoutSignature(xml), ctx.otherPersonnummer).replace(/<\?xml[^>]*\?>/, '');
      const original = xml.replace(/<\?xml[^>]*\?>/, '');
      return forged.replace('<dss:Other>', `<dss:Other>${original}`);
    },
    failure: 'bad_signature',
    message: bad('XML-signaturen ligger fel'),
  },
  {
    id: 'xsw-original-in-ds-object',
    klass: XSW,
    what: 'Signaturen flyttas till den förfalskade roten och det signerade originalet läggs i ett ds:Object i signaturen',
    tamper: (xml, ctx) => {
      const sig = signatureOf(xml);
      const original = withoutSignature(xml).replace(/<\?xml[^>]*\?>/, '');
      const forged = setAssertedPnr(withoutSignature(xml), ctx.otherPersonnummer);
      const wrapped = sig.replace('</ds:Signature>', `<ds:Object>${original}</ds:Object></ds:Signature>`);
      return forged.replace('</dss:OptionalOutputs>', `${wrapped}</dss:OptionalOutputs>`);
    },
    failure: 'bad_signature',
    message: bad('XML-signaturen har otillåtna delar \\(SignedInfo, SignatureValue, KeyInfo, Object\\)'),
  },
  {
    id: 'xsw-content-changed-signature-kept',
    klass: XSW,
    what: 'Innehållet ändras (annan person) och originalets signatur lämnas kvar',
    tamper: (xml, ctx) => setAssertedPnr(xml, ctx.otherPersonnummer),
    failure: 'bad_signature',
    message: bad('XML-signaturen är ogiltig'),
  },
  {
    id: 'xsw-duplicate-id',
    klass: XSW,
    what: 'Dubbla ID: tjänsten signerar roten via URI="#id"; en förfalskad rot får samma ID och originalet gömms i Other',
    tamper: (xml, ctx) => {
      const withId = withoutSignature(xml).replace('<dss:SignResponse ', '<dss:SignResponse ID="_svar1" ');
      const signed = signResponseXml(withId, ctx.serviceKey, { referenceById: true });
      const original = withoutSignature(signed).replace(/<\?xml[^>]*\?>/, '');
      const forged = setAssertedPnr(signed, ctx.otherPersonnummer);
      return forged.replace('<dss:Other>', `<dss:Other>${original}`);
    },
    failure: 'bad_signature',
    message: bad('XML-signaturen täcker inte hela meddelandet'),
  },
  {
    id: 'xsw-reference-to-other-element',
    klass: XSW,
    what: 'Referensen pekar på ett annat element (bara SignResponseExtension är signerat); underskriftsuppgiften byts',
    tamper: (xml, ctx) => {
      const withId = withoutSignature(xml).replace('<csig:SignResponseExtension ', '<csig:SignResponseExtension ID="_ext" ');
      const signed = signResponseXml(withId, ctx.serviceKey, { referenceById: true, xpath: "//*[local-name()='SignResponseExtension']" });
      return signed.replace(/SignTaskId="[^"]*"/, 'SignTaskId="task-forfalskad"');
    },
    failure: 'bad_signature',
    message: bad('XML-signaturen täcker inte hela meddelandet'),
  },
  {
    id: 'xsw-signature-over-empty-element',
    klass: XSW,
    what: 'Signaturen täcker bara ett tomt, ovidkommande element; resten är förfalskat',
    tamper: (xml, ctx) => {
      const withEmpty = setAssertedPnr(withoutSignature(xml), ctx.otherPersonnummer).replace('<dss:OptionalOutputs>', '<dss:OptionalOutputs><dss:Other ID="_tom"/>');
      return signResponseXml(withEmpty, ctx.serviceKey, { referenceById: true, xpath: "//*[@ID='_tom']" });
    },
    failure: 'bad_signature',
    message: bad('XML-signaturen täcker inte hela meddelandet'),
  },
  {
    id: 'xsw-two-signatures',
    klass: XSW,
    what: 'Två Signature-element: originalets och en angripares, båda i OptionalOutputs',
    tamper: (xml, ctx) => {
      const second = signatureOf(resign(setAssertedPnr(xml, ctx.otherPersonnummer), ctx.stranger));
      return xml.replace('</dss:OptionalOutputs>', `${second}</dss:OptionalOutputs>`);
    },
    failure: 'bad_signature',
    message: bad('meddelandet ska ha exakt en XML-signatur'),
  },
  {
    id: 'xsw-signature-copied-into-other',
    klass: XSW,
    what: 'Signaturen kopieras en gång till in i SignatureObject/Other',
    tamper: (xml) => xml.replace('<dss:Other>', `<dss:Other>${signatureOf(xml)}`),
    failure: 'bad_signature',
    message: bad('meddelandet ska ha exakt en XML-signatur'),
  },
  {
    id: 'xsw-no-signature',
    klass: XSW,
    what: 'Signaturen tas bort',
    tamper: (xml) => withoutSignature(xml),
    failure: 'bad_signature',
    message: bad('meddelandet ska ha exakt en XML-signatur'),
  },
  // --- Transforms
  {
    id: 'transform-xpath',
    klass: TRANSFORM,
    what: 'En XPath-transform (som väljer samma sak som enveloped) i referensen, signerad av tjänsten',
    tamper: (xml, ctx) =>
      withSignedInfo(xml, ctx.serviceKey, (si) =>
        si.replace('<ds:Transforms>', '<ds:Transforms><ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xpath-19991116"><ds:XPath>not(ancestor-or-self::ds:Signature)</ds:XPath></ds:Transform>'),
      ),
    failure: 'bad_signature',
    message: bad('XML-signaturen använder en otillåten transform'),
  },
  {
    id: 'transform-xpath-filter2',
    klass: TRANSFORM,
    what: 'En XPath Filter 2.0-transform i referensen',
    tamper: (xml, ctx) =>
      withSignedInfo(xml, ctx.serviceKey, (si) =>
        si.replace(
          '<ds:Transforms>',
          '<ds:Transforms><ds:Transform Algorithm="http://www.w3.org/2002/06/xmldsig-filter2"><dsig-xpath:XPath xmlns:dsig-xpath="http://www.w3.org/2002/06/xmldsig-filter2" Filter="subtract">//*[local-name()=\'SignTasks\']</dsig-xpath:XPath></ds:Transform>',
        ),
      ),
    failure: 'bad_signature',
    message: bad('XML-signaturen använder en otillåten transform'),
  },
  {
    id: 'transform-xslt',
    klass: TRANSFORM,
    what: 'En XSLT-transform i referensen',
    tamper: (xml, ctx) =>
      withSignedInfo(xml, ctx.serviceKey, (si) =>
        si.replace(
          '<ds:Transforms>',
          '<ds:Transforms><ds:Transform Algorithm="http://www.w3.org/TR/1999/REC-xslt-19991116"><xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="1.0"><xsl:template match="/"><xsl:copy-of select="."/></xsl:template></xsl:stylesheet></ds:Transform>',
        ),
      ),
    failure: 'bad_signature',
    message: bad('XML-signaturen använder en otillåten transform'),
  },
  {
    id: 'canonicalization-with-comments',
    klass: TRANSFORM,
    what: 'SignedInfo kanoniseras med kommentarer (exc-c14n#WithComments)',
    tamper: (xml, ctx) => resign(xml, ctx.serviceKey, { canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments' }),
    failure: 'bad_signature',
    message: bad('XML-signaturen använder en otillåten kanonisering'),
  },
  // --- Comments
  {
    id: 'comment-truncation',
    klass: COMMENT,
    what: 'Tjänsten intygar ”1949111722969999”; en kommentar läggs in efter tolv siffror (194911172296<!---->9999) — signaturen gäller fortfarande',
    tamper: (xml, ctx) => {
      const signed = resign(setAssertedPnr(xml, `${ctx.personnummer}9999`), ctx.serviceKey);
      return setAssertedPnr(signed, `${ctx.personnummer}<!---->9999`);
    },
    failure: 'malformed',
    message: /^Svaret från underskriftstjänsten har fel form: det innehåller en XML-kommentar, som inte omfattas av signaturen\./,
  },
  {
    id: 'comment-in-valid-value',
    klass: COMMENT,
    what: 'En kommentar läggs in i ett äkta personnummer (signaturen gäller fortfarande, kommentarer är inte signerade)',
    tamper: (xml, ctx) => setAssertedPnr(xml, `${ctx.personnummer.slice(0, 8)}<!-- osignerat -->${ctx.personnummer.slice(8)}`),
    failure: 'malformed',
    message: /^Svaret från underskriftstjänsten har fel form: det innehåller en XML-kommentar, som inte omfattas av signaturen\./,
  },
  {
    id: 'processing-instruction-outside-root',
    klass: COMMENT,
    what: 'En processinstruktion (xml-stylesheet) före roten, utanför det signerade elementet',
    tamper: (xml) => xml.replace(/(<\?xml[^>]*\?>)/, '$1<?xml-stylesheet type="text/xsl" href="http://127.0.0.1:9/x.xsl"?>'),
    failure: 'malformed',
    message: /^Svaret från underskriftstjänsten har fel form: det innehåller en processinstruktion, som inte omfattas av signaturen\./,
  },
  {
    id: 'comment-after-root',
    klass: COMMENT,
    what: 'En kommentar efter rotelementet',
    tamper: (xml) => `${xml}<!-- RequestID="_annan" -->`,
    failure: 'malformed',
    message: /^Svaret från underskriftstjänsten har fel form: det innehåller en XML-kommentar, som inte omfattas av signaturen\./,
  },
  // --- DOCTYPE and entities
  {
    id: 'xxe-external-entity',
    klass: DTD,
    what: 'XXE: en extern entitet (file:///etc/passwd) i ResultMessage',
    tamper: (xml) =>
      xml
        .replace(/<\?xml[^>]*\?>/, '<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE dss:SignResponse [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
        .replace('</dss:ResultMajor>', '</dss:ResultMajor><dss:ResultMessage>&xxe;</dss:ResultMessage>'),
    failure: 'malformed',
    message: /^Svaret från underskriftstjänsten har fel form: DOCTYPE är inte tillåten/,
  },
  {
    id: 'billion-laughs',
    klass: DTD,
    what: 'Entitetsexpansion (”billion laughs”)',
    tamper: (xml) => {
      const ents = ['<!ENTITY l0 "ha">', ...Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`)].join('');
      return xml.replace(/<\?xml[^>]*\?>/, `<?xml version="1.0"?><!DOCTYPE dss:SignResponse [${ents}]>`).replace('</dss:ResultMajor>', '</dss:ResultMajor><dss:ResultMessage>&l9;</dss:ResultMessage>');
    },
    failure: 'malformed',
    message: /^Svaret från underskriftstjänsten har fel form: DOCTYPE är inte tillåten/,
  },
  {
    id: 'external-dtd',
    klass: DTD,
    what: 'En extern DTD (SYSTEM-URL), gemener: <!doctype …>',
    tamper: (xml) => xml.replace(/<\?xml[^>]*\?>/, '<?xml version="1.0"?><!doctype dss:SignResponse SYSTEM "http://127.0.0.1:9/x.dtd">'),
    failure: 'malformed',
    message: /^Svaret från underskriftstjänsten har fel form: DOCTYPE är inte tillåten/,
  },
  // --- Namespaces
  {
    id: 'ns-root-other-namespace',
    klass: NAMESPACE,
    what: 'Prefixet dss på roten binds till en annan namnrymd',
    tamper: (xml) => xml.replace(`xmlns:dss="${DSS}"`, 'xmlns:dss="urn:angripare:dss"'),
    failure: 'malformed',
    message: /^Svaret är inget DSS SignResponse/,
  },
  {
    id: 'ns-ds-prefix-rebound',
    klass: NAMESPACE,
    what: 'Prefixet ds på signaturen binds till en annan namnrymd (signaturen ”försvinner”)',
    tamper: (xml) => xml.replace(`xmlns:ds="${DS}"`, 'xmlns:ds="urn:angripare:xmldsig"'),
    failure: 'bad_signature',
    message: bad('meddelandet ska ha exakt en XML-signatur'),
  },
  {
    id: 'ns-second-signature-default-namespace',
    klass: NAMESPACE,
    what: 'En andra signatur utan prefix (standardnamnrymd xmldsig) i Other',
    tamper: (xml, ctx) => {
      const second = signatureOf(resign(xml, ctx.stranger))
        .replace(/<(\/?)ds:/g, '<$1')
        .replace(`xmlns:ds="${DS}"`, `xmlns="${DS}"`);
      return xml.replace('<dss:Other>', `<dss:Other>${second}`);
    },
    failure: 'bad_signature',
    message: bad('meddelandet ska ha exakt en XML-signatur'),
  },
  {
    id: 'ns-attribute-in-other-namespace',
    klass: NAMESPACE,
    what: 'Tjänsten intygar en annan person; ett personnummer-attribut i en annan namnrymd med den väntade personen ligger först',
    tamper: (xml, ctx) => {
      const other = setAssertedPnr(xml, ctx.otherPersonnummer).replace(
        '<saml:AttributeStatement>',
        `<saml:AttributeStatement><x:Attribute xmlns:x="urn:angripare:saml" Name="urn:oid:1.2.752.29.4.13"><x:AttributeValue>${ctx.personnummer}</x:AttributeValue></x:Attribute>`,
      );
      return resign(other, ctx.serviceKey);
    },
    failure: 'other_signer',
    message: /^En annan person än den som ska skriva under legitimerade sig/,
  },
  // --- Algorithms
  {
    id: 'rsa-sha1',
    klass: WEAK,
    what: 'Tjänsten signerar svaret med RSA-SHA1 och SHA-1-kontrollsumma',
    tamper: (xml, ctx) => resign(xml, ctx.serviceKey, { signatureAlgorithm: 'http://www.w3.org/2000/09/xmldsig#rsa-sha1', digestAlgorithm: 'http://www.w3.org/2000/09/xmldsig#sha1' }),
    failure: 'bad_signature',
    message: bad('XML-signaturen använder en algoritm som inte godtas'),
  },
  {
    id: 'digest-sha1',
    klass: WEAK,
    what: 'RSA-SHA256 men SHA-1 som kontrollsumma i referensen',
    tamper: (xml, ctx) => resign(xml, ctx.serviceKey, { digestAlgorithm: 'http://www.w3.org/2000/09/xmldsig#sha1' }),
    failure: 'bad_signature',
    message: bad('XML-signaturen använder en algoritm som inte godtas'),
  },
  {
    id: 'hmac-key-confusion',
    klass: WEAK,
    what: 'HMAC-SHA1 med tjänstens publika certifikat som hemlig nyckel (nyckelförväxling); innehållet förfalskat',
    tamper: (xml, ctx) => {
      const forged = resign(setAssertedPnr(xml, ctx.otherPersonnummer), ctx.stranger);
      const key = pem('CERTIFICATE', ctx.serviceKey.certDer);
      return withSignedInfo(
        forged,
        ctx.stranger,
        (si) => si.replace(/<ds:SignatureMethod Algorithm="[^"]*"/, '<ds:SignatureMethod Algorithm="http://www.w3.org/2000/09/xmldsig#hmac-sha1"'),
        (c) => createHmac('sha1', key).update(c).digest(),
      );
    },
    failure: 'bad_signature',
    message: bad('XML-signaturen använder en algoritm som inte godtas'),
  },
  {
    id: 'sign-task-rsa-sha1',
    klass: WEAK,
    what: 'Underskriften över de signerade attributen anges som RSA-SHA1',
    tamper: (xml, ctx) => resign(xml.replace(/(<csig:Base64Signature Type=")[^"]*/, '$1http://www.w3.org/2000/09/xmldsig#rsa-sha1'), ctx.serviceKey),
    failure: 'bad_signature_value',
    message: /^Tjänsten signerade med en algoritm som inte stöds/,
  },
  // --- Protocol
  {
    id: 'wrong-request-id',
    klass: PROTOCOL,
    what: 'Fel RequestID (svaret till en annan begäran, InResponseTo)',
    tamper: (xml, ctx) => resign(xml.replace(/RequestID="[^"]*"/, 'RequestID="_0000000000000000000000000000000000000000000000000000000000000000"'), ctx.serviceKey),
    failure: 'wrong_request',
    message: /^Svaret hör till en annan begäran än den här/,
  },
  {
    id: 'replay-response-to-other-request',
    klass: PROTOCOL,
    what: 'Återspelning: ett äkta, giltigt svar som tjänsten gav på en tidigare begäran',
    tamper: (_xml, ctx) => ctx.otherResponse(),
    failure: 'wrong_request',
    message: /^Svaret hör till en annan begäran än den här/,
  },
  {
    id: 'other-sign-task',
    klass: PROTOCOL,
    what: 'Rätt RequestID men en annan underskriftsuppgift (SignTaskId)',
    tamper: (xml, ctx) => resign(xml.replace(/SignTaskId="[^"]*"/, 'SignTaskId="task-en-annan"'), ctx.serviceKey),
    failure: 'wrong_request',
    message: /^Svaret innehåller en annan underskriftsuppgift än den begärda/,
  },
  {
    id: 'expired',
    klass: PROTOCOL,
    what: 'Utgånget svar (ResponseTime en timme tillbaka)',
    tamper: (xml, ctx) => resign(setText(xml, 'csig:ResponseTime', new Date(Date.now() - 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z')), ctx.serviceKey),
    failure: 'expired',
    message: /^Svaret från underskriftstjänsten är för gammalt eller har fel tid/,
  },
  {
    id: 'future',
    klass: PROTOCOL,
    what: 'Svar från framtiden (ResponseTime en timme fram)',
    tamper: (xml, ctx) => resign(setText(xml, 'csig:ResponseTime', new Date(Date.now() + 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z')), ctx.serviceKey),
    failure: 'expired',
    message: /^Svaret från underskriftstjänsten är för gammalt eller har fel tid/,
  },
  {
    id: 'before-request',
    klass: PROTOCOL,
    what: 'Svar daterat före begäran (fem minuter före)',
    tamper: (xml, ctx) => resign(setText(xml, 'csig:ResponseTime', new Date(Date.now() - 5 * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z')), ctx.serviceKey),
    failure: 'expired',
    message: /^Svaret från underskriftstjänsten är för gammalt eller har fel tid/,
  },
  // --- The signer's certificate
  {
    id: 'certificate-other-ca',
    klass: CERT,
    what: 'Underskriftscertifikatet är utfärdat av en annan CA (rätt namn och personnummer)',
    tamper: (xml, ctx) => withLeaf(xml, ctx, { issuer: (c) => c.otherCa }),
    failure: 'untrusted_certificate',
    message: /^Certifikatet från underskriftstjänsten är inte betrott/,
  },
  {
    id: 'certificate-right-name-other-serial',
    klass: CERT,
    what: 'Rätt namn men ett annat personnummer (serialNumber) i certifikatet',
    tamper: (xml, ctx) =>
      withLeaf(xml, ctx, {
        leaf: { commonName: `${ctx.signerName.givenName} ${ctx.signerName.surname}`, givenName: ctx.signerName.givenName, surname: ctx.signerName.surname, serialNumber: ctx.otherPersonnummer },
      }),
    failure: 'other_signer',
    message: /^Certifikatet som tjänsten utfärdade gäller en annan person/,
  },
  {
    id: 'certificate-without-identity',
    klass: CERT,
    what: 'Certifikatet saknar personnummer (bara namn)',
    tamper: (xml, ctx) => withLeaf(xml, ctx, { leaf: { commonName: `${ctx.signerName.givenName} ${ctx.signerName.surname}`, givenName: ctx.signerName.givenName, surname: ctx.signerName.surname } }),
    failure: 'other_signer',
    message: /^Certifikatet som tjänsten utfärdade gäller en annan person/,
  },
  {
    id: 'certificate-two-serial-numbers',
    klass: CERT,
    what: 'Certifikatet har två serialNumber: den väntade personens och en annans',
    tamper: (xml, ctx) =>
      withLeaf(xml, ctx, {
        leaf: { commonName: `${ctx.signerName.givenName} ${ctx.signerName.surname}`, serialNumber: ctx.personnummer, extraSerialNumbers: [ctx.otherPersonnummer] },
      }),
    failure: 'other_signer',
    message: /^Certifikatet som tjänsten utfärdade anger flera personnummer/,
  },
  {
    id: 'service-certificate-as-ca',
    klass: CERT,
    what: 'Kedjan använder tjänstens eget (betrodda) certifikat som ”CA” för underskriftscertifikatet',
    tamper: (xml, ctx) => withLeaf(xml, ctx, { issuer: (c) => c.serviceKey, chainTail: (c) => [c.serviceKey.certDer, c.ca.certDer] }),
    failure: 'untrusted_certificate',
    message: /^Certifikatet från underskriftstjänsten är inte betrott/,
  },
  {
    id: 'service-certificate-as-signer',
    klass: CERT,
    what: 'Tjänstens eget certifikat används som underskriftscertifikat',
    tamper: (xml, ctx) => withLeaf(xml, ctx, { leafIdentity: (c) => c.serviceKey, chainTail: (c) => [c.ca.certDer] }),
    failure: 'other_signer',
    message: /^Certifikatet som tjänsten utfärdade gäller en annan person/,
  },
  // --- Hash substitution
  {
    id: 'hash-other-document',
    klass: HASH,
    what: 'De signerade attributen bär ett annat dokuments kontrollsumma (giltigt signerade)',
    tamper: (xml, ctx) =>
      withLeaf(xml, ctx, {
        attributes: (attrs) => {
          const md = attrs.find((a) => a.type === MESSAGE_DIGEST);
          if (md) md.values = [new asn1js.OctetString({ valueHex: new Uint8Array(32).fill(7) })];
          return attrs;
        },
      }),
    failure: 'bad_signed_attributes',
    message: /^Tjänsten signerade inte det här dokumentets kontrollsumma/,
  },
  {
    id: 'signature-over-other-attributes',
    klass: HASH,
    what: 'Våra attribut i ToBeSignedBytes, men underskriften är gjord över andra attribut',
    tamper: (xml, ctx) => withLeaf(xml, ctx, { signedBytes: (der) => Buffer.concat([Buffer.from(der), Buffer.from([0])]) }),
    failure: 'bad_signature_value',
    message: /^Underskriften från tjänsten stämmer inte med dokumentet och certifikatet/,
  },
  {
    id: 'signing-certificate-attribute-other-cert',
    klass: HASH,
    what: 'signing-certificate-v2 pekar ut ett annat certifikat än det som skickas',
    tamper: (xml, ctx) =>
      withLeaf(xml, ctx, {
        attributes: (attrs, _leaf, c) => [
          ...attrs.filter((a) => a.type !== SIGNING_CERTIFICATE_V2),
          new pkijs.Attribute({ type: SIGNING_CERTIFICATE_V2, values: [essSigningCertificateV2(c.stranger.certDer)] }),
        ],
      }),
    failure: 'bad_signed_attributes',
    message: /^De signerade attributen pekar inte ut certifikatet som tjänsten skickade/,
  },
  {
    id: 'extra-signed-attribute',
    klass: HASH,
    what: 'Ett extra signerat attribut (signing-time) som vi inte begärde',
    tamper: (xml, ctx) => withLeaf(xml, ctx, { attributes: (attrs) => [...attrs, new pkijs.Attribute({ type: '1.2.840.113549.1.9.5', values: [new asn1js.UTCTime({ valueDate: new Date() })] })] }),
    failure: 'bad_signed_attributes',
    message: /^Tjänsten signerade andra attribut än de begärda/,
  },
  // --- The response's key
  {
    id: 'other-key-with-key-info',
    klass: KEY,
    what: 'Svaret signeras av en annan nyckel, vars certifikat ligger i KeyInfo (innehållet förfalskat)',
    tamper: (xml, ctx) => resign(setAssertedPnr(xml, ctx.otherPersonnummer), ctx.stranger),
    failure: 'bad_signature',
    message: bad('XML-signaturen är ogiltig'),
  },
];
