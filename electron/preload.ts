// Runs sandboxed in every window before the page. Exposes window.justera with exactly two
// functions; ipcRenderer itself never reaches the page.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { toErrorBody, type Result } from '../core/api/errors';
import { EVENT_CHANNEL, INVOKE_CHANNEL, isDesktopEventName, type DesktopEventName, type DesktopEvents } from './events';

export interface JusteraBridge {
  /** Calls a contract method; always resolves to a Result, never rejects. */
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to one of the known events; returns the function that unsubscribes. */
  on<E extends DesktopEventName>(event: E, callback: (payload: DesktopEvents[E]) => void): () => void;
}

type Listener = (payload: unknown) => void;
const listeners = new Map<DesktopEventName, Set<Listener>>();

// One IPC listener for all subscriptions; the IPC event object (it carries the sender) is
// dropped here and never handed to page code.
ipcRenderer.on(EVENT_CHANNEL, (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
  if (!isDesktopEventName(name)) return;
  for (const listener of [...(listeners.get(name) ?? [])]) {
    try {
      listener(payload);
    } catch (e) {
      console.error(`[justera] fel i lyssnare för ${name}:`, e);
    }
  }
});

export const bridge: JusteraBridge = {
  invoke(method, input) {
    if (typeof method !== 'string') {
      return Promise.resolve({ ok: false, error: { code: 'validation', message: 'Anropet saknar namn på åtgärden.' } });
    }
    return (ipcRenderer.invoke(INVOKE_CHANNEL, method, input) as Promise<Result<unknown>>).catch((e: unknown) => ({ ok: false as const, error: toErrorBody(e) }));
  },
  on(event, callback) {
    if (!isDesktopEventName(event)) throw new Error(`Okänd händelse "${String(event)}".`);
    if (typeof callback !== 'function') throw new TypeError('En funktion måste anges som lyssnare.');
    // A wrapper per subscription, so subscribing the same function twice needs two unsubscribes.
    const listener: Listener = (payload) => callback(payload as DesktopEvents[typeof event]);
    let set = listeners.get(event);
    if (!set) {
      set = new Set();
      listeners.set(event, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('justera', bridge);
