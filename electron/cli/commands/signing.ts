// `justera sign` and `justera verify`: PAdES signatures on PDF files, with a certificate file
// (PKCS#12) or a smart card/token (PKCS#11), and a verification report.
import { resolve } from 'node:path';
import { AppError } from '../../../core/api/errors';
import type { SignatureReport, Signer, VerificationReport } from '../../services/signing';
import type { CliCommand } from '../types';
import { jsonOption, printJson } from '../io';
import { writeAtomically } from './data';
import { cliModulePath, credentialOptions, printTokens, readInput, readSecret, tokenInSlot } from '../credentials';
import { crlOption, printable, trustDbOption, trustMaterialOf, trustOption } from '../trust-anchors';

// Loaded when a command runs, not at start-up (`justera --help` stays fast; see scripts/build-cli.mjs).
const signing = () => import('../../services/signing');

const roles: Record<string, string> = {
  'sig-sekreterare': 'Sekreterare',
  'sig-ordforande': 'Ordförande',
  'sig-justerare-1': 'Justerare',
  'sig-justerare-2': 'Justerare',
  'sig-utdragsbestyrkande': 'Utdragsbestyrkande',
  'sig-anslagsbevis': 'Anslagsbevis',
};

export const signCommand: CliCommand = {
  name: 'sign',
  summary: 'Skriv under en PDF i ett förberett underskriftsfält (PAdES), med certifikatfil eller e-legitimationskort.',
  usage: 'justera sign FIL.pdf --field NAMN (--p12 FIL --password-file FIL | --pkcs11 MODUL [--slot N] --pin-file FIL) -o UT.pdf',
  details: [
    'Underskriften läggs till som en inkrementell uppdatering: tidigare underskrifter förblir giltiga.',
    'Fälten heter t.ex. sig-sekreterare, sig-ordforande, sig-justerare-1. Lösenord och PIN läses från fil,',
    'aldrig från kommandoraden. Utan --slot listar --pkcs11 korten/tokens som modulen erbjuder.',
  ].join('\n'),
  options: {
    field: { type: 'string', valueName: 'NAMN', description: 'Underskriftsfältet som ska fyllas, t.ex. sig-ordforande.' },
    ...credentialOptions,
    role: { type: 'string', valueName: 'ROLL', description: 'Rollen som visas i underskriften (standard: av fältnamnet).' },
    reason: { type: 'string', valueName: 'TEXT', description: 'Skäl som skrivs i underskriften (standard: "Justering av protokoll").' },
    location: { type: 'string', valueName: 'ORT', description: 'Ort som skrivs i underskriften.' },
    tsa: { type: 'string', valueName: 'URL', description: 'Tidsstämpeltjänst (RFC 3161); utan nät skrivs underskriften utan tidsstämpel.' },
    out: { type: 'string', short: 'o', valueName: 'FIL', description: 'Den underskrivna filen.' },
    json: jsonOption,
  },
  run: async (io, args) => {
    const v = args.values;
    const file = args.positionals[0];
    if (file === undefined) throw new AppError('validation', 'Ange PDF-filen som ska skrivas under.');
    if (typeof v.pkcs11 === 'string' && v.slot === undefined) return printTokens(io, v.pkcs11);
    if (typeof v.field !== 'string') throw new AppError('validation', 'Ange underskriftsfältet med --field, t.ex. --field sig-ordforande.');
    if (typeof v.out !== 'string') throw new AppError('validation', 'Ange filen som ska skrivas med -o UT.pdf.');
    const pdf = await readInput(io, file, 'PDF-filen');
    let signer: Signer & { close?: () => void | Promise<void> };
    if (typeof v.p12 === 'string') {
      if (typeof v['password-file'] !== 'string') throw new AppError('validation', 'Ange lösenordsfilen med --password-file FIL.');
      signer = await (await signing()).openPkcs12Signer(await readInput(io, v.p12, 'Certifikatfilen'), await readSecret(io, v['password-file'], 'Lösenordsfilen'));
    } else if (typeof v.pkcs11 === 'string') {
      if (typeof v['pin-file'] !== 'string') throw new AppError('validation', 'Ange PIN-filen med --pin-file FIL.');
      const token = await tokenInSlot(io, v.pkcs11, v.slot);
      signer = await (await signing()).openPkcs11Signer({ modulePath: cliModulePath(io, v.pkcs11), tokenSerial: token.serialNumber, pin: await readSecret(io, v['pin-file'], 'PIN-filen') });
    } else {
      throw new AppError('validation', 'Ange antingen --p12 FIL (certifikatfil) eller --pkcs11 MODUL (kort eller token).');
    }
    try {
      const result = await (
        await signing()
      ).signPdf(pdf, {
        fieldName: v.field,
        signer,
        role: typeof v.role === 'string' ? v.role : (roles[v.field] ?? 'Undertecknare'),
        signingTime: io.now(),
        reason: typeof v.reason === 'string' ? v.reason : 'Justering av protokoll',
        ...(typeof v.location === 'string' ? { location: v.location } : {}),
        ...(typeof v.tsa === 'string' ? { tsa: { url: v.tsa, optional: true } } : {}),
      });
      await writeAtomically(resolve(io.cwd, v.out), result.pdf);
      if (v.json) printJson(io, { field: result.fieldName, signer: result.signerName, level: result.level, warnings: result.warnings });
      else {
        io.out(`Underskrivet av ${result.signerName} i fältet ${result.fieldName} (PAdES ${result.level}).`);
        for (const w of result.warnings) io.out(`Obs: ${w}`);
      }
      return 0;
    } finally {
      await signer.close?.();
    }
  },
};

export const verifyCommand: CliCommand = {
  name: 'verify',
  summary: 'Kontrollera underskrifterna i en PDF: giltighet, tillit (kedja till betrott rotcertifikat), undertecknare, tid, PAdES-nivå och om filen ändrats efteråt.',
  usage: 'justera verify FIL.pdf [--trust CA.pem …] [--crl FIL.crl …] [--db FIL] [--json]',
  details: [
    'Varje version av filen läses som en PDF-läsare gör (xref-kedjan); efter en underskrift får bara nya underskrifter, signaturfältets värde och utseende, formulärets fältlista och valideringsdata (DSS) tillkomma. Avslutas med status 1 om någon underskrift är ogiltig, "ändrat efter underskrift" eller om filen ändrats på annat sätt efter den sista underskriften.',
    'Certifikaten bedöms vid tidsstämpelns tid, annars nu; undertecknarens egen tidsuppgift (/M) räknas aldrig.',
    'Spärrstatus kontrolleras utan nät mot spärrlistor (CRL) i tillitslistan (justera trust add-crl), --crl och de som följer med underskriften: spärrat före kontrolltidpunkten gör underskriften ogiltig; saknas en aktuell spärrlista visas "spärrstatus okänd" som en varning (statusen påverkas inte).',
    'Avslutas med status 0 bara när varje underskrift är giltig och betrodd och inget ändrats efter underskrifterna; utan --trust och utan tillitslista (--db) är tilliten ej bedömd, och statusen är 1.',
  ].join('\n'),
  options: {
    trust: trustOption,
    crl: crlOption,
    db: trustDbOption,
    json: jsonOption,
  },
  run: async (io, args) => {
    const file = args.positionals[0];
    if (file === undefined) throw new AppError('validation', 'Ange PDF-filen som ska kontrolleras.');
    const pdf = await readInput(io, file, 'PDF-filen');
    const { anchors, crls } = await trustMaterialOf(io, args);
    const report = await (await signing()).verifyPdf(pdf, { trustAnchors: anchors, crls, now: io.now() });
    if (args.values.json) printJson(io, report);
    else io.out(describeReport(report));
    return report.accepted ? 0 : 1;
  },
};

const yesNo = (b: boolean | null, unknown = 'ej bedömt') => (b === null ? unknown : b ? 'ja' : 'NEJ');

export function describeReport(r: VerificationReport): string {
  const lines: string[] = [];
  if (r.signatures.length === 0) lines.push('Filen innehåller inga underskrifter.');
  r.signatures.forEach((s: SignatureReport, i) => {
    const c = s.certificate;
    lines.push(`Underskrift ${i + 1}: ${s.valid ? 'GILTIG' : 'OGILTIG'}`);
    lines.push(`  Fält:                ${s.fieldName ?? '–'}`);
    lines.push(`  Undertecknare:       ${s.signerName ?? '–'}${s.certificateName && s.certificateName !== s.signerName ? ` (certifikat: ${s.certificateName})` : ''}`);
    if (c) {
      lines.push(`  Certifikat:          ${c.subject}`);
      lines.push(`  Utfärdare:           ${c.issuer}`);
      lines.push(`  Serienummer:         ${c.serialNumber}`);
      lines.push(`  Giltigt:             ${c.notBefore.toISOString()} – ${c.notAfter.toISOString()}`);
    }
    lines.push(`  Angiven tidpunkt:    ${s.claimedSigningTime ? s.claimedSigningTime.toISOString() : '–'}`);
    lines.push(`  Kontrollsumma:       ${yesNo(s.digestMatches)}`);
    lines.push(`  CMS-signatur:        ${yesNo(s.cmsSignatureValid)}`);
    lines.push(`  Kontrolltidpunkt:    ${s.validityTime.at.toISOString()} (${s.validityTime.source === 'timestamp' ? 'tidsstämpelns tid' : 'nu; ingen betrodd tidsstämpel'})`);
    lines.push(`  Giltigt då:          ${yesNo(s.certificateValidAtSigningTime)}`);
    lines.push(`  Nyckelanvändning:    ${s.certificateChecks.keyUsage ? 'underskrift' : 'NEJ'}`);
    lines.push(`  Ett namn (CN):       ${yesNo(s.certificateChecks.singleCommonName)}`);
    lines.push(
      `  Tillit:              ${!s.trust.assessed ? 'tillit ej bedömd (ange --trust CA.pem eller --db med tillitslista)' : s.trust.trusted ? `betrodd (${s.trust.anchor?.subject ?? '–'})` : 'INTE BETRODD'}`,
    );
    if (s.trust.trusted)
      lines.push(`  Spärrstatus:         ${s.revocation.status === 'good' ? 'ej spärrat' : s.revocation.status === 'revoked' ? 'SPÄRRAT' : 'spärrstatus okänd (varning)'} — ${s.revocation.message}`);
    lines.push(`  PAdES-nivå:          ${s.level}${s.timestamp ? ` (tidsstämpel ${s.timestamp.time?.toISOString() ?? '–'})` : ' (ingen tidsstämpel)'}`);
    lines.push(`  Omfattar:            revision ${s.revision}, ${s.coveredLength} byte${s.coversWholeFile ? ' (hela filen)' : ''}`);
    const bad = s.changesAfter.filter((x) => !x.allowed);
    if (!s.coversWholeFile || s.changesAfter.length > 0) {
      lines.push(`  Ändringar efteråt:   ${bad.length > 0 ? `ÄNDRAT EFTER UNDERSKRIFT (${bad.length})` : 'bara tillåtna (underskrifter, signaturfält, valideringsdata)'}`);
      for (const x of s.changesAfter) lines.push(`    ${x.allowed ? 'tillåten' : 'EJ TILLÅTEN'}, version ${x.revision}: ${x.what}`);
    }
    for (const p of s.problems) lines.push(`  Problem: ${p}`);
  });
  const changedAfter = r.signatures.some((s) => !s.onlyAllowedChangesAfter);
  lines.push(
    r.modifiedAfterLastSignature
      ? changedAfter || !r.valid
        ? 'Filen har ÄNDRATS efter den sista underskriften.'
        : 'Efter den sista underskriften har bara tillåtna tillägg gjorts (underskrifter, signaturfält, valideringsdata).'
      : r.signatures.length > 0
        ? 'Filen är oförändrad sedan den sista underskriften.'
        : '',
  );
  for (const p of r.problems) lines.push(`Problem: ${p}`);
  for (const w of r.warnings) lines.push(`Varning: ${w}`);
  if (!r.valid) lines.push('Resultat: OGILTIG.');
  else if (!r.trustAssessed) lines.push('Resultat: tillit ej bedömd — underskrifterna är kryptografiskt hela, men ingen betrodd utfärdare är angiven (--trust CA.pem eller --db med tillitslista).');
  else if (!r.trusted) lines.push('Resultat: INTE BETRODD — minst en underskrift leder inte till ett betrott rotcertifikat.');
  else lines.push('Resultat: alla underskrifter är giltiga och betrodda.');
  return lines
    .filter((l) => l.length > 0)
    .map(printable)
    .join('\n');
}
