// Signing one field of a stored PDF in this app, shared by the protocol's justering, the
// clerk's and secretary's own documents (tillkännagivande, anslagsbevis, protokollsutdrag) and a
// signing package signed on another machine: open the certificate, check it belongs to the
// expected person (core/domain/eid: an e-ID identifier, else the name, "endast namnkontroll"),
// sign (with a time stamp when a service is configured), and check the result against the trust
// store (earlier revision a byte prefix, exactly one new valid signature, in that field, by that
// certificate, chaining to a trust anchor, covering the whole file).
import { matchSigner, normaliseName, sameName, type EidIdentifier } from '../../domain/eid';
import type { CheckedSignature, JusteringDeps, OpenedSigner, SignerCredentials, TrustOptions } from './ports';
import { expectIdentity } from '../trust/identity';
import type { TrustStore } from '../trust/ports';
import { readSettings } from './settings';
import type { TimestampOutcome } from './types';

export { normaliseName, sameName, matchSigner };

export interface ExpectedSigner {
  field: string;
  role: string;
  name: string;
}

/** Who must sign, as the identity check needs it (identifiers are personal data: never shown). */
export interface ExpectedIdentity {
  name: string;
  identifiers: EidIdentifier[];
  requireIdentifier: boolean;
}

export interface SignedField {
  pdf: Uint8Array;
  signedAt: string;
  checked: CheckedSignature;
  timestamp: TimestampOutcome;
  identity: 'identifier' | 'name-only';
}

type SigningDeps = Pick<JusteringDeps, 'services' | 'clock' | 'settings'> & TrustSource;

/** Where the trust anchors come from: the installation's trust store (or, in the CLI, --trust files). */
export interface TrustSource {
  trust: Pick<TrustStore, 'anchors' | 'crls'>;
  clock: JusteringDeps['clock'];
}

/** The installation's trust anchors and the time of checking: what every validation is made with. */
export function trustOptions(deps: TrustSource): TrustOptions {
  return { trustAnchors: deps.trust.anchors(), crls: deps.trust.crls(), now: deps.clock.now() };
}

/** Signs `expected.field` of `base` with an opened signer and checks the result; writes nothing. */
export async function signWithSigner(deps: SigningDeps, signer: OpenedSigner, base: Uint8Array, expected: ExpectedSigner, reason: string): Promise<Omit<SignedField, 'identity'>> {
  const signingTime = deps.clock.now();
  const { tsaUrl } = readSettings(deps.settings);
  const signed = await signer.sign(base, { field: expected.field, role: expected.role, signerName: expected.name, signingTime, reason, tsaUrl });
  const checked = await deps.services.checkIncremental(base, signed.pdf, {
    fieldName: expected.field,
    expectedCertificateSha256: signer.certificateSha256,
    ...trustOptions(deps),
  });
  // A trusted time stamp is the better witness of when; else this app's clock.
  return { pdf: signed.pdf, signedAt: checked.signature.timestampTime ?? signingTime.toISOString(), checked, timestamp: signed.timestamp };
}

/** Opens the credentials, requires the certificate to be the expected person's, signs and checks; writes nothing. */
export async function signField(deps: SigningDeps, base: Uint8Array, expected: ExpectedSigner, identity: ExpectedIdentity, credentials: SignerCredentials, reason: string): Promise<SignedField> {
  const signer = await deps.services.openSigner(credentials);
  try {
    const how = expectIdentity(identity, signer.identity, expected.field, expected.role);
    const signed = await signWithSigner(deps, signer, base, expected, reason);
    return { ...signed, identity: how };
  } finally {
    await signer.close();
  }
}
