// Disk full and a read-only data folder: a write through the API fails with a clear Swedish
// AppError ('io'), nothing is corrupted (integrity_check ok, the earlier data intact) and the
// app keeps answering reads. Tests often run as root, where chmod does not stop writes and a
// tmpfs cannot be mounted; there a full disk is simulated with PRAGMA max_page_count (SQLite
// reports SQLITE_FULL exactly as on a full disk) and a read-only database with PRAGMA
// query_only (SQLITE_READONLY). As a normal user the real chmod case runs as well.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createClient, type ApiClient } from '../../core/api/client';
import { AppError } from '../../core/api/errors';
import { createBackend, type Backend } from '../../electron/backend';
import { counterIds, FIXED_NOW, referenceCopy, rowCounts, rejection } from '../helpers/backend';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

let dir: string;
let dbPath: string;
let backend: Backend;
let api: ApiClient;
let meetingId: string;

function open(): void {
  backend = createBackend({ databasePath: dbPath, clock: { now: () => FIXED_NOW }, ids: counterIds(`r${Date.now()}`), actor: 'test' });
  api = createClient((m, i) => backend.dispatch(m, i));
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'justera-readonly-'));
  dbPath = join(dir, 'justera.db');
  open();
  meetingId = (await api.call('demo.load', {})).meetingId;
});
afterEach(() => {
  try {
    backend.close();
  } catch {
    // already closed
  }
  chmodSync(dir, 0o755);
  rmSync(dir, { recursive: true, force: true });
});

/** A second meeting (a year later): enough new rows and text to need new database pages. */
function anotherMeeting(): unknown {
  const doc = referenceCopy();
  doc.meeting.date = '2021-03-04';
  return doc;
}

async function snapshot(): Promise<{ counts: Record<string, number>; doc: unknown; search: number[] }> {
  return {
    counts: rowCounts(backend),
    doc: await api.call('meetings.export', { meetingId }),
    search: (await api.call('workspace.search', { query: 'ärendehanteringssystem' })).map((h) => h.number),
  };
}

function integrity(): string {
  return (backend.db.$client.pragma('integrity_check', { simple: true }) as string) ?? '';
}

describe('disk full (SQLITE_FULL)', () => {
  it('refuses the write in Swedish, rolls it back whole and keeps serving reads', async () => {
    const before = await snapshot();
    const sql = backend.db.$client;
    sql.pragma('wal_checkpoint(TRUNCATE)');
    const pages = sql.pragma('page_count', { simple: true }) as number;
    // No room for a single new page: the same error SQLite gives on a full disk.
    sql.pragma(`max_page_count = ${pages}`);

    const e = await rejection(api.call('meetings.import', { document: anotherMeeting() }));
    expect(e.code).toBe('io');
    expect(e.message).toMatch(/^Disken är full\./);
    expect(e.message).toContain('inget har sparats');

    // Reads keep working and nothing of the failed import is visible.
    expect(await snapshot()).toEqual(before);
    expect((await api.call('meetings.list', {})).map((m) => m.date)).toEqual(['2020-11-05']);
    expect(integrity()).toBe('ok');

    // Space freed: the same write succeeds and the database is still sound after a reopen.
    sql.pragma('max_page_count = 1073741823');
    await api.call('meetings.import', { document: anotherMeeting() });
    backend.close();
    open();
    expect(integrity()).toBe('ok');
    expect((await api.call('meetings.list', {})).map((m) => m.date).sort()).toEqual(['2020-11-05', '2021-03-04']);
    expect((await snapshot()).doc).toEqual(before.doc);
  });
});

describe('read-only database', () => {
  it('refuses a write with the read-only message and keeps serving reads (simulated with query_only)', async () => {
    const before = await snapshot();
    backend.db.$client.pragma('query_only = ON');
    const e = await rejection(api.call('meetings.import', { document: anotherMeeting() }));
    expect(e.code).toBe('io');
    expect(e.message).toContain('skrivskyddad');
    expect(await snapshot()).toEqual(before);
    expect(integrity()).toBe('ok');
  });

  it.skipIf(isRoot)('a read-only data folder (chmod 0555/0444) fails writes with a Swedish io error, data intact', async () => {
    const before = await snapshot();
    backend.close();
    chmodSync(dbPath, 0o444);
    chmodSync(dir, 0o555);
    let opened = false;
    try {
      open();
      opened = true;
    } catch (e) {
      // Opening already fails (WAL needs a writable folder): with a Swedish io error that says why.
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('io');
      expect((e as AppError).message).toContain('skrivskyddad');
    }
    if (opened) {
      const e = await rejection(api.call('meetings.import', { document: anotherMeeting() }));
      expect(e.code).toBe('io');
      expect(e.message).toMatch(/skrivskyddad|Disken är full/);
      backend.close();
    }
    chmodSync(dir, 0o755);
    chmodSync(dbPath, 0o644);
    open();
    expect(integrity()).toBe('ok');
    expect(await snapshot()).toEqual(before);
  });
});
