// "Skriv under med e-legitimation": a signature through the municipality's central signing service
// (Sweden Connect). One start per entrance — a protocol's field (justering.signEid), the clerk's
// documents (documents.signEid), a package on the signer's own machine (justering.signPackageEid) —
// each checking exactly what its card path checks before anything is sent; then the service does
// the e-ID step in the browser while the client waits with eid.status (a bounded wait, polled) or
// stops with eid.cancel. When the response has been checked completely (electron side), the signed
// file goes the same way as every other signature: checkIncremental against the trust store, the
// identity rule, and one recording transaction. Nothing is stored on any failure.
import { AppError } from '../../api/errors';
import { paragraphLabel } from '../../domain/numbering';
import { parseEidIdentifier } from '../../domain/eid';
import { documentSignMessage, justeringSignMessage } from '../../domain/sign-message';
import type { DocumentSignResult } from './documents';
import { prepareDocumentSignature, recordDocumentSignature } from './documents';
import { expectOpenField, expectSignerTurn, identityOf, loadVersion, record } from './index';
import { finishPackageSignature, preparePackageSignature } from './package-sign';
import type { CheckedSignature, EidSession, EidSignInput, JusteringDeps } from './ports';
import { readSettings } from './settings';
import { readSignServices, type SignServiceSetting } from './sign-services';
import { trustOptions, type ExpectedIdentity } from './signing';
import { expectIdentity } from '../trust/identity';
import type { SignedPackage, SignResult, TimestampOutcome } from './types';

/** How long the service may take (the signer opens the e-ID app, reads, signs). */
export const EID_TIMEOUT_MS = 10 * 60_000;
/** The longest one eid.status call waits before answering "waiting". */
export const EID_MAX_WAIT_MS = 25_000;

const SIGN_REASON = 'Justering av protokoll';

export type EidOutcome = { kind: 'protocol'; result: SignResult } | { kind: 'document'; result: DocumentSignResult } | { kind: 'package'; result: SignedPackage };

export interface EidStarted {
  pendingId: string;
  /** The page that sends the request to the service; open it unless `opened`. */
  url: string;
  /** The desktop app has opened it in the system browser. */
  opened: boolean;
  service: string;
  signMessage: string;
  expiresAt: string;
}

export type EidStatus = { pendingId: string; state: 'waiting'; expiresAt: string } | { pendingId: string; state: 'done'; outcome: EidOutcome };

interface Pending {
  key: string;
  expiresAt: string;
  cancel: () => void;
  outcome: Promise<EidOutcome>;
  settled: { ok: true; value: EidOutcome } | { ok: false; error: unknown } | null;
}

/** The e-legitimation signatures under way in this back end (in memory; a restart ends them). */
export class EidSessions {
  private readonly pending = new Map<string, Pending>();

  busy(key: string): boolean {
    return [...this.pending.values()].some((p) => p.key === key && p.settled === null);
  }

  add(id: string, p: Omit<Pending, 'settled'>): void {
    const entry: Pending = { ...p, settled: null };
    this.pending.set(id, entry);
    p.outcome.then(
      (value) => {
        entry.settled = { ok: true, value };
      },
      (error: unknown) => {
        entry.settled = { ok: false, error };
      },
    );
  }

  get(id: string): Pending {
    const p = this.pending.get(id);
    if (p === undefined)
      throw new AppError('not_found', 'Underskriften med e-legitimation finns inte längre (den är klar, avbruten eller Justera har startats om). Börja om från början.', { reason: 'eid_unknown' });
    return p;
  }

  forget(id: string): void {
    this.pending.delete(id);
  }
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

/** The configured service to use: the one asked for, else the only one. */
export function chooseService(deps: Pick<JusteringDeps, 'settings'>, serviceId: string | undefined): SignServiceSetting {
  const services = readSignServices(deps.settings);
  if (services.length === 0) {
    throw new AppError(
      'validation',
      'Ingen signeringstjänst är inställd, så det går inte att skriva under med e-legitimation. Lägg till kommunens signeringstjänst under Inställningar → Underskriftstjänster, eller skriv under med certifikatfil, kort eller underskriftspaket.',
      {
        reason: 'eid_no_service',
      },
    );
  }
  if (serviceId !== undefined) {
    const found = services.find((s) => s.id === serviceId);
    if (found === undefined) throw new AppError('not_found', 'Signeringstjänsten finns inte längre i inställningarna. Välj en annan.', { reason: 'eid_no_service' });
    return found;
  }
  const only = services[0];
  if (services.length > 1 || only === undefined) {
    throw new AppError('validation', `Välj vilken signeringstjänst som ska användas: ${services.map((s) => s.name).join(', ')}.`, { reason: 'eid_choose_service' });
  }
  return only;
}

/** The personnummer the service must authenticate: the person's own, registered in Justera. */
function personnummerOf(identity: ExpectedIdentity, role: string, boardName: string): string {
  const pnr = identity.identifiers.filter((i) => i.kind === 'personnummer').at(-1);
  if (pnr === undefined) {
    throw new AppError(
      'validation',
      `${identity.name} har inget personnummer i Justera, så signeringstjänsten kan inte veta vem som ska skriva under som ${role.toLowerCase()}. Lägg till personnumret under ${boardName} → Ledamöter (e-legitimation) och försök igen, eller skriv under med certifikatfil, kort eller underskriftspaket.`,
      { reason: 'eid_no_personnummer', name: identity.name },
    );
  }
  return pnr.value;
}

type Finish<T> = (signed: { pdf: Uint8Array; timestamp: TimestampOutcome; certificateSha256: string }) => Promise<T>;

async function launch(
  deps: JusteringDeps,
  sessions: EidSessions,
  key: string,
  service: SignServiceSetting,
  signMessage: string,
  start: (now: Date) => Promise<EidSession>,
  finish: Finish<EidOutcome>,
): Promise<EidStarted> {
  if (sessions.busy(key)) {
    throw new AppError('conflict', 'En underskrift med e-legitimation pågår redan för det här fältet. Slutför den i webbläsaren eller avbryt den först.', { reason: 'eid_busy' });
  }
  const now = deps.clock.now();
  const session = await start(now);
  const pendingId = deps.ids.next();
  const expiresAt = new Date(now.getTime() + EID_TIMEOUT_MS).toISOString();
  sessions.add(pendingId, { key, expiresAt, cancel: session.cancel, outcome: session.result.then(finish) });
  return { pendingId, url: session.url, opened: session.opened, service: service.name, signMessage, expiresAt };
}

/** The signed file through the one check every signature gets, and the identity rule. */
async function checkSigned(deps: JusteringDeps, base: Uint8Array, signed: { pdf: Uint8Array; certificateSha256: string }, field: string): Promise<CheckedSignature> {
  return deps.services.checkIncremental(base, signed.pdf, { fieldName: field, expectedCertificateSha256: signed.certificateSha256, ...trustOptions(deps) });
}

function identityChecked(identity: ExpectedIdentity, checked: CheckedSignature, field: string, role: string) {
  if (checked.certificateIdentity === null) throw new AppError('signature', 'Underskriften saknar certifikat. Inget har sparats; försök igen.');
  return expectIdentity(identity, checked.certificateIdentity, field, role);
}

function signedAtOf(deps: JusteringDeps, checked: CheckedSignature): string {
  // A trusted time stamp is the better witness; else the moment the checked response arrived.
  return checked.signature.timestampTime ?? deps.clock.now().toISOString();
}

/** What differs between the three entrances; the rest of the request is the installation's. */
type EidRequestParts = Pick<EidSignInput, 'pdf' | 'field' | 'role' | 'signerName' | 'reason' | 'personnummer' | 'signMessage'>;

function starter(deps: JusteringDeps, service: EidSignInput['service'], parts: EidRequestParts): (now: Date) => Promise<EidSession> {
  return (now) =>
    deps.services.startEid({
      ...parts,
      service,
      signingTime: now,
      tsaUrl: readSettings(deps.settings).tsaUrl,
      trustAnchors: trustOptions(deps).trustAnchors,
      timeoutMs: EID_TIMEOUT_MS,
      now: () => deps.clock.now(),
    });
}

// ---------------------------------------------------------------------------------------------
// The three entrances

export async function signEid(deps: JusteringDeps, sessions: EidSessions, input: { versionId: string; field: string; serviceId?: string | undefined }): Promise<EidStarted> {
  const ctx = loadVersion(deps, input.versionId);
  const expected = expectOpenField(ctx, input.field);
  expectSignerTurn(deps, ctx, expected);
  const doc = ctx.version.snapshot;
  const service = chooseService(deps, input.serviceId);
  const identity = identityOf(deps, ctx, expected);
  const personnummer = personnummerOf(identity, expected.role, doc.board.name);
  const signMessage = justeringSignMessage(doc.board.name, doc.meeting.date, paragraphLabel(ctx.group.paragraphs));
  return launch(
    deps,
    sessions,
    `${ctx.version.id}:${expected.field}`,
    service,
    signMessage,
    starter(deps, service, { pdf: ctx.current.pdf, field: expected.field, role: expected.role, signerName: expected.name, reason: SIGN_REASON, personnummer: personnummer, signMessage }),
    async (signed) => {
      const checked = await checkSigned(deps, ctx.current.pdf, signed, expected.field);
      const how = identityChecked(identity, checked, expected.field, expected.role);
      const result = record(deps, ctx, expected, { pdf: signed.pdf, signedAt: signedAtOf(deps, checked), checked, via: 'app', credential: 'eid', timestamp: signed.timestamp, identity: how });
      return { kind: 'protocol', result };
    },
  );
}

/** A document has no signing package: offline, the clerk signs with a certificate file or a card. */
export const DOCUMENT_UNREACHABLE_MESSAGE =
  'Signeringstjänsten kan inte nås — datorn verkar vara utan nätverk. Skriv under med certifikatfil eller kort i stället, eller försök igen när nätverket fungerar.';

function documentOffline(start: (now: Date) => Promise<EidSession>): (now: Date) => Promise<EidSession> {
  return async (now) => {
    try {
      return await start(now);
    } catch (e) {
      if (e instanceof AppError && e.details?.['reason'] === 'eid_unreachable') throw new AppError(e.code, DOCUMENT_UNREACHABLE_MESSAGE, e.details);
      throw e;
    }
  };
}

export async function signDocumentEid(deps: JusteringDeps, sessions: EidSessions, input: { versionId: string; field: string; serviceId?: string | undefined }): Promise<EidStarted> {
  const prepared = prepareDocumentSignature(deps, input);
  const service = chooseService(deps, input.serviceId);
  const { ctx, expected, identity } = prepared;
  const loaded = deps.store.loadMeeting(ctx.version.meetingId);
  if (loaded === null) throw new AppError('not_found', 'Sammanträdet finns inte. Välj ett sammanträde i listan och försök igen.');
  const board = loaded.doc.board.name;
  const personnummer = personnummerOf(identity, expected.role, board);
  const signMessage = documentSignMessage(ctx.version.kind, board, loaded.doc.meeting.date);
  return launch(
    deps,
    sessions,
    `${ctx.version.id}:${expected.field}`,
    service,
    signMessage,
    documentOffline(
      starter(deps, service, { pdf: ctx.current.pdf, field: expected.field, role: expected.role, signerName: expected.name, reason: ctx.info.reason, personnummer: personnummer, signMessage }),
    ),
    async (signed) => {
      const checked = await checkSigned(deps, ctx.current.pdf, signed, expected.field);
      const how = identityChecked(identity, checked, expected.field, expected.role);
      const result = recordDocumentSignature(deps, prepared, {
        pdf: signed.pdf,
        signedAt: signedAtOf(deps, checked),
        checked,
        timestamp: signed.timestamp,
        identity: how,
        via: 'app',
        credential: 'eid',
      });
      return { kind: 'document', result };
    },
  );
}

/**
 * On the signer's own machine: the package names the expected signer but carries no personnummer
 * (personal data); the signer gives their own. The secretary's import binds the issued certificate
 * to the person registered there.
 */
export async function signPackageEid(
  deps: JusteringDeps,
  sessions: EidSessions,
  input: { content: string; personnummer: string; confirmUnverified?: boolean | undefined; serviceId?: string | undefined },
): Promise<EidStarted> {
  const parsed = parseEidIdentifier('personnummer', input.personnummer);
  if ('error' in parsed) throw new AppError('validation', parsed.error, { field: 'personnummer' });
  const prepared = await preparePackageSignature(deps, input);
  const m = prepared.manifest;
  const service = chooseService(deps, input.serviceId);
  const signMessage = justeringSignMessage(m.board, m.date, m.paragraphsLabel);
  return launch(
    deps,
    sessions,
    `package:${m.versionId}:${m.field}:${deps.services.sha256(prepared.base)}`,
    service,
    signMessage,
    starter(deps, service, { pdf: prepared.base, field: m.field, role: m.expectedSigner.role, signerName: m.expectedSigner.name, reason: SIGN_REASON, personnummer: parsed.value, signMessage }),
    async (signed) => {
      const checked = await checkSigned(deps, prepared.base, signed, m.field);
      const name = checked.certificateIdentity?.commonNames[0] ?? '';
      const result = finishPackageSignature(deps, prepared, { pdf: signed.pdf, signedAt: signedAtOf(deps, checked), checked, timestamp: signed.timestamp }, name, 'eid');
      return { kind: 'package', result };
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Waiting and cancelling

/**
 * Waits at most `waitMs` (capped) for the outcome. Done: the result, once (the pending entry is
 * forgotten). Failed: throws the reason, once. Otherwise "waiting" — the client asks again.
 */
export async function eidStatus(sessions: EidSessions, input: { pendingId: string; waitMs?: number | undefined }): Promise<EidStatus> {
  const p = sessions.get(input.pendingId);
  const wait = Math.max(0, Math.min(input.waitMs ?? 0, EID_MAX_WAIT_MS));
  if (p.settled === null && wait > 0) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([p.outcome.catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, wait)))]);
    if (timer !== undefined) clearTimeout(timer);
    // The outcome's own handlers (EidSessions.add) run before this continuation.
    await Promise.resolve();
  }
  const settled = p.settled;
  if (settled === null) return { pendingId: input.pendingId, state: 'waiting', expiresAt: p.expiresAt };
  sessions.forget(input.pendingId);
  if (!settled.ok) throw settled.error;
  return { pendingId: input.pendingId, state: 'done', outcome: settled.value };
}

/** Stops waiting for the service; the next eid.status reports the cancellation. */
export function eidCancel(sessions: EidSessions, input: { pendingId: string }): { cancelled: boolean } {
  const p = sessions.get(input.pendingId);
  if (p.settled !== null) return { cancelled: false };
  p.cancel();
  return { cancelled: true };
}
