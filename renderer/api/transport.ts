// Picks the transport: Electron's preload bridge when present, else the loopback HTTP host.
import { createClient, type ApiClient, type Transport } from '../../core/api/client';
import type { Result } from '../../core/api/errors';

interface Bridge {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, cb: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    justera?: Bridge;
  }
}

/** Browsers only let a request outlive the page (keepalive) when its body is below 64 KiB. */
const KEEPALIVE_LIMIT = 60_000;

function httpTransport(keepalive: boolean): Transport {
  return async (method, input) => {
    const body = JSON.stringify(input ?? {});
    try {
      const res = await fetch(`./api/call/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        credentials: 'same-origin',
        body,
        keepalive: keepalive && body.length < KEEPALIVE_LIMIT,
      });
      if (res.status === 401) {
        return { ok: false, error: { code: 'unauthorized', message: 'Sessionen saknar åtkomstnyckel. Öppna adressen som skrevs ut när Justera startade.' } };
      }
      return (await res.json()) as Result<unknown>;
    } catch {
      return { ok: false, error: { code: 'io', message: 'Kontakten med Justeras bakände bröts. Kontrollera att programmet fortfarande körs och ladda om sidan.' } };
    }
  };
}

export function createApi(options: { keepalive?: boolean } = {}): ApiClient {
  const bridge = window.justera;
  return createClient(bridge ? (m, i) => bridge.invoke(m, i) : httpTransport(options.keepalive ?? false));
}

export const api = createApi();

/** For the last saves while the page goes away: the request survives the unload. */
export const keepaliveApi = createApi({ keepalive: true });
