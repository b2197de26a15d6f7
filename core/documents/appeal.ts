// How the decisions of a notice's §§ are appealed (issue 16), as the tillkännagivande and the
// notice board print it. Every § is appealed by laglighetsprövning (KL 13 kap.) unless it says
// otherwise: a special law's förvaltningsbesvär (e.g. a bygglov under 13 kap. plan- och
// bygglagen, to Länsstyrelsen within three weeks of notification) — then laglighetsprövning does
// not apply to it (KL 13 kap. 2 §) — or "Beslutet får inte överklagas", or nothing at all.
// Only § numbers are named: a confidential § may not show its title on the notice board.
import type { Appeal, MeetingDocument, Paragraph } from '../format/meeting';
import { paragraphLabel } from '../domain/numbering';

/** The appeal of a §: its own, or laglighetsprövning. */
export function appealOf(p: Pick<Paragraph, 'appeal'>): Appeal {
  return p.appeal ?? { kind: 'laglighetsprovning' };
}

const WEEK_WORDS = ['', 'en vecka', 'två veckor', 'tre veckor', 'fyra veckor', 'fem veckor', 'sex veckor', 'sju veckor', 'åtta veckor'];

/** "tre veckor". */
export function weeksText(weeks: number): string {
  return WEEK_WORDS[weeks] ?? `${weeks} veckor`;
}

/** A short line for a § on the notice board; undefined for laglighetsprövning (the default). */
export function appealNote(appeal: Appeal): string | undefined {
  switch (appeal.kind) {
    case 'laglighetsprovning':
      return undefined;
    case 'forvaltningsbesvar':
      return `Överklagas genom förvaltningsbesvär hos ${appeal.authority} inom ${weeksText(appeal.weeks)} från delfåendet (${appeal.statute}).`;
    case 'ej_overklagbart':
      return 'Beslutet får inte överklagas.';
    case 'ingen':
      return undefined;
    default: {
      const never: never = appeal;
      return never;
    }
  }
}

export interface AppealTextInput {
  /** What laglighetsprövning says for these §§ (who may appeal, the court, the dates). */
  laglighetsprovning: (numbers: number[] | null) => string[];
  /** "E-nämnden": where an appeal under FL 43 § is handed in. */
  board: string;
}

/**
 * The appeal section of a notice of the §§ `numbers`. When every § is appealed by
 * laglighetsprövning the text is the general one, unchanged (`laglighetsprovning(null)`);
 * otherwise it names the §§ each way applies to.
 */
export function noticeAppeal(doc: Pick<MeetingDocument, 'paragraphs'>, numbers: readonly number[], input: AppealTextInput): { heading: string; paragraphs: string[] } {
  const chosen = doc.paragraphs.filter((p) => numbers.includes(p.number));
  const legality = chosen.filter((p) => appealOf(p).kind === 'laglighetsprovning').map((p) => p.number);
  if (legality.length === chosen.length) return { heading: 'Så överklagar du (laglighetsprövning)', paragraphs: input.laglighetsprovning(null) };
  const out: string[] = [];
  if (legality.length > 0) out.push(...input.laglighetsprovning(legality));
  // Förvaltningsbesvär, one passage per way of appealing (same law, authority and time).
  const besvar = new Map<string, { appeal: Extract<Appeal, { kind: 'forvaltningsbesvar' }>; numbers: number[] }>();
  for (const p of chosen) {
    const a = appealOf(p);
    if (a.kind !== 'forvaltningsbesvar') continue;
    const key = JSON.stringify([a.statute, a.authority, a.weeks]);
    const entry = besvar.get(key) ?? { appeal: a, numbers: [] };
    entry.numbers.push(p.number);
    besvar.set(key, entry);
  }
  for (const { appeal: a, numbers: ns } of besvar.values()) {
    const which = ns.length === 1 ? `Beslutet i ${paragraphLabel(ns)}` : `Besluten i ${paragraphLabel(ns)}`;
    out.push(
      `${which} kan överklagas genom förvaltningsbesvär enligt ${a.statute} hos ${a.authority}, av den som beslutet angår om det har gått hen emot (42 § förvaltningslagen). Laglighetsprövning enligt kommunallagen gäller inte ${ns.length === 1 ? 'detta beslut' : 'dessa beslut'}.`,
      `Överklagandet ska lämnas till ${input.board}, som skickar det vidare till ${a.authority}. Det ska ha kommit in inom ${weeksText(a.weeks)} från den dag då klaganden fick del av beslutet (43 och 44 §§ förvaltningslagen); tiden räknas inte från anslaget.`,
    );
  }
  const never = chosen.filter((p) => appealOf(p).kind === 'ej_overklagbart');
  for (const p of never) {
    const a = appealOf(p);
    const reason = a.kind === 'ej_overklagbart' && a.reason !== undefined ? ` ${/[.!?]$/.test(a.reason) ? a.reason : `${a.reason}.`}` : '';
    out.push(`Beslutet i ${paragraphLabel([p.number])} får inte överklagas.${reason}`);
  }
  return { heading: 'Så överklagar du', paragraphs: out };
}
