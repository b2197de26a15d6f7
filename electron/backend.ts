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
import { anslagHandlers } from './handlers/anslag';
import { workspaceHandlers } from './handlers/workspace';
import { justeringHandlers } from './handlers/justering';
import { settingsHandlers } from './handlers/settings';
import { documentsHandlers, shellHandlers } from './handlers/documents';
import { closePreviewPool, previewHandlers } from './handlers/preview';
import type { HandlerContext } from './handlers/context';

export interface BackendOptions {
  databasePath: string;
  clock?: Clock;
  ids?: IdGenerator;
  actor?: string;
  transport?: 'ipc' | 'http' | 'in-process';
  onInternalError?: DispatchOptions['onInternalError'];
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

export function createBackend(options: BackendOptions): Backend {
  const db = openDatabase(options.databasePath);
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? uuidIds;
  const actor = options.actor ?? defaultActor();
  const deps: AppDeps = { store: createStore(db, { clock, ids, actor }), clock, ids, actor };
  const ctx: HandlerContext = { deps, db, databasePath: options.databasePath, transport: options.transport ?? 'in-process' };
  // Each feature contributes the handlers of its own contract module.
  const handlers: Handlers = {
    ...coreHandlers(ctx),
    ...anslagHandlers(ctx),
    ...workspaceHandlers(ctx),
    ...justeringHandlers(ctx),
    ...settingsHandlers(ctx),
    ...previewHandlers(ctx),
    ...documentsHandlers(ctx),
    ...shellHandlers(),
  };
  const onInternalError = options.onInternalError ?? ((method: string, e: unknown) => console.error(`[justera] internt fel i ${method}:`, e));
  return {
    db,
    deps,
    handlers,
    dispatch: (method, input) => dispatch(handlers, method, input, { onInternalError }),
    close: () => {
      // The preview's typesetting threads stop with the back end (a later request starts them anew).
      void closePreviewPool();
      db.$client.close();
    },
  };
}
