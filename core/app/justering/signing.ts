// Signing one field of a stored PDF in this app, shared by the protocol's justering and the
// clerk's and secretary's own documents (tillkännagivande, anslagsbevis, protokollsutdrag):
// open the certificate, check it belongs to the expected person, sign, and check the result
// (earlier revision a byte prefix, exactly one new valid signature, in that field, by that
// certificate, covering the whole file).
import { AppError } from '../../api/errors';
import type { CheckedSignature, JusteringDeps, SignerCredentials } from './ports';

export interface ExpectedSigner {
  field: string;
  role: string;
  name: string;
}

/** Names compared without case, accents kept, spaces collapsed, Unicode normalised. */
export function normaliseName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('sv-SE');
}

export function expectSignerName(expected: ExpectedSigner, certificateName: string): void {
  if (normaliseName(certificateName) !== normaliseName(expected.name)) {
    throw new AppError(
      'signature',
      `Certifikatet tillhör ${certificateName}, men fältet ${expected.field} ska skrivas under av ${expected.role.toLowerCase()} ${expected.name}. Välj ${expected.name}s certifikat eller rätt fält.`,
      { reason: 'wrong_signer', expected: expected.name, actual: certificateName },
    );
  }
}

/** Signs `expected.field` of `base` and checks the result; writes nothing. */
export async function signField(
  deps: Pick<JusteringDeps, 'services' | 'clock'>,
  base: Uint8Array,
  expected: ExpectedSigner,
  credentials: SignerCredentials,
  reason: string,
): Promise<{ pdf: Uint8Array; signedAt: string; checked: CheckedSignature }> {
  const signer = await deps.services.openSigner(credentials);
  try {
    expectSignerName(expected, signer.commonName);
    const signingTime = deps.clock.now();
    const pdf = await signer.sign(base, { field: expected.field, role: expected.role, signerName: expected.name, signingTime, reason });
    const checked = await deps.services.checkIncremental(base, pdf, { fieldName: expected.field, expectedCertificateSha256: signer.certificateSha256 });
    return { pdf, signedAt: signingTime.toISOString(), checked };
  } finally {
    await signer.close();
  }
}
