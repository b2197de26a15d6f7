// Builds and signs a DSS SignRequest with the csig SignRequestExtension and one SignTaskData
// (DSS profile section 2.1, csig extension sections 3 and 4).
import { randomBytes, type KeyObject } from 'node:crypto';
import { ALG, ATTR_DISPLAY_NAME, ATTR_GIVEN_NAME, ATTR_PERSONNUMMER, ATTR_SURNAME, CSIG_VERSION, ENTITY_FORMAT, NS, PROFILE, URI_ATTRNAME_FORMAT } from './names';
import { esc } from './xml';
import { signEnveloped } from './xmldsig';

/** One signing service as configured by the municipality. */
export interface SignServiceConfig {
  /** SAML entityID of the signing service (csig:SignService). */
  signServiceEntityId: string;
  /** Where the browser posts the request. */
  signServiceUrl: string;
  /** DER certificate the service signs its responses with. */
  serviceCertificate: Uint8Array;
  /** entityID of the identity provider that authenticates the signer (BankID, Freja eID+ …). */
  identityProvider: string;
  /** Our entityID as registered with the service (csig:SignRequester). */
  requesterEntityId: string;
  /** AuthnContextClassRef, e.g. http://id.elegnamnden.se/loa/1.0/loa3. */
  loa: string;
  certType?: 'PKC' | 'QC' | 'QC/SSCD';
}

export interface SignRequestInput {
  config: SignServiceConfig;
  /** The requester's signing key and certificate (DER). */
  requesterKey: KeyObject;
  requesterCertificate: Uint8Array;
  /** Personnummer (12 digits) of the person expected to sign. */
  personnummer: string;
  /** Shown to the signer by the service (MustShow). */
  signMessage: string;
  /** DER of the PAdES signed attributes without the signing certificate (the service adds it). */
  toBeSigned: Uint8Array;
  /** Loopback URL the service posts the response to (saml:Audience). */
  returnUrl: string;
  now: Date;
  /** Seconds the request is valid; the profile recommends at most 3 minutes of message age. */
  validitySeconds?: number;
  requestId?: string;
}

export interface BuiltSignRequest {
  requestId: string;
  signTaskId: string;
  xml: string;
  /** The base64 EidSignRequest form parameter. */
  base64: string;
}

const iso = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Random id with 256 bits, prefixed so that it is a valid xs:ID too. */
export function newRequestId(): string {
  return `_${randomBytes(32).toString('hex')}`;
}

export function normalisePersonnummer(value: string): string | undefined {
  const digits = value.replace(/[\s-+]/g, '');
  return /^\d{12}$/.test(digits) ? digits : undefined;
}

function requestedCertAttribute(certRef: string, friendly: string, samlName: string, required: boolean): string {
  return (
    `<csig:RequestedCertAttribute CertAttributeRef="${certRef}" FriendlyName="${friendly}" Required="${String(required)}">` +
    `<csig:SamlAttributeName>${samlName}</csig:SamlAttributeName></csig:RequestedCertAttribute>`
  );
}

export function buildSignRequest(input: SignRequestInput): BuiltSignRequest {
  const pnr = normalisePersonnummer(input.personnummer);
  if (!pnr) throw new Error('Personnumret ska ha tolv siffror (ÅÅÅÅMMDDNNNN).');
  const requestId = input.requestId ?? newRequestId();
  const signTaskId = `task-${requestId.slice(1, 17)}`;
  const notBefore = new Date(input.now.getTime() - 60_000);
  const notOnOrAfter = new Date(input.now.getTime() + (input.validitySeconds ?? 180) * 1000);
  const c = input.config;
  const entity = (el: string, value: string): string => `<csig:${el} Format="${ENTITY_FORMAT}">${esc(value)}</csig:${el}>`;
  const xml =
    `<?xml version="1.0" encoding="UTF-8"?>` +
    `<dss:SignRequest xmlns:dss="${NS.dss}" xmlns:csig="${NS.csig}" xmlns:saml="${NS.saml}" xmlns:xs="${NS.xs}" xmlns:xsi="${NS.xsi}"` +
    ` Profile="${PROFILE}" RequestID="${esc(requestId)}">` +
    `<dss:OptionalInputs>` +
    `<csig:SignRequestExtension Version="${CSIG_VERSION}">` +
    `<csig:RequestTime>${iso(input.now)}</csig:RequestTime>` +
    `<saml:Conditions NotBefore="${iso(notBefore)}" NotOnOrAfter="${iso(notOnOrAfter)}">` +
    `<saml:AudienceRestriction><saml:Audience>${esc(input.returnUrl)}</saml:Audience></saml:AudienceRestriction>` +
    `</saml:Conditions>` +
    `<csig:Signer><saml:Attribute Name="${ATTR_PERSONNUMMER}" NameFormat="${URI_ATTRNAME_FORMAT}">` +
    `<saml:AttributeValue xsi:type="xs:string">${pnr}</saml:AttributeValue></saml:Attribute></csig:Signer>` +
    entity('IdentityProvider', c.identityProvider) +
    entity('SignRequester', c.requesterEntityId) +
    entity('SignService', c.signServiceEntityId) +
    `<csig:RequestedSignatureAlgorithm>${ALG.rsaSha256}</csig:RequestedSignatureAlgorithm>` +
    `<csig:CertRequestProperties CertType="${c.certType ?? 'PKC'}">` +
    `<saml:AuthnContextClassRef>${esc(c.loa)}</saml:AuthnContextClassRef>` +
    `<csig:RequestedCertAttributes>` +
    requestedCertAttribute('2.5.4.5', 'serialNumber', ATTR_PERSONNUMMER, true) +
    requestedCertAttribute('2.5.4.42', 'givenName', ATTR_GIVEN_NAME, true) +
    requestedCertAttribute('2.5.4.4', 'sn', ATTR_SURNAME, true) +
    requestedCertAttribute('2.5.4.3', 'commonName', ATTR_DISPLAY_NAME, false) +
    `</csig:RequestedCertAttributes>` +
    `</csig:CertRequestProperties>` +
    `<csig:SignMessage MustShow="true" MimeType="text">` +
    `<csig:Message>${Buffer.from(input.signMessage, 'utf8').toString('base64')}</csig:Message>` +
    `</csig:SignMessage>` +
    `</csig:SignRequestExtension>` +
    `</dss:OptionalInputs>` +
    `<dss:InputDocuments><dss:Other><csig:SignTasks>` +
    `<csig:SignTaskData SignTaskId="${signTaskId}" SigType="PDF" AdESType="BES">` +
    `<csig:ToBeSignedBytes>${Buffer.from(input.toBeSigned).toString('base64')}</csig:ToBeSignedBytes>` +
    `</csig:SignTaskData>` +
    `</csig:SignTasks></dss:Other></dss:InputDocuments>` +
    `</dss:SignRequest>`;
  const signed = signEnveloped(xml, 'OptionalInputs', input.requesterKey, input.requesterCertificate);
  return { requestId, signTaskId, xml: signed, base64: Buffer.from(signed, 'utf8').toString('base64') };
}

/** The sign message of a justering, written once in the use case. */
export { justeringSignMessage } from '../../../../core/domain/sign-message';
