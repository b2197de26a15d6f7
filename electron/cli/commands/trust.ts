// `justera trust add|list|remove`: the installation's trust store (the root certificates every
// signature must chain to), through the same API as the Inställningar screen.
import { AppError } from '../../../core/api/errors';
import type { TrustAnchor, TrustCrl } from '../../../core/app/trust';
import type { CliCommand } from '../types';
import { apiOf, dbOption, jsonOption, printJson, withBackend } from '../io';
import { readInput } from '../credentials';
import { printable } from '../trust-anchors';

const day = (iso: string) => iso.slice(0, 10);

function describeAnchor(a: Pick<TrustAnchor, 'subject' | 'issuer' | 'notBefore' | 'notAfter' | 'sha256'> & { id?: string }): string[] {
  return [
    `${a.id === undefined ? '' : `${a.id}  `}${printable(a.subject)}`,
    `  Utfärdare:   ${printable(a.issuer)}`,
    `  Giltigt:     ${day(a.notBefore)} – ${day(a.notAfter)}`,
    `  SHA-256:     ${a.sha256}`,
  ];
}

export const trustAddCommand: CliCommand = {
  name: 'trust add',
  summary: 'Lägg till betrodda rotcertifikat (utfärdare) som underskrifter måste leda till.',
  usage: 'justera trust add CA.pem --db FIL [--json]',
  details:
    'Filen får vara PEM (ett eller flera certifikat, t.ex. en kedja) eller DER. Certifikatets namn, utfärdare, giltighet och\n' +
    'SHA-256-fingeravtryck skrivs ut; jämför fingeravtrycket med utfärdarens innan du litar på det. Justera levereras utan rotcertifikat.',
  options: { db: dbOption, json: jsonOption },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const file = args.positionals[0];
      if (file === undefined) throw new AppError('validation', 'Ange certifikatfilen, t.ex. "justera trust add siths-e-id-root-ca-v2.pem --db justera.db".');
      const bytes = await readInput(io, file, 'Certifikatfilen');
      const api = apiOf(backend);
      const r = await api.call('trust.add', { certificateBase64: bytes.toString('base64') });
      if (args.values.json) printJson(io, r);
      else {
        for (const a of r.added) io.out(['Tillagt:', ...describeAnchor(a)].join('\n'));
        for (const s of r.alreadyTrusted) io.out(`Redan betrott: ${printable(s)}`);
      }
      return 0;
    }),
};

const minute = (iso: string) => `${iso.replace('T', ' ').slice(0, 16)} UTC`;

function describeCrl(c: TrustCrl): string[] {
  return [
    `${c.id}  Spärrlista från ${printable(c.issuer)}${c.stale ? '  (INAKTUELL: spärrstatus okänd för dess certifikat)' : ''}`,
    `  Utfärdad:    ${minute(c.thisUpdate)}`,
    `  Nästa:       ${c.nextUpdate === null ? '–' : minute(c.nextUpdate)}`,
    `  Spärrade:    ${c.revokedCount}${c.crlNumber === null ? '' : `  (CRL-nummer ${c.crlNumber})`}`,
    `  Verifierad:  ${c.verifiedBy === null ? 'mot utfärdarens certifikat när den används (utfärdaren är inget rotcertifikat i listan)' : `mot ${printable(c.verifiedBy)}`}`,
    `  SHA-256:     ${c.sha256}`,
  ];
}

export const trustAddCrlCommand: CliCommand = {
  name: 'trust add-crl',
  summary: 'Importera en spärrlista (CRL) så att spärrade certifikat upptäcks utan nät.',
  usage: 'justera trust add-crl FIL.crl --db FIL [--json]',
  details:
    'Filen får vara DER (.crl) eller PEM (en eller flera "X509 CRL"). Spärrlistans signatur kontrolleras mot utfärdaren i tillitslistan;\n' +
    'en förfalskad, inaktuell (nextUpdate passerad) eller ofullständig (delta) spärrlista avvisas. En äldre spärrlista från samma utfärdare ersätts.\n' +
    'Importera utfärdarens nya spärrlista innan den gamla går ut (nextUpdate); annars visas "spärrstatus okänd" för dess certifikat.',
  options: { db: dbOption, json: jsonOption },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const file = args.positionals[0];
      if (file === undefined) throw new AppError('validation', 'Ange spärrlistefilen, t.ex. "justera trust add-crl siths-e-id-function-ca.crl --db justera.db".');
      const bytes = await readInput(io, file, 'Spärrlistefilen');
      const r = await apiOf(backend).call('trust.addCrl', { crlBase64: bytes.toString('base64') });
      if (args.values.json) printJson(io, r);
      else {
        for (const c of r.added) io.out(['Importerad:', ...describeCrl(c)].join('\n'));
        for (const c of r.replaced) io.out(`Ersatt: spärrlistan från ${printable(c.issuer)} utfärdad ${minute(c.thisUpdate)}`);
        for (const s of r.alreadyImported) io.out(`Redan importerad: spärrlistan från ${printable(s)}`);
        for (const n of r.notes) io.out(`Obs: ${printable(n)}`);
      }
      return 0;
    }),
};

export const trustRemoveCrlCommand: CliCommand = {
  name: 'trust remove-crl',
  summary: 'Ta bort en spärrlista ur tillitslistan.',
  usage: 'justera trust remove-crl ID --db FIL [--json]',
  options: { db: dbOption, json: jsonOption },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const id = args.positionals[0];
      if (id === undefined || id.length === 0) throw new AppError('validation', 'Ange spärrlistans id (visas av justera trust list).');
      const r = await apiOf(backend).call('trust.removeCrl', { id });
      if (args.values.json) printJson(io, r);
      else io.out(`Borttagen: spärrlistan från ${printable(r.removed.issuer)}`);
      return 0;
    }),
};

export const trustListCommand: CliCommand = {
  name: 'trust list',
  summary: 'Visa tillitslistan: de rotcertifikat som underskrifter måste leda till, och importerade spärrlistor.',
  usage: 'justera trust list --db FIL [--json]',
  options: { db: dbOption, json: jsonOption },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const r = await apiOf(backend).call('trust.list', {});
      if (args.values.json) printJson(io, r);
      else {
        if (r.emptyMessage !== null) io.out(r.emptyMessage);
        for (const a of r.anchors) io.out(describeAnchor(a).join('\n'));
        if (r.crls.length === 0) io.out('Inga spärrlistor är importerade: spärrstatus är okänd för underskrifter utan medskickad spärrlista (justera trust add-crl FIL.crl).');
        for (const c of r.crls) io.out(describeCrl(c).join('\n'));
      }
      return 0;
    }),
};

export const trustRemoveCommand: CliCommand = {
  name: 'trust remove',
  summary: 'Ta bort ett rotcertifikat ur tillitslistan.',
  usage: 'justera trust remove ID --db FIL [--json]',
  details: 'Id:t visas av justera trust list. Underskrifter som leder till certifikatet godtas inte längre.',
  options: { db: dbOption, json: jsonOption },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const id = args.positionals[0];
      if (id === undefined || id.length === 0) throw new AppError('validation', 'Ange rotcertifikatets id (visas av justera trust list).');
      const r = await apiOf(backend).call('trust.remove', { id });
      if (args.values.json) printJson(io, r);
      else {
        io.out(`Borttaget: ${printable(r.removed.subject)}`);
        if (r.emptyMessage !== null) io.out(r.emptyMessage);
      }
      return 0;
    }),
};

export const trustCommands: CliCommand[] = [trustAddCommand, trustListCommand, trustRemoveCommand, trustAddCrlCommand, trustRemoveCrlCommand];
