// Signing one field of a stored PDF in this app, shared by the protocol's justering, the
// clerk's and secretary's own documents (tillkännagivande, anslagsbevis, protokollsutdrag) and a
// signing package signed on another machine: open the certificate, check it belongs to the
// expected person, sign (with a time stamp when a service is configured), and check the result
// (earlier revision a byte prefix, exactly one new valid signature, in that field, by that
// certificate, covering the whole file).
import { AppError } from '../../api/errors';
import type { CheckedSignature, JusteringDeps, OpenedSigner, SignerCredentials } from './ports';
import { readSettings } from './settings';
import type { TimestampOutcome } from './types';

export interface ExpectedSigner {
  field: string;
  role: string;
  name: string;
}

export interface SignedField {
  pdf: Uint8Array;
  signedAt: string;
  checked: CheckedSignature;
  timestamp: TimestampOutcome;
}

type SigningDeps = Pick<JusteringDeps, 'services' | 'clock' | 'settings'>;

/** Names compared without case, accents kept, spaces collapsed, Unicode normalised. */
export function normaliseName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv-SE');
}

export function sameName(a: string, b: string): boolean {
  return normaliseName(a) === normaliseName(b);
}

export function expectSignerName(expected: ExpectedSigner, certificateName: string): void {
  if (!sameName(certificateName, expected.name)) {
    throw new AppError(
      'signature',
      `Certifikatet tillhör ${certificateName}, men fältet ${expected.field} ska skrivas under av ${expected.role.toLowerCase()} ${expected.name}. Välj ${expected.name}s certifikat eller rätt fält.`,
      { reason: 'wrong_signer', expected: expected.name, actual: certificateName },
    );
  }
}

/** Signs `expected.field` of `base` with an opened signer and checks the result; writes nothing. */
export async function signWithSigner(deps: SigningDeps, signer: OpenedSigner, base: Uint8Array, expected: ExpectedSigner, reason: string): Promise<SignedField> {
  const signingTime = deps.clock.now();
  const { tsaUrl } = readSettings(deps.settings);
  const signed = await signer.sign(base, { field: expected.field, role: expected.role, signerName: expected.name, signingTime, reason, tsaUrl });
  const checked = await deps.services.checkIncremental(base, signed.pdf, { fieldName: expected.field, expectedCertificateSha256: signer.certificateSha256 });
  return { pdf: signed.pdf, signedAt: signingTime.toISOString(), checked, timestamp: signed.timestamp };
}

/** Opens the credentials, requires the certificate to be `expected.name`'s, signs and checks; writes nothing. */
export async function signField(deps: SigningDeps, base: Uint8Array, expected: ExpectedSigner, credentials: SignerCredentials, reason: string): Promise<SignedField> {
  const signer = await deps.services.openSigner(credentials);
  try {
    expectSignerName(expected, signer.commonName);
    return await signWithSigner(deps, signer, base, expected, reason);
  } finally {
    await signer.close();
  }
}
