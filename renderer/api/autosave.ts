// Autosave: every change is saved shortly after it happens, without a Save button.
//  - A field reports that it changed (change()); its value is read when the short delay has
//    passed (≤ 400 ms), so typing costs nothing per keystroke.
//  - Saves go out one at a time, in order. Until the back end confirms one, it is also kept in
//    localStorage; if the page or the machine dies first, it is sent again at the next start.
//  - On blur, page hide and before undo the pending changes are sent at once; when the page is
//    being unloaded they go with keepalive so the request survives the unload.
import type { Input, MethodName, Output } from '../../core/api/contract';
import type { ErrorBody } from '../../core/api/errors';
import { api, keepaliveApi } from './transport';

export const AUTOSAVE_DELAY_MS = 400;
const STORAGE_KEY = 'justera.unsaved.v1';
const RETRY_MS = 3000;

export interface SaveOp<M extends MethodName = MethodName> {
  /** Later changes with the same key replace earlier unsent ones. */
  key: string;
  method: M;
  input: Input<M>;
  onSaved?(value: Output<M>): void;
  onError?(error: ErrorBody): void;
}

/** Any one method's save. */
export type AnySaveOp = { [M in MethodName]: SaveOp<M> }[MethodName];

/** The same save, also telling `saved`/`failed` how it went. */
export function observe<T extends AnySaveOp>(op: T, saved: () => void, failed: (e: ErrorBody) => void): T {
  const base = op as SaveOp;
  return {
    ...op,
    onSaved: (v: never) => {
      saved();
      base.onSaved?.(v);
    },
    onError: (e: ErrorBody) => {
      failed(e);
      base.onError?.(e);
    },
  } as T;
}

export type SaveStatus = { state: 'saved' } | { state: 'saving' } | { state: 'error'; message: string } | { state: 'offline'; message: string };

type Producer = () => AnySaveOp | null;

interface Stored {
  key: string;
  method: MethodName;
  input: unknown;
}

class Autosave {
  private timers = new Map<string, { timer: ReturnType<typeof setTimeout>; produce: Producer }>();
  private queue: SaveOp[] = [];
  private sending: Promise<void> | null = null;
  private status: SaveStatus = { state: 'saved' };
  private listeners = new Set<(s: SaveStatus) => void>();
  private idleWaiters: (() => void)[] = [];
  private unloading = false;

  /** A field changed; `produce` is called after the delay to read its value. */
  change(key: string, produce: Producer, delay = AUTOSAVE_DELAY_MS): void {
    const existing = this.timers.get(key);
    if (existing !== undefined) clearTimeout(existing.timer);
    const timer = setTimeout(() => this.flushKey(key), delay);
    this.timers.set(key, { timer, produce });
    if (this.status.state === 'saved') this.setStatus({ state: 'saving' });
  }

  /** Sends the field's pending change now (on blur). */
  flushKey(key: string): void {
    const t = this.timers.get(key);
    if (t === undefined) return;
    clearTimeout(t.timer);
    this.timers.delete(key);
    const op = t.produce();
    if (op !== null) this.enqueue(op as SaveOp);
    else this.settleIfIdle();
  }

  /** Saves a change directly (a click, a selection): no delay. */
  save(op: AnySaveOp): void {
    this.enqueue(op as SaveOp);
  }

  /** Sends everything pending and waits until the back end has it. */
  async flush(): Promise<void> {
    for (const key of [...this.timers.keys()]) this.flushKey(key);
    if (this.queue.length === 0 && this.sending === null) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  hasPending(): boolean {
    return this.timers.size > 0 || this.queue.length > 0 || this.sending !== null;
  }

  /** The page is going away: store everything and send it with keepalive. */
  flushOnUnload(): void {
    if (this.unloading) return;
    this.unloading = true;
    for (const [key, t] of [...this.timers]) {
      clearTimeout(t.timer);
      this.timers.delete(key);
      const op = t.produce() as SaveOp | null;
      if (op !== null) this.queue = [...this.queue.filter((q) => q.key !== op.key), op];
    }
    this.persist();
    for (const op of this.queue) void keepaliveApi.request(op.method, op.input as never);
  }

  /** Sends what a previous session left unsaved (called once at start-up). */
  restore(): void {
    let stored: Stored[] = [];
    try {
      stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as Stored[];
    } catch {
      stored = [];
    }
    if (!Array.isArray(stored) || stored.length === 0) return;
    for (const s of stored) this.queue.push({ key: s.key, method: s.method, input: s.input as never });
    this.kick();
  }

  subscribe(fn: (s: SaveStatus) => void): () => void {
    this.listeners.add(fn);
    fn(this.status);
    return () => this.listeners.delete(fn);
  }

  getStatus(): SaveStatus {
    return this.status;
  }

  private enqueue(op: SaveOp): void {
    const i = this.queue.findIndex((q) => q.key === op.key);
    // The op being sent is not in the queue any more, so a replacement always goes after it.
    if (i >= 0) this.queue[i] = op;
    else this.queue.push(op);
    this.persist();
    this.setStatus({ state: 'saving' });
    this.kick();
  }

  private kick(): void {
    if (this.sending !== null) return;
    this.sending = this.drain().finally(() => {
      this.sending = null;
      this.settleIfIdle();
    });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const op = this.queue[0];
      if (op === undefined) return;
      const r = await api.request(op.method, op.input as never);
      if (!r.ok && (r.error.code === 'io' || r.error.code === 'unauthorized')) {
        this.setStatus({ state: 'offline', message: r.error.message });
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        continue;
      }
      if (this.queue[0] === op) this.queue.shift();
      else this.queue = this.queue.filter((q) => q !== op);
      this.persist();
      if (r.ok) op.onSaved?.(r.value as never);
      else {
        op.onError?.(r.error);
        this.setStatus({ state: 'error', message: r.error.message });
      }
    }
  }

  private settleIfIdle(): void {
    if (this.timers.size > 0 || this.queue.length > 0 || this.sending !== null) return;
    if (this.status.state === 'saving' || this.status.state === 'offline') this.setStatus({ state: 'saved' });
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private persist(): void {
    try {
      const stored: Stored[] = this.queue.map((q) => ({ key: q.key, method: q.method, input: q.input }));
      if (stored.length === 0) localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, JSON.stringify(stored));
    } catch {
      // Storage full or unavailable: the save itself still goes out.
    }
  }

  private setStatus(s: SaveStatus): void {
    this.status = s;
    for (const l of this.listeners) l(s);
  }

  /** Clears an error once the user has seen it and changed something. */
  clearError(): void {
    if (this.status.state === 'error') this.setStatus(this.hasPending() ? { state: 'saving' } : { state: 'saved' });
  }
}

export const autosave = new Autosave();

/** Wires the page lifecycle: nothing typed is lost when the tab closes, reloads or hides. */
export function installAutosaveLifecycle(): void {
  autosave.restore();
  window.addEventListener('pagehide', () => autosave.flushOnUnload());
  window.addEventListener('beforeunload', () => autosave.flushOnUnload());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') void autosave.flush();
  });
}
