// Workspace persistence, part 1: organisations, boards, people, assignments and officials.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../open';
import { assignments, boards, officials, organisations, persons } from '../schema';
import type { AssignmentFields, BoardFields, OfficialFields, OrganisationFields, WorkspaceStore } from '../../core/app/workspace/ports';
import type { BoardDetails } from '../../core/app/workspace/types';
import type { BoardKind, MemberRole, OrganisationKind } from '../../core/format/meeting';

export interface RepoContext {
  newId(): string;
  now(): string;
}

type PeopleStore = Pick<
  WorkspaceStore,
  | 'insertOrganisation'
  | 'updateOrganisation'
  | 'getOrganisation'
  | 'findOrganisationByName'
  | 'insertBoard'
  | 'updateBoard'
  | 'getBoard'
  | 'findBoardByName'
  | 'boardDetails'
  | 'insertPerson'
  | 'renamePerson'
  | 'personName'
  | 'personEmail'
  | 'setPersonEmail'
  | 'boardPersonByName'
  | 'insertAssignment'
  | 'updateAssignment'
  | 'getAssignment'
  | 'listAssignments'
  | 'insertOfficial'
  | 'updateOfficial'
  | 'getOfficial'
  | 'deleteOfficial'
  | 'attendedBoardMeeting'
>;

function assignmentFields(r: typeof assignments.$inferSelect): AssignmentFields & { id: string } {
  return {
    id: r.id,
    personId: r.personId,
    role: r.role as MemberRole,
    party: r.party,
    represents: r.represents,
    termStart: r.termStart,
    termEnd: r.termEnd,
    substituteOrder: r.substituteOrder,
    substituteForPersonId: r.substituteForPersonId,
    retiredOn: r.retiredOn,
  };
}

export function peopleStore(db: Db, ctx: RepoContext): PeopleStore {
  return {
    insertOrganisation(f: OrganisationFields) {
      const id = ctx.newId();
      db.insert(organisations)
        .values({ id, ...f, createdAt: ctx.now() })
        .run();
      return id;
    },
    updateOrganisation(id, f) {
      if (Object.keys(f).length > 0) db.update(organisations).set(f).where(eq(organisations.id, id)).run();
    },
    getOrganisation(id) {
      const r = db.select().from(organisations).where(eq(organisations.id, id)).get();
      return r === undefined ? null : { id: r.id, name: r.name, kind: r.kind as OrganisationKind, headerName: r.headerName, orgNumber: r.orgNumber };
    },
    findOrganisationByName(name) {
      return (
        db
          .select({ id: organisations.id })
          .from(organisations)
          .where(sql`lower(${organisations.name}) = lower(${name})`)
          .get()?.id ?? null
      );
    },
    insertBoard(organisationId, f: BoardFields) {
      const id = ctx.newId();
      db.insert(boards)
        .values({ id, organisationId, ...f, createdAt: ctx.now() })
        .run();
      return id;
    },
    updateBoard(id, f) {
      if (Object.keys(f).length > 0) db.update(boards).set(f).where(eq(boards.id, id)).run();
    },
    getBoard(id) {
      const r = db.select().from(boards).where(eq(boards.id, id)).get();
      if (r === undefined) return null;
      return {
        id: r.id,
        organisationId: r.organisationId,
        name: r.name,
        shortName: r.shortName,
        kind: r.kind as BoardKind,
        seats: r.seats,
        storagePlace: r.storagePlace,
        noticeBoardUrl: r.noticeBoardUrl,
      };
    },
    findBoardByName(organisationId, name) {
      return (
        db
          .select({ id: boards.id })
          .from(boards)
          .where(and(eq(boards.organisationId, organisationId), sql`lower(${boards.name}) = lower(${name})`))
          .get()?.id ?? null
      );
    },
    boardDetails(boardId): BoardDetails | null {
      const b = db.select().from(boards).where(eq(boards.id, boardId)).get();
      if (b === undefined) return null;
      const o = db.select().from(organisations).where(eq(organisations.id, b.organisationId)).get();
      if (o === undefined) return null;
      const people = db.all<{ id: string; name: string; email: string | null }>(sql`SELECT id, name, email FROM persons WHERE id IN (
            SELECT person_id FROM assignments WHERE board_id = ${boardId}
            UNION SELECT substitute_for_person_id FROM assignments WHERE board_id = ${boardId}
            UNION SELECT person_id FROM officials WHERE board_id = ${boardId})`);
      const names = new Map(people.map((p) => [p.id, p.name]));
      const emails = new Map(people.map((p) => [p.id, p.email]));
      const members = db
        .select()
        .from(assignments)
        .where(eq(assignments.boardId, boardId))
        .orderBy(sql`${assignments}.rowid`)
        .all();
      const offs = db
        .select()
        .from(officials)
        .where(eq(officials.boardId, boardId))
        .orderBy(sql`${officials}.rowid`)
        .all();
      const years = db.all<{ year: number }>(sql`SELECT DISTINCT year FROM meetings WHERE board_id = ${boardId} ORDER BY year DESC`);
      return {
        organisation: { id: o.id, name: o.name, kind: o.kind as OrganisationKind, headerName: o.headerName, orgNumber: o.orgNumber },
        board: { id: b.id, name: b.name, shortName: b.shortName, kind: b.kind as BoardKind, seats: b.seats, storagePlace: b.storagePlace, noticeBoardUrl: b.noticeBoardUrl },
        members: members.map((m) => ({
          assignmentId: m.id,
          personId: m.personId,
          name: names.get(m.personId) ?? '',
          email: emails.get(m.personId) ?? null,
          role: m.role as MemberRole,
          party: m.party,
          represents: m.represents,
          termStart: m.termStart,
          termEnd: m.termEnd,
          substituteOrder: m.substituteOrder,
          substituteForPersonId: m.substituteForPersonId,
          substituteForName: m.substituteForPersonId === null ? null : (names.get(m.substituteForPersonId) ?? null),
          retiredOn: m.retiredOn,
        })),
        officials: offs.map((x) => ({ officialId: x.id, personId: x.personId, name: names.get(x.personId) ?? '', title: x.title, organisation: x.organisation })),
        meetingYears: years.map((y) => y.year),
      };
    },
    insertPerson(name) {
      const id = ctx.newId();
      db.insert(persons).values({ id, name, createdAt: ctx.now() }).run();
      return id;
    },
    renamePerson(id, name) {
      db.update(persons).set({ name }).where(eq(persons.id, id)).run();
    },
    personName(id) {
      return db.select({ name: persons.name }).from(persons).where(eq(persons.id, id)).get()?.name ?? null;
    },
    personEmail(id) {
      return db.select({ email: persons.email }).from(persons).where(eq(persons.id, id)).get()?.email ?? null;
    },
    setPersonEmail(id, email) {
      db.update(persons).set({ email }).where(eq(persons.id, id)).run();
    },
    boardPersonByName(boardId, name) {
      const r = db.get<{ id: string } | undefined>(sql`
        SELECT p.id FROM persons p WHERE p.name = ${name} AND p.id IN (
          SELECT person_id FROM assignments WHERE board_id = ${boardId}
          UNION SELECT person_id FROM officials WHERE board_id = ${boardId}
          UNION SELECT a.person_id FROM attendance a JOIN meetings m ON m.id = a.meeting_id WHERE m.board_id = ${boardId})
        ORDER BY p.rowid LIMIT 1`);
      return r?.id ?? null;
    },
    insertAssignment(boardId, f) {
      const id = ctx.newId();
      db.insert(assignments)
        .values({ id, boardId, ...f })
        .run();
      return id;
    },
    updateAssignment(id, f) {
      if (Object.keys(f).length > 0) db.update(assignments).set(f).where(eq(assignments.id, id)).run();
    },
    getAssignment(id) {
      const r = db.select().from(assignments).where(eq(assignments.id, id)).get();
      return r === undefined ? null : { ...assignmentFields(r), boardId: r.boardId };
    },
    listAssignments(boardId) {
      return db
        .select()
        .from(assignments)
        .where(eq(assignments.boardId, boardId))
        .orderBy(sql`${assignments}.rowid`)
        .all()
        .map(assignmentFields);
    },
    insertOfficial(boardId, f: OfficialFields) {
      const id = ctx.newId();
      db.insert(officials)
        .values({ id, boardId, ...f })
        .run();
      return id;
    },
    updateOfficial(id, f) {
      if (Object.keys(f).length > 0) db.update(officials).set(f).where(eq(officials.id, id)).run();
    },
    getOfficial(id) {
      const r = db.select().from(officials).where(eq(officials.id, id)).get();
      return r === undefined ? null : { id: r.id, boardId: r.boardId, personId: r.personId, title: r.title, organisation: r.organisation };
    },
    deleteOfficial(id) {
      db.delete(officials).where(eq(officials.id, id)).run();
    },
    attendedBoardMeeting(boardId, personId) {
      const r = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM attendance a JOIN meetings m ON m.id = a.meeting_id WHERE m.board_id = ${boardId} AND a.person_id = ${personId}`);
      return (r?.n ?? 0) > 0;
    },
  };
}
