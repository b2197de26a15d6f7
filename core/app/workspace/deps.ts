// The workspace use cases' dependencies: the app's (store, clock, ids, actor) plus WorkspaceStore.
import { AppError } from '../../api/errors';
import type { AppDeps } from '../ports';
import type { MeetingRow, ParagraphRow, WorkspaceStore } from './ports';
import type { IdentityStore } from '../trust/ports';

export interface WorkspaceDeps extends AppDeps {
  ws: WorkspaceStore;
  /** e-ID identifiers (person_identifiers): only the member list export and import touch them. */
  identity?: IdentityStore;
}

export function nowIso(deps: WorkspaceDeps): string {
  return deps.clock.now().toISOString();
}

export function requireMeeting(deps: WorkspaceDeps, meetingId: string): MeetingRow {
  const m = deps.ws.getMeeting(meetingId);
  if (m === null) throw new AppError('not_found', 'Sammanträdet finns inte (det kan ha tagits bort). Gå tillbaka till nämnden och välj ett sammanträde.');
  return m;
}

export function requireParagraph(deps: WorkspaceDeps, paragraphId: string): ParagraphRow {
  const p = deps.ws.getParagraph(paragraphId);
  if (p === null) throw new AppError('not_found', 'Paragrafen finns inte längre (den kan ha tagits bort). Ladda om sammanträdet.');
  return p;
}

/** Frozen or adjusted §§ cannot change: say so before the database trigger has to. */
export function assertEditable(p: ParagraphRow): void {
  if (p.groupStatus === 'frozen' || p.groupStatus === 'adjusted') {
    throw new AppError('locked', `§ ${p.number} ingår i ett protokoll som är låst för justering eller redan justerat och kan inte ändras. Rättelser görs som en ny version med angivet skäl.`);
  }
}

export function assertMeetingEditable(deps: WorkspaceDeps, meetingId: string, what: string): void {
  if (deps.ws.listGroups(meetingId).some((g) => g.status !== 'open')) {
    throw new AppError('locked', `${what} kan inte ändras när protokollet är låst för justering eller justerat.`);
  }
}

export function personNameOrThrow(deps: WorkspaceDeps, personId: string, role: string): string {
  const name = deps.ws.personName(personId);
  if (name === null) throw new AppError('validation', `${role}: personen finns inte. Välj en person i listan.`);
  return name;
}

/** Structural equality for JSON-like values (the journal and no-op checks). */
export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .filter(([, x]) => x !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, x]) => [k, canonical(x)]),
    );
  }
  return v;
}
