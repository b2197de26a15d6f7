// Organisations, boards and their people: members with their terms (retired ones are kept, so
// old protocols still show who sat then), officials, and member lists imported from CSV.
import { AppError } from '../../api/errors';
import type { BoardKind, MemberRole, OrganisationKind } from '../../format/meeting';
import { personNameOrThrow, type WorkspaceDeps } from './deps';
import type { AssignmentFields, BoardFields, OrganisationFields } from './ports';
import type { BoardDetails } from './types';
import { base64ToBytes } from '../../format/base64';
import { readMemberCsv } from './csv';

const orNull = (s: string | undefined | null): string | null => (s === undefined || s === null || s.trim() === '' ? null : s.trim());

export function createOrganisation(deps: WorkspaceDeps, input: { name: string; kind: OrganisationKind; headerName?: string; orgNumber?: string }): { organisationId: string } {
  return deps.store.transaction(() => {
    if (deps.ws.findOrganisationByName(input.name) !== null) {
      throw new AppError('conflict', `Det finns redan en organisation som heter ${input.name}. Välj den i listan i stället.`);
    }
    const organisationId = deps.ws.insertOrganisation({ name: input.name, kind: input.kind, headerName: orNull(input.headerName), orgNumber: orNull(input.orgNumber) });
    deps.store.audit({ action: 'organisation.created', entity: 'organisation', entityId: organisationId, details: { name: input.name } });
    return { organisationId };
  });
}

export function updateOrganisation(deps: WorkspaceDeps, id: string, patch: { name?: string; kind?: OrganisationKind; headerName?: string; orgNumber?: string }): void {
  deps.store.transaction(() => {
    const org = deps.ws.getOrganisation(id);
    if (org === null) throw new AppError('not_found', 'Organisationen finns inte.');
    if (patch.name !== undefined && patch.name !== org.name && deps.ws.findOrganisationByName(patch.name) !== null) {
      throw new AppError('conflict', `Det finns redan en organisation som heter ${patch.name}.`);
    }
    const fields: Partial<OrganisationFields> = {};
    if (patch.name !== undefined) fields.name = patch.name;
    if (patch.kind !== undefined) fields.kind = patch.kind;
    if (patch.headerName !== undefined) fields.headerName = orNull(patch.headerName);
    if (patch.orgNumber !== undefined) fields.orgNumber = orNull(patch.orgNumber);
    deps.ws.updateOrganisation(id, fields);
    deps.store.audit({ action: 'organisation.updated', entity: 'organisation', entityId: id, details: { fields: Object.keys(fields) } });
  });
}

export interface BoardInput {
  name: string;
  shortName?: string;
  kind: BoardKind;
  seats: number;
  storagePlace: string;
  noticeBoardUrl?: string;
}

export function createBoard(deps: WorkspaceDeps, organisationId: string, input: BoardInput): { boardId: string } {
  return deps.store.transaction(() => {
    if (deps.ws.getOrganisation(organisationId) === null) throw new AppError('not_found', 'Organisationen finns inte. Skapa eller välj en organisation först.');
    if (deps.ws.findBoardByName(organisationId, input.name) !== null) {
      throw new AppError('conflict', `Organisationen har redan en nämnd som heter ${input.name}.`);
    }
    const boardId = deps.ws.insertBoard(organisationId, boardFields(input));
    deps.store.audit({ action: 'board.created', entity: 'board', entityId: boardId, details: { name: input.name, organisationId } });
    return { boardId };
  });
}

function boardFields(input: BoardInput): BoardFields {
  return {
    name: input.name,
    shortName: orNull(input.shortName),
    kind: input.kind,
    seats: input.seats,
    storagePlace: input.storagePlace,
    noticeBoardUrl: orNull(input.noticeBoardUrl),
  };
}

export function updateBoard(deps: WorkspaceDeps, boardId: string, patch: Partial<BoardInput>): void {
  deps.store.transaction(() => {
    const board = deps.ws.getBoard(boardId);
    if (board === null) throw new AppError('not_found', 'Nämnden finns inte.');
    if (patch.name !== undefined && patch.name !== board.name && deps.ws.findBoardByName(board.organisationId, patch.name) !== null) {
      throw new AppError('conflict', `Organisationen har redan en nämnd som heter ${patch.name}.`);
    }
    const fields: Partial<BoardFields> = {};
    if (patch.name !== undefined) fields.name = patch.name;
    if (patch.shortName !== undefined) fields.shortName = orNull(patch.shortName);
    if (patch.kind !== undefined) fields.kind = patch.kind;
    if (patch.seats !== undefined) fields.seats = patch.seats;
    if (patch.storagePlace !== undefined) fields.storagePlace = patch.storagePlace;
    if (patch.noticeBoardUrl !== undefined) fields.noticeBoardUrl = orNull(patch.noticeBoardUrl);
    deps.ws.updateBoard(boardId, fields);
    deps.store.audit({ action: 'board.updated', entity: 'board', entityId: boardId, details: { fields: Object.keys(fields) } });
  });
}

export function getBoard(deps: WorkspaceDeps, boardId: string): BoardDetails {
  const d = deps.ws.boardDetails(boardId);
  if (d === null) throw new AppError('not_found', 'Nämnden finns inte (den kan ha tagits bort). Välj en nämnd på startsidan.');
  return d;
}

export interface MemberInput {
  role: MemberRole;
  party?: string;
  represents?: string;
  termStart: string;
  termEnd: string;
  substituteOrder?: number | null;
  substituteForPersonId?: string | null;
}

function checkMember(deps: WorkspaceDeps, boardId: string, personId: string, f: AssignmentFields, exceptAssignment: string | null): void {
  const name = deps.ws.personName(personId) ?? 'Personen';
  if (f.termEnd < f.termStart) throw new AppError('validation', `Mandatperioden för ${name} slutar (${f.termEnd}) före den börjar (${f.termStart}). Rätta datumen.`);
  if (f.role !== 'ersattare' && f.substituteOrder !== null) throw new AppError('validation', 'Bara ersättare har en ersättarordning. Töm fältet eller välj rollen Ersättare.');
  if (f.role !== 'ersattare' && f.substituteForPersonId !== null) throw new AppError('validation', 'Bara ersättare kan vara personlig ersättare för någon. Töm fältet eller välj rollen Ersättare.');
  if (f.substituteForPersonId !== null) {
    if (f.substituteForPersonId === personId) throw new AppError('validation', `${name} kan inte vara ersättare för sig själv.`);
    const target = deps.ws.listAssignments(boardId).find((a) => a.personId === f.substituteForPersonId && a.role !== 'ersattare');
    if (target === undefined) throw new AppError('validation', 'Den som ersättaren är personlig ersättare för måste vara ledamot i nämnden. Lägg till ledamoten först.');
  }
  if (f.role === 'ersattare' && f.substituteOrder !== null) {
    const same = deps.ws
      .listAssignments(boardId)
      .find(
        (a) =>
          a.id !== exceptAssignment &&
          a.personId !== personId &&
          a.role === 'ersattare' &&
          a.retiredOn === null &&
          a.substituteOrder === f.substituteOrder &&
          a.termStart <= f.termEnd &&
          f.termStart <= a.termEnd,
      );
    if (same !== undefined) {
      const other = deps.ws.personName(same.personId) ?? 'en annan ersättare';
      throw new AppError('conflict', `Ersättarordning nr ${f.substituteOrder} har redan ${other} under samma mandatperiod. Välj ett annat nummer, eller ändra ${other}s ordning först.`);
    }
  }
  const overlapping = deps.ws
    .listAssignments(boardId)
    .find((a) => a.id !== exceptAssignment && a.personId === personId && a.retiredOn === null && a.termStart <= f.termEnd && f.termStart <= a.termEnd);
  if (overlapping !== undefined) {
    throw new AppError('conflict', `${name} har redan ett uppdrag i nämnden ${overlapping.termStart}–${overlapping.termEnd}. Ändra det befintliga uppdraget, eller entlediga personen först.`);
  }
}

export function addMember(deps: WorkspaceDeps, input: MemberInput & { boardId: string; name?: string; personId?: string; email?: string }): { assignmentId: string; personId: string } {
  return deps.store.transaction(() => {
    if (deps.ws.getBoard(input.boardId) === null) throw new AppError('not_found', 'Nämnden finns inte.');
    let personId = input.personId;
    if (personId !== undefined) personNameOrThrow(deps, personId, 'Ledamot');
    else {
      if (input.name === undefined) throw new AppError('validation', 'Skriv ledamotens namn.');
      personId = deps.ws.boardPersonByName(input.boardId, input.name) ?? deps.ws.insertPerson(input.name);
    }
    const fields: AssignmentFields = {
      personId,
      role: input.role,
      party: orNull(input.party),
      represents: orNull(input.represents),
      termStart: input.termStart,
      termEnd: input.termEnd,
      substituteOrder: input.substituteOrder ?? null,
      substituteForPersonId: input.substituteForPersonId ?? null,
      retiredOn: null,
    };
    checkMember(deps, input.boardId, personId, fields, null);
    const assignmentId = deps.ws.insertAssignment(input.boardId, fields);
    deps.store.audit({ action: 'member.added', entity: 'board', entityId: input.boardId, details: { assignmentId, personId, role: input.role } });
    if (input.email !== undefined) saveEmail(deps, personId, input.email, 'members.add');
    return { assignmentId, personId };
  });
}

export function updateMember(deps: WorkspaceDeps, assignmentId: string, patch: Partial<MemberInput> & { name?: string; email?: string }): void {
  deps.store.transaction(() => {
    const a = deps.ws.getAssignment(assignmentId);
    if (a === null) throw new AppError('not_found', 'Uppdraget finns inte längre. Ladda om sidan.');
    const next: AssignmentFields = {
      ...a,
      ...(patch.role === undefined ? {} : { role: patch.role }),
      ...(patch.party === undefined ? {} : { party: orNull(patch.party) }),
      ...(patch.represents === undefined ? {} : { represents: orNull(patch.represents) }),
      ...(patch.termStart === undefined ? {} : { termStart: patch.termStart }),
      ...(patch.termEnd === undefined ? {} : { termEnd: patch.termEnd }),
      ...(patch.substituteOrder === undefined ? {} : { substituteOrder: patch.substituteOrder }),
      ...(patch.substituteForPersonId === undefined ? {} : { substituteForPersonId: patch.substituteForPersonId }),
    };
    checkMember(deps, a.boardId, a.personId, next, a.id);
    const { personId: _p, ...fields } = next;
    deps.ws.updateAssignment(a.id, fields);
    if (patch.name !== undefined) deps.ws.renamePerson(a.personId, patch.name);
    deps.store.audit({ action: 'member.updated', entity: 'board', entityId: a.boardId, details: { assignmentId, fields: Object.keys(patch).filter((k) => k !== 'email') } });
    if (patch.email !== undefined) saveEmail(deps, a.personId, patch.email, 'members.update');
  });
}

/** The person's e-mail address ('' removes it), written and audited only when it changes; inside the caller's transaction. */
function saveEmail(deps: WorkspaceDeps, personId: string, raw: string, source: string): void {
  const email = raw === '' ? null : raw;
  if (deps.ws.personEmail(personId) === email) return;
  deps.ws.setPersonEmail(personId, email);
  deps.store.audit({ action: 'person.email', entity: 'person', entityId: personId, details: { email, source } });
}

/** Ends an assignment early (entledigande) but keeps it: protocols before the date still show it. */
export function retireMember(deps: WorkspaceDeps, assignmentId: string, retiredOn: string | null): void {
  deps.store.transaction(() => {
    const a = deps.ws.getAssignment(assignmentId);
    if (a === null) throw new AppError('not_found', 'Uppdraget finns inte längre. Ladda om sidan.');
    if (retiredOn !== null && retiredOn < a.termStart) {
      throw new AppError('validation', `Uppdraget började ${a.termStart}; det kan inte avslutas dessförinnan. Ändra i stället uppdraget om det registrerats fel.`);
    }
    deps.ws.updateAssignment(a.id, { retiredOn });
    deps.store.audit({ action: retiredOn === null ? 'member.reinstated' : 'member.retired', entity: 'board', entityId: a.boardId, details: { assignmentId, retiredOn } });
  });
}

export function importMembers(deps: WorkspaceDeps, input: { boardId: string; dataBase64: string; termStart?: string; termEnd?: string }): { imported: number } {
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(input.dataBase64);
  } catch {
    throw new AppError('validation', 'Filen kunde inte läsas. Välj en CSV-fil och försök igen.');
  }
  const defaults = { ...(input.termStart === undefined ? {} : { termStart: input.termStart }), ...(input.termEnd === undefined ? {} : { termEnd: input.termEnd }) };
  const { members, issues } = readMemberCsv(bytes, { ...defaults, today: deps.clock.now() });
  return deps.store.transaction(() => {
    if (deps.ws.getBoard(input.boardId) === null) throw new AppError('not_found', 'Nämnden finns inte.');
    const existing = deps.ws.listAssignments(input.boardId);
    const inFile = new Map(members.map((m) => [m.name.toLocaleLowerCase('sv-SE'), m]));
    for (const m of members) {
      const personId = deps.ws.boardPersonByName(input.boardId, m.name);
      if (personId !== null && existing.some((a) => a.personId === personId && a.retiredOn === null && a.termStart <= m.termEnd && m.termStart <= a.termEnd)) {
        issues.push({ line: m.line, column: 'Namn', message: `${m.name} har redan ett uppdrag i nämnden under mandatperioden.` });
      }
      if (m.role === 'ersattare' && m.substituteOrder !== null) {
        const order = m.substituteOrder;
        const twin = members.find((o) => o !== m && o.role === 'ersattare' && o.substituteOrder === order && o.termStart <= m.termEnd && m.termStart <= o.termEnd);
        const held = existing.find(
          (a) => a.role === 'ersattare' && a.retiredOn === null && a.substituteOrder === order && a.personId !== personId && a.termStart <= m.termEnd && m.termStart <= a.termEnd,
        );
        if (twin !== undefined || held !== undefined) {
          const who = twin?.name ?? (held === undefined ? '' : (deps.ws.personName(held.personId) ?? 'en annan ersättare'));
          issues.push({ line: m.line, column: 'Ersättarordning', message: `Nr ${order} har också ${who}. Varje ersättare får ett eget nummer i ersättarordningen.` });
        }
      }
      if (m.substituteFor !== null) {
        const target = inFile.get(m.substituteFor.toLocaleLowerCase('sv-SE'));
        const targetId = deps.ws.boardPersonByName(input.boardId, m.substituteFor);
        const isMember = (target !== undefined && target.role !== 'ersattare') || (targetId !== null && existing.some((a) => a.personId === targetId && a.role !== 'ersattare'));
        if (!isMember) issues.push({ line: m.line, column: 'Ersättare för', message: `${m.substituteFor} finns inte som ledamot i filen eller i nämnden.` });
      }
    }
    if (issues.length > 0) {
      issues.sort((a, b) => a.line - b.line);
      throw new AppError('validation', `Filen innehåller ${issues.length === 1 ? 'ett fel' : `${issues.length} fel`}; ingenting har importerats. Rätta raderna nedan och försök igen.`, {
        issues: issues.map((i) => ({ path: i.column === null ? `rad ${i.line}` : `rad ${i.line}, ${i.column}`, message: i.message })),
      });
    }
    const ids = new Map<string, string>();
    for (const m of members) {
      const personId = deps.ws.boardPersonByName(input.boardId, m.name) ?? deps.ws.insertPerson(m.name);
      ids.set(m.name.toLocaleLowerCase('sv-SE'), personId);
    }
    const identity = deps.identity;
    const withIdentifiers = members.filter((m) => m.identifiers.length > 0);
    if (withIdentifiers.length > 0 && identity === undefined) throw new AppError('internal', 'Identifierare kan inte importeras här.');
    for (const m of members) {
      const personId = ids.get(m.name.toLocaleLowerCase('sv-SE')) as string;
      for (const id of m.identifiers) {
        const row = identity?.insertIdentifier(personId, id);
        // The value is personal data: the audit log names the kind only.
        if (row !== undefined) deps.store.audit({ action: 'person.addIdentifier', entity: 'person', entityId: personId, details: { identifierId: row.id, kind: row.kind, source: 'members.import' } });
      }
      // The member list is the clerk's current register: its address replaces a stored one.
      if (m.email !== null) saveEmail(deps, personId, m.email, 'members.import');
      const substituteForPersonId = m.substituteFor === null ? null : (ids.get(m.substituteFor.toLocaleLowerCase('sv-SE')) ?? deps.ws.boardPersonByName(input.boardId, m.substituteFor));
      deps.ws.insertAssignment(input.boardId, {
        personId,
        role: m.role,
        party: m.party,
        represents: m.represents,
        termStart: m.termStart,
        termEnd: m.termEnd,
        substituteOrder: m.substituteOrder,
        substituteForPersonId,
        retiredOn: null,
      });
    }
    deps.store.audit({ action: 'members.imported', entity: 'board', entityId: input.boardId, details: { count: members.length } });
    return { imported: members.length };
  });
}

export function addOfficial(deps: WorkspaceDeps, input: { boardId: string; name: string; title?: string; organisation?: string }): { officialId: string; personId: string } {
  return deps.store.transaction(() => {
    const details = deps.ws.boardDetails(input.boardId);
    if (details === null) throw new AppError('not_found', 'Nämnden finns inte.');
    const personId = deps.ws.boardPersonByName(input.boardId, input.name) ?? deps.ws.insertPerson(input.name);
    if (details.officials.some((o) => o.personId === personId)) throw new AppError('conflict', `${input.name} finns redan bland nämndens tjänstepersoner.`);
    const officialId = deps.ws.insertOfficial(input.boardId, { personId, title: orNull(input.title), organisation: orNull(input.organisation) });
    deps.store.audit({ action: 'official.added', entity: 'board', entityId: input.boardId, details: { officialId, personId } });
    return { officialId, personId };
  });
}

export function updateOfficial(deps: WorkspaceDeps, officialId: string, patch: { name?: string; title?: string; organisation?: string }): void {
  deps.store.transaction(() => {
    const o = deps.ws.getOfficial(officialId);
    if (o === null) throw new AppError('not_found', 'Tjänstepersonen finns inte längre. Ladda om sidan.');
    deps.ws.updateOfficial(officialId, {
      ...(patch.title === undefined ? {} : { title: orNull(patch.title) }),
      ...(patch.organisation === undefined ? {} : { organisation: orNull(patch.organisation) }),
    });
    if (patch.name !== undefined) deps.ws.renamePerson(o.personId, patch.name);
    deps.store.audit({ action: 'official.updated', entity: 'board', entityId: o.boardId, details: { officialId, fields: Object.keys(patch) } });
  });
}

export function removeOfficial(deps: WorkspaceDeps, officialId: string): void {
  deps.store.transaction(() => {
    const o = deps.ws.getOfficial(officialId);
    if (o === null) throw new AppError('not_found', 'Tjänstepersonen finns inte längre. Ladda om sidan.');
    if (deps.ws.attendedBoardMeeting(o.boardId, o.personId)) {
      throw new AppError(
        'conflict',
        `${deps.ws.personName(o.personId) ?? 'Personen'} står i närvarolistan för ett av nämndens sammanträden och tas därför inte bort (protokollen ska visa vem som var där).`,
      );
    }
    deps.ws.deleteOfficial(officialId);
    deps.store.audit({ action: 'official.removed', entity: 'board', entityId: o.boardId, details: { officialId } });
  });
}
