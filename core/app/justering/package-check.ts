// Does a signing package's manifest say what its PDF says? The manifest is a claim of whoever
// made the file; the PDF's content is what the secretary's signature covers. Each fact the
// signer is shown (board, date, §§, expected signer, field and role) must be found in the PDF's
// text and signature fields, or the package is shown as not verified.
import { normaliseName } from '../../domain/eid';
import type { PackageManifest, SignatureCheck } from './types';

export interface PdfFacts {
  /** The text a reader shows, all pages. */
  text: string;
  /** Signature fields of the PDF: name and whether signed. */
  fields: { name: string; signed: boolean }[];
}

const ROLE_OF_FIELD: [RegExp, string][] = [
  [/^sig-sekreterare$/, 'sekreterare'],
  [/^sig-ordforande$/, 'ordförande'],
  [/^sig-justerare-\d+$/, 'justerare'],
];

const squash = (s: string) => normaliseName(s).replace(/\s+/g, ' ');

/** What in the manifest the PDF does not bear out; empty = it matches. */
export function manifestMismatches(m: PackageManifest, facts: PdfFacts): string[] {
  const out: string[] = [];
  const text = squash(facts.text);
  const has = (needle: string) => text.includes(squash(needle));
  if (!has(m.board)) out.push(`nämnden "${m.board}" står inte i protokollet`);
  if (!has(m.date)) out.push(`datumet ${m.date} står inte i protokollet`);
  const paragraphs: unknown[] = Array.isArray(m.paragraphs) ? m.paragraphs : [];
  // Only a whole number is looked for: anything else from the file would be read as a pattern
  // ("(" threw; ".*" would have matched any §), so it counts as not found.
  const missing = paragraphs.filter((p) => !(Number.isSafeInteger(p) && new RegExp(`§\\s*${p as number}(?!\\d)`).test(text)));
  if (paragraphs.length === 0) out.push('paketet anger inga paragrafer');
  if (missing.length > 0) out.push(`${missing.map((p) => `§ ${typeof p === 'number' ? p : JSON.stringify(p)}`).join(', ')} finns inte i protokollet`);
  if (!has(m.expectedSigner.name)) out.push(`${m.expectedSigner.name} nämns inte i protokollet`);
  const field = facts.fields.find((f) => f.name === m.field);
  if (field === undefined) out.push(`protokollet har inget underskriftsfält för ${fieldWords(m.field)}`);
  const role = ROLE_OF_FIELD.find(([re]) => re.test(m.field))?.[1];
  if (role === undefined || squash(m.expectedSigner.role) !== role) out.push(`underskriftsfältet för ${fieldWords(m.field)} hör inte till rollen ${m.expectedSigner.role}`);
  return out;
}

export interface PackageAuthenticity {
  /** A valid, trusted signature in sig-sekreterare, every earlier signature trusted, and the manifest matches the PDF. */
  verified: boolean;
  /** The certificate name of the trusted secretary signature. */
  secretary: string | null;
  /** Why not verified, in Swedish; empty when verified. */
  reasons: string[];
  /** "Ej verifierat — kontrollera med sekreteraren …" or null. */
  message: string | null;
  /** The same reasons as data, for a screen to word in its own language (the manifest's are in Swedish). */
  problems: PackageProblem[];
}

export type PackageProblem = { kind: 'noTrust' } | { kind: 'noSecretary' } | { kind: 'untrusted'; fields: (string | null)[] } | { kind: 'manifest'; text: string };

/** "justerare 1", "sekreterare": a signature field as people call it, never its internal name. */
function fieldWords(field: string | null): string {
  if (field === null) return 'okänt fält';
  const j = /^sig-justerare-(\d+)$/.exec(field);
  if (j) return `justerare ${j[1]}`;
  return field === 'sig-sekreterare' ? 'sekreterare' : field === 'sig-ordforande' ? 'ordförande' : 'okänt fält';
}

export const UNVERIFIED_PACKAGE = 'Ej verifierat — kontrollera med sekreteraren';

export function packageAuthenticity(m: PackageManifest, signedBefore: SignatureCheck[], facts: PdfFacts, trustAssessed: boolean): PackageAuthenticity {
  const reasons: string[] = [];
  const problems: PackageProblem[] = [];
  if (!trustAssessed) {
    reasons.push('din tillitslista är tom, så ingen underskrift kan bedömas');
    problems.push({ kind: 'noTrust' });
  }
  const secretary = signedBefore.find((s) => s.field === 'sig-sekreterare' && s.valid && s.trusted === true);
  if (trustAssessed && secretary === undefined) {
    reasons.push('protokollet har ingen betrodd underskrift av sekreteraren');
    problems.push({ kind: 'noSecretary' });
  }
  const untrusted = signedBefore.filter((s) => s.trusted !== true);
  if (trustAssessed && untrusted.length > 0) {
    reasons.push(`underskrifterna som ${untrusted.map((s) => fieldWords(s.field)).join(', ')} leder inte till något betrott rotcertifikat`);
    problems.push({ kind: 'untrusted', fields: untrusted.map((s) => s.field) });
  }
  const mismatches = manifestMismatches(m, facts);
  reasons.push(...mismatches);
  problems.push(...mismatches.map((text) => ({ kind: 'manifest' as const, text })));
  const verified = reasons.length === 0;
  return {
    verified,
    secretary: secretary?.certificateSubject ?? null,
    reasons,
    problems,
    message: verified ? null : `${UNVERIFIED_PACKAGE}: ${reasons.join('; ')}. Skriv bara under om sekreteraren har bekräftat paketet på annat sätt (t.ex. per telefon).`,
  };
}
