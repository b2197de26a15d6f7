// The WorkspaceStore port (core/app/workspace/ports.ts) on SQLite, assembled from its parts.
// Writes run inside the caller's transaction (deps.store.transaction); nothing here awaits.
import type { Clock, IdGenerator } from '../../core/app/ports';
import type { WorkspaceStore } from '../../core/app/workspace/ports';
import type { Db } from '../open';
import { peopleStore } from './workspace-people';
import { meetingStore } from './workspace-meetings';
import { journalStore } from './workspace-journal';

export function createWorkspaceStore(db: Db, deps: { clock: Clock; ids: IdGenerator }): WorkspaceStore {
  const ctx = { newId: () => deps.ids.next(), now: () => deps.clock.now().toISOString() };
  return { ...peopleStore(db, ctx), ...meetingStore(db, ctx), ...journalStore(db) };
}
