// `justera kallelse status|send`: the kallelse as e-mail messages (.eml) written to a folder, and
// when it was sent to whom, through the same API as the sammanträde's Kallelse section.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppError } from '../../../core/api/errors';
import type { KallelseStatus } from '../../../core/app/kallelse';
import type { CliArgs, CliCommand } from '../types';
import { apiOf, dbOption, jsonOption, printJson, requiredString, withBackend } from '../io';

const meetingOption = { type: 'string', valueName: 'ID', description: 'Sammanträdets id (visas av justera list).' } as const;

const meetingOf = (args: CliArgs): string => requiredString(args, 'meeting', 'Ange sammanträdet med --meeting ID (id:t visas av justera list).');

const stockholm = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' });
const when = (iso: string) => stockholm.format(new Date(iso)).replace(' ', ' kl. ').replace(':', '.');

function describe(s: KallelseStatus): string[] {
  const lines = [
    `${s.boardName}, sammanträde ${s.meetingDate}`,
    `Kallelsen ska skickas senast ${s.daysBefore} dagar före: senast ${s.deadline}${s.late ? ' (den dagen har passerat)' : ''}.`,
    'Mottagare:',
    ...s.recipients.map((r) => `  ${r.name}: ${r.email ?? 'saknar e-postadress'}`),
  ];
  for (const x of s.sendings) lines.push(`Kallelse skickad ${when(x.sentAt)} till ${x.recipients.length} mottagare${x.late ? ' (för sent)' : ''}.`);
  return lines;
}

export const kallelseStatusCommand: CliCommand = {
  name: 'kallelse status',
  summary: 'Visa kallelsens mottagare, sista dag att skicka den och när den skickats.',
  usage: 'justera kallelse status --meeting ID --db FIL [--json]',
  options: { meeting: meetingOption, db: dbOption, json: jsonOption },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const s = await apiOf(backend).call('kallelse.status', { meetingId: meetingOf(args) });
      if (args.values.json) printJson(io, s);
      else io.out(describe(s).join('\n'));
      return 0;
    }),
};

export const kallelseSendCommand: CliCommand = {
  name: 'kallelse send',
  summary: 'Skriv kallelsen som e-postmeddelanden (.eml) med PDF:en bifogad, och anteckna att den skickats.',
  usage: 'justera kallelse send --meeting ID --out MAPP --db FIL [--from ADRESS] [--bcc] [--utan-handlingar] [--late] [--json]',
  details:
    'Ett meddelande per ledamot och ersättare med e-postadress (eller, med --bcc, ett till alla som dold kopia) skrivs\n' +
    'till mappen tillsammans med kallelsens PDF. Öppna .eml-filerna i e-postprogrammet och skicka dem. Mottagare utan\n' +
    'e-postadress listas. Skickas kallelsen senare än nämndens regel medger avbryts kommandot; --late bekräftar att\n' +
    'den ändå ska skickas. Avsändaren är sekreterarens e-postadress om --from inte anges.',
  options: {
    meeting: meetingOption,
    out: { type: 'string', valueName: 'MAPP', description: 'Mappen som meddelandena skrivs till (skapas om den inte finns).' },
    from: { type: 'string', valueName: 'ADRESS', description: 'Avsändarens e-postadress (annars sekreterarens).' },
    bcc: { type: 'boolean', description: 'Ett meddelande till alla mottagare som dold kopia i stället för ett per mottagare.' },
    'utan-handlingar': { type: 'boolean', description: 'Bifoga bara kallelsen, inte paragrafernas handlingar.' },
    late: { type: 'boolean', description: 'Skicka även om sista dagen enligt nämndens regel har passerat.' },
    db: dbOption,
    json: jsonOption,
  },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const meetingId = meetingOf(args);
      const out = requiredString(args, 'out', 'Ange mappen som meddelandena ska skrivas till med --out MAPP.');
      const api = apiOf(backend);
      const status = await api.call('kallelse.status', { meetingId });
      const from = typeof args.values.from === 'string' ? args.values.from : status.defaultFrom;
      if (from === null) throw new AppError('validation', 'Sekreteraren har ingen e-postadress. Ange avsändaren med --from ADRESS.');
      const dir = resolve(io.cwd, out);
      try {
        await mkdir(dir, { recursive: true });
      } catch (e) {
        throw new AppError('io', `Mappen ${dir} kunde inte skapas (${(e as Error).message}). Välj en annan mapp.`);
      }
      const sent = await api.call('kallelse.send', {
        meetingId,
        from,
        mode: args.values.bcc === true ? 'bcc' : 'per_recipient',
        includeHandlingar: args.values['utan-handlingar'] !== true,
        acceptLate: args.values.late === true,
      });
      const written: string[] = [];
      for (const m of sent.messages) {
        const msg = await api.call('kallelse.message', { messageId: m.id });
        const file = join(dir, msg.fileName);
        await writeFile(file, Buffer.from(msg.emlBase64, 'base64'));
        written.push(file);
      }
      const pdf = await api.call('kallelse.pdf', { meetingId });
      const pdfFile = join(dir, pdf.fileName);
      await writeFile(pdfFile, Buffer.from(pdf.pdfBase64, 'base64'));
      if (args.values.json) printJson(io, { sending: sent, files: [...written, pdfFile] });
      else {
        io.out(`Kallelse skickad ${when(sent.sentAt)} till ${sent.recipients.length} mottagare${sent.late ? ` – för sent: sista dag var ${sent.deadline}` : ''}.`);
        for (const f of written) io.out(`  ${f}`);
        for (const m of sent.missing) io.out(`  ${m.name}: saknar e-postadress`);
      }
      if (sent.missing.length > 0) io.err(`${sent.missing.length} ledamöter och ersättare saknar e-postadress och fick ingen kallelse via e-post.`);
      return 0;
    }),
};

export const kallelseCommands: CliCommand[] = [kallelseStatusCommand, kallelseSendCommand];
