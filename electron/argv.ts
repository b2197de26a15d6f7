// Reads the desktop app's command line: `--data-dir DIR` and the files to open (.justera, .pdf).
// Pure, so the rules are tested without Electron.
import { extname, isAbsolute, resolve } from 'node:path';

export type OpenableKind = 'justera' | 'pdf';

export interface OpenRequest {
  path: string;
  kind: OpenableKind;
}

export interface LaunchArgs {
  /** Absolute folder for the database and its backups, or null for the default (userData). */
  dataDir: string | null;
  files: OpenRequest[];
  /** Swedish messages about arguments that could not be used. */
  problems: string[];
}

export interface ParseOptions {
  /** The folder relative paths are resolved against (the launching shell's, for a second instance). */
  cwd: string;
  /**
   * How many leading entries are not arguments: the executable, and in development
   * (`electron .`) also the app folder.
   */
  skip: number;
}

export function openableKind(path: string): OpenableKind | null {
  const ext = extname(path).toLowerCase();
  return ext === '.justera' ? 'justera' : ext === '.pdf' ? 'pdf' : null;
}

export function parseLaunchArgs(argv: readonly string[], options: ParseOptions): LaunchArgs {
  const result: LaunchArgs = { dataDir: null, files: [], problems: [] };
  const args = argv.slice(options.skip);
  let positionalOnly = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!positionalOnly && arg === '--') {
      positionalOnly = true;
    } else if (!positionalOnly && (arg === '--data-dir' || arg.startsWith('--data-dir='))) {
      const inline = arg.startsWith('--data-dir=');
      const value = inline ? arg.slice('--data-dir='.length) : args[i + 1];
      if (!inline) i++;
      if (value === undefined || value === '' || (!inline && value.startsWith('--'))) {
        result.problems.push('--data-dir kräver en mapp, till exempel --data-dir "D:\\Justera".');
        if (!inline && value?.startsWith('--')) i--;
      } else {
        result.dataDir = isAbsolute(value) ? resolve(value) : resolve(options.cwd, value);
      }
    } else if (!positionalOnly && arg.startsWith('-')) {
      // Chromium's own switches (and macOS's -psn_…) arrive here too; they are not ours.
      continue;
    } else {
      const kind = openableKind(arg);
      if (kind) result.files.push({ path: resolve(options.cwd, arg), kind });
    }
  }
  return result;
}
