// Whether an external tool (pdfsig, openssl, xmllint, SoftHSM2 …) or a system file the tests check
// against is on this machine. Locally a missing tool skips the checks that need it; under CI=true
// (.ci/run installs every tool) a missing tool is an error, so a check cannot pass by not running.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** True on CI (CI=true or any non-empty value other than "false"/"0"). */
export function onCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env['CI'];
  return v !== undefined && v !== '' && v !== 'false' && v !== '0';
}

/** `present`, except that a missing dependency throws under CI instead of skipping. */
export function requiredOnCi(what: string, present: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!present && onCi(env)) {
    throw new Error(`${what} saknas, men CI är satt: testet får inte hoppas över i CI. Installera det (se .ci/run).`);
  }
  return present;
}

const seen = new Map<string, boolean>();

/** The tool is on PATH. Under CI a missing tool throws (see the file comment). */
export function hasTool(name: string): boolean {
  let present = seen.get(name);
  if (present === undefined) {
    present = spawnSync('sh', ['-c', 'command -v "$1"', 'sh', name]).status === 0;
    seen.set(name, present);
  }
  return requiredOnCi(`Verktyget ${name}`, present);
}

/** The first of `paths` that exists; under CI none existing throws. */
export function firstExisting(what: string, paths: readonly string[]): string | undefined {
  const found = paths.find((p) => existsSync(p));
  requiredOnCi(what, found !== undefined);
  return found;
}
