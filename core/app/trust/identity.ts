// e-ID identifiers bound to people, and the board setting that requires them. Identifiers are
// personal data: they live only in person_identifiers, never in the meeting document, so no
// document, notice, public version or meeting export carries them.
import { AppError } from '../../api/errors';
import { EID_KIND_NAMES, matchSigner, parseEidIdentifier, type EidIdentifier, type EidKind, type IdentityCheck } from '../../domain/eid';
import type { AppDeps } from '../ports';
import type { IdentityStore } from './ports';

export interface PersonIdentifier {
  id: string;
  kind: EidKind;
  /** Shown masked except for a personnummer's birth date and a fingerprint's start, so screens do not spread it. */
  masked: string;
  /** The whole value, only when asked for (`reveal`; audited). */
  value?: string;
  createdAt: string;
}

export type IdentityDeps = Pick<AppDeps, 'store' | 'clock'> & { identity: IdentityStore };

/** What replaces the hidden digits: the same in the CLI, the API and on screen. */
export const MASK = '••••';

export function maskIdentifier(id: EidIdentifier): string {
  switch (id.kind) {
    case 'personnummer':
      return `${id.value.slice(0, 8)}-${MASK}`;
    case 'hsa':
      return id.value;
    case 'fingerprint':
      return `${id.value.slice(0, 16)}…`;
    default: {
      const never: never = id.kind;
      return never;
    }
  }
}

function expectPerson(deps: IdentityDeps, personId: string): void {
  if (!deps.identity.personExists(personId)) throw new AppError('not_found', 'Personen finns inte. Välj en person i nämndens ledamotslista.');
}

/**
 * A person's identifiers, masked. With `reveal` the whole values too, and the audit log records
 * that they were shown (not the values): identifiers are personal data.
 */
export function listIdentifiers(deps: IdentityDeps, input: { personId: string; reveal?: boolean | undefined }): { identifiers: PersonIdentifier[] } {
  expectPerson(deps, input.personId);
  const rows = deps.identity.identifiers(input.personId);
  if (input.reveal === true && rows.length > 0) {
    deps.store.transaction(() => deps.store.audit({ action: 'person.revealIdentifiers', entity: 'person', entityId: input.personId, details: { identifierIds: rows.map((r) => r.id) } }));
  }
  return {
    identifiers: rows.map((r) => ({ id: r.id, kind: r.kind, masked: maskIdentifier(r), ...(input.reveal === true ? { value: r.value } : {}), createdAt: r.createdAt })),
  };
}

export function addIdentifier(deps: IdentityDeps, input: { personId: string; kind: EidKind; value: string }): PersonIdentifier {
  expectPerson(deps, input.personId);
  const parsed = parseEidIdentifier(input.kind, input.value, { today: deps.clock.now() });
  if ('error' in parsed) throw new AppError('validation', parsed.error);
  return deps.store.transaction(() => {
    const row = deps.identity.insertIdentifier(input.personId, parsed);
    // The value itself is personal data: the audit log names the kind only.
    deps.store.audit({ action: 'person.addIdentifier', entity: 'person', entityId: input.personId, details: { identifierId: row.id, kind: row.kind } });
    return { id: row.id, kind: row.kind, masked: maskIdentifier(row), createdAt: row.createdAt };
  });
}

export function removeIdentifier(deps: IdentityDeps, input: { id: string }): { removed: string } {
  return deps.store.transaction(() => {
    const row = deps.identity.removeIdentifier(input.id);
    if (row === null) throw new AppError('not_found', 'Identifieraren finns inte längre. Uppdatera vyn.');
    deps.store.audit({ action: 'person.removeIdentifier', entity: 'person', entityId: row.personId, details: { identifierId: row.id, kind: row.kind } });
    return { removed: row.id };
  });
}

export function getRequireEid(deps: IdentityDeps, input: { boardId: string }): { boardId: string; required: boolean } {
  const v = deps.identity.boardRequiresEid(input.boardId);
  if (v === undefined) throw new AppError('not_found', 'Nämnden finns inte.');
  return { boardId: input.boardId, required: v };
}

export function setRequireEid(deps: IdentityDeps, input: { boardId: string; required: boolean }): { boardId: string; required: boolean } {
  return deps.store.transaction(() => {
    const before = deps.identity.boardRequiresEid(input.boardId);
    if (before === undefined) throw new AppError('not_found', 'Nämnden finns inte.');
    deps.identity.setBoardRequiresEid(input.boardId, input.required);
    deps.store.audit({ action: 'board.setRequireEid', entity: 'board', entityId: input.boardId, details: { before, after: input.required } });
    return { boardId: input.boardId, required: input.required };
  });
}

/** The expected signer's identifiers and whether the board requires them; used by every signing path. */
export function signerIdentity(
  deps: { identity: IdentityStore },
  signer: { name: string; personId: string | null },
  boardId: string | null,
): { name: string; identifiers: EidIdentifier[]; requireIdentifier: boolean } {
  const identifiers = signer.personId === null ? [] : deps.identity.identifiers(signer.personId).map((r) => ({ kind: r.kind, value: r.value }));
  const requireIdentifier = boardId === null ? false : deps.identity.boardRequiresEid(boardId) === true;
  return { name: signer.name, identifiers, requireIdentifier };
}

/** Throws the Swedish refusal when the certificate is not the expected person's; returns how it was matched. */
export function expectIdentity(
  expected: { name: string; identifiers: EidIdentifier[]; requireIdentifier: boolean },
  cert: { commonNames: string[]; serialNumbers: string[]; sha256: string },
  field: string,
  role: string,
): Exclude<IdentityCheck['status'], 'mismatch'> {
  const r = matchSigner(expected, cert, { requireIdentifier: expected.requireIdentifier });
  if (r.status === 'mismatch') {
    throw new AppError('signature', `${r.reason} Fältet ${field} ska skrivas under av ${role.toLowerCase()} ${expected.name}. Välj ${expected.name}s certifikat eller rätt fält.`, {
      reason: 'wrong_signer',
      expected: expected.name,
      actual: cert.commonNames.join(' / '),
    });
  }
  return r.status;
}

export { EID_KIND_NAMES };
