// The one place that makes better-sqlite3 connections (ESLint refuses `new Database` elsewhere).
// better-sqlite3's JavaScript works in every runtime; its compiled addon does not. By default it
// loads the addon `npm ci` built in node_modules (Node's ABI: tests, CLI, `npm run web`). The
// Electron main process in development names its own build instead (.electron-native/<abi>/…,
// see electron/native.ts), passed to every connection as better-sqlite3's `nativeBinding`.
import Database from 'better-sqlite3';

let nativeBinding: string | undefined;

/** Path of the addon every later connection loads; undefined returns to node_modules' build. */
export function useSqliteBinding(path: string | undefined): void {
  nativeBinding = path;
}

/** The addon path connections get, or undefined for better-sqlite3's own lookup. */
export function sqliteBinding(): string | undefined {
  return nativeBinding;
}

export function openSqlite(filename: string, options: Database.Options = {}): Database.Database {
  return new Database(filename, nativeBinding === undefined ? options : { ...options, nativeBinding });
}
