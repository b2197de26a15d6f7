// `justera archive export` and `justera archive verify`: archive packages for the e-archive,
// through the API (archive.export, archive.verify) like the app and the loopback host: the same
// checks of the board, the year and the folder for every entrance.
import { resolve } from 'node:path';
import { AppError } from '../../../core/api/errors';
import type { ArchiveVerification } from '../../../core/app/archive';
import { bytesToBase64 } from '../../../core/format/base64';
import type { Backend } from '../../backend';
import type { CliArgs, CliCommand, CliIo } from '../types';
import { apiOf, dbOption, jsonOption, printJson, withBackend } from '../io';
import { readInput } from '../credentials';
import { crlOption, trustDbOption, trustOption } from '../trust-anchors';

export const archiveExportCommand: CliCommand = {
  name: 'archive export',
  summary: 'Skriv ett arkivpaket (E-ARK CSIP-stil, METS.xml + SHA-256) för en nämnds sammanträden ett år.',
  usage: 'justera archive export NÄMNDS-ID ÅÅÅÅ MAPP --db FIL [--json]',
  details:
    'Paketet innehåller varje sammanträdes data (JSON), alla dokumentversioner (fryst PDF och senaste\n' +
    'signerade PDF med valideringsrapport), METS.xml och manifest.sha256. MAPP får inte finnas eller\n' +
    'måste vara tom; paketet skrivs i en tillfällig mapp som byter namn först när allt är klart.',
  options: { db: dbOption, json: jsonOption },
  run: async (io, args) => {
    const [boardId, year, dir] = args.positionals;
    if (boardId === undefined || year === undefined || dir === undefined) {
      throw new AppError('validation', 'Ange nämndens id, året och mappen, t.ex. "justera archive export NÄMNDS-ID 2020 arkiv-2020 --db justera.db".');
    }
    return withBackend(io, args, async (backend) => {
      // Anything but digits is no year: the API refuses it with its own message.
      const r = await apiOf(backend).call('archive.export', { boardId, year: /^\d+$/.test(year) ? Number(year) : Number.NaN, directory: resolve(io.cwd, dir) });
      if (args.values.json) printJson(io, r);
      else io.out(`Arkivpaketet är skrivet till ${r.dir}: ${r.meetings} ${r.meetings === 1 ? 'sammanträde' : 'sammanträden'}, ${r.files} filer, ${r.signedPdfs} signerade PDF:er.`);
      return 0;
    });
  },
};

export function describeVerification(r: ArchiveVerification): string {
  const lines = [
    `Arkivpaket ${r.objId ?? '(utan OBJID)'} i ${r.dir}`,
    r.mets.valid ? 'METS.xml: strukturen är korrekt (kontrollerad i Justera, inte mot METS-schemat).' : `METS.xml: ${r.mets.problems.length} strukturfel.`,
    `Filer: ${r.files.ok} oförändrade, ${r.files.bad.length} med fel.`,
    `Underskrifter: ${r.signatures.valid} giltiga, ${r.signatures.invalid.length} ogiltiga.`,
  ];
  for (const p of r.mets.problems) lines.push(`  STRUKTUR  METS.xml: ${p}`);
  for (const b of r.files.bad) lines.push(`  FEL  ${b.path}: ${b.problem}`);
  for (const s of r.signatures.invalid) lines.push(`  OGILTIG  ${s.path}: ${s.problem}`);
  if (!r.trustAssessed && r.signatures.invalid.length > 0) lines.push('Ange betrodda rotcertifikat med --trust CA.pem, eller --db med en databas vars tillitslista har dem (justera trust add).');
  lines.push(r.ok ? 'Paketet är oförändrat och alla underskrifter är giltiga.' : 'Paketet har fel (se ovan).');
  return lines.join('\n');
}

export const archiveVerifyCommand: CliCommand = {
  name: 'archive verify',
  summary: 'Kontrollera ett arkivpaket: METS.xml:s struktur, checksummor och underskrifterna i varje signerad PDF.',
  usage: 'justera archive verify MAPP [--trust CA.pem …] [--db FIL] [--json]',
  details:
    'Avslutas med status 1 om METS.xml har strukturfel, om någon fil saknas eller har ändrats, eller om någon underskrift är ogiltig eller inte betrodd\n' +
    '(utan --trust och utan tillitslista i --db är tilliten ej bedömd och statusen 1).\n' +
    'Strukturen kontrolleras i Justera (delar, ID:n, Dublin Core, checksummor, hänvisningar); någon validering mot METS-XSD görs inte.',
  options: {
    trust: trustOption,
    crl: crlOption,
    db: trustDbOption,
    json: jsonOption,
  },
  run: async (io, args) => {
    const dir = args.positionals[0];
    if (dir === undefined) throw new AppError('validation', 'Ange arkivpaketets mapp, t.ex. "justera archive verify arkiv-2020".');
    const files = async (option: 'trust' | 'crl', what: string) => Promise.all(strings(args.values[option]).map(async (f) => bytesToBase64(await readInput(io, f, what))));
    const input = { directory: resolve(io.cwd, dir), trustAnchorsBase64: await files('trust', 'Rotcertifikatet'), crlsBase64: await files('crl', 'Spärrlistan') };
    const r = await withTrustStore(io, args, (backend) => apiOf(backend).call('archive.verify', input));
    if (args.values.json) printJson(io, r);
    else io.out(describeVerification(r));
    return r.ok ? 0 : 1;
  },
};

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((f): f is string => typeof f === 'string') : []);

/**
 * The back end over --db (or JUSTERA_DB), whose trust store the check uses; without one an empty
 * database in memory, so the check still goes through the API (then only --trust counts).
 */
async function withTrustStore<T>(io: CliIo, args: CliArgs, fn: (b: Backend) => Promise<T>): Promise<T> {
  const db = args.values.db ?? process.env.JUSTERA_DB;
  if (typeof db === 'string' && db.length > 0) return withBackend(io, args, fn);
  const { createBackend } = await import('../../backend');
  const backend = createBackend({ databasePath: ':memory:', actor: process.env.JUSTERA_ACTOR ?? 'cli', clock: { now: () => io.now() } });
  try {
    return await fn(backend);
  } finally {
    backend.close();
  }
}

export const archiveCommands: CliCommand[] = [archiveExportCommand, archiveVerifyCommand];
