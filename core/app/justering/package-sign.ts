// On the justerare's own machine: sign a received signing package (.justera) without the meeting
// being in this database. The package is checked like openPackage does, the manifest's field is
// signed with the same appearance and checks as in the secretary's app, and the result is
// validated. The name binding is only reported here; the secretary's import enforces it.
import { AppError } from '../../api/errors';
import { base64ToBytes, bytesToBase64 } from '../../format/base64';
import { openPackage } from './index';
import type { JusteringDeps, SignerCredentials } from './ports';
import { sameName, signWithSigner } from './signing';
import type { SignedPackage } from './types';

const SIGN_REASON = 'Justering av protokoll';

type PackageDeps = Pick<JusteringDeps, 'services' | 'clock' | 'settings' | 'store' | 'trust'>;

/** Opens and checks a package for signing (whole, confirmed when unverified, the field still empty). */
export async function preparePackageSignature(deps: PackageDeps, input: { content: string; confirmUnverified?: boolean | undefined }) {
  const opened = await openPackage(deps, { content: input.content });
  const m = opened.manifest;
  // A package nobody trusted vouches for is signed only when the signer says so explicitly.
  if (!opened.authenticity.verified && input.confirmUnverified !== true) {
    throw new AppError('conflict', `${opened.authenticity.message ?? 'Paketet är inte verifierat.'} Bekräfta uttryckligen att du vill skriva under ändå.`, {
      reason: 'package_unverified',
      reasons: opened.authenticity.reasons,
    });
  }
  // openPackage checks what it needs to show the package; signing also needs these.
  if (typeof m.expectedSigner.role !== 'string' || typeof m.date !== 'string' || !Array.isArray(m.paragraphs)) {
    throw new AppError('validation', 'Filen är inget giltigt underskriftspaket från Justera (uppgifterna om underskriften saknas). Be sekreteraren skicka paketet igen.');
  }
  const already = opened.signedBefore.find((s) => s.field === m.field);
  if (already !== undefined) {
    throw new AppError(
      'conflict',
      `Fältet ${m.field} är redan underskrivet i paketet${already.signerName === null ? '' : ` av ${already.signerName}`}. En underskrift kan inte göras om; be sekreteraren om ett nytt underskriftspaket.`,
    );
  }
  return { opened, manifest: m, base: base64ToBytes(opened.pdfBase64) };
}

export type PreparedPackage = Awaited<ReturnType<typeof preparePackageSignature>>;

export async function signPackage(deps: PackageDeps, input: { content: string; credentials: SignerCredentials; confirmUnverified?: boolean | undefined }): Promise<SignedPackage> {
  const prepared = await preparePackageSignature(deps, input);
  const m = prepared.manifest;
  const signer = await deps.services.openSigner(input.credentials);
  try {
    // The appearance shows who really signed; the role is the one the field was made for.
    const signed = await signWithSigner(deps, signer, prepared.base, { field: m.field, role: m.expectedSigner.role, name: signer.commonName }, SIGN_REASON);
    return finishPackageSignature(deps, prepared, signed, signer.commonName, input.credentials.kind);
  } finally {
    await signer.close();
  }
}

/** The signer's own record of what was signed here, and the file to send back. */
export function finishPackageSignature(
  deps: PackageDeps,
  { opened, manifest: m }: PreparedPackage,
  signed: { pdf: Uint8Array; signedAt: string; checked: { summary: SignedPackage['validation'] }; timestamp: SignedPackage['timestamp'] },
  signerName: string,
  credential: string,
): SignedPackage {
  const signerMatches = sameName(signerName, m.expectedSigner.name);
  // The protocol itself is stored by the secretary.
  deps.store.audit({
    action: 'package.sign',
    entity: 'package',
    entityId: m.versionId,
    details: {
      board: m.board,
      meetingDate: m.date,
      paragraphs: m.paragraphsLabel,
      field: m.field,
      signer: signerName,
      expectedSigner: m.expectedSigner.name,
      signerMatches,
      packageVerified: opened.authenticity.verified,
      confirmedUnverified: !opened.authenticity.verified,
      signedAt: signed.signedAt,
      sha256: deps.services.sha256(signed.pdf),
      timestamp: signed.timestamp.added,
      ...(credential === 'eid' ? { credential } : {}),
    },
  });
  const safeDate = m.date.replace(/[^0-9-]/g, '');
  const first = m.paragraphs[0] ?? '';
  return {
    fileName: `protokoll-${safeDate}-${first}-${m.field}-underskriven.pdf`,
    pdfBase64: bytesToBase64(signed.pdf),
    field: m.field,
    validation: signed.checked.summary,
    timestamp: signed.timestamp,
    signerMatches,
    warning: signerMatches
      ? null
      : `Certifikatet tillhör ${signerName}, men fältet ${m.field} ska skrivas under av ${m.expectedSigner.role.toLowerCase()} ${m.expectedSigner.name}. Sekreteraren kan inte ta emot den här underskriften; skriv under igen med ${m.expectedSigner.name}s certifikat.`,
  };
}
