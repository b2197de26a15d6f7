// Opens (and creates) the database: WAL, foreign keys, busy timeout, migrations in one
// transaction, and a refusal to open a database written by a newer version of the app.
import type Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../core/api/errors';
import * as schema from './schema';
import { openSqlite } from './sqlite';

export type Schema = typeof schema;
export type Db = BetterSQLite3Database<Schema> & { $client: Database.Database };

export interface Migration {
  tag: string;
  sql: string;
}

interface Journal {
  entries: { idx: number; tag: string }[];
}

const here = dirname(fileURLToPath(import.meta.url));

/** The migrations drizzle-kit generated (db/migrations), in order. */
export function loadMigrations(folder = process.env.JUSTERA_MIGRATIONS_DIR ?? join(here, 'migrations')): Migration[] {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as Journal;
  return [...journal.entries].sort((a, b) => a.idx - b.idx).map((e) => ({ tag: e.tag, sql: readFileSync(join(folder, `${e.tag}.sql`), 'utf8') }));
}

export interface OpenOptions {
  migrations?: Migration[];
  readonly?: boolean;
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  let client: Database.Database;
  try {
    client = openSqlite(path, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (e) {
    throw ioError(path, e);
  }
  try {
    client.pragma('busy_timeout = 5000');
    client.pragma('foreign_keys = ON');
    if (path !== ':memory:' && !options.readonly) client.pragma('journal_mode = WAL');
    // FULL: a change acknowledged to the user survives a power cut, not only a crash.
    client.pragma('synchronous = FULL');
    if (!options.readonly) migrate(client, options.migrations ?? loadMigrations());
    return drizzle(client, { schema }) as Db;
  } catch (e) {
    client.close();
    if (e instanceof AppError) throw e;
    throw ioError(path, e);
  }
}

/** Applies pending migrations in one transaction; PRAGMA user_version counts applied ones. */
export function migrate(client: Database.Database, migrations: Migration[]): number {
  const current = client.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) {
    throw new AppError(
      'validation',
      `Databasen är skapad av en nyare version av Justera (schemaversion ${current}, den här versionen känner till ${migrations.length}). Uppdatera Justera innan du öppnar den; databasen har inte ändrats.`,
    );
  }
  const pending = migrations.slice(current);
  if (pending.length === 0) return 0;
  client
    .transaction(() => {
      for (const m of pending) client.exec(m.sql);
      client.pragma(`user_version = ${migrations.length}`);
    })
    .immediate();
  return pending.length;
}

function ioError(path: string, e: unknown): AppError {
  const code = (e as { code?: string }).code ?? '';
  const reason =
    code === 'SQLITE_CANTOPEN'
      ? 'filen eller mappen kan inte öppnas (finns mappen, och har du skrivrätt?)'
      : code.startsWith('SQLITE_READONLY')
        ? 'filen eller datamappen är skrivskyddad (kontrollera behörigheten till mappen)'
        : code === 'SQLITE_FULL'
          ? 'disken är full'
          : code === 'SQLITE_NOTADB'
            ? 'filen är ingen Justera-databas'
            : code === 'SQLITE_CORRUPT'
              ? 'databasfilen är skadad; återställ från en säkerhetskopia'
              : 'ett fel uppstod när den öppnades';
  return new AppError('io', `Databasen ${path} kunde inte öppnas: ${reason}.`, { sqliteCode: code });
}
