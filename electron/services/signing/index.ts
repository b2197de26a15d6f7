// Public API of the signing service: PAdES signing into prepared fields, signers, verification.
// Pure Node (no electron import), so the app's worker, the CLI and tests all use it the same way.

export { signPdf, type SignPdfOptions, type SignPdfResult } from './sign';
export { addEmptySignatureFields, type EmptySignatureFieldSpec, type Rect } from './signature-fields';
export { verifyPdf, type VerificationReport, type SignatureReport, type VerifyOptions, type PadesLevel, type TimestampReport } from './verify';
export { checkIncrementalSignature, expectFieldSignedBy, type ExpectedSigner, type IncrementalCheckOptions, type IncrementalCheckResult } from './check';
export { type Signer, type KeyAlgorithm, keyObjectSigner } from './signer';
export { openPkcs12Signer, type Pkcs12Signer } from './p12';
export { listPkcs11Slots, listPkcs11Tokens, openPkcs11Signer, type Pkcs11Signer, type Pkcs11SignerOptions, type Pkcs11SlotInfo, type Pkcs11TokenInfo } from './pkcs11';
export { requestTimestampToken, type TsaOptions } from './tsa';
export { type TimestampFailure } from './pades-signer';
export { certificateInfo, type CertificateInfo } from './certificates';
export { listSignatureFields, type SignatureFieldInfo } from './list-fields';
export { errorReason, type SigningErrorReason } from './errors';
export { defaultFontPaths } from './font';
