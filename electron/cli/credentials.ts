// What the signing commands share: reading files and secrets, and choosing the signer's
// credential — a certificate file (PKCS#12) or a smart card/token (PKCS#11, e.g. SITHS).
// Passwords and PINs are read from files, never from the command line.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AppError } from '../../core/api/errors';
import type { Pkcs11TokenInfo } from '../services/signing';
import { checkModulePath } from '../services/signing/pkcs11-modules';
import type { CliIo } from './types';

// Loaded when a command runs, not at start-up (`justera --help` stays fast; see scripts/build-cli.mjs).
const signing = () => import('../services/signing');

export async function readInput(io: CliIo, file: string, what: string): Promise<Buffer> {
  const path = resolve(io.cwd, file);
  try {
    return await readFile(path);
  } catch {
    throw new AppError('io', `${what} ${path} kunde inte läsas. Kontrollera sökvägen.`);
  }
}

/** A password or PIN from a file: the first line, without its line break. */
export async function readSecret(io: CliIo, file: string, what: string): Promise<string> {
  const text = (await readInput(io, file, what)).toString('utf8');
  return text.split(/\r?\n/)[0] ?? '';
}

export const credentialOptions = {
  p12: { type: 'string', valueName: 'FIL', description: 'Certifikatfil (PKCS#12, .p12/.pfx).' },
  'password-file': { type: 'string', valueName: 'FIL', description: 'Fil vars första rad är lösenordet till certifikatfilen.' },
  pkcs11: { type: 'string', valueName: 'MODUL', description: 'PKCS#11-modul för kort eller token (t.ex. SITHS), sökväg till .so/.dll/.dylib.' },
  slot: { type: 'string', valueName: 'N', description: 'Kortplatsens nummer (från listan utan --slot).' },
  'pin-file': { type: 'string', valueName: 'FIL', description: 'Fil vars första rad är PIN-koden.' },
} as const;

/** `--pkcs11 PATH`: local and explicit, but through the same checks as the app (absolute after resolving, no UNC, a library that exists). */
export function cliModulePath(io: CliIo, modulePath: string): string {
  if (/^[\\/]{2}/.test(modulePath.trim())) return checkModulePath(modulePath);
  return checkModulePath(resolve(io.cwd, modulePath));
}

/** Prints the cards/tokens a module offers, one `--slot N` line each; exit status 1 when there are none. */
export async function printTokens(io: CliIo, modulePath: string): Promise<number> {
  const tokens = await (await signing()).listPkcs11Tokens(cliModulePath(io, modulePath));
  if (tokens.length === 0) io.out('Inga kort eller tokens hittades. Sätt i kortet och försök igen.');
  for (const t of tokens) io.out(`--slot ${t.slotIndex}  ${t.tokenLabel}  (${t.manufacturer} ${t.model}, serienummer ${t.serialNumber})`);
  return tokens.length === 0 ? 1 : 0;
}

/** The token in slot `slot` (as listed by printTokens). */
export async function tokenInSlot(io: CliIo, modulePath: string, slot: unknown): Promise<Pkcs11TokenInfo> {
  const tokens = await (await signing()).listPkcs11Tokens(cliModulePath(io, modulePath));
  const token = tokens.find((t) => String(t.slotIndex) === slot);
  if (token === undefined) throw new AppError('validation', `Kortplats ${String(slot)} finns inte. Kör kommandot utan --slot för att se vilka som finns.`);
  return token;
}
