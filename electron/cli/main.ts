// The `justera` command line: parses options from each command's declaration, prints help,
// runs the command and turns AppErrors into Swedish messages with a non-zero exit code.
import { parseArgs } from 'node:util';
import { AppError, isAppError } from '../../core/api/errors';
import { ApiError } from '../../core/api/client';
import type { CliArgs, CliCommand, CliIo } from './types';
import { commands } from './commands';
import { APP_VERSION } from '../version';
import { swedishToday } from './io';

export function defaultIo(): CliIo {
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    cwd: process.cwd(),
    today: () => swedishToday(new Date()),
    now: () => new Date(),
  };
}

export function findCommand(argv: readonly string[]): { command: CliCommand; rest: string[] } | null {
  const three = `${argv[0] ?? ''} ${argv[1] ?? ''} ${argv[2] ?? ''}`;
  const byThree = commands.find((c) => c.name === three);
  if (byThree) return { command: byThree, rest: argv.slice(3) };
  const two = `${argv[0] ?? ''} ${argv[1] ?? ''}`;
  const byTwo = commands.find((c) => c.name === two);
  if (byTwo) return { command: byTwo, rest: argv.slice(2) };
  const byOne = commands.find((c) => c.name === argv[0]);
  return byOne ? { command: byOne, rest: argv.slice(1) } : null;
}

export function mainHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `justera ${APP_VERSION} – protokoll, justering och anslag för nämnder`,
    '',
    'Användning: justera KOMMANDO [flaggor]',
    '',
    'Kommandon:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Skriv "justera KOMMANDO --help" för kommandots flaggor.',
    'Alla kommandon som läser eller skriver data tar --db FIL (databasfilen).',
  ].join('\n');
}

export function commandHelp(c: CliCommand): string {
  const rows = Object.entries(c.options).map(([name, o]) => {
    const flag = `--${name}${o.type === 'string' ? ` ${o.valueName ?? 'VÄRDE'}` : ''}${o.short ? `, -${o.short}` : ''}`;
    return [flag, o.description] as const;
  });
  rows.push(['--help, -h', 'Visa den här hjälpen.']);
  const width = Math.max(...rows.map(([f]) => f.length));
  return [`${c.summary}`, '', `Användning: ${c.usage}`, ...(c.details ? ['', c.details] : []), '', 'Flaggor:', ...rows.map(([f, d]) => `  ${f.padEnd(width)}  ${d}`)].join('\n');
}

export async function main(argv: readonly string[], io: CliIo = defaultIo()): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out(mainHelp());
    return argv.length === 0 ? 1 : 0;
  }
  if (argv[0] === '--version' || argv[0] === '-v') {
    io.out(APP_VERSION);
    return 0;
  }
  const found = findCommand(argv);
  if (!found) {
    io.err(`Okänt kommando "${argv[0]}". Skriv "justera --help" för en lista över kommandon.`);
    return 2;
  }
  const { command, rest } = found;
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(command));
    return 0;
  }
  let args: CliArgs;
  try {
    const parsed = parseArgs({
      args: [...rest],
      options: Object.fromEntries(Object.entries(command.options).map(([name, o]) => [name, { type: o.type, ...(o.multiple ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) }])),
      allowPositionals: true,
      strict: true,
    });
    args = { values: parsed.values as CliArgs['values'], positionals: parsed.positionals };
  } catch (e) {
    io.err(`${argumentMessage(e)}\nSkriv "justera ${command.name} --help" för hjälp.`);
    return 2;
  }
  try {
    return await command.run(io, args);
  } catch (e) {
    if (isAppError(e) || e instanceof ApiError) {
      io.err(`Fel: ${e.message}`);
      const issues = e.details?.issues ?? [];
      if (issues.length > 1) for (const i of issues.slice(1, 21)) io.err(`  - ${i.path}: ${i.message}`);
      if (issues.length > 21) io.err(`  … och ${issues.length - 21} fel till.`);
      return e.code === 'internal' ? 70 : 1;
    }
    io.err('Fel: ett oväntat fel inträffade. Inget har ändrats om felet uppstod mitt i en ändring.');
    io.err(String(e instanceof Error ? (e.stack ?? e.message) : e));
    return 70;
  }
}

function argumentMessage(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const unknown = /Unknown option '([^']+)'/.exec(msg);
  if (unknown) return `Okänd flagga ${unknown[1]}.`;
  const missing = /Option '([^']+)' argument missing/.exec(msg);
  if (missing) return `Flaggan ${missing[1]?.split(',')[0]} behöver ett värde.`;
  return `Felaktiga flaggor: ${msg}`;
}

export function requireString(args: CliArgs, name: string, what: string): string {
  const v = args.values[name];
  if (typeof v !== 'string' || v.length === 0) throw new AppError('validation', `Ange --${name} ${what}.`);
  return v;
}
