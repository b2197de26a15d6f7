// The clerk's commands: the notice workflow (anslag …), exporting the digital notice board
// (board export) and the follow-up report; `render` lives in render.ts and is listed here too.
import { resolve } from 'node:path';
import { AppError } from '../../../core/api/errors';
import { assertIsoDate } from '../../../core/domain/calendar';
import type { CliArgs, CliCommand } from '../types';
import { apiOf, dbOption, jsonOption, printJson, withBackend } from '../io';
import { writeAtomically } from './data';
import { renderCommand } from './render';

function dateOption(args: CliArgs, name: string): string | undefined {
  const v = args.values[name];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new AppError('validation', `--${name} ska ha ett datum på formen ÅÅÅÅ-MM-DD.`);
  assertIsoDate(v, `--${name}`);
  return v;
}

function stringOption(args: CliArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

const scopeOptions = {
  organisation: { type: 'string', valueName: 'ID', description: 'Bara denna organisation.' },
  board: { type: 'string', valueName: 'ID', description: 'Bara denna nämnd.' },
  meeting: { type: 'string', valueName: 'ID', description: 'Bara detta sammanträde.' },
} as const;

function scope(args: CliArgs): { organisationId?: string; boardId?: string; meetingId?: string } {
  const o = stringOption(args, 'organisation');
  const b = stringOption(args, 'board');
  const m = stringOption(args, 'meeting');
  return { ...(o === undefined ? {} : { organisationId: o }), ...(b === undefined ? {} : { boardId: b }), ...(m === undefined ? {} : { meetingId: m }) };
}

export const anslagPendingCommand: CliCommand = {
  name: 'anslag pending',
  summary: 'Lista justerade paragrafer som väntar på anslag, med sista dag att sätta upp det.',
  usage: 'justera anslag pending --db FIL [--board ID] [--json]',
  options: { db: dbOption, ...scopeOptions, json: jsonOption },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const rows = await apiOf(backend).call('anslag.pending', scope(args));
      if (args.values.json) printJson(io, rows);
      else if (rows.length === 0) io.out('Inga justerade paragrafer väntar på anslag.');
      else {
        io.out(rows.map((r) => `${r.boardName} ${r.meetingDate} ${r.label}: justerad ${r.adjustedOn}, anslå senast ${r.postBy}${r.overdue ? ' – FÖRSENAT' : ''}  [grupp ${r.groupId}]`).join('\n'));
      }
      return 0;
    }),
};

export const anslagPostCommand: CliCommand = {
  name: 'anslag post',
  summary: 'Registrera att anslaget om en justerad grupp har satts upp (skapar tillkännagivande och anslagsbevis).',
  usage: 'justera anslag post GRUPP-ID --db FIL [--date ÅÅÅÅ-MM-DD] [--json]',
  details: 'Anslagsdagen är i dag om inget annat anges. Nedtagningsdagen räknas ut enligt 13 kap. 5 § kommunallagen.',
  options: { db: dbOption, date: { type: 'string', valueName: 'ÅÅÅÅ-MM-DD', description: 'Dagen anslaget sattes upp (standard: i dag).' }, json: jsonOption },
  run: (io, args) => {
    const groupId = args.positionals[0];
    if (groupId === undefined) throw new AppError('validation', 'Ange justeringsgruppens id (se "justera anslag pending --db FIL").');
    const date = dateOption(args, 'date');
    return withBackend(io, args, async (backend) => {
      const r = await apiOf(backend).call('anslag.post', { groupId, ...(date === undefined ? {} : { postedOn: date }) });
      if (args.values.json) printJson(io, r);
      else {
        io.out(
          [
            `Anslaget om ${r.notice.label} är uppsatt ${r.notice.postedOn}.`,
            `Sista dag för överklagande: ${r.notice.lastAppealDay}. Får tas ned: ${r.notice.takeDownOn}.`,
            `Tillkännagivande: ${r.tillkannagivande.fileName}; anslagsbevis: ${r.anslagsbevis.fileName} (ska signeras).`,
          ].join('\n'),
        );
      }
      return 0;
    });
  },
};

export const anslagListCommand: CliCommand = {
  name: 'anslag list',
  summary: 'Lista uppsatta anslag och dagen då vart och ett får tas ned.',
  usage: 'justera anslag list --db FIL [--all] [--board ID] [--json]',
  options: { db: dbOption, all: { type: 'boolean', description: 'Visa även nedtagna anslag.' }, ...scopeOptions, json: jsonOption },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const rows = await apiOf(backend).call('anslag.notices', { ...scope(args), include: args.values.all ? 'all' : 'up' });
      if (args.values.json) printJson(io, rows);
      else if (rows.length === 0) io.out('Inga anslag är uppsatta.');
      else {
        const state = { up: 'uppsatt', may_take_down: 'får tas ned', taken_down: 'nedtaget' } as const;
        io.out(rows.map((r) => `${r.boardName} ${r.meetingDate} ${r.label}: uppsatt ${r.postedOn}, tas ned ${r.takenDownOn ?? r.takeDownOn} (${state[r.state]})  [anslag ${r.noticeId}]`).join('\n'));
      }
      return 0;
    }),
};

export const anslagTakeDownCommand: CliCommand = {
  name: 'anslag take-down',
  summary: 'Registrera att ett anslag har tagits ned (tidigast dagen efter sista dag för överklagande).',
  usage: 'justera anslag take-down ANSLAGS-ID --db FIL [--date ÅÅÅÅ-MM-DD] [--json]',
  options: { db: dbOption, date: { type: 'string', valueName: 'ÅÅÅÅ-MM-DD', description: 'Dagen anslaget togs ned (standard: i dag).' }, json: jsonOption },
  run: (io, args) => {
    const noticeId = args.positionals[0];
    if (noticeId === undefined) throw new AppError('validation', 'Ange anslagets id (se "justera anslag list --db FIL").');
    const date = dateOption(args, 'date');
    return withBackend(io, args, async (backend) => {
      const r = await apiOf(backend).call('anslag.takeDown', { noticeId, ...(date === undefined ? {} : { takenDownOn: date }) });
      if (args.values.json) printJson(io, r);
      else io.out(`Anslaget om ${r.label} är nedtaget ${r.takenDownOn ?? ''}.`);
      return 0;
    });
  },
};

export const boardExportCommand: CliCommand = {
  name: 'board export',
  summary: 'Skriv den digitala anslagstavlan som en statisk webbplats till en mapp.',
  usage: 'justera board export MAPP --db FIL [--today ÅÅÅÅ-MM-DD] [--organisation ID] [--base-url URL] [--json]',
  details: [
    'Mappen får index.html (aktuella anslag), arkiv.html, en sida per anslag, anslag.atom och den offentliga',
    'versionen av varje protokoll; sidorna fungerar direkt från disk. Med anslagstavlans publika adress',
    '(justera board set-url, eller --base-url) skrivs också öppna data enligt OParl 1.1 i oparl/ (ingång:',
    'oparl/system.json). Utan adress skrivs inga OParl-data, eftersom OParl kräver fullständiga webbadresser.',
    'Samma data ger byte-identiska filer. Filer som en tidigare export skrev men som inte längre behövs tas',
    'bort; andra filer i mappen rörs aldrig (Justera håller en förteckning i .justera-anslagstavla.json).',
  ].join('\n'),
  options: {
    db: dbOption,
    today: { type: 'string', valueName: 'ÅÅÅÅ-MM-DD', description: 'Dagen anslagstavlan visar (standard: i dag).' },
    organisation: { type: 'string', valueName: 'ID', description: 'Organisationen (krävs när databasen har flera).' },
    'base-url': { type: 'string', valueName: 'URL', description: 'Adressen mappen publiceras under, för den här exporten (standard: organisationens inställning).' },
    json: jsonOption,
  },
  run: (io, args) => {
    const dir = args.positionals[0];
    if (dir === undefined) throw new AppError('validation', 'Ange mappen som anslagstavlan ska skrivas till, t.ex. "justera board export anslagstavla --db justera.db".');
    const today = dateOption(args, 'today');
    const organisationId = stringOption(args, 'organisation');
    const baseUrl = stringOption(args, 'base-url');
    return withBackend(io, args, async (backend) => {
      const r = await apiOf(backend).call('noticeboard.export', {
        directory: resolve(io.cwd, dir),
        ...(today === undefined ? {} : { today }),
        ...(organisationId === undefined ? {} : { organisationId }),
        ...(baseUrl === undefined ? {} : { baseUrl }),
      });
      if (args.values.json) printJson(io, r);
      else {
        io.out(
          [
            `Anslagstavlan för ${r.organisationName} (${r.today}) är skriven till ${r.directory}.`,
            `Aktuella anslag: ${r.current}, i arkivet: ${r.archived}.`,
            `Filer skrivna: ${r.written.length}, oförändrade: ${r.unchanged.length}, borttagna: ${r.removed.length}.`,
            ...(r.oparlEntryPoint === null ? [] : [`Öppna data (OParl 1.1): ${r.oparlEntryPoint}`]),
          ].join('\n'),
        );
      }
      for (const note of r.notes) io.err(note);
      return 0;
    });
  },
};

export const boardSetUrlCommand: CliCommand = {
  name: 'board set-url',
  summary: 'Ange (eller visa) adressen som den digitala anslagstavlan publiceras under.',
  usage: 'justera board set-url [URL | --clear] --db FIL [--organisation ID] [--json]',
  details: [
    'Adressen är den fullständiga webbadressen till mappen som "justera board export" skriver, t.ex.',
    'https://www.kommun.se/anslagstavla/. Den behövs för öppna data enligt OParl 1.1, där varje objekt har',
    'en fullständig webbadress, och för nyhetsflödets id. Utan URL visas den adress som är sparad.',
  ].join('\n'),
  options: {
    db: dbOption,
    organisation: { type: 'string', valueName: 'ID', description: 'Organisationen (krävs när databasen har flera).' },
    clear: { type: 'boolean', description: 'Ta bort den sparade adressen.' },
    json: jsonOption,
  },
  run: (io, args) => {
    const url = args.positionals[0];
    const clear = args.values.clear === true;
    if (url !== undefined && clear) throw new AppError('validation', 'Ange antingen en adress eller --clear, inte båda.');
    const organisationId = stringOption(args, 'organisation');
    const org = organisationId === undefined ? {} : { organisationId };
    return withBackend(io, args, async (backend) => {
      const api = apiOf(backend);
      const r = url === undefined && !clear ? await api.call('noticeboard.address', org) : await api.call('noticeboard.setAddress', { ...org, url: clear ? null : (url as string) });
      if (args.values.json) printJson(io, r);
      else if (r.url === null) io.out(`${r.organisationName} har ingen publik adress för anslagstavlan. Ange den med "justera board set-url URL --db FIL".`);
      else io.out(`Anslagstavlan för ${r.organisationName} publiceras under ${r.url}`);
      return 0;
    });
  },
};

export const followUpReportCommand: CliCommand = {
  name: 'followup report',
  summary: 'Skriv årsrapporten över uppdrag i en nämnds beslut och hur de följts upp (PDF).',
  usage: 'justera followup report NÄMNDS-ID --year ÅÅÅÅ -o FIL --db FIL',
  options: {
    db: dbOption,
    year: { type: 'string', valueName: 'ÅÅÅÅ', description: 'Året rapporten gäller.' },
    out: { type: 'string', short: 'o', valueName: 'FIL', description: 'PDF-filen som ska skrivas.' },
  },
  run: (io, args) => {
    const boardId = args.positionals[0];
    if (boardId === undefined) throw new AppError('validation', 'Ange nämndens id (se "justera list --db FIL").');
    const year = stringOption(args, 'year');
    if (year === undefined || !/^\d{4}$/.test(year)) throw new AppError('validation', 'Ange året med --year ÅÅÅÅ.');
    const out = stringOption(args, 'out');
    if (out === undefined) throw new AppError('validation', 'Ange filen som rapporten ska skrivas till med -o FIL.');
    return withBackend(io, args, async (backend) => {
      const r = await apiOf(backend).call('followUp.report', { boardId, year: Number(year) });
      const file = resolve(io.cwd, out);
      await writeAtomically(file, Buffer.from(r.pdfBase64, 'base64'));
      io.out(`${file} är skriven (${r.tasks} uppdrag).`);
      return 0;
    });
  },
};

/** Registered in commands/index.ts with one line. */
export const anslagCommands: CliCommand[] = [
  anslagPendingCommand,
  anslagPostCommand,
  anslagListCommand,
  anslagTakeDownCommand,
  boardExportCommand,
  boardSetUrlCommand,
  renderCommand,
  followUpReportCommand,
];
