// The order in which a board wants the justering's roles to sign (e.g. secretary, then chair,
// then the justerare). A role later in the order may sign only when every signer of each earlier
// role has signed; roles not in the order may sign any time; null means any order.
import { AppError } from '../../api/errors';
import type { AppDeps } from '../ports';
import type { JusteringDeps } from './ports';
import { SIGNING_ROLES, type BoardSigningOrder, type RequiredSigner, type SigningOrder, type SigningRole } from './types';

/** The role a signature field belongs to ("sig-justerare-2" → justerare). */
export function roleOfField(field: string): SigningRole | null {
  if (field === 'sig-sekreterare') return 'sekreterare';
  if (field === 'sig-ordforande') return 'ordforande';
  return /^sig-justerare-\d+$/.test(field) ? 'justerare' : null;
}

/** The unsigned signers who must sign before `signer`. */
export function mustSignFirst(order: SigningOrder, signers: RequiredSigner[], signedFields: ReadonlySet<string>, signer: RequiredSigner): RequiredSigner[] {
  const role = roleOfField(signer.field);
  const position = order === null || role === null ? -1 : order.indexOf(role);
  if (order === null || position <= 0) return [];
  const earlier = new Set(order.slice(0, position));
  return signers.filter((s) => !signedFields.has(s.field) && earlier.has(roleOfField(s.field) ?? ('' as SigningRole)));
}

const definite: Record<SigningRole, { one: string; many: string }> = {
  sekreterare: { one: 'sekreteraren', many: 'sekreterarna' },
  ordforande: { one: 'ordföranden', many: 'ordförandena' },
  justerare: { one: 'justeraren', many: 'justerarna' },
};

const capitalise = (s: string) => s.charAt(0).toLocaleUpperCase('sv-SE') + s.slice(1);

/** Refuses (conflict, nothing written) when `signer` comes later in the order than someone unsigned. */
export function expectTurn(order: SigningOrder, signers: RequiredSigner[], signedFields: ReadonlySet<string>, signer: RequiredSigner): void {
  const waiting = mustSignFirst(order, signers, signedFields, signer);
  const role = roleOfField(signer.field);
  if (waiting.length === 0 || role === null) return;
  const groups = SIGNING_ROLES.map((r) => ({ role: r, people: waiting.filter((w) => roleOfField(w.field) === r) })).filter((g) => g.people.length > 0);
  const parts = groups.map((g) => `${g.people.length === 1 ? definite[g.role].one : definite[g.role].many} (${g.people.map((p) => p.name).join(', ')})`);
  const only = groups.length === 1 ? groups[0] : undefined;
  const who = only === undefined ? 'de' : only.people.length === 1 ? definite[only.role].one : definite[only.role].many;
  throw new AppError('conflict', `${capitalise(definite[role].one)} skriver under efter ${parts.join(' och ')}. Vänta tills ${who} har skrivit under.`, {
    reason: 'signing_order',
    waitingFor: waiting.map((w) => w.name),
    order,
  });
}

/** The signing order of the meeting's board (null when none is set). */
export function meetingSigningOrder(deps: Pick<JusteringDeps, 'justering'>, meetingId: string): SigningOrder {
  const boardId = deps.justering.meetingBoardId(meetingId);
  return boardId === null ? null : (deps.justering.boardSigningOrder(boardId) ?? null);
}

function boardNotFound(): AppError {
  return new AppError('not_found', 'Nämnden finns inte. Välj en nämnd i listan och försök igen.');
}

export function getSigningOrder(deps: Pick<JusteringDeps, 'justering'>, input: { boardId: string }): BoardSigningOrder {
  const order = deps.justering.boardSigningOrder(input.boardId);
  if (order === undefined) throw boardNotFound();
  return { boardId: input.boardId, order };
}

export function setSigningOrder(deps: Pick<JusteringDeps, 'justering'> & Pick<AppDeps, 'store'>, input: BoardSigningOrder): BoardSigningOrder {
  const order = input.order === null || input.order.length === 0 ? null : [...input.order];
  if (order !== null && new Set(order).size !== order.length) {
    throw new AppError('validation', 'Varje roll får finnas med högst en gång i underskriftsordningen.');
  }
  return deps.store.transaction(() => {
    const before = deps.justering.boardSigningOrder(input.boardId);
    if (before === undefined) throw boardNotFound();
    deps.justering.setBoardSigningOrder(input.boardId, order);
    deps.store.audit({ action: 'board.setSigningOrder', entity: 'board', entityId: input.boardId, details: { before, after: order } });
    return { boardId: input.boardId, order };
  });
}
