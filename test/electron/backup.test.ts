// Backups on real files: a consistent copy, rotation (7 daily + 4 weekly), integrity checks,
// restore, and damaged databases recognised.
import { existsSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import {
  backupDatabase,
  backupFileName,
  checkIntegrity,
  findNewestHealthyBackup,
  isoWeekKey,
  listBackups,
  parseBackupFileName,
  planRotation,
  restoreBackup,
  rotateBackups,
  writeConsistentCopy,
  type BackupEntry,
} from '../../electron/services/backup';
import { createBackupScheduler } from '../../electron/services/backup-scheduler';

let dir: string;
let dbPath: string;
let backupDir: string;
const open: Backend[] = [];

function backend(path = dbPath): Backend {
  const b = createBackend({ databasePath: path, clock: { now: () => new Date('2025-03-01T10:00:00Z') }, actor: 'test' });
  open.push(b);
  return b;
}

function meetingCount(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM meetings').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** Overwrites bytes in the middle of the file: b-tree pages become garbage. */
function damage(path: string): void {
  const size = statSync(path).size;
  const fd = openSync(path, 'r+');
  try {
    const garbage = Buffer.alloc(Math.min(8192, size - 8192), 0xa5);
    writeSync(fd, garbage, 0, garbage.length, 4096 + 100);
  } finally {
    closeSync(fd);
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'justera-backup-'));
  dbPath = join(dir, 'justera.db');
  backupDir = join(dir, 'Säkerhetskopior');
});

afterEach(() => {
  for (const b of open.splice(0)) {
    try {
      b.close();
    } catch {
      // already closed by the test
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('file names', () => {
  it('round-trip a timestamp and ignore anything else', () => {
    const at = new Date('2025-03-01T14:05:09.123Z');
    expect(backupFileName(at)).toBe('justera-2025-03-01T14-05-09-123Z.sqlite');
    expect(parseBackupFileName(backupFileName(at))?.toISOString()).toBe(at.toISOString());
    for (const name of ['justera.sqlite', 'justera-2025-13-01T14-05-09-123Z.sqlite', 'justera-2025-03-01T14-05-09-123Z.sqlite.partial', 'notes.txt']) {
      expect(parseBackupFileName(name), name).toBeNull();
    }
  });

  it('uses ISO weeks', () => {
    expect(isoWeekKey(new Date('2025-01-01T12:00:00Z'))).toBe('2025-W01');
    expect(isoWeekKey(new Date('2024-12-30T12:00:00Z'))).toBe('2025-W01');
    expect(isoWeekKey(new Date('2021-01-03T12:00:00Z'))).toBe('2020-W53');
  });
});

describe('making a backup', () => {
  it('writes a consistent, self-contained copy with the data in it', async () => {
    const b = backend();
    await b.dispatch('demo.load', {});
    const entry = await backupDatabase(b.db.$client, backupDir, new Date('2025-03-01T10:00:00Z'));
    expect(entry.path).toBe(join(backupDir, 'justera-2025-03-01T10-00-00-000Z.sqlite'));
    expect(readdirSync(backupDir)).toStrictEqual(['justera-2025-03-01T10-00-00-000Z.sqlite']); // no -wal, -shm or .partial
    expect(meetingCount(entry.path)).toBe(meetingCount(dbPath));
    expect(meetingCount(entry.path)).toBeGreaterThan(0);
    const report = checkIntegrity(entry.path);
    expect(report.ok).toBe(true);
    expect(report.schemaVersion).toBeGreaterThan(0);
    expect(readdirSync(backupDir)).toHaveLength(1); // the check left nothing behind either
  });

  it('includes changes made after the database was opened (not only what is checkpointed)', async () => {
    const b = backend();
    const before = await backupDatabase(b.db.$client, backupDir, new Date('2025-03-01T10:00:00Z'));
    await b.dispatch('demo.load', {});
    const after = await backupDatabase(b.db.$client, backupDir, new Date('2025-03-01T10:10:00Z'));
    expect(meetingCount(before.path)).toBe(0);
    expect(meetingCount(after.path)).toBeGreaterThan(0);
  });

  it('fails with a Swedish io error and leaves no partial file when it cannot write', async () => {
    const b = backend();
    writeFileSync(join(dir, 'a-file'), 'x');
    await expect(writeConsistentCopy(b.db.$client, join(dir, 'a-file', 'copy.sqlite'))).rejects.toMatchObject({ code: 'io', message: expect.stringContaining('kunde inte skrivas') });
    expect(readdirSync(dir).filter((n) => n.endsWith('.partial'))).toHaveLength(0);
  });

  it('lists only our backups, newest first', async () => {
    const b = backend();
    await backupDatabase(b.db.$client, backupDir, new Date('2025-03-01T10:00:00Z'));
    await backupDatabase(b.db.$client, backupDir, new Date('2025-03-02T10:00:00Z'));
    writeFileSync(join(backupDir, 'README.txt'), 'inte en säkerhetskopia');
    const list = await listBackups(backupDir);
    expect(list.map((e) => e.takenAt.toISOString())).toStrictEqual(['2025-03-02T10:00:00.000Z', '2025-03-01T10:00:00.000Z']);
    expect(await listBackups(join(dir, 'finns-inte'))).toStrictEqual([]);
  });
});

describe('rotation', () => {
  const entries = (dates: string[]): BackupEntry[] => dates.map((d) => ({ path: `/b/${d}`, takenAt: new Date(d) }));

  it('keeps the newest backup of each of the last 7 days and of each of the last 4 weeks', () => {
    // Every 2 hours for 60 days, ending on Saturday 2025-03-01.
    const dates: string[] = [];
    for (let h = 0; h < 60 * 24; h += 2) dates.push(new Date(Date.UTC(2025, 2, 1, 22) - h * 3_600_000).toISOString());
    const { keep, remove } = planRotation(entries(dates));
    const kept = keep.map((e) => e.takenAt.toISOString());
    expect(kept).toStrictEqual([
      // daily: the last backup of each of the 7 newest days (Feb 23–Mar 1)
      '2025-03-01T22:00:00.000Z',
      '2025-02-28T22:00:00.000Z',
      '2025-02-27T22:00:00.000Z',
      '2025-02-26T22:00:00.000Z',
      '2025-02-25T22:00:00.000Z',
      '2025-02-24T22:00:00.000Z',
      '2025-02-23T22:00:00.000Z',
      // weekly: the newest of weeks 9 (= Mar 1, kept above), 8 (= Feb 23, kept above), 7 and 6
      '2025-02-16T22:00:00.000Z',
      '2025-02-09T22:00:00.000Z',
    ]);
    expect(keep.length + remove.length).toBe(dates.length);
  });

  it('keeps everything while there is little', () => {
    const few = entries(['2025-03-01T10:00:00Z', '2025-02-20T10:00:00Z', '2025-01-01T10:00:00Z']);
    expect(planRotation(few).remove).toStrictEqual([]);
  });

  it('deletes the others from disk and never touches foreign files', async () => {
    const b = backend();
    for (let day = 1; day <= 40; day++) await backupDatabase(b.db.$client, backupDir, new Date(Date.UTC(2025, 0, day, 12)));
    writeFileSync(join(backupDir, 'egen-kopia.sqlite'), 'x');
    const removed = await rotateBackups(backupDir);
    const left = readdirSync(backupDir).sort();
    expect(left).toContain('egen-kopia.sqlite');
    expect(left.length - 1 + removed.length).toBe(40);
    // Jan 1–Feb 9: the days Feb 3–9, plus the newest of weeks 5, 4 and 3 (week 6 is Feb 9).
    expect(left.length - 1).toBe(7 + 3);
  });
});

describe('integrity', () => {
  it('passes a healthy database', async () => {
    const b = backend();
    await b.dispatch('demo.load', {});
    b.close();
    expect(checkIntegrity(dbPath)).toMatchObject({ ok: true, problems: [] });
    expect(checkIntegrity(dbPath, 'quick').ok).toBe(true);
  });

  it('detects a damaged database', async () => {
    const b = backend();
    await b.dispatch('demo.load', {});
    b.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    b.close();
    damage(dbPath);
    const report = checkIntegrity(dbPath);
    expect(report.ok).toBe(false);
    expect(report.problems.length).toBeGreaterThan(0);
    expect(checkIntegrity(dbPath, 'quick').ok).toBe(false);
  });

  it('detects a file that is no database at all, and a missing one', () => {
    writeFileSync(dbPath, 'Detta är ingen databas, bara text. '.repeat(200));
    expect(checkIntegrity(dbPath)).toMatchObject({ ok: false, schemaVersion: 0 });
    expect(checkIntegrity(join(dir, 'saknas.sqlite')).ok).toBe(false);
  });

  it('finds the newest backup that is healthy', async () => {
    const b = backend();
    await b.dispatch('demo.load', {});
    const good = await backupDatabase(b.db.$client, backupDir, new Date('2025-03-01T10:00:00Z'));
    const bad = await backupDatabase(b.db.$client, backupDir, new Date('2025-03-02T10:00:00Z'));
    damage(bad.path);
    expect((await findNewestHealthyBackup(backupDir))?.path).toBe(good.path);
  });
});

describe('restore', () => {
  it('replaces the database with a checked backup and keeps the old file', async () => {
    const b = backend();
    await b.dispatch('demo.load', {});
    const backup = await backupDatabase(b.db.$client, backupDir, new Date('2025-03-01T10:00:00Z'));
    const count = meetingCount(dbPath);
    b.close();
    damage(dbPath);
    const { setAsidePath } = await restoreBackup({ backupPath: backup.path, databasePath: dbPath, at: new Date('2025-03-02T08:00:00Z') });
    expect(setAsidePath).toBe(`${dbPath}.ersatt-2025-03-02T08-00-00-000Z`);
    expect(existsSync(setAsidePath ?? '')).toBe(true);
    expect(existsSync(`${dbPath}-wal`)).toBe(false);
    expect(checkIntegrity(dbPath).ok).toBe(true);
    expect(meetingCount(dbPath)).toBe(count);
    const reopened = backend();
    expect((await reopened.dispatch('meetings.list', {})).ok).toBe(true);
  });

  it('refuses a damaged backup and leaves the database untouched', async () => {
    const b = backend();
    await b.dispatch('demo.load', {});
    const backup = await backupDatabase(b.db.$client, backupDir, new Date('2025-03-01T10:00:00Z'));
    b.close();
    damage(backup.path);
    const before = statSync(dbPath).mtimeMs;
    await expect(restoreBackup({ backupPath: backup.path, databasePath: dbPath, at: new Date() })).rejects.toMatchObject({
      code: 'validation',
      message: expect.stringContaining('är skadad'),
    });
    expect(statSync(dbPath).mtimeMs).toBe(before);
    expect(readdirSync(dir).filter((n) => n.includes('ersatt') || n.includes('aterstalls'))).toHaveLength(0);
  });

  it('refuses a healthy SQLite file that is not a Justera database', async () => {
    const other = join(dir, 'annan.sqlite');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    await expect(restoreBackup({ backupPath: other, databasePath: dbPath, at: new Date() })).rejects.toMatchObject({ code: 'validation' });
  });
});

describe('schedule', () => {
  it('backs up at start, then only when data changed, one at a time', async () => {
    let changes = 0;
    let tick: () => void = () => undefined;
    const runBackup = vi.fn(async () => undefined);
    const scheduler = createBackupScheduler({
      intervalMs: 600_000,
      changeCounter: () => changes,
      runBackup,
      onError: () => undefined,
      timers: { setInterval: (fn) => ((tick = fn), 1), clearInterval: () => undefined },
    });
    await scheduler.start();
    expect(runBackup).toHaveBeenCalledTimes(1);
    tick();
    await Promise.resolve();
    expect(runBackup).toHaveBeenCalledTimes(1); // nothing changed
    changes = 3;
    tick();
    tick(); // a second tick while the first runs does not start another backup
    await scheduler.stop();
    expect(runBackup).toHaveBeenCalledTimes(2);
    await scheduler.runNow();
    expect(runBackup).toHaveBeenCalledTimes(3); // "Säkerhetskopiera nu" runs even without changes
  });

  it('tries again at the next tick after a failed backup', async () => {
    let tick: () => void = () => undefined;
    const errors: unknown[] = [];
    const runBackup = vi.fn(async () => undefined).mockRejectedValueOnce(new Error('disk full'));
    const scheduler = createBackupScheduler({
      intervalMs: 1,
      changeCounter: () => 1,
      runBackup,
      onError: (e) => errors.push(e),
      timers: { setInterval: (fn) => ((tick = fn), 1), clearInterval: () => undefined },
    });
    await expect(scheduler.start()).rejects.toThrow('disk full');
    tick();
    await scheduler.stop();
    expect(runBackup).toHaveBeenCalledTimes(2);
  });
});
