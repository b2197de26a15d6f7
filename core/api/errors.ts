// One error type for everything that crosses the API boundary; codes are stable, messages Swedish.

export const errorCodes = [
  'validation', // input does not match the schema or a domain rule
  'not_found',
  'conflict', // e.g. duplicate § number, already signed field
  'locked', // frozen or adjusted content may not change
  'signature', // a signature could not be made or does not verify
  'io', // file system problems (missing file, read-only, disk full)
  'unauthorized', // transport: bad or missing token
  'internal', // anything unexpected; never leaks a stack
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export interface ErrorIssue {
  /** Path into the input, e.g. "paragraphs[3].number". */
  path: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: { issues?: ErrorIssue[]; [key: string]: unknown };
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorBody['details'];

  constructor(code: ErrorCode, message: string, details?: ErrorBody['details']) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toBody(): ErrorBody {
    return this.details === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, details: this.details };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorBody };

/** Turns anything thrown into an ErrorBody fit for the renderer: no stack, Swedish text. */
export function toErrorBody(e: unknown): ErrorBody {
  if (isAppError(e)) return e.toBody();
  return {
    code: 'internal',
    message: 'Ett oväntat fel inträffade. Försök igen; om felet kvarstår, kontakta IT-supporten och ange tidpunkten.',
  };
}
