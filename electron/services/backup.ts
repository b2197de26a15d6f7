// Automatic backups of the database: consistent copies, rotation (daily + weekly), integrity
// checks and restore. Pure node + better-sqlite3 (no electron) so it is tested on real files.
import type Database from 'better-sqlite3';
import { openSqlite } from '../../db/sqlite';
import { copyFile, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../core/api/errors';

export interface BackupEntry {
  path: string;
  takenAt: Date;
}

export interface RotationPolicy {
  /** Newest backup of each of the most recent N days that have backups. */
  daily: number;
  /** Newest backup of each of the most recent N ISO weeks that have backups. */
  weekly: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { daily: 7, weekly: 4 };

const PREFIX = 'justera-';
const SUFFIX = '.sqlite';
// UTC in the name: sorts as text, and a DST change never makes two backups share a name.
const NAME_PATTERN = /^justera-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.sqlite$/;

export function backupFileName(at: Date): string {
  return `${PREFIX}${at.toISOString().replace(/[:.]/g, '-')}${SUFFIX}`;
}

export function parseBackupFileName(name: string): Date | null {
  const m = NAME_PATTERN.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, ms] = m.map(Number) as [number, number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  return Number.isNaN(date.getTime()) || backupFileName(date) !== name ? null : date;
}

/** Our backups in `dir`, newest first; files that do not carry our name pattern are ignored. */
export async function listBackups(dir: string): Promise<BackupEntry[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  const entries: BackupEntry[] = [];
  for (const name of names) {
    const takenAt = parseBackupFileName(name);
    if (takenAt) entries.push({ path: join(dir, name), takenAt });
  }
  return entries.sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

/**
 * Writes a consistent copy of the open database to `target` with SQLite's online backup API:
 * a snapshot even while the app writes, copied in steps that yield to the event loop, so the
 * main process keeps answering. Written under a temporary name and renamed, so a crash never
 * leaves a half-written file that looks like a good copy.
 */
export async function writeConsistentCopy(source: Database.Database, target: string): Promise<void> {
  const partial = `${target}.partial`;
  try {
    await mkdir(dirname(target), { recursive: true });
    await source.backup(partial);
    // The copy inherits WAL mode; make it one self-contained file so that reading it later
    // (integrity check, restore, another computer) never needs or leaves -wal/-shm files.
    const copy = openSqlite(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    await rename(partial, target);
  } catch (e) {
    await rm(partial, { force: true }).catch(() => undefined);
    throw new AppError('io', `Kopian av databasen kunde inte skrivas till ${target}: ${reasonOf(e)}. Kontrollera att mappen finns, att du har skrivrätt och att disken inte är full.`);
  }
}

/** A timestamped backup in `dir` (see writeConsistentCopy). */
export async function backupDatabase(source: Database.Database, dir: string, at: Date): Promise<BackupEntry> {
  const path = join(dir, backupFileName(at));
  await writeConsistentCopy(source, path);
  return { path, takenAt: at };
}

function dayKey(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** ISO 8601 week ("2025-W09"), computed in UTC like the file names. */
export function isoWeekKey(d: Date): string {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const weekday = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - weekday); // the Thursday decides the year
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((t.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${t.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Which backups to keep: the newest per day for `daily` days and per week for `weekly` weeks. */
export function planRotation(entries: readonly BackupEntry[], policy: RotationPolicy = DEFAULT_ROTATION): { keep: BackupEntry[]; remove: BackupEntry[] } {
  const newestFirst = [...entries].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  const keep = new Set<BackupEntry>();
  for (const [key, limit] of [
    [dayKey, policy.daily],
    [isoWeekKey, policy.weekly],
  ] as const) {
    const seen = new Set<string>();
    for (const e of newestFirst) {
      const k = key(e.takenAt);
      if (seen.has(k)) continue;
      if (seen.size >= limit) break;
      seen.add(k);
      keep.add(e);
    }
  }
  return { keep: newestFirst.filter((e) => keep.has(e)), remove: newestFirst.filter((e) => !keep.has(e)) };
}

export async function rotateBackups(dir: string, policy: RotationPolicy = DEFAULT_ROTATION): Promise<string[]> {
  const { remove } = planRotation(await listBackups(dir), policy);
  for (const e of remove) await rm(e.path, { force: true });
  return remove.map((e) => e.path);
}

export interface IntegrityReport {
  ok: boolean;
  /** SQLite's own words (English); shown to IT, not as the user message. */
  problems: string[];
  /** PRAGMA user_version: 0 means the file has no Justera schema. */
  schemaVersion: number;
  /** Set when SQLite refused to read at all (SQLITE_NOTADB, SQLITE_BUSY, SQLITE_CANTOPEN, …). */
  errorCode?: string;
}

/**
 * Runs PRAGMA integrity_check (or the faster quick_check) on a file opened read-only.
 * Synchronous: call it before windows exist or on a user's explicit request, not on a timer.
 */
export function checkIntegrity(path: string, mode: 'full' | 'quick' = 'full'): IntegrityReport {
  let db: Database.Database | undefined;
  try {
    db = openSqlite(path, { readonly: true, fileMustExist: true });
    const pragma = mode === 'full' ? 'integrity_check' : 'quick_check';
    const rows = db.pragma(pragma) as Record<string, string>[];
    const problems = rows.map((r) => String(Object.values(r)[0])).filter((v) => v !== 'ok');
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    return { ok: problems.length === 0, problems, schemaVersion };
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    return { ok: false, problems: [reasonOf(e)], schemaVersion: 0, errorCode: typeof code === 'string' ? code : 'UNKNOWN' };
  } finally {
    db?.close();
  }
}

/** The newest backup that passes a full integrity check and holds a Justera schema. */
export async function findNewestHealthyBackup(dir: string): Promise<BackupEntry | null> {
  for (const e of await listBackups(dir)) {
    const report = checkIntegrity(e.path, 'full');
    if (report.ok && report.schemaVersion > 0) return e;
  }
  return null;
}

export interface RestoreResult {
  /** Where the replaced database was moved (never deleted), or null if there was none. */
  setAsidePath: string | null;
}

/**
 * Replaces the database with a backup after checking the backup. The caller must have closed
 * every connection to `databasePath`. The old file (with its -wal/-shm) is kept under a new
 * name so nothing is lost, even if the user chose the wrong backup.
 */
export async function restoreBackup(options: { backupPath: string; databasePath: string; at: Date }): Promise<RestoreResult> {
  const { backupPath, databasePath, at } = options;
  const report = checkIntegrity(backupPath, 'full');
  if (!report.ok || report.schemaVersion === 0) {
    throw new AppError('validation', `Säkerhetskopian ${basename(backupPath)} är skadad eller ingen Justera-databas och kan inte återställas. Välj en äldre säkerhetskopia.`, {
      problems: report.problems.slice(0, 10),
    });
  }
  const staging = `${databasePath}.aterstalls`;
  try {
    await mkdir(dirname(databasePath), { recursive: true });
    await copyFile(backupPath, staging);
    let setAsidePath: string | null = null;
    if (existsSync(databasePath)) {
      setAsidePath = `${databasePath}.ersatt-${at.toISOString().replace(/[:.]/g, '-')}`;
      await rename(databasePath, setAsidePath);
    }
    // A stale -wal beside the restored file would be replayed onto it: move it with the old db.
    for (const side of ['-wal', '-shm']) {
      if (existsSync(databasePath + side)) {
        if (setAsidePath) await rename(databasePath + side, setAsidePath + side);
        else await rm(databasePath + side, { force: true });
      }
    }
    await rename(staging, databasePath);
    return { setAsidePath };
  } catch (e) {
    await rm(staging, { force: true }).catch(() => undefined);
    throw new AppError('io', `Säkerhetskopian kunde inte återställas till ${databasePath}: ${reasonOf(e)}.`);
  }
}

/** True when a file exists but is empty while backups exist: a truncated database, not a new one. */
export async function looksTruncated(databasePath: string, backupDir: string): Promise<boolean> {
  try {
    const s = await stat(databasePath);
    return s.size === 0 && (await listBackups(backupDir)).length > 0;
  } catch {
    return false;
  }
}

function reasonOf(e: unknown): string {
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return typeof code === 'string' ? `${code}: ${e.message}` : e.message;
  }
  return String(e);
}
