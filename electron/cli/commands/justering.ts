// `justera justering …`: lock a group of §§ for justering, show who has signed, export a signing
// package for another machine, import the file signed there, and write out the signed PDF.
// Signing the package's PDF on the other machine is `justera sign` (see docs/justering.md).
import { resolve } from 'node:path';
import { AppError } from '../../../core/api/errors';
import type { Credential } from '../../../core/api/contracts/credential';
import { bytesToBase64 } from '../../../core/format/base64';
import type { JusteringStatus } from '../../../core/app/justering/types';
import type { CliCommand } from '../types';
import { apiOf, dbOption, jsonOption, positional, printJson, requiredString, warnQuorum, withBackend } from '../io';
import { writeAtomically } from './data';
import { cliModulePath, credentialOptions, printTokens, readInput, readSecret, tokenInSlot } from '../credentials';
import { describeOrder } from './justering-settings';
import { crlOption, printable, trustDbOption, trustMaterialOf, trustOption } from '../trust-anchors';

// Loaded when a command runs, not at start-up (`justera --help` stays fast; see scripts/build-cli.mjs).
const justeringApp = () => import('../../../core/app/justering');
const justeringService = () => import('../../services/justering');

const fieldOption = { type: 'string', valueName: 'FÄLT', description: 'Underskriftsfältet, t.ex. sig-ordforande, sig-sekreterare, sig-justerare-1.' } as const;
const outOption = { type: 'string', short: 'o', valueName: 'FIL', description: 'Filen som ska skrivas.' } as const;

const statusNames = { open: 'öppen', frozen: 'låst för justering', adjusted: 'justerad' } as const;

function describeStatus(st: JusteringStatus): string {
  const lines = [
    `Sammanträdets status: ${st.meetingStatus}`,
    ...(st.deadline === null ? [] : [`Sista dag för justering: ${st.deadline} (KL 5 kap. 69 §)`]),
    `Underskriftsordning: ${describeOrder(st.signingOrder)}`,
  ];
  if (st.groups.length === 0) lines.push('Inga justeringsgrupper: hela protokollet justeras på en gång (justera justering freeze).');
  for (const g of st.groups) {
    lines.push(`Grupp ${g.groupIndex + 1} ${g.label}: ${statusNames[g.status]}${g.adjustedAt === null ? '' : ` ${g.adjustedAt}`}`);
    if (g.deadlineWarning !== null) lines.push(`  Varning: ${g.deadlineWarning}`);
    for (const v of g.versions) {
      lines.push(`  Version ${v.versionNo}${v.isCurrent ? ' (gällande)' : ''}  id ${v.id}  låst ${v.createdAt}`);
      lines.push(`    SHA-256 låst:    ${v.sha256}`);
      lines.push(`    SHA-256 nu:      ${v.currentSha256}`);
      if (v.reason !== null) lines.push(`    Skäl: ${v.reason}`);
      for (const s of v.signers) {
        const waiting = s.waitingFor.length === 0 ? 'väntar' : `väntar på ${s.waitingFor.join(', ')}`;
        const done = s.signature === null ? waiting : `underskrivet ${s.signature.signedAt}${s.signature.via === 'import' ? ' (paket)' : ''}`;
        lines.push(`    ${s.field.padEnd(17)} ${s.role} ${s.name}: ${done}`);
      }
    }
  }
  return lines.join('\n');
}

export const justeringFreezeCommand: CliCommand = {
  name: 'justering freeze',
  summary: 'Lås protokollet (eller en justeringsgrupp) för justering: sparar en oföränderlig version med tomma underskriftsfält.',
  usage: 'justera justering freeze MÖTES-ID [--group N] --db FIL [--json]',
  details: 'Grupperna numreras från 1 i den ordning de står i protokollet (se justera justering status). Därefter kan paragraferna inte ändras.',
  options: { group: { type: 'string', valueName: 'N', description: 'Justeringsgruppens nummer (1 = första).' }, db: dbOption, json: jsonOption },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const meetingId = positional(args, 'sammanträdets id (se justera list)');
      const g = args.values.group;
      let groupIndex: number | undefined;
      if (g !== undefined) {
        if (typeof g !== 'string' || !/^[1-9]\d*$/.test(g)) throw new AppError('validation', 'Ange gruppens nummer med --group N, där 1 är den första gruppen.');
        groupIndex = Number(g) - 1;
      }
      const api = apiOf(backend);
      const r = await api.call('justering.freeze', { meetingId, ...(groupIndex === undefined ? {} : { groupIndex }) });
      await warnQuorum(io, api, meetingId, r.paragraphs);
      if (args.values.json) printJson(io, r);
      else {
        io.out(`Låst för justering: ${r.version.paragraphs.length === 1 ? '§' : '§§'} ${r.paragraphs.join(', ')} (version ${r.version.versionNo}, id ${r.version.id}).`);
        io.out(`SHA-256: ${r.version.sha256}`);
        io.out(`Ska skriva under: ${r.version.signers.map((s) => `${s.role} ${s.name} (${s.field})`).join(', ')}.`);
      }
      return 0;
    }),
};

export const justeringStatusCommand: CliCommand = {
  name: 'justering status',
  summary: 'Visa justeringsgrupper, versioner och vilka som har skrivit under.',
  usage: 'justera justering status MÖTES-ID --db FIL [--json]',
  options: { db: dbOption, json: jsonOption },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const st = await apiOf(backend).call('justering.status', { meetingId: positional(args, 'sammanträdets id (se justera list)') });
      if (args.values.json) printJson(io, st);
      else io.out(describeStatus(st));
      return 0;
    }),
};

export const justeringPackageCommand: CliCommand = {
  name: 'justering package',
  summary: 'Skapa ett underskriftspaket (.justera) för en undertecknare på en annan dator.',
  usage: 'justera justering package VERSIONS-ID --field FÄLT -o FIL.justera --db FIL',
  details: 'Paketet innehåller PDF-filen och uppgifter om sammanträdet, versionens kontrollsumma och vem som ska skriva under i vilket fält.',
  options: { field: fieldOption, out: outOption, db: dbOption, json: jsonOption },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const versionId = positional(args, 'versionens id (se justera justering status)');
      const field = requiredString(args, 'field', 'Ange fältet med --field, t.ex. --field sig-justerare-1.');
      const out = requiredString(args, 'out', 'Ange paketfilen med -o FIL.justera.');
      const r = await apiOf(backend).call('justering.exportPackage', { versionId, field });
      await writeAtomically(resolve(io.cwd, out), r.content);
      if (args.values.json) printJson(io, r.manifest);
      else io.out(`Underskriftspaket för ${r.manifest.expectedSigner.role.toLowerCase()} ${r.manifest.expectedSigner.name} (${field}) skrivet till ${out}.`);
      return 0;
    }),
};

export const justeringImportCommand: CliCommand = {
  name: 'justering import',
  summary: 'Ta emot en PDF som skrivits under på en annan dator och kontrollera den.',
  usage: 'justera justering import VERSIONS-ID --field FÄLT UNDERSKRIVEN.pdf --db FIL [--json]',
  details: 'Kontrollerar att den tidigare versionen är oförändrad byte för byte, att exakt en ny giltig underskrift finns i fältet och att den gjorts av rätt person.',
  options: { field: fieldOption, db: dbOption, json: jsonOption },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const versionId = positional(args, 'versionens id (se justera justering status)');
      const file = args.positionals[1];
      if (file === undefined) throw new AppError('validation', 'Ange den underskrivna PDF-filen.');
      const field = requiredString(args, 'field', 'Ange fältet med --field, t.ex. --field sig-justerare-1.');
      const pdf = await readInput(io, file, 'PDF-filen');
      const r = await apiOf(backend).call('justering.importSigned', { versionId, field, pdfBase64: pdf.toString('base64') });
      if (args.values.json) printJson(io, r);
      else {
        io.out(`Underskriften av ${r.signature.signerName} (${r.signature.role}) i ${field} är kontrollerad och sparad.`);
        io.out(r.groupAdjusted ? `Paragraferna är justerade ${r.signature.signedAt}.` : `Återstår: ${r.remaining.map((s) => `${s.role} ${s.name} (${s.field})`).join(', ')}.`);
      }
      return 0;
    }),
};

export const justeringExportCommand: CliCommand = {
  name: 'justering export',
  summary: 'Skriv ut versionens PDF med de underskrifter som gjorts hittills.',
  usage: 'justera justering export VERSIONS-ID -o FIL.pdf --db FIL',
  options: { out: outOption, db: dbOption, json: jsonOption },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const versionId = positional(args, 'versionens id (se justera justering status)');
      const out = requiredString(args, 'out', 'Ange PDF-filen som ska skrivas med -o FIL.pdf.');
      const r = await apiOf(backend).call('justering.currentPdf', { versionId });
      await writeAtomically(resolve(io.cwd, out), Buffer.from(r.pdfBase64, 'base64'));
      if (args.values.json) printJson(io, { file: out, sha256: r.sha256, signed: r.signed, complete: r.complete });
      else io.out(`Skrev ${out} (${r.signed} underskrift${r.signed === 1 ? '' : 'er'}${r.complete ? ', justerat' : ''}). SHA-256 ${r.sha256}`);
      return 0;
    }),
};

export const justeringOpenCommand: CliCommand = {
  name: 'justering open',
  summary: 'Öppna ett underskriftspaket (.justera) på undertecknarens dator: visa vad som ska skrivas under och spara PDF-filen.',
  usage: 'justera justering open FIL.justera -o FIL.pdf [--trust CA.pem …] [--db FIL] [--json]',
  details:
    'Skriv sedan under PDF-filen med justera sign i det fält paketet anger och skicka tillbaka den underskrivna filen till sekreteraren.\n' +
    'Tidigare underskrifter kontrolleras mot din egen tillitslista (--db) eller --trust; utan betrodd underskrift av sekreteraren visas paketet som ej verifierat.',
  options: { out: outOption, trust: trustOption, crl: crlOption, db: trustDbOption, json: jsonOption },
  run: async (io, args) => {
    const file = positional(args, 'underskriftspaketet (.justera)');
    const out = requiredString(args, 'out', 'Ange PDF-filen som ska skrivas med -o FIL.pdf.');
    const content = (await readInput(io, file, 'Underskriftspaketet')).toString('utf8');
    const { anchors, crls } = await trustMaterialOf(io, args);
    const opened = await (
      await justeringApp()
    ).openPackage({ services: (await justeringService()).justeringServices, trust: { anchors: () => anchors, crls: () => crls }, clock: { now: () => io.now() } }, { content });
    await writeAtomically(resolve(io.cwd, out), Buffer.from(opened.pdfBase64, 'base64'));
    const m = opened.manifest;
    if (args.values.json) printJson(io, { manifest: m, signedBefore: opened.signedBefore, authenticity: opened.authenticity, file: out });
    else {
      // The manifest is already stripped of control characters by openPackage; printable() again for the certificate names.
      io.out(printable(`${m.board} ${m.date}, ${m.paragraphsLabel} (version ${m.versionNo}).`));
      io.out(printable(`Ska skrivas under av ${m.expectedSigner.role.toLowerCase()} ${m.expectedSigner.name} i fältet ${m.field}.`));
      for (const s of opened.signedBefore) {
        const trust = s.trusted === true ? `betrodd, ${s.trustAnchor ?? ''}` : s.trusted === false ? 'INTE BETRODD' : 'tillit ej bedömd';
        io.out(printable(`Redan underskrivet i ${s.field ?? '–'}: ${s.certificateSubject ?? '–'} (certifikat; ${trust}) ${s.signedAt ?? ''}`));
      }
      io.out(
        opened.authenticity.verified
          ? `Verifierat: underskrivet av sekreteraren ${printable(opened.authenticity.secretary ?? '')} och uppgifterna stämmer med protokollet.`
          : printable(opened.authenticity.message ?? ''),
      );
      io.out(`PDF-filen är sparad som ${out}. Läs den, skriv under med:`);
      io.out(`  justera sign ${out} --field ${printable(m.field)} --p12 DITT-CERT.p12 --password-file LÖSENORD.txt -o UNDERSKRIVEN.pdf`);
      io.out('och skicka UNDERSKRIVEN.pdf tillbaka till sekreteraren.');
    }
    return opened.authenticity.verified ? 0 : 2;
  },
};

export const justeringCorrectCommand: CliCommand = {
  name: 'justering correct',
  summary: 'Rätta ett uppenbart skrivfel i en justerad paragraf: sparar rättelsen med skäl och en ny protokollversion som skrivs under på nytt.',
  usage: 'justera justering correct MÖTES-ID --group N --paragraph NR --reason "SKÄL" --title "RUBRIK" --db FIL [--json]',
  details: 'Alla tidigare versioner finns kvar. Justeringen av gruppen står sig; den nya versionen skrivs under av samma personer (justera justering status).',
  options: {
    group: { type: 'string', valueName: 'N', description: 'Justeringsgruppens nummer (1 = första).' },
    paragraph: { type: 'string', valueName: 'NR', description: 'Paragrafens nummer, t.ex. 21.' },
    reason: { type: 'string', valueName: 'SKÄL', description: 'Vilket skrivfel som rättas (krävs).' },
    title: { type: 'string', valueName: 'RUBRIK', description: 'Den rättade rubriken.' },
    db: dbOption,
    json: jsonOption,
  },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const meetingId = positional(args, 'sammanträdets id (se justera list)');
      const g = args.values.group;
      if (typeof g !== 'string' || !/^[1-9]\d*$/.test(g)) throw new AppError('validation', 'Ange gruppens nummer med --group N, där 1 är den första gruppen.');
      const p = args.values.paragraph;
      if (typeof p !== 'string' || !/^[1-9]\d*$/.test(p)) throw new AppError('validation', 'Ange paragrafens nummer med --paragraph NR.');
      const reason = typeof args.values.reason === 'string' ? args.values.reason : undefined;
      const title = requiredString(args, 'title', 'Ange den rättade rubriken med --title "RUBRIK".');
      const r = await apiOf(backend).call('justering.correct', {
        meetingId,
        groupIndex: Number(g) - 1,
        paragraphNumber: Number(p),
        patch: { title },
        ...(reason === undefined ? {} : { reason }),
      });
      if (args.values.json) printJson(io, r);
      else {
        io.out(`Rättelse av § ${r.paragraph} sparad (${r.reason}).`);
        io.out(`Ny version ${r.version.versionNo} (id ${r.version.id}) ska skrivas under i fälten ${r.version.fields.join(', ')}.`);
      }
      return 0;
    }),
};

export const documentSignCommand: CliCommand = {
  name: 'document sign',
  summary: 'Skriv under ett eget dokument: tillkännagivandet (sig-anslag), anslagsbeviset (sig-anslagsbevis) eller protokollsutdragets utdragsbestyrkande (sig-utdragsbestyrkande).',
  usage: 'justera document sign VERSIONS-ID --field FÄLT (--p12 FIL --password-file FIL | --pkcs11 MODUL [--slot N] --pin-file FIL) --db FIL [--json]',
  details:
    'Dokumentets id visas av justera anslag post --json (tillkännagivande och anslagsbevis) och i API:t extracts.create. Certifikatet måste tillhöra den som ska skriva under: anslagsansvarig (eller sekreteraren) för anslag och anslagsbevis, sekreteraren för utdrag. Med kort: utan --slot listas korten som modulen erbjuder.',
  options: {
    field: fieldOption,
    ...credentialOptions,
    db: dbOption,
    json: jsonOption,
  },
  run: async (io, args) => {
    const v = args.values;
    if (typeof v.pkcs11 === 'string' && v.slot === undefined) return printTokens(io, v.pkcs11);
    // The CLI is local and explicit: its --pkcs11 module (checked like the app's) is the back end's configured one.
    const pkcs11 = typeof v.pkcs11 === 'string' ? { configured: cliModulePath(io, v.pkcs11) } : {};
    return withBackend(
      io,
      args,
      async (backend) => {
        const versionId = positional(args, 'dokumentets id (visas av justera anslag post --json)');
        const field = requiredString(args, 'field', 'Ange fältet med --field, t.ex. --field sig-anslagsbevis.');
        const api = apiOf(backend);
        let credential: Credential;
        if (typeof v.pkcs11 === 'string') {
          const token = await tokenInSlot(io, v.pkcs11, v.slot);
          const pin = await readSecret(io, requiredString(args, 'pin-file', 'Ange PIN-filen med --pin-file FIL.'), 'PIN-filen');
          credential = { kind: 'pkcs11', moduleId: 'configured', tokenSerial: token.serialNumber, pin };
        } else {
          const p12 = await readInput(io, requiredString(args, 'p12', 'Ange certifikatfilen med --p12 FIL, eller kortet med --pkcs11 MODUL.'), 'Certifikatfilen');
          const password = await readSecret(io, requiredString(args, 'password-file', 'Ange lösenordsfilen med --password-file FIL.'), 'Lösenordsfilen');
          credential = { kind: 'p12', p12Base64: bytesToBase64(p12), password };
        }
        const r = await api.call('documents.sign', { versionId, field, credential });
        if (args.values.json) printJson(io, r);
        else {
          io.out(`Dokumentet är underskrivet av ${r.signature.signerName} i ${field} (${r.signature.signedAt}). SHA-256 ${r.signature.sha256}`);
          if (r.timestamp.message !== null) io.out(r.timestamp.message);
        }
        return 0;
      },
      { pkcs11 },
    );
  },
};

export const documentExportCommand: CliCommand = {
  name: 'document export',
  summary: 'Skriv ut ett eget dokument (tillkännagivande, anslagsbevis, utdrag) med dess underskrift, om den är gjord.',
  usage: 'justera document export VERSIONS-ID -o FIL.pdf --db FIL [--json]',
  options: { out: outOption, db: dbOption, json: jsonOption },
  run: (io, args) =>
    withBackend(io, args, async (backend) => {
      const versionId = positional(args, 'dokumentets id (visas av justera anslag post --json)');
      const out = requiredString(args, 'out', 'Ange PDF-filen som ska skrivas med -o FIL.pdf.');
      const r = await apiOf(backend).call('documents.currentPdf', { versionId });
      await writeAtomically(resolve(io.cwd, out), Buffer.from(r.pdfBase64, 'base64'));
      if (args.values.json) printJson(io, { file: out, sha256: r.sha256, kind: r.kind, signed: r.signed });
      else io.out(`Skrev ${out} (${r.signed ? 'underskrivet' : 'inte underskrivet'}). SHA-256 ${r.sha256}`);
      return 0;
    }),
};

export const justeringCommands: CliCommand[] = [
  justeringFreezeCommand,
  justeringStatusCommand,
  justeringPackageCommand,
  justeringOpenCommand,
  justeringImportCommand,
  justeringExportCommand,
  justeringCorrectCommand,
  documentSignCommand,
  documentExportCommand,
];
