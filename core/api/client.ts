// The typed client every caller uses; a transport only moves (method, input) → Result.
import type { ErrorBody, Result } from './errors';
import type { EventName, Events, Input, MethodName, Output } from './contract';

export type Transport = (method: string, input: unknown) => Promise<Result<unknown>>;

/** Thrown by the client when the back end answers with an error; `message` is Swedish. */
export class ApiError extends Error {
  readonly code: ErrorBody['code'];
  readonly details: ErrorBody['details'];
  constructor(body: ErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.code = body.code;
    this.details = body.details;
  }
}

export interface ApiClient {
  call<M extends MethodName>(method: M, input: Input<M>): Promise<Output<M>>;
  /** The raw result, for callers that show errors inline instead of catching. */
  request<M extends MethodName>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
}

export function createClient(transport: Transport): ApiClient {
  return {
    async request(method, input) {
      return (await transport(method, input)) as Result<Output<typeof method>>;
    },
    async call(method, input) {
      const r = await transport(method, input);
      if (!r.ok) throw new ApiError(r.error);
      return r.value as Output<typeof method>;
    },
  };
}

export type EventSource = <E extends EventName>(event: E, cb: (payload: Events[E]) => void) => () => void;
