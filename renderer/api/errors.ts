// The message to show for a failed call: the back end's Swedish message, else the error's own.
import { ApiError } from '../../core/api/client';

export function errorMessage(e: unknown): string {
  return e instanceof ApiError || e instanceof Error ? e.message : String(e);
}
