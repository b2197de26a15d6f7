// Wires the database, the use cases and the services into the API handlers. Imports nothing
// from 'electron', so the desktop app, the loopback host, the CLI and the tests share it.
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { dispatch, type DispatchOptions } from '../core/api/dispatch';
import type { Handlers } from '../core/api/contract';
import type { Result } from '../core/api/errors';
import type { AppDeps, Clock, IdGenerator } from '../core/app/ports';
import { openDatabase, type Db } from '../db/open';
import { createStore } from '../db/store';
import { coreHandlers } from './handlers/core';
import { workspaceHandlers } from './handlers/workspace';
import { settingsHandlers } from './handlers/settings';
import { closePreviewPool, previewHandlers } from './handlers/preview';
import { anslagContract } from '../core/api/contracts/anslag';
import { justeringContract } from '../core/api/contracts/justering';
import { documentsContract } from '../core/api/contracts/documents';
import { shellContract } from '../core/api/contracts/shell';
import type { HandlersFor, MethodName } from '../core/api/contract';
import type { HandlerContext } from './handlers/context';
import { trustContract } from '../core/api/contracts/trust';
import { kallelseContract } from '../core/api/contracts/kallelse';
import { archiveContract } from '../core/api/contracts/archive';
import type { Pkcs11ModuleConfig } from './services/signing/pkcs11-modules';

export interface BackendOptions {
  databasePath: string;
  clock?: Clock;
  ids?: IdGenerator;
  actor?: string;
  transport?: 'ipc' | 'http' | 'in-process';
  onInternalError?: DispatchOptions['onInternalError'];
  /** PKCS#11: the module the host/CLI was started with, and the native dialog of the desktop app. */
  pkcs11?: Pkcs11ModuleConfig;
  /** The desktop app: opens e-legitimation pages in the system browser (shell.openExternal). */
  openExternal?: (url: string) => Promise<void>;
  /**
   * Leave the preview's typesetting threads running when this back end closes. They are one pool
   * for the process (their fonts parsed, their part cache warm); a process that opens many back
   * ends in turn (the end-to-end tests: one per test) keeps them and stops them itself with
   * `closePreviewPool()` (electron/handlers/preview.ts). Left alone, they still stop after a minute idle.
   */
  keepPreviewThreads?: boolean;
}

export interface Backend {
  db: Db;
  deps: AppDeps;
  handlers: Handlers;
  dispatch(method: string, input: unknown): Promise<Result<unknown>>;
  close(): void;
}

export const systemClock: Clock = { now: () => new Date() };
export const uuidIds: IdGenerator = { next: () => randomUUID() };

function defaultActor(): string {
  try {
    return userInfo().username;
  } catch {
    return 'okänd användare';
  }
}

/**
 * Handlers for every method of `contract` that build the real ones (once) on the first call.
 * A failure to load is that call's error, and the next call tries again.
 */
function lazyHandlers<K extends MethodName>(contract: Record<K, unknown>, load: () => Promise<HandlersFor<K>>): HandlersFor<K> {
  let loaded: Promise<HandlersFor<K>> | null = null;
  const get = () => {
    loaded ??= load().catch((e: unknown) => {
      loaded = null;
      throw e;
    });
    return loaded;
  };
  const entries = (Object.keys(contract) as K[]).map((method) => [method, async (input: unknown) => ((await get())[method] as (i: unknown) => unknown)(input)]);
  return Object.fromEntries(entries) as HandlersFor<K>;
}

export function createBackend(options: BackendOptions): Backend {
  const db = openDatabase(options.databasePath);
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? uuidIds;
  const actor = options.actor ?? defaultActor();
  const deps: AppDeps = { store: createStore(db, { clock, ids, actor }), clock, ids, actor };
  const ctx: HandlerContext = { deps, db, databasePath: options.databasePath, transport: options.transport ?? 'in-process', pkcs11: options.pkcs11 ?? {}, openExternal: options.openExternal };
  // Each feature contributes the handlers of its own contract module.
  // The features that render or sign documents in this thread load on their first call: their
  // modules pull in the PDF templates and the signing libraries, which a quick `justera list` does
  // not need. (The preview stays: it renders in worker threads and reads the draft at once.)
  const handlers: Handlers = {
    ...coreHandlers(ctx),
    ...workspaceHandlers(ctx),
    ...settingsHandlers(ctx),
    ...previewHandlers(ctx),
    ...lazyHandlers(anslagContract, async () => (await import('./handlers/anslag')).anslagHandlers(ctx)),
    ...lazyHandlers(justeringContract, async () => (await import('./handlers/justering')).justeringHandlers(ctx)),
    ...lazyHandlers(documentsContract, async () => (await import('./handlers/documents')).documentsHandlers(ctx)),
    ...lazyHandlers(shellContract, async () => (await import('./handlers/documents')).shellHandlers()),
    ...lazyHandlers(trustContract, async () => (await import('./handlers/trust')).trustHandlers(ctx)),
    ...lazyHandlers(kallelseContract, async () => (await import('./handlers/kallelse')).kallelseHandlers(ctx)),
    ...lazyHandlers(archiveContract, async () => (await import('./handlers/archive')).archiveHandlers(ctx)),
  };
  const onInternalError = options.onInternalError ?? ((method: string, e: unknown) => console.error(`[justera] internt fel i ${method}:`, e));
  return {
    db,
    deps,
    handlers,
    dispatch: (method, input) => dispatch(handlers, method, input, { onInternalError }),
    close: () => {
      // The preview's typesetting threads stop with the back end (a later request starts them anew).
      if (options.keepPreviewThreads !== true) void closePreviewPool();
      db.$client.close();
    },
  };
}
