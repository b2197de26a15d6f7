// `justera settings tsa …` (the time-stamping service used when signing) and
// `justera justering order …` (the order in which a board's justering roles sign).
import { AppError } from '../../../core/api/errors';
import { SIGNING_ROLES, type SigningOrder, type SigningRole } from '../../../core/app/justering/types';
import type { CliCommand } from '../types';
import { apiOf, dbOption, jsonOption, printJson, withBackend } from '../io';

const roleNames: Record<SigningRole, string> = { sekreterare: 'sekreterare', ordforande: 'ordförande', justerare: 'justerare' };

export function describeOrder(order: SigningOrder): string {
  return order === null ? 'valfri ordning' : order.map((r) => roleNames[r]).join(' → ');
}

export const settingsTsaCommand: CliCommand = {
  name: 'settings tsa',
  summary: 'Ange tidsstämpeltjänsten (RFC 3161) som underskrifter i Justera tidsstämplas med (PAdES B-T).',
  usage: 'justera settings tsa [URL | --clear] --db FIL [--json]',
  details: 'Utan URL och --clear visas den tjänst som är vald. När tjänsten inte svarar görs underskriften ändå, utan tidsstämpel (PAdES B-B), och det sägs i resultatet.',
  options: { clear: { type: 'boolean', description: 'Skriv under utan tidsstämpel (ta bort tjänsten).' }, db: dbOption, json: jsonOption },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const api = apiOf(backend);
      const url = args.positionals[0];
      if (url !== undefined && args.values.clear === true) throw new AppError('validation', 'Ange antingen en adress eller --clear, inte båda.');
      const r =
        url !== undefined ? await api.call('settings.set', { tsaUrl: url }) : args.values.clear === true ? await api.call('settings.set', { tsaUrl: null }) : await api.call('settings.get', {});
      if (args.values.json) printJson(io, r);
      else io.out(r.tsaUrl === null ? 'Ingen tidsstämpeltjänst: underskrifter görs utan tidsstämpel (PAdES B-B).' : `Tidsstämpeltjänst: ${r.tsaUrl}`);
      return 0;
    }),
};

function parseOrder(text: string): SigningRole[] {
  const given = text
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r.length > 0);
  const known = (r: string) => SIGNING_ROLES.find((role) => role === r.toLocaleLowerCase('sv-SE').replace('ö', 'o'));
  const unknown = given.filter((r) => known(r) === undefined);
  if (given.length === 0 || unknown.length > 0) {
    throw new AppError(
      'validation',
      `${unknown.length === 0 ? 'Ingen roll angiven' : `Okänd roll ${unknown.join(', ')}`}. Ange rollerna åtskilda med komma, t.ex. sekreterare,ordforande,justerare, eller --any.`,
    );
  }
  return given.map((r) => known(r) as SigningRole);
}

export const justeringOrderCommand: CliCommand = {
  name: 'justering order',
  summary: 'Bestäm i vilken ordning nämndens sekreterare, ordförande och justerare skriver under protokollet.',
  usage: 'justera justering order NÄMND-ID [sekreterare,ordforande,justerare | --any] --db FIL [--json]',
  details:
    'Nämndens id visas av justera list (inom hakparentes). En roll senare i ordningen kan skriva under först när alla med tidigare roller har skrivit under; roller som inte nämns kan skriva under när som helst. Utan ordning och --any visas den ordning som gäller.',
  options: { any: { type: 'boolean', description: 'Valfri ordning (ta bort ordningen).' }, db: dbOption, json: jsonOption },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const api = apiOf(backend);
      const boardId = args.positionals[0];
      if (boardId === undefined || boardId.length === 0) throw new AppError('validation', 'Ange nämndens id (visas av justera list).');
      const text = args.positionals[1];
      if (text !== undefined && args.values.any === true) throw new AppError('validation', 'Ange antingen en ordning eller --any, inte båda.');
      const r =
        text !== undefined
          ? await api.call('boards.setSigningOrder', { boardId, order: parseOrder(text) })
          : args.values.any === true
            ? await api.call('boards.setSigningOrder', { boardId, order: null })
            : await api.call('boards.getSigningOrder', { boardId });
      if (args.values.json) printJson(io, r);
      else io.out(`Underskriftsordning: ${describeOrder(r.order)}.`);
      return 0;
    }),
};

export const justeringSettingsCommands: CliCommand[] = [settingsTsaCommand, justeringOrderCommand];
