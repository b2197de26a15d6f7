// `justera archive export` and `justera archive verify`: archive packages for the e-archive.
import { resolve } from 'node:path';
import { AppError } from '../../../core/api/errors';
import type { ArchiveVerification } from '../../services/archive';
import type { CliCommand } from '../types';
import { apiOf, dbOption, jsonOption, printJson, withBackend } from '../io';
import { crlOption, trustDbOption, trustMaterialOf, trustOption } from '../trust-anchors';

// Loaded when a command runs, not at start-up (`justera --help` stays fast; see scripts/build-cli.mjs).
const archive = () => import('../../services/archive');
const archiveStore = () => import('../../../db/repos/archive');

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
    if (!/^\d{4}$/.test(year)) throw new AppError('validation', `Året ska ha fyra siffror, inte "${year}".`);
    return withBackend(io, args, async (backend) => {
      const r = await (
        await archive()
      ).exportArchive({ api: apiOf(backend), documents: (await archiveStore()).createArchiveStore(backend.db), boardId, year: Number(year), dir: resolve(io.cwd, dir), now: io.now() });
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
    const { anchors, crls } = await trustMaterialOf(io, args);
    const r = await (await archive()).verifyArchive(resolve(io.cwd, dir), { now: io.now(), crls, ...(anchors.length > 0 ? { trustAnchors: anchors } : {}) });
    if (args.values.json) printJson(io, r);
    else io.out(describeVerification(r));
    return r.ok ? 0 : 1;
  },
};

export const archiveCommands: CliCommand[] = [archiveExportCommand, archiveVerifyCommand];
