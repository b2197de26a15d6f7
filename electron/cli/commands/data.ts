// Commands that move data: demo, list, import, export.
import { readFile, writeFile, rename } from 'node:fs/promises';
import { dirname, resolve, basename, join } from 'node:path';
import { AppError } from '../../../core/api/errors';
import { protocolStateLabels } from '../../../core/domain/protocol-state';
import type { CliCommand } from '../types';
import { apiOf, dbOption, jsonOption, printJson, warnQuorum, withBackend } from '../io';

export const demoCommand: CliCommand = {
  name: 'demo',
  summary: 'Skapa databasen och läs in referenssammanträdet (Norrbottens e-nämnd 2020-11-05).',
  usage: 'justera demo --db FIL [--json]',
  options: { db: dbOption, json: jsonOption },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const r = await apiOf(backend).call('demo.load', {});
      if (args.values.json) printJson(io, r);
      else io.out(r.created ? `Referenssammanträdet är inläst (sammanträde ${r.meetingId}).` : `Referenssammanträdet fanns redan (sammanträde ${r.meetingId}).`);
      return 0;
    }),
};

export const listCommand: CliCommand = {
  name: 'list',
  summary: 'Lista organisationer, nämnder och sammanträden med deras id.',
  usage: 'justera list --db FIL [--board ID] [--year ÅÅÅÅ] [--json]',
  options: {
    db: dbOption,
    board: { type: 'string', valueName: 'ID', description: 'Visa bara sammanträden i denna nämnd.' },
    year: { type: 'string', valueName: 'ÅÅÅÅ', description: 'Visa bara sammanträden detta år.' },
    json: jsonOption,
  },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const api = apiOf(backend);
      const year = args.values.year;
      if (year !== undefined && !/^\d{4}$/.test(String(year))) throw new AppError('validation', `--year ska vara ett årtal med fyra siffror, inte "${String(year)}".`);
      const organisations = await api.call('organisations.list', {});
      const boards = await api.call('boards.list', {});
      const meetings = await api.call('meetings.list', {
        ...(typeof args.values.board === 'string' ? { boardId: args.values.board } : {}),
        ...(typeof year === 'string' ? { year: Number(year) } : {}),
      });
      if (args.values.json) {
        printJson(io, { organisations, boards, meetings });
        return 0;
      }
      if (organisations.length === 0) {
        io.out('Databasen är tom. Läs in referenssammanträdet med "justera demo --db FIL" eller ett eget med "justera import".');
        return 0;
      }
      const lines: string[] = [];
      for (const o of organisations) {
        lines.push(`${o.name}  [${o.id}]`);
        for (const b of boards.filter((x) => x.organisationId === o.id)) {
          lines.push(`  ${b.name}  [${b.id}]`);
          for (const m of meetings.filter((x) => x.boardId === b.id)) {
            const range = m.firstParagraph === null ? 'inga paragrafer' : m.firstParagraph === m.lastParagraph ? `§ ${m.firstParagraph}` : `§§ ${m.firstParagraph}–${m.lastParagraph}`;
            lines.push(`    ${m.date} ${m.startTime}  ${m.place}  ${range}  ${protocolStateLabels[m.state]}  [${m.id}]`);
          }
        }
      }
      io.out(lines.join('\n'));
      return 0;
    }),
};

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Läs in ett sammanträde från en JSON-fil i Justeras mötesformat.',
  usage: 'justera import MÖTE.json --db FIL [--json]',
  details: 'Formatet beskrivs i docs/meeting-format.md. Filen kontrolleras helt innan något skrivs; vid fel ändras ingenting.',
  options: { db: dbOption, json: jsonOption },
  run: async (io, args) => {
    const file = args.positionals[0];
    if (file === undefined) throw new AppError('validation', 'Ange JSON-filen som ska läsas in, t.ex. "justera import möte.json --db justera.db".');
    const path = resolve(io.cwd, file);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      throw new AppError('io', `Filen ${path} kunde inte läsas. Kontrollera sökvägen.`);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      throw new AppError('validation', `Filen ${basename(path)} är inte giltig JSON (${detail}). Kontrollera kommatecken, citattecken och klamrar.`);
    }
    return withBackend(io, args, async (backend) => {
      const api = apiOf(backend);
      const r = await api.call('meetings.import', { document: raw });
      await warnQuorum(io, api, r.meetingId);
      if (args.values.json) printJson(io, r);
      else io.out(`Sammanträdet är inläst (sammanträde ${r.meetingId}).`);
      return 0;
    });
  },
};

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Skriv ut ett sammanträde som JSON i Justeras mötesformat.',
  usage: 'justera export MÖTES-ID --db FIL [-o FIL] [--med-e-post]',
  details:
    'Personernas e-postadresser (dit kallelsen skickas) kommer med bara med --med-e-post (people[].email); filen går annars\nvidare till arkiv och andra system utan kontaktuppgifter. Import sparar en adress i filen för den som saknar en.',
  options: {
    db: dbOption,
    out: { type: 'string', short: 'o', valueName: 'FIL', description: 'Skriv till filen i stället för till standard ut.' },
    'med-e-post': { type: 'boolean', description: 'Ta med personernas e-postadresser (people[].email).' },
  },
  run: async (io, args) => {
    const meetingId = args.positionals[0];
    if (meetingId === undefined) throw new AppError('validation', 'Ange sammanträdets id (se "justera list --db FIL").');
    return withBackend(io, args, async (backend) => {
      const api = apiOf(backend);
      await warnQuorum(io, api, meetingId);
      const doc = await api.call('meetings.export', { meetingId, ...(args.values['med-e-post'] === true ? { includeEmail: true } : {}) });
      const text = `${JSON.stringify(doc, null, 2)}\n`;
      const out = args.values.out;
      if (typeof out === 'string') await writeAtomically(resolve(io.cwd, out), text);
      else io.out(text);
      return 0;
    });
  },
};

/** Writes via a temporary file and rename, so a failed write never leaves half a file. */
export async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new AppError(
      'io',
      `Filen ${path} kunde inte skrivas${code === 'ENOSPC' ? ' (disken är full)' : code === 'EACCES' || code === 'EROFS' ? ' (skrivskyddad mapp)' : code === 'ENOENT' ? ' (mappen finns inte)' : ''}.`,
    );
  }
}
