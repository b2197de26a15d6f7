// The Store port (core/app/ports.ts) implemented on SQLite; one object per open database.
import { and, eq } from 'drizzle-orm';
import type { Clock, IdGenerator, Store } from '../core/app/ports';
import type { Db } from './open';
import { withDbErrors } from './errors';
import { appendAudit } from './repos/audit';
import { listBoards, listMeetings, listOrganisations } from './repos/catalog';
import { insertMeetingDocument, loadMeetingDocument, usedParagraphNumbers } from './repos/meetings';
import { boards, organisations } from './schema';

export function createStore(db: Db, deps: { clock: Clock; ids: IdGenerator; actor: string }): Store {
  const ctx = () => ({ newId: () => deps.ids.next(), now: deps.clock.now().toISOString() });
  let depth = 0;
  return {
    transaction(fn) {
      // Nested calls join the outer transaction (better-sqlite3 would use a savepoint).
      if (depth > 0) return fn();
      depth += 1;
      try {
        return withDbErrors(() => db.$client.transaction(fn).immediate());
      } finally {
        depth -= 1;
      }
    },
    listOrganisations: () => listOrganisations(db),
    listBoards: () => listBoards(db),
    listMeetings: (filter) => listMeetings(db, filter),
    loadMeeting: (id, options) => loadMeetingDocument(db, id, options),
    findBoard(organisationName, boardName) {
      const row = db
        .select({ id: boards.id })
        .from(boards)
        .innerJoin(organisations, eq(organisations.id, boards.organisationId))
        .where(and(eq(organisations.name, organisationName), eq(boards.name, boardName)))
        .get();
      return row ?? null;
    },
    insertMeeting: (doc) => withDbErrors(() => insertMeetingDocument(db, doc, ctx())),
    usedParagraphNumbers: (boardId, year) => usedParagraphNumbers(db, boardId, year),
    audit: (record) => appendAudit(db, { ...record, at: deps.clock.now().toISOString(), actor: deps.actor }),
  };
}
