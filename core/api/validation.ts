// zod → Swedish AppError with one issue per offending field, paths written like JSON access.
import { z } from 'zod';
import { AppError, type ErrorIssue } from './errors';
import './zod-sv';

export function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out.length === 0 ? String(part) : `.${String(part)}`;
  }
  return out.length === 0 ? '(hela indata)' : out;
}

export function issuesOf(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((i) => ({ path: pathText(i.path), message: i.message }));
}

/** Parses or throws AppError('validation') whose message names the first offending field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, raw: unknown, what: string): z.output<S> {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  const issues = issuesOf(r.error);
  const first = issues[0];
  const more = issues.length > 1 ? ` (och ${issues.length - 1} fel till)` : '';
  throw new AppError('validation', `${what}: ${first?.path}: ${first?.message}${more}`, { issues });
}

/** Swedish names of the fields users fill in, for messages that do not name their field themselves. */
const FIELD_NAMES: Record<string, string> = {
  name: 'Namnet',
  orgNumber: 'Organisationsnumret',
  headerName: 'Namnet i sidhuvudet',
  shortName: 'Förkortningen',
  title: 'Rubriken',
  caseNumber: 'Ärendenumret',
  date: 'Datumet',
  startTime: 'Starttiden',
  endTime: 'Sluttiden',
  place: 'Platsen',
  seats: 'Antalet platser',
  party: 'Partiet',
  role: 'Rollen',
  termStart: 'Mandatets början',
  termEnd: 'Mandatets slut',
  substituteOrder: 'Ersättarordningen',
  storagePlace: 'Förvaringsplatsen',
  directory: 'Mappen',
  baseUrl: 'Webbadressen',
  recipients: 'Mottagarna',
  paragraphs: 'Paragraferna',
  password: 'Lösenordet',
  pin: 'PIN-koden',
  year: 'Året',
};

/** zod's own (generic) messages say what is wrong but not with what. */
const GENERIC = /^(Får |Måste |Ska vara |Uppgiften saknas|Ogiltigt värde|Okänd|Felaktigt format)/;

/**
 * The message a user sees for a refused call: the first problem in words, never a field's
 * internal name ("orgNumber:"); a generic message gets the field's Swedish name in front of it.
 */
export function userMessage(issues: readonly { path: string; message: string }[], rawPaths: readonly (readonly PropertyKey[])[]): string {
  const first = issues[0];
  if (first === undefined) return 'Uppgifterna kunde inte tas emot. Kontrollera dem och försök igen.';
  const last = [...(rawPaths[0] ?? [])].reverse().find((p): p is string => typeof p === 'string');
  let text = first.message;
  if (GENERIC.test(text)) {
    const field = last === undefined ? undefined : FIELD_NAMES[last];
    text = `${field ?? 'En uppgift'}: ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
  }
  const more = issues.length > 1 ? ` (och ${issues.length - 1} fel till)` : '';
  return `${text}${more}`;
}
