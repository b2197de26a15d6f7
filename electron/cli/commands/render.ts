// `justera render KIND MÖTES-ID -o FIL`: a meeting's documents as PDF.
//   public, extract – through the API: produced, stored as document versions and audited
//                     (the extract is recorded with its recipients).
//   protocol, kallelse, notice – typeset from the meeting's data with the templates, not stored
//                     (the signed protocol is produced by the justering step, not here).
import { resolve } from 'node:path';
import { AppError } from '../../../core/api/errors';
import { parseRanges } from '../../../core/domain/numbering';
import { assertIsoDate } from '../../../core/domain/calendar';
import type { RenderResult } from '../../../templates/render';
import type { CliArgs, CliCommand } from '../types';
import { apiOf, dbOption, jsonOption, printJson, warnQuorum, withBackend } from '../io';
import { writeAtomically } from './data';

// Loaded when a command runs, not at start-up (`justera --help` stays fast; see scripts/build-cli.mjs).
const documentData = () => import('../../../core/documents');
const templates = () => import('../../../templates/render');
const documentService = () => import('../../services/documents');
const anslagPdf = () => import('../../handlers/anslag-pdf');

const KINDS = ['protocol', 'kallelse', 'extract', 'notice', 'public'] as const;
type Kind = (typeof KINDS)[number];

function paragraphsOption(args: CliArgs): number[] | undefined {
  const v = args.values.paragraphs;
  if (v === undefined) return undefined;
  const parsed = typeof v === 'string' ? parseRanges(v) : null;
  if (parsed === null || parsed.length === 0) {
    throw new AppError('validation', `--paragraphs ska vara paragrafnummer som "20-22" eller "20,23-24", inte "${String(v)}".`);
  }
  return parsed;
}

function outPath(args: CliArgs, cwd: string): string {
  const out = args.values.out;
  if (typeof out !== 'string' || out.length === 0) throw new AppError('validation', 'Ange filen som PDF:en ska skrivas till med -o FIL.');
  return resolve(cwd, out);
}

async function signable(r: RenderResult): Promise<Uint8Array> {
  return (await (await anslagPdf()).withFields(r)).pdf;
}

export const renderCommand: CliCommand = {
  name: 'render',
  summary: 'Skriv ut ett sammanträdes dokument som PDF (protokoll, kallelse, utdrag, tillkännagivande, offentlig version).',
  usage: [
    'justera render public MÖTES-ID -o FIL --db FIL',
    'justera render extract MÖTES-ID --paragraphs 20-22 -o FIL --db FIL [--to MOTTAGARE …]',
    'justera render notice MÖTES-ID --paragraphs 20-22 -o FIL --db FIL [--posted ÅÅÅÅ-MM-DD]',
    'justera render protocol|kallelse MÖTES-ID -o FIL --db FIL',
  ].join('\n'),
  details: [
    'public:   den offentliga versionen av de justerade paragraferna: sekretessbelagda paragrafer och',
    '          avsnitt ersätts med bestämmelsen i OSL och personnummer tas bort. Sparas som dokumentversion.',
    'extract:  protokollsutdrag ur justerade paragrafer med ett tomt fält för utdragsbestyrkandet.',
    '          Sparas och registreras med mottagarna (--to, kan anges flera gånger).',
    'notice:   tillkännagivandet för anslagstavlan (datum från det registrerade anslaget eller --posted).',
    'protocol: hela protokollet med tomma signaturfält; kallelse: kallelse med föredragningslista.',
    '',
    'Exempel:',
    '  justera render public 7f3c… -o offentlig.pdf --db justera.db',
    '  justera render extract 7f3c… --paragraphs 20-22 --to "Luleå kommuns Inköp" -o utdrag.pdf --db justera.db',
  ].join('\n'),
  options: {
    db: dbOption,
    out: { type: 'string', short: 'o', valueName: 'FIL', description: 'PDF-filen som ska skrivas.' },
    paragraphs: { type: 'string', valueName: '20-22', description: 'Paragrafer (utdrag och tillkännagivande).' },
    to: { type: 'string', multiple: true, valueName: 'MOTTAGARE', description: 'Mottagare av utdraget (kan anges flera gånger).' },
    posted: { type: 'string', valueName: 'ÅÅÅÅ-MM-DD', description: 'Anslagsdag för tillkännagivandet, om anslaget inte är registrerat.' },
    json: jsonOption,
  },
  run: async (io, args) => {
    const [kindText, meetingId] = args.positionals;
    if (kindText === undefined || !(KINDS as readonly string[]).includes(kindText)) {
      throw new AppError('validation', `Ange vilket dokument som ska skrivas ut: ${KINDS.join(', ')} (t.ex. "justera render public MÖTES-ID -o fil.pdf --db FIL").`);
    }
    const kind = kindText as Kind;
    if (meetingId === undefined) throw new AppError('validation', 'Ange sammanträdets id (se "justera list --db FIL").');
    const file = outPath(args, io.cwd);
    const paragraphs = paragraphsOption(args);
    return withBackend(io, args, async (backend) => {
      const api = apiOf(backend);
      await warnQuorum(io, api, meetingId, paragraphs);
      const generatedAt = io.now().toISOString();
      let pdf: Uint8Array;
      let report: Record<string, unknown> = { kind, file };
      switch (kind) {
        case 'public': {
          const r = await api.call('anslag.publicVersion', { meetingId });
          pdf = Buffer.from(r.pdfBase64, 'base64');
          report = { ...report, versionId: r.document.id, versionNo: r.document.versionNo, paragraphs: r.paragraphs, reused: r.reused, sha256: r.document.sha256 };
          break;
        }
        case 'extract': {
          if (paragraphs === undefined) throw new AppError('validation', 'Ange paragraferna till utdraget med --paragraphs, t.ex. --paragraphs 20-22.');
          const to = Array.isArray(args.values.to) ? args.values.to : [];
          const r = await api.call('extracts.create', { meetingId, paragraphs, recipients: to });
          pdf = Buffer.from((await api.call('anslag.document', { versionId: r.document.id })).pdfBase64, 'base64');
          report = { ...report, extractId: r.extract.id, versionId: r.document.id, paragraphs: r.extract.paragraphs, recipients: r.extract.recipients };
          break;
        }
        case 'notice': {
          const doc = await api.call('meetings.export', { meetingId });
          const posted = args.values.posted;
          if (posted !== undefined) assertIsoDate(String(posted), '--posted');
          const data = (await documentData()).buildNoticeData(doc, { generatedAt, ...(paragraphs === undefined ? {} : { paragraphs }), ...(typeof posted === 'string' ? { postedOn: posted } : {}) });
          pdf = await signable(await (await templates()).renderNotice(data));
          break;
        }
        case 'protocol': {
          const doc = await api.call('meetings.export', { meetingId });
          // A long protocol is typeset on several threads (same bytes as in one).
          pdf = await signable(await (await documentService()).renderAdaptive('protocol', (await documentData()).buildProtocolData(doc, { generatedAt })));
          break;
        }
        case 'kallelse': {
          const doc = await api.call('meetings.export', { meetingId });
          pdf = await signable(await (await templates()).renderKallelse((await documentData()).buildKallelseData(doc, { generatedAt })));
          break;
        }
        default: {
          const never: never = kind;
          return never;
        }
      }
      await writeAtomically(file, pdf);
      if (args.values.json) printJson(io, { ...report, bytes: pdf.length });
      else io.out(`${file} (${Math.max(1, Math.round(pdf.length / 1024))} kB) är skriven.`);
      return 0;
    });
  },
};
