// The shape every `justera` sub-command has; the CLI runner (electron/cli/main.ts) parses
// options with node:util parseArgs from `options` and prints `--help` from the same data.

export interface CliOption {
  type: 'string' | 'boolean';
  /** Swedish description shown by `justera COMMAND --help`. */
  description: string;
  multiple?: boolean;
  short?: string;
  /** Placeholder shown in help, e.g. 'FIL' or 'ÅÅÅÅ-MM-DD'. */
  valueName?: string;
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** Directory relative paths are resolved against. */
  cwd: string;
  /** Today's date as YYYY-MM-DD in Swedish local time (fixed in tests). */
  today(): string;
  /** The current instant (fixed in tests). */
  now(): Date;
}

export interface CliArgs {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export interface CliCommand {
  /** One or two words: 'dates', 'render', 'board export'. */
  name: string;
  /** One Swedish line for `justera --help`. */
  summary: string;
  /** Usage line(s), e.g. 'justera dates --posted ÅÅÅÅ-MM-DD [--json]'. */
  usage: string;
  /** Longer Swedish help text, examples welcome. */
  details?: string;
  options: Record<string, CliOption>;
  /** Returns the process exit code. Throw AppError for user-facing failures. */
  run(io: CliIo, args: CliArgs): Promise<number>;
}
