// Start-up with a damaged or missing database: a Swedish question and a checked restore, never
// a crash and never a silently empty app.
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend, type Backend } from '../../electron/backend';
import { backupDatabase } from '../../electron/services/backup';
import type { Dialogs, MessageOptions } from '../../electron/shell/dialogs';
import { isCorruptionError, openWithRecovery } from '../../electron/startup-db';
import { AppError } from '../../core/api/errors';

let dir: string;
let dbPath: string;
let backupDir: string;
const opened: Backend[] = [];

function open(path: string): Backend {
  const b = createBackend({ databasePath: path, actor: 'test' });
  opened.push(b);
  return b;
}

function damage(path: string): void {
  const fd = openSync(path, 'r+');
  const garbage = Buffer.alloc(Math.min(8192, statSync(path).size - 8192), 0x5a);
  writeSync(fd, garbage, 0, garbage.length, 4196);
  closeSync(fd);
}

/** A dialog port that answers from a script and remembers what it was asked. */
function scriptedDialogs(answers: { message?: number[]; openFile?: (string | null)[] }) {
  const asked: MessageOptions[] = [];
  const dialogs: Pick<Dialogs, 'message' | 'openFile'> = {
    message: vi.fn(async (o: MessageOptions) => {
      asked.push(o);
      return answers.message?.shift() ?? o.cancelId;
    }),
    openFile: vi.fn(async () => answers.openFile?.shift() ?? null),
  };
  return { dialogs, asked };
}

async function healthyDbWithBackup(): Promise<string> {
  const b = open(dbPath);
  await b.dispatch('demo.load', {});
  const backup = await backupDatabase(b.db.$client, backupDir, new Date('2025-03-01T10:00:00Z'));
  b.close();
  return backup.path;
}

async function meetings(b: Backend): Promise<number> {
  const r = await b.dispatch('meetings.list', {});
  return r.ok ? (r.value as unknown[]).length : -1;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'justera-startup-'));
  dbPath = join(dir, 'justera.db');
  backupDir = join(dir, 'Säkerhetskopior');
});
afterEach(() => {
  for (const b of opened.splice(0)) {
    try {
      b.close();
    } catch {
      // closed already
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

const base = () => ({ databasePath: dbPath, backupDir, open, now: () => new Date('2025-03-02T08:00:00Z'), formatTime: (d: Date) => d.toISOString() });

describe('opening the database at start', () => {
  it('opens a healthy database without asking anything', async () => {
    await healthyDbWithBackup();
    const { dialogs, asked } = scriptedDialogs({});
    const outcome = await openWithRecovery({ ...base(), dialogs });
    expect(outcome.kind).toBe('ready');
    expect(asked).toHaveLength(0);
  });

  it('creates a new database on first start (no file, no backups)', async () => {
    const { dialogs, asked } = scriptedDialogs({});
    const outcome = await openWithRecovery({ ...base(), dialogs });
    expect(outcome).toMatchObject({ kind: 'ready', restoredFrom: null });
    expect(asked).toHaveLength(0);
    expect(existsSync(dbPath)).toBe(true);
  });

  it('explains a damaged database in Swedish and restores the newest good backup when asked', async () => {
    const backupPath = await healthyDbWithBackup();
    damage(dbPath);
    const { dialogs, asked } = scriptedDialogs({ message: [0, 0] });
    const outcome = await openWithRecovery({ ...base(), dialogs });
    expect(asked[0]).toMatchObject({
      type: 'error',
      title: 'Databasen är skadad',
      buttons: ['Återställ säkerhetskopian från 2025-03-01T10:00:00.000Z', 'Välj en säkerhetskopia…', 'Avsluta'],
      cancelId: 2,
    });
    expect(asked[0]?.message).toContain(dbPath);
    expect(asked[1]).toMatchObject({ title: 'Säkerhetskopian är återställd' });
    expect(outcome).toMatchObject({ kind: 'ready', restoredFrom: backupPath });
    if (outcome.kind !== 'ready') throw new Error();
    expect(await meetings(outcome.backend)).toBeGreaterThan(0);
    expect(readdirSync(dir).some((n) => n.startsWith('justera.db.ersatt-'))).toBe(true); // the damaged file is kept
  });

  it('quits, without creating an empty database, when the user chooses Avsluta', async () => {
    await healthyDbWithBackup();
    damage(dbPath);
    const sizeBefore = statSync(dbPath).size;
    const { dialogs } = scriptedDialogs({ message: [2] });
    expect(await openWithRecovery({ ...base(), dialogs })).toStrictEqual({ kind: 'quit' });
    expect(statSync(dbPath).size).toBe(sizeBefore);
  });

  it('skips damaged backups and says so when none is usable', async () => {
    const backupPath = await healthyDbWithBackup();
    damage(dbPath);
    damage(backupPath);
    const { dialogs, asked } = scriptedDialogs({ message: [1] });
    expect(await openWithRecovery({ ...base(), dialogs })).toStrictEqual({ kind: 'quit' });
    expect(asked[0]?.buttons).toStrictEqual(['Välj en säkerhetskopia…', 'Avsluta']);
    expect(asked[0]?.detail).toContain('Ingen fungerande säkerhetskopia');
  });

  it('lets the user pick a backup elsewhere, and refuses a damaged pick with a message', async () => {
    const backupPath = await healthyDbWithBackup();
    const elsewhere = join(dir, 'usb-kopia.sqlite');
    writeFileSync(elsewhere, 'inte en databas'.repeat(500));
    damage(dbPath);
    // round 1: "Välj…" → the bad file → error message; round 2: "Välj…" → the good one → info.
    const { dialogs, asked } = scriptedDialogs({ message: [1, 0, 1, 0], openFile: [elsewhere, backupPath] });
    const outcome = await openWithRecovery({ ...base(), dialogs });
    expect(asked.map((a) => a.title)).toStrictEqual(['Databasen är skadad', 'Återställningen misslyckades', 'Databasen är skadad', 'Säkerhetskopian är återställd']);
    expect(asked[1]?.message).toContain('är skadad eller ingen Justera-databas');
    expect(outcome).toMatchObject({ kind: 'ready', restoredFrom: backupPath });
  });

  it('treats an empty file beside backups as damaged, not as a new database', async () => {
    await healthyDbWithBackup();
    writeFileSync(dbPath, '');
    const { dialogs, asked } = scriptedDialogs({ message: [2] });
    expect(await openWithRecovery({ ...base(), dialogs })).toStrictEqual({ kind: 'quit' });
    expect(asked[0]?.message).toContain('Filen är tom');
  });

  it('asks before starting empty when the database is missing but backups exist', async () => {
    await healthyDbWithBackup();
    rmSync(dbPath);
    const { dialogs, asked } = scriptedDialogs({ message: [2] });
    const outcome = await openWithRecovery({ ...base(), dialogs });
    expect(asked[0]).toMatchObject({ title: 'Databasen saknas' });
    expect(asked[0]?.buttons).toContain('Börja med en tom databas');
    expect(outcome).toMatchObject({ kind: 'ready' });
    if (outcome.kind === 'ready') expect(await meetings(outcome.backend)).toBe(0);
  });

  it('shows other open errors (a newer schema) and quits without touching the file', async () => {
    await healthyDbWithBackup();
    const { dialogs, asked } = scriptedDialogs({});
    const newer = () => {
      throw new AppError('validation', 'Databasen är skapad av en nyare version av Justera.');
    };
    expect(await openWithRecovery({ ...base(), open: newer, dialogs })).toStrictEqual({ kind: 'quit' });
    expect(asked[0]).toMatchObject({ title: 'Justera kan inte starta', message: 'Databasen är skapad av en nyare version av Justera.' });
  });

  it('does not offer a restore when the file cannot be opened for other reasons', async () => {
    await healthyDbWithBackup();
    rmSync(dbPath);
    mkdirSync(dbPath); // unopenable, but not damaged data
    const { dialogs, asked } = scriptedDialogs({});
    expect(await openWithRecovery({ ...base(), dialogs })).toStrictEqual({ kind: 'quit' });
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ title: 'Justera kan inte starta', message: expect.stringContaining('kunde inte öppnas') });
  });

  it('recognises corruption errors from SQLite and from openDatabase', () => {
    expect(isCorruptionError(Object.assign(new Error('x'), { code: 'SQLITE_CORRUPT' }))).toBe(true);
    expect(isCorruptionError(new AppError('io', 'x', { sqliteCode: 'SQLITE_NOTADB' }))).toBe(true);
    expect(isCorruptionError(new AppError('io', 'x', { sqliteCode: 'SQLITE_CANTOPEN' }))).toBe(false);
    expect(isCorruptionError(null)).toBe(false);
  });
});
