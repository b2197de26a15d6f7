// The message to show for a failed call: the back end's Swedish message, else the error's own.
import { ApiError } from '../../core/api/client';

export function errorMessage(e: unknown): string {
  return e instanceof ApiError || e instanceof Error ? e.message : String(e);
}

/**
 * The messages of a refused call's validation issues, by field: an issue whose path starts with
 * one of `fields` (e.g. "serviceCertificatePem") is said at that field. `rest` is the message when
 * no issue names a field of the form (it is said below the form).
 */
export function fieldErrors<F extends string>(e: unknown, fields: readonly F[]): { at: Partial<Record<F, string>>; rest: string | null } {
  const at: Partial<Record<F, string>> = {};
  for (const issue of e instanceof ApiError ? (e.details?.issues ?? []) : []) {
    const field = fields.find((f) => issue.path === f || issue.path.startsWith(`${f}.`) || issue.path.startsWith(`${f}[`));
    if (field !== undefined && at[field] === undefined) at[field] = issue.message;
  }
  return { at, rest: Object.keys(at).length === 0 ? errorMessage(e) : null };
}
