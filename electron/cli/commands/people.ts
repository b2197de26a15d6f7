// `justera people list` and `justera people identifiers list|add|remove`: the people of the boards
// with their ids, and their e-ID identifiers (personnummer, HSA-id, certificate fingerprint),
// through the same API as the board screen. Identifiers are personal data: listed masked unless
// --visa-fullständiga is given (and the audit log records that they were shown).
import { AppError } from '../../../core/api/errors';
import type { PersonIdentifier } from '../../../core/app/trust/identity';
import type { MemberRole } from '../../../core/format/meeting';
import { EID_KIND_NAMES, type EidKind } from '../../../core/domain/eid';
import type { CliCommand } from '../types';
import { apiOf, dbOption, jsonOption, printJson, requiredString, withBackend } from '../io';
import { readSecret } from '../credentials';
import { writeAtomically } from './data';
import { resolve } from 'node:path';
import { printable } from '../trust-anchors';

const ROLE: Record<MemberRole, string> = {
  ordforande: 'ordförande',
  vice_ordforande: 'vice ordförande',
  andre_vice_ordforande: 'andre vice ordförande',
  ledamot: 'ledamot',
  ersattare: 'ersättare',
};

/** The kinds as a user may write them on the command line. */
const KIND_WORDS: Record<string, EidKind> = {
  personnummer: 'personnummer',
  samordningsnummer: 'personnummer',
  pnr: 'personnummer',
  hsa: 'hsa',
  'hsa-id': 'hsa',
  fingeravtryck: 'fingerprint',
  fingerprint: 'fingerprint',
  sha256: 'fingerprint',
};

export interface ListedPerson {
  personId: string;
  name: string;
  /** "ledamot (S)", "ersättare", "tjänsteperson: nämndsekreterare". */
  roles: string[];
  identifiers: number;
}

export const peopleListCommand: CliCommand = {
  name: 'people list',
  summary: 'Lista nämndernas ledamöter, ersättare och tjänstepersoner med deras id (för e-legitimation).',
  usage: 'justera people list --db FIL [--board ID] [--json]',
  details:
    'Person-id:t används av "justera people identifiers". Kolumnen e-leg visar hur många identifierare\n' + '(personnummer, HSA-id, certifikat) personen har; själva identifierarna visas inte här.',
  options: { db: dbOption, board: { type: 'string', valueName: 'ID', description: 'Visa bara denna nämnd (id från justera list).' }, json: jsonOption },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const api = apiOf(backend);
      const only = typeof args.values.board === 'string' ? args.values.board : null;
      const boards = (await api.call('boards.list', {})).filter((b) => only === null || b.id === only);
      if (only !== null && boards.length === 0) throw new AppError('not_found', `Nämnden ${only} finns inte. Se "justera list --db FIL" för nämndernas id.`);
      const out: { boardId: string; board: string; people: ListedPerson[] }[] = [];
      for (const b of boards) {
        const details = await api.call('workspace.boards.get', { boardId: b.id });
        const people = new Map<string, ListedPerson>();
        const person = (personId: string, name: string): ListedPerson => {
          const p = people.get(personId) ?? { personId, name, roles: [], identifiers: 0 };
          people.set(personId, p);
          return p;
        };
        for (const m of details.members) {
          if (m.retiredOn !== null) continue;
          person(m.personId, m.name).roles.push(`${ROLE[m.role]}${m.party === null ? '' : ` (${m.party})`}`);
        }
        for (const o of details.officials) person(o.personId, o.name).roles.push(`tjänsteperson${o.title === null ? '' : `: ${o.title}`}`);
        for (const p of people.values()) p.identifiers = (await api.call('people.identifiers.list', { personId: p.personId })).identifiers.length;
        out.push({ boardId: b.id, board: b.name, people: [...people.values()] });
      }
      if (args.values.json) {
        printJson(io, { boards: out });
        return 0;
      }
      if (out.length === 0) {
        io.out('Det finns inga nämnder. Skapa en i appen eller läs in ett sammanträde med "justera import".');
        return 0;
      }
      const lines: string[] = [];
      for (const b of out) {
        lines.push(`${printable(b.board)}  [${b.boardId}]`);
        if (b.people.length === 0) lines.push('  (inga ledamöter eller tjänstepersoner)');
        const width = Math.max(0, ...b.people.map((p) => printable(p.name).length));
        for (const p of b.people) {
          lines.push(`  ${printable(p.name).padEnd(width)}  ${printable(p.roles.join(', '))}  e-leg: ${p.identifiers === 0 ? 'ingen' : p.identifiers}  [${p.personId}]`);
        }
      }
      io.out(lines.join('\n'));
      return 0;
    }),
};

const REVEAL = 'visa-fullständiga';

function describe(i: PersonIdentifier): string {
  return `${i.id}  ${EID_KIND_NAMES[i.kind]}: ${i.value ?? i.masked}  (registrerad ${i.createdAt.slice(0, 10)})`;
}

export const identifiersListCommand: CliCommand = {
  name: 'people identifiers list',
  summary: 'Visa en persons e-legitimationsidentifierare (maskerade).',
  usage: `justera people identifiers list PERSON-ID --db FIL [--${REVEAL}] [--json]`,
  details:
    'Identifierarna är personuppgifter och visas maskerade (19121212-••••). Med --visa-fullständiga skrivs\n' +
    'hela värdena ut och granskningsloggen noterar att de visades. Person-id:t visas av "justera people list".',
  options: { db: dbOption, [REVEAL]: { type: 'boolean', description: 'Visa hela identifierarna (loggas).' }, json: jsonOption },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const personId = args.positionals[0];
      if (personId === undefined) throw new AppError('validation', 'Ange personens id (visas av "justera people list --db FIL").');
      const r = await apiOf(backend).call('people.identifiers.list', { personId, ...(args.values[REVEAL] === true ? { reveal: true } : {}) });
      if (args.values.json) printJson(io, r);
      else if (r.identifiers.length === 0) io.out('Personen har ingen registrerad identifierare; underskrifter kontrolleras då bara mot namnet ("endast namnkontroll").');
      else for (const i of r.identifiers) io.out(describe(i));
      return 0;
    }),
};

export const identifiersAddCommand: CliCommand = {
  name: 'people identifiers add',
  summary: 'Registrera en e-legitimationsidentifierare (personnummer, HSA-id eller certifikatets fingeravtryck) för en person.',
  usage: 'justera people identifiers add PERSON-ID TYP VÄRDE --db FIL [--json]\n       justera people identifiers add PERSON-ID TYP --value-file FIL --db FIL',
  details:
    'TYP är personnummer (även samordningsnummer), hsa eller fingeravtryck.\n' +
    '  personnummer  ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN (+ för 100 år eller äldre); "SE" och "PNOSE-" går bra.\n' +
    '  hsa           t.ex. SE2321000016-1003\n' +
    '  fingeravtryck certifikatets SHA-256, 64 hexadecimala tecken (kolon går bra)\n' +
    'Med --value-file läses värdet från filens första rad, så att det inte hamnar i skalets historik.\n' +
    'När personen har en identifierare måste underskriftscertifikatet ha den; namnet avgör inte.',
  options: { db: dbOption, 'value-file': { type: 'string', valueName: 'FIL', description: 'Läs värdet från filens första rad.' }, json: jsonOption },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const [personId, kindWord, positional] = args.positionals;
      if (personId === undefined || kindWord === undefined) {
        throw new AppError('validation', 'Ange person-id och typ, t.ex. "justera people identifiers add PERSON-ID personnummer 19121212-1212 --db FIL".');
      }
      const kind = KIND_WORDS[kindWord.toLowerCase()];
      if (kind === undefined) throw new AppError('validation', `Okänd typ "${printable(kindWord)}". Välj personnummer, hsa eller fingeravtryck.`);
      const file = args.values['value-file'];
      const value = typeof file === 'string' ? await readSecret(io, file, 'Värdefilen') : positional;
      if (value === undefined || value.trim() === '') throw new AppError('validation', 'Ange identifieraren efter typen eller med --value-file FIL.');
      const r = await apiOf(backend).call('people.identifiers.add', { personId, kind, value });
      if (args.values.json) printJson(io, r);
      else io.out(`Registrerad: ${describe(r)}`);
      return 0;
    }),
};

export const identifiersRemoveCommand: CliCommand = {
  name: 'people identifiers remove',
  summary: 'Ta bort en persons e-legitimationsidentifierare.',
  usage: 'justera people identifiers remove IDENTIFIERAR-ID --db FIL [--json]',
  details: 'Id:t visas av "justera people identifiers list PERSON-ID".',
  options: { db: dbOption, json: jsonOption },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const id = args.positionals[0];
      if (id === undefined) throw new AppError('validation', 'Ange identifierarens id (visas av "justera people identifiers list PERSON-ID --db FIL").');
      const r = await apiOf(backend).call('people.identifiers.remove', { id });
      if (args.values.json) printJson(io, r);
      else io.out(`Borttagen: ${r.removed}`);
      return 0;
    }),
};

const WITH_IDS = 'med-identiteter';

export const peopleExportCommand: CliCommand = {
  name: 'people export',
  summary: 'Skriv nämndens ledamotslista som CSV (samma format som importen); identifierare bara med --med-identiteter.',
  usage: `justera people export NÄMNDS-ID -o FIL.csv --db FIL [--${WITH_IDS}]`,
  details:
    'Filen har kolumnerna Namn;Roll;Parti;Representerar;Mandat från;Mandat till;Ersättarordning;Ersättare för;E-post och läses in igen med\n' +
    'Importera ledamöter (CSV) i appen. E-legitimationens identifierare är personuppgifter och kommer med bara med --med-identiteter\n' +
    '(kolumnerna Personnummer, HSA-id, Fingeravtryck; flera värden skiljs med |); importen kontrollerar dem som när de läggs till för hand.\n' +
    'Granskningsloggen noterar exporten och om identifierarna var med.',
  options: {
    db: dbOption,
    out: { type: 'string', short: 'o', valueName: 'FIL', description: 'CSV-filen som skrivs.' },
    [WITH_IDS]: { type: 'boolean', description: 'Ta med personnummer, HSA-id och certifikatens fingeravtryck (personuppgifter).' },
    json: jsonOption,
  },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const boardId = args.positionals[0];
      if (boardId === undefined) throw new AppError('validation', 'Ange nämndens id (se "justera list --db FIL").');
      const out = requiredString(args, 'out', 'Ange filen som ska skrivas med -o FIL.csv.');
      const r = await apiOf(backend).call('workspace.members.export', { boardId, ...(args.values[WITH_IDS] === true ? { includeIdentifiers: true } : {}) });
      await writeAtomically(resolve(io.cwd, out), r.csv);
      if (args.values.json) printJson(io, { file: out, members: r.members, identifiers: r.identifiers });
      else
        io.out(
          `Skrev ${out}: ${r.members} ledamöter och ersättare${args.values[WITH_IDS] === true ? `, ${r.identifiers} identifierare (personuppgifter – hantera filen därefter)` : ', utan identifierare'}.`,
        );
      return 0;
    }),
};

export const peopleCommands: CliCommand[] = [peopleListCommand, peopleExportCommand, identifiersListCommand, identifiersAddCommand, identifiersRemoveCommand];
