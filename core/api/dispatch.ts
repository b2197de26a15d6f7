// Validates a call against the contract, runs its handler and wraps the outcome as a Result.
import { AppError, toErrorBody, type Result } from './errors';
import { contract, isMethodName, type Handlers } from './contract';
import { issuesOf, userMessage } from './validation';

export interface DispatchOptions {
  /** Told about unexpected (internal) errors; the caller gets only a generic Swedish message. */
  onInternalError?: (method: string, error: unknown) => void;
}

export async function dispatch(handlers: Handlers, method: string, raw: unknown, options: DispatchOptions = {}): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    return { ok: false, error: new AppError('not_found', `Okänd åtgärd "${method}".`).toBody() };
  }
  const parsed = contract[method].input.safeParse(raw ?? {});
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    return {
      ok: false,
      error: new AppError(
        'validation',
        userMessage(
          issues,
          parsed.error.issues.map((i) => i.path),
        ),
        { issues },
      ).toBody(),
    };
  }
  try {
    const handler = handlers[method] as (input: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value };
  } catch (e) {
    if (!(e instanceof AppError)) options.onInternalError?.(method, e);
    return { ok: false, error: toErrorBody(e) };
  }
}
