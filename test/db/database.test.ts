// Migrations, the version guard, constraints and the locking triggers, on real SQLite files.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMigrations, migrate, openDatabase } from '../../db/open';
import { translateDbError, withDbErrors } from '../../db/errors';
import { AppError } from '../../core/api/errors';
import { testBackend, type TestBackend } from '../helpers/backend';

describe('migrations', () => {
  const migrations = loadMigrations();

  it('are committed in order and each applies on an empty database', () => {
    expect(migrations.map((m) => m.tag)).toEqual([
      '0000_initial',
      '0001_locking_and_search',
      '0002_workspace',
      '0003_workspace_locking',
      '0004_corrections',
      '0005_settings_and_signing_order',
      '0006_organisation_notice_board_url',
      '0007_trust_and_identity',
      '0008_kallelse',
      '0009_trust_crls',
      '0010_group_time_place_order_reason',
      '0011_attendance_times_breaks',
    ]);
    for (let n = 1; n <= migrations.length; n += 1) {
      const client = new Database(':memory:');
      client.pragma('foreign_keys = ON');
      expect(migrate(client, migrations.slice(0, n))).toBe(n);
      expect(client.pragma('user_version', { simple: true })).toBe(n);
      expect(client.pragma('foreign_key_check')).toEqual([]);
      client.close();
    }
  });

  it('upgrades step by step and applies nothing twice', () => {
    const client = new Database(':memory:');
    migrate(client, migrations.slice(0, 1));
    expect(migrate(client, migrations)).toBe(migrations.length - 1);
    expect(migrate(client, migrations)).toBe(0);
    client.close();
  });

  it('a failing migration leaves the database at the previous version', () => {
    const client = new Database(':memory:');
    migrate(client, migrations.slice(0, 1));
    expect(() => migrate(client, [...migrations, { tag: '9999_broken', sql: 'CREATE TABLE ok_table(x); THIS IS NOT SQL;' }])).toThrow();
    expect(client.pragma('user_version', { simple: true })).toBe(1);
    expect(client.prepare("SELECT name FROM sqlite_master WHERE name IN ('ok_table', 'paragraphs_fts')").all()).toEqual([]);
    client.close();
  });

  it('refuses a database written by a newer version, without changing it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'justera-db-'));
    try {
      const path = join(dir, 'newer.db');
      const c = new Database(path);
      c.pragma(`user_version = ${migrations.length + 3}`);
      c.close();
      expect(() => openDatabase(path)).toThrow(/nyare version av Justera/);
      const again = new Database(path);
      expect(again.pragma('user_version', { simple: true })).toBe(migrations.length + 3);
      expect(again.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 });
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('opens with WAL, foreign keys and FULL synchronous, and gives a Swedish message for a non-database', () => {
    const dir = mkdtempSync(join(tmpdir(), 'justera-db-'));
    try {
      const db = openDatabase(join(dir, 'a.db'));
      expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.$client.pragma('synchronous', { simple: true })).toBe(2);
      db.$client.close();
      const junk = join(dir, 'junk.db');
      writeFileSync(junk, 'det här är ingen databas'.repeat(100));
      expect(() => openDatabase(junk)).toThrow(/ingen Justera-databas|kunde inte öppnas/);
      expect(() => openDatabase(join(dir, 'saknas', 'x.db'))).toThrow(/kunde inte öppnas/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('constraints and locking', () => {
  let t: TestBackend;
  let meetingId: string;
  beforeEach(async () => {
    t = testBackend();
    ({ meetingId } = await t.api.call('demo.load', {}));
  });
  afterEach(() => t.dispose());

  const sql = () => t.backend.db.$client;
  const groupOf = (n: number) => (sql().prepare('SELECT group_id AS g FROM paragraphs WHERE number = ?').get(n) as { g: string }).g;
  const freeze = (n: number) => sql().prepare("UPDATE adjustment_groups SET status = 'frozen' WHERE id = ?").run(groupOf(n));
  const lockedError = (fn: () => unknown): AppError => {
    try {
      withDbErrors(fn);
    } catch (e) {
      if (e instanceof AppError) return e;
      throw e;
    }
    throw new Error('expected a locked error');
  };

  it('§ numbers are unique per board and year: a constraint, not a convention', () => {
    const e = lockedError(() => sql().prepare('UPDATE paragraphs SET number = 21 WHERE number = 20').run());
    expect(e.code).toBe('conflict');
    expect(e.message).toMatch(/redan använt/);
  });

  it('open paragraphs can be edited', () => {
    expect(sql().prepare("UPDATE paragraphs SET title = 'Ny rubrik' WHERE number = 23").run().changes).toBe(1);
  });

  it('a frozen group rejects updates, deletes and new attachments in the database itself', () => {
    freeze(20);
    for (const stmt of [
      "UPDATE paragraphs SET title = 'Ändrad' WHERE number = 20",
      'DELETE FROM paragraphs WHERE number = 21',
      "UPDATE paragraphs SET content = json_set(content, '$.distribution', json('[\"x\"]')) WHERE number = 22",
    ]) {
      const e = lockedError(() => sql().prepare(stmt).run());
      expect(e.code).toBe('locked');
      expect(e.message).toMatch(/låst för justering/);
    }
    const pid = (sql().prepare('SELECT id FROM paragraphs WHERE number = 22').get() as { id: string }).id;
    expect(lockedError(() => sql().prepare("INSERT INTO attachments (id, paragraph_id, position, kind, title) VALUES ('x', ?, 5, 'document', 'Ny')").run(pid)).code).toBe('locked');
    // Paragraphs of the other, still open group can still be edited, but not the attendance.
    expect(sql().prepare("UPDATE paragraphs SET title = 'Ändrad' WHERE number = 23").run().changes).toBe(1);
    expect(lockedError(() => sql().prepare('DELETE FROM attendance WHERE meeting_id = ?').run(meetingId)).message).toMatch(/Närvaron/);
    expect(lockedError(() => sql().prepare("UPDATE meetings SET place = 'Rum 2' WHERE id = ?").run(meetingId)).code).toBe('locked');
    // Moving an open paragraph into a frozen group is refused too.
    expect(lockedError(() => sql().prepare('UPDATE paragraphs SET group_id = ? WHERE number = 23').run(groupOf(20))).code).toBe('locked');
  });

  it('an adjusted group can never be reopened or deleted', () => {
    sql().prepare("UPDATE adjustment_groups SET status = 'adjusted', adjusted_at = '2020-11-06T08:00:00Z' WHERE id = ?").run(groupOf(20));
    expect(lockedError(() => sql().prepare("UPDATE adjustment_groups SET status = 'open' WHERE id = ?").run(groupOf(20))).code).toBe('locked');
    expect(lockedError(() => sql().prepare('DELETE FROM adjustment_groups WHERE id = ?').run(groupOf(20))).code).toBe('locked');
  });

  it('the audit log is append-only', () => {
    expect(lockedError(() => sql().prepare('DELETE FROM audit_log').run()).message).toMatch(/Händelseloggen/);
    expect(lockedError(() => sql().prepare("UPDATE audit_log SET actor = 'x'").run()).code).toBe('locked');
  });

  it('full-text search finds words in titles and text, Swedish letters case-insensitively', () => {
    const search = (q: string) =>
      (sql().prepare('SELECT p.number FROM paragraphs_fts f JOIN paragraphs p ON p.rowid = f.rowid WHERE paragraphs_fts MATCH ? ORDER BY p.number').all(q) as { number: number }[]).map(
        (r) => r.number,
      );
    expect(search('nyckelsystem')).toEqual([20]);
    expect(search('DATASKYDDSOMBUD')).toEqual([25]);
    expect(search('Ärendehanteringssystem')).toEqual([22]);
    expect(search('swedlock')).toEqual([20]);
    expect(search('"2019/258"')).toEqual([20]);
    // "övriga fastigheter" in § 20 and the title "Övriga frågor": Ö and ö are the same letter.
    expect(search('Övriga')).toEqual([20, 26]);
  });

  it('unknown SQLite errors pass through untouched', () => {
    const e = new Error('boom');
    expect(translateDbError(e)).toBe(e);
  });
});
