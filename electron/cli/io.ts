// Small helpers shared by CLI commands: dates in Swedish time, paths, JSON output, the back end.
import { resolve } from 'node:path';
import { AppError } from '../../core/api/errors';
import { createClient, type ApiClient } from '../../core/api/client';
import type { CliArgs, CliIo } from './types';
import type { Backend, BackendOptions } from '../backend';
import { missingChairIssues, quorumShortfalls, quorumWarning } from '../../core/domain/rules';
import { departureOffers, departureWarning } from '../../core/domain/departure';

/** Today's date in Sweden (Europe/Stockholm), whatever the machine's time zone. */
export function swedishToday(now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export const dbOption = { type: 'string', valueName: 'FIL', description: 'Databasfilen (skapas om den inte finns).' } as const;
export const jsonOption = { type: 'boolean', description: 'Skriv ut resultatet som JSON.' } as const;

export function dbPath(io: CliIo, args: CliArgs): string {
  const v = args.values.db ?? process.env.JUSTERA_DB;
  if (typeof v !== 'string' || v.length === 0) {
    throw new AppError('validation', 'Ange databasfilen med --db FIL (eller miljövariabeln JUSTERA_DB).');
  }
  return resolve(io.cwd, v);
}

/** Opens the back end for a command and always closes it. */
export async function withBackend<T>(io: CliIo, args: CliArgs, fn: (b: Backend) => Promise<T>, extra: Pick<BackendOptions, 'pkcs11'> = {}): Promise<T> {
  const path = dbPath(io, args);
  // Loaded here, not at the top: `justera --help` and commands without a database never load
  // the back end (its handlers, the document templates, the signing libraries).
  const { createBackend } = await import('../backend');
  const backend = createBackend({ databasePath: path, actor: process.env.JUSTERA_ACTOR ?? 'cli', clock: { now: () => io.now() }, ...extra });
  try {
    return await fn(backend);
  } finally {
    backend.close();
  }
}

/** The typed API client over the back end's dispatch: the CLI uses the same API as the UI. */
/** The first positional argument; missing or empty: "Ange WHAT." */
export function positional(args: CliArgs, what: string): string {
  const v = args.positionals[0];
  if (v === undefined || v.length === 0) throw new AppError('validation', `Ange ${what}.`);
  return v;
}

/** The value of the string option `name`; missing or empty: `hint` (what to give, in Swedish). */
export function requiredString(args: CliArgs, name: string, hint: string): string {
  const v = args.values[name];
  if (typeof v !== 'string' || v.length === 0) throw new AppError('validation', hint);
  return v;
}

export function apiOf(backend: Backend): ApiClient {
  return createClient((method, input) => backend.dispatch(method, input));
}

export function printJson(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Warns on stderr about every § (of `paragraphs`, or all) where the board was not beslutför
 * (KL 6 kap. 27 §), a seat left empty after a departure, a § nobody is known to chair: every
 * command that touches such a § says so, as the problem list does.
 */
export async function warnQuorum(io: CliIo, api: ApiClient, meetingId: string, paragraphs?: readonly number[]): Promise<void> {
  const doc = await api.call('meetings.export', { meetingId });
  for (const s of quorumShortfalls(doc)) {
    if (paragraphs === undefined || paragraphs.includes(s.number)) io.err(`Varning: ${quorumWarning(s)}`);
  }
  // A seat left empty after a departure while a substitute was there: the same rule as the attendance editor's offer.
  const names = new Map(doc.people.map((p) => [p.key, p.name]));
  for (const o of departureOffers(doc)) {
    if (paragraphs === undefined || paragraphs.includes(o.from)) io.err(`Varning: ${departureWarning(o, (k) => names.get(k) ?? k)}`);
  }
  // A § nobody is known to chair (core/domain/chair.ts): the same words as the problem list; freezing refuses it.
  for (const issue of missingChairIssues(doc, (k) => names.get(k) ?? k)) {
    const n = doc.paragraphs[issue.path[1] as number]?.number;
    if (paragraphs === undefined || (n !== undefined && paragraphs.includes(n))) io.err(`Varning: ${issue.message}`);
  }
}
