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

const httpTransport: Transport = async (method, input) => {
  try {
    const res = await fetch(`./api/call/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(input ?? {}),
    });
    if (res.status === 401) {
      return { ok: false, error: { code: 'unauthorized', message: 'Sessionen saknar åtkomstnyckel. Öppna adressen som skrevs ut när Justera startade.' } };
    }
    return (await res.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'io', message: 'Kontakten med Justeras bakände bröts. Kontrollera att programmet fortfarande körs och ladda om sidan.' } };
  }
};

export function createApi(): ApiClient {
  const bridge = window.justera;
  return createClient(bridge ? (m, i) => bridge.invoke(m, i) : httpTransport);
}

export const api = createApi();
