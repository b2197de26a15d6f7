// Names of the Sweden Connect signing-service protocol (OASIS DSS 1.0 + the csig extension 1.1),
// written once. Sources: "Implementation Profile for using DSS in Central Signing Services" (1.6) and
// "DSS Extension for Federated Signing Services" (1.1.3).

export const NS = {
  dss: 'urn:oasis:names:tc:dss:1.0:core:schema',
  csig: 'http://id.elegnamnden.se/csig/1.1/dss-ext/ns',
  saml: 'urn:oasis:names:tc:SAML:2.0:assertion',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  xs: 'http://www.w3.org/2001/XMLSchema',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
} as const;

export const PROFILE = 'http://id.elegnamnden.se/csig/1.1/dss-ext/profile';
export const CSIG_VERSION = '1.5';
export const ENTITY_FORMAT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:entity';
export const URI_ATTRNAME_FORMAT = 'urn:oasis:names:tc:SAML:2.0:attrname-format:uri';
export const BINDING = 'POST/XML/1.0';

/** SAML attribute of the Swedish personal identity number (personnummer). */
export const ATTR_PERSONNUMMER = 'urn:oid:1.2.752.29.4.13';
export const ATTR_GIVEN_NAME = 'urn:oid:2.5.4.42';
export const ATTR_SURNAME = 'urn:oid:2.5.4.4';
export const ATTR_DISPLAY_NAME = 'urn:oid:2.16.840.1.113730.3.1.241';

export const RESULT = {
  success: 'urn:oasis:names:tc:dss:1.0:resultmajor:Success',
  requesterError: 'urn:oasis:names:tc:dss:1.0:resultmajor:RequesterError',
  responderError: 'urn:oasis:names:tc:dss:1.0:resultmajor:ResponderError',
} as const;

export const STATUS = {
  reqExpired: 'http://id.elegnamnden.se/sig-status/1.0/req-expired',
  userMismatch: 'http://id.elegnamnden.se/sig-status/1.0/user-mismatch',
  unsupportedLoa: 'http://id.elegnamnden.se/sig-status/1.0/unsupported-loa',
  sigmessageError: 'http://id.elegnamnden.se/sig-status/1.0/sigmessage-error',
  userCancel: 'http://id.elegnamnden.se/sig-status/1.0/user-cancel',
  authnFailed: 'http://id.swedenconnect.se/sig-status/1.1/authn-failed',
  securityViolation: 'http://id.swedenconnect.se/sig-status/1.1/security-violation',
} as const;

export const ALG = {
  rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  ecdsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  excC14n: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  enveloped: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
} as const;

/** Levels of assurance of the Swedish eID framework, as AuthnContextClassRef URIs. */
export const LOA = {
  loa2: 'http://id.elegnamnden.se/loa/1.0/loa2',
  loa3: 'http://id.elegnamnden.se/loa/1.0/loa3',
  loa4: 'http://id.elegnamnden.se/loa/1.0/loa4',
} as const;
