// Opens the database at start. A damaged (or vanished) database never crashes the app and never
// silently becomes an empty one: the user gets a Swedish explanation and the offer to restore a
// checked backup. No electron import: dialogs come in through the port, so this is tested.
import { existsSync } from 'node:fs';
import { isAppError } from '../core/api/errors';
import type { Dialogs } from './shell/dialogs';
import { DATABASE_FILTERS } from './file-filters';
import { checkIntegrity, findNewestHealthyBackup, listBackups, looksTruncated, restoreBackup, type BackupEntry } from './services/backup';

export interface StartupDeps<B> {
  databasePath: string;
  backupDir: string;
  dialogs: Pick<Dialogs, 'message' | 'openFile'>;
  /** Opens (and migrates) the database; throws AppError like createBackend. */
  open: (databasePath: string) => B;
  now: () => Date;
  formatTime?: (d: Date) => string;
}

export type StartupOutcome<B> = { kind: 'ready'; backend: B; restoredFrom: string | null } | { kind: 'quit' };

const CORRUPTION_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);

/** True for errors that mean the file is damaged (as opposed to locked, missing rights, newer version). */
export function isCorruptionError(e: unknown): boolean {
  const direct = (e as { code?: unknown } | null)?.code;
  if (typeof direct === 'string' && CORRUPTION_CODES.has(direct)) return true;
  if (isAppError(e)) {
    const code = e.details?.['sqliteCode'];
    return typeof code === 'string' && CORRUPTION_CODES.has(code);
  }
  return false;
}

export function swedishTime(d: Date): string {
  return d.toLocaleString('sv-SE', { dateStyle: 'long', timeStyle: 'short' });
}

type Problem = { kind: 'damaged'; detail: string } | { kind: 'missing' };

async function findProblem(databasePath: string, backupDir: string): Promise<Problem | null> {
  if (!existsSync(databasePath)) {
    // No database but backups beside it: moved, deleted or a network drive not connected.
    return (await listBackups(backupDir)).length > 0 ? { kind: 'missing' } : null;
  }
  if (await looksTruncated(databasePath, backupDir)) return { kind: 'damaged', detail: 'Filen är tom.' };
  const report = checkIntegrity(databasePath, 'quick');
  if (report.ok) return null;
  // Locked, unreadable or no rights: not damage. Opening it will say what is wrong instead of
  // proposing a restore.
  if (report.errorCode !== undefined && !CORRUPTION_CODES.has(report.errorCode)) return null;
  return { kind: 'damaged', detail: report.problems.slice(0, 3).join('; ') };
}

export async function openWithRecovery<B>(deps: StartupDeps<B>): Promise<StartupOutcome<B>> {
  const fmt = deps.formatTime ?? swedishTime;
  let problem = await findProblem(deps.databasePath, deps.backupDir);
  // A few rounds at most: each round is one user decision (restore, pick another, quit).
  for (let round = 0; round < 5; round++) {
    if (problem === null) {
      try {
        return { kind: 'ready', backend: deps.open(deps.databasePath), restoredFrom: null };
      } catch (e) {
        if (!isCorruptionError(e)) {
          await showFatal(deps, e);
          return { kind: 'quit' };
        }
        problem = { kind: 'damaged', detail: isAppError(e) ? e.message : String(e) };
      }
    }
    const choice = await askRecovery(deps, problem, await findNewestHealthyBackup(deps.backupDir), fmt);
    if (choice.kind === 'quit') return { kind: 'quit' };
    if (choice.kind === 'again') continue;
    if (choice.kind === 'empty') {
      problem = null;
      continue;
    }
    try {
      const { setAsidePath } = await restoreBackup({ backupPath: choice.path, databasePath: deps.databasePath, at: deps.now() });
      const backend = deps.open(deps.databasePath);
      await deps.dialogs.message({
        type: 'info',
        title: 'Säkerhetskopian är återställd',
        message: 'Säkerhetskopian är återställd och Justera startar.',
        detail: setAsidePath ? `Den skadade databasen finns kvar som\n${setAsidePath}\nså att IT-supporten kan undersöka den.` : undefined,
        buttons: ['OK'],
        defaultId: 0,
        cancelId: 0,
      });
      return { kind: 'ready', backend, restoredFrom: choice.path };
    } catch (e) {
      await deps.dialogs.message({
        type: 'error',
        title: 'Återställningen misslyckades',
        message: isAppError(e) ? e.message : 'Säkerhetskopian kunde inte återställas.',
        buttons: ['OK'],
        defaultId: 0,
        cancelId: 0,
      });
      problem = { kind: 'damaged', detail: 'Återställningen misslyckades.' };
    }
  }
  return { kind: 'quit' };
}

type Choice = { kind: 'restore'; path: string } | { kind: 'empty' } | { kind: 'again' } | { kind: 'quit' };

async function askRecovery<B>(deps: StartupDeps<B>, problem: Problem, newest: BackupEntry | null, fmt: (d: Date) => string): Promise<Choice> {
  const intro =
    problem.kind === 'missing'
      ? `Databasen ${deps.databasePath} finns inte, men det finns säkerhetskopior av den. Om datamappen ligger på en nätverksenhet: kontrollera att enheten är ansluten.`
      : `Justeras databas är skadad och kan inte öppnas:\n${deps.databasePath}\n(${problem.detail})`;
  const buttons: string[] = [];
  const actions: (() => Promise<Choice>)[] = [];
  if (newest) {
    buttons.push(`Återställ säkerhetskopian från ${fmt(newest.takenAt)}`);
    actions.push(async () => ({ kind: 'restore', path: newest.path }));
  }
  buttons.push('Välj en säkerhetskopia…');
  actions.push(async () => {
    const path = await deps.dialogs.openFile({ title: 'Välj säkerhetskopia att återställa', filters: DATABASE_FILTERS, defaultPath: deps.backupDir });
    return path ? { kind: 'restore', path } : { kind: 'again' };
  });
  if (problem.kind === 'missing') {
    buttons.push('Börja med en tom databas');
    actions.push(async () => ({ kind: 'empty' }));
  }
  buttons.push('Avsluta');
  actions.push(async () => ({ kind: 'quit' }));
  const detail = newest
    ? 'Om du återställer förlorar du ändringar som gjorts efter säkerhetskopian. Den nuvarande filen sparas under ett nytt namn; inget raderas.'
    : `Ingen fungerande säkerhetskopia hittades i ${deps.backupDir}. Kontakta IT-supporten, eller välj en säkerhetskopia som finns på annat ställe.`;
  const pressed = await deps.dialogs.message({
    type: 'error',
    title: problem.kind === 'missing' ? 'Databasen saknas' : 'Databasen är skadad',
    message: intro,
    detail,
    buttons,
    defaultId: 0,
    cancelId: buttons.length - 1,
  });
  const action = actions[pressed] ?? actions[actions.length - 1];
  return action ? action() : { kind: 'quit' };
}

async function showFatal<B>(deps: StartupDeps<B>, e: unknown): Promise<void> {
  await deps.dialogs.message({
    type: 'error',
    title: 'Justera kan inte starta',
    message: isAppError(e) ? e.message : `Databasen ${deps.databasePath} kunde inte öppnas.`,
    detail: 'Kontakta IT-supporten om felet kvarstår. Databasen har inte ändrats.',
    buttons: ['Avsluta'],
    defaultId: 0,
    cancelId: 0,
  });
}
