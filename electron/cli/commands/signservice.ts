// `justera signservice list|add|remove`: the central signing services (e-legitimation) the
// municipality has connected, through the same API and validation as Inställningar →
// Underskriftstjänster. Only references to the requester's key are stored (a PKCS#12 path and a
// password file), never the key or the password.
import { resolve } from 'node:path';
import { AppError } from '../../../core/api/errors';
import type { SignServiceSetting } from '../../../core/app/justering/sign-services';
import type { CliCommand } from '../types';
import { apiOf, dbOption, jsonOption, printJson, withBackend } from '../io';
import { readInput } from '../credentials';

function describe(s: SignServiceSetting): string[] {
  return [
    `${s.id}  ${s.name}`,
    `  Tjänst:          ${s.signServiceEntityId}`,
    `  Adress:          ${s.signServiceUrl}`,
    `  Legitimering:    ${s.identityProvider}`,
    `  Kommunen:        ${s.requesterEntityId}`,
    `  Nyckel:          ${s.requesterP12Path} (lösenord i ${s.requesterPasswordFile})`,
    `  Tillitsnivå:     ${s.loa}`,
  ];
}

/** The service's certificate as PEM: a PEM file is taken as it is, DER is wrapped. */
function certificatePem(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  if (text.includes('-----BEGIN')) return text.trim();
  const b64 = bytes
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trim();
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----`;
}

export const signServiceListCommand: CliCommand = {
  name: 'signservice list',
  summary: 'Visa de underskriftstjänster (e-legitimation) som är inställda.',
  usage: 'justera signservice list --db FIL [--json]',
  options: { db: dbOption, json: jsonOption },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const r = await apiOf(backend).call('settings.signServices.list', {});
      if (args.values.json) printJson(io, r);
      else if (r.services.length === 0) io.out('Ingen underskriftstjänst är inställd: att skriva under med e-legitimation går inte (justera signservice add …).');
      else for (const s of r.services) io.out(describe(s).join('\n'));
      return 0;
    }),
};

const text = (description: string, valueName: string) => ({ type: 'string', description, valueName }) as const;

export const signServiceAddCommand: CliCommand = {
  name: 'signservice add',
  summary: 'Lägg till en underskriftstjänst för att skriva under med e-legitimation (BankID, Freja eID+).',
  usage:
    'justera signservice add --name NAMN --entity-id URL --url URL --certificate FIL --idp URL --requester URL\n' +
    '                        --p12 FIL --password-file FIL [--loa loa2|loa3|loa4] --db FIL [--json]',
  details:
    'Uppgifterna står i tjänstens SAML-metadata och i kommunens anslutning till tjänsten. --certificate är tjänstens\n' +
    'signeringscertifikat (PEM eller DER) som svaren kontrolleras mot. --p12 och --password-file är kommunens egen\n' +
    'signeringsnyckel och filen med dess lösenord; bara sökvägarna sparas. Tillitsnivån är loa3 om inget anges.',
  options: {
    name: text('Namnet som visas för den som skriver under.', 'NAMN'),
    'entity-id': text('Underskriftstjänstens entityID.', 'URL'),
    url: text('Tjänstens adress (DSS HTTP POST).', 'URL'),
    certificate: text('Tjänstens certifikat (PEM eller DER).', 'FIL'),
    idp: text('Legitimeringstjänstens entityID (BankID, Freja eID+ …).', 'URL'),
    requester: text('Kommunens entityID hos tjänsten.', 'URL'),
    p12: text('Kommunens signeringsnyckel (PKCS#12-fil).', 'FIL'),
    'password-file': text('Fil med PKCS#12-filens lösenord (första raden).', 'FIL'),
    loa: text('Tillitsnivå: loa2, loa3 (standard) eller loa4.', 'NIVÅ'),
    db: dbOption,
    json: jsonOption,
  },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const v = args.values;
      const str = (k: string) => (typeof v[k] === 'string' ? v[k] : undefined);
      const missing = ['name', 'entity-id', 'url', 'certificate', 'idp', 'requester', 'p12', 'password-file'].filter((k) => str(k) === undefined);
      if (missing.length > 0) throw new AppError('validation', `Ange ${missing.map((k) => `--${k}`).join(', ')}. Se justera signservice add --help.`);
      const cert = await readInput(io, str('certificate') ?? '', 'Tjänstens certifikat');
      const saved = await apiOf(backend).call('settings.signServices.save', {
        name: str('name') ?? '',
        signServiceEntityId: str('entity-id') ?? '',
        signServiceUrl: str('url') ?? '',
        serviceCertificatePem: certificatePem(cert),
        identityProvider: str('idp') ?? '',
        requesterEntityId: str('requester') ?? '',
        requesterP12Path: resolve(io.cwd, str('p12') ?? ''),
        requesterPasswordFile: resolve(io.cwd, str('password-file') ?? ''),
        loa: (str('loa') ?? 'loa3') as SignServiceSetting['loa'],
      });
      if (args.values.json) printJson(io, saved);
      else io.out(['Tillagd:', ...describe(saved)].join('\n'));
      return 0;
    }),
};

export const signServiceRemoveCommand: CliCommand = {
  name: 'signservice remove',
  summary: 'Ta bort en underskriftstjänst (efter id eller namn).',
  usage: 'justera signservice remove ID|NAMN --db FIL [--json]',
  options: { db: dbOption, json: jsonOption },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const key = args.positionals[0];
      if (key === undefined || key.trim().length === 0) throw new AppError('validation', 'Ange underskriftstjänstens id eller namn (visas av justera signservice list).');
      const api = apiOf(backend);
      const { services } = await api.call('settings.signServices.list', {});
      const found = services.find((s) => s.id === key) ?? services.find((s) => s.name.toLocaleLowerCase('sv-SE') === key.trim().toLocaleLowerCase('sv-SE'));
      if (found === undefined) throw new AppError('not_found', `Det finns ingen underskriftstjänst med id eller namn ”${key}”. Se justera signservice list.`);
      const r = await api.call('settings.signServices.remove', { id: found.id });
      if (args.values.json) printJson(io, { ...r, id: found.id, name: found.name });
      else io.out(`Borttagen: ${found.name}`);
      return 0;
    }),
};

export const signServiceCommands: CliCommand[] = [signServiceListCommand, signServiceAddCommand, signServiceRemoveCommand];
