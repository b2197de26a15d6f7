// Signing errors: AppError with a Swedish message plus a stable machine-readable reason in details.
import { AppError, type ErrorCode } from '../../../core/api/errors';

export type SigningErrorReason =
  | 'not_pdf'
  | 'truncated_pdf'
  | 'encrypted_pdf'
  | 'field_missing'
  | 'field_exists'
  | 'field_already_signed'
  | 'field_not_signature'
  | 'wrong_password'
  | 'wrong_pin'
  | 'pin_locked'
  | 'token_missing'
  | 'key_missing'
  | 'unsupported_p12'
  | 'unsupported_key'
  | 'key_certificate_mismatch'
  | 'certificate_expired'
  | 'certificate_not_yet_valid'
  | 'certificate_key_usage'
  | 'certificate_unfit'
  | 'font_missing'
  | 'tsa_unreachable'
  | 'tsa_rejected'
  | 'signature_too_large'
  | 'signature_self_check'
  | 'pkcs11_unavailable'
  | 'pkcs11_error'
  | 'not_incremental'
  | 'unexpected_signatures'
  | 'unexpected_changes'
  | 'wrong_field'
  | 'wrong_signer'
  | 'invalid_signature'
  | 'trust_store_empty'
  | 'untrusted_certificate'
  | 'signing_time_not_credible';

export function signingError(code: ErrorCode, reason: SigningErrorReason, message: string, extra: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, { reason, ...extra });
}

/** The reason stored by signingError, for callers and tests that branch on it. */
export function errorReason(e: unknown): SigningErrorReason | undefined {
  if (!(e instanceof AppError)) return undefined;
  const r = e.details?.['reason'];
  return typeof r === 'string' ? (r as SigningErrorReason) : undefined;
}
