// Running the CLI in-process for the integration tests: `justera …` with a fixed clock in a test
// folder, its output and errors kept per call (each call starts empty), and the audit log counted.
import { openDatabase } from '../../db/open';
import { main } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/types';

export interface CliSession {
  /** Runs `justera ARGV… EXTRA…` (output and errors of the last call only); resolves to the exit code. */
  cli(...argv: string[]): Promise<number>;
  /** The last call's output lines joined with `sep` (a newline unless told). */
  stdout(sep?: string): string;
  stderr(sep?: string): string;
  /** The io the calls use, for a call that must keep the output of the one before. */
  io(): CliIo;
}

/**
 * `cwd` is read at every call (the folder is usually made in beforeAll/beforeEach). `at` is the
 * local wall clock with its offset, e.g. "2020-11-05T10:45:00+01:00": its date is "today".
 * `extra` is added after every call's arguments (e.g. ['--db', 'j.db']).
 */
export function cliSession(cwd: () => string, at: string, extra: readonly string[] = []): CliSession {
  let out: string[] = [];
  let err: string[] = [];
  const io = (): CliIo => ({ out: (t) => out.push(t), err: (t) => err.push(t), cwd: cwd(), today: () => at.slice(0, 10), now: () => new Date(at) });
  return {
    cli: (...argv) => {
      out = [];
      err = [];
      return main([...argv, ...extra], io());
    },
    stdout: (sep = '\n') => out.join(sep),
    stderr: (sep = '\n') => err.join(sep),
    io,
  };
}

/** The number of rows in the audit log of the database at `path` (what a refusal must not change). */
export function auditCount(path: string): number {
  const db = openDatabase(path);
  try {
    return (db.$client.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  } finally {
    db.$client.close();
  }
}
