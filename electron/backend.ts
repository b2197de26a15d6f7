// Wires the database, the use cases and the services into the API handlers. Imports nothing
// from 'electron', so the desktop app, the loopback host, the CLI and the tests share it.
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { dispatch, type DispatchOptions } from '../core/api/dispatch';
import type { Handlers } from '../core/api/contract';
import type { Result } from '../core/api/errors';
import type { AppDeps, Clock, IdGenerator } from '../core/app/ports';
import * as meetings from '../core/app/meetings';
import { openDatabase, type Db } from '../db/open';
import { createStore } from '../db/store';
import { APP_NAME, APP_VERSION } from './version';

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
  const handlers: Handlers = {
    'app.info': () => ({ name: APP_NAME, version: APP_VERSION, databasePath: options.databasePath, transport: options.transport ?? 'in-process' }),
    'organisations.list': () => meetings.listOrganisations(deps),
    'boards.list': () => meetings.listBoards(deps),
    'meetings.list': (input) => meetings.listMeetings(deps, input),
    'meetings.get': (input) => meetings.getMeeting(deps, input.meetingId),
    'meetings.import': (input) => meetings.importMeeting(deps, input.document),
    'meetings.export': (input) => meetings.exportMeeting(deps, input.meetingId),
    'demo.load': () => meetings.loadDemo(deps),
  };
  const onInternalError = options.onInternalError ?? ((method: string, e: unknown) => console.error(`[justera] internt fel i ${method}:`, e));
  return {
    db,
    deps,
    handlers,
    dispatch: (method, input) => dispatch(handlers, method, input, { onInternalError }),
    close: () => db.$client.close(),
  };
}
