// Finds follow-up tasks in a meeting's decisions: a decision point that gives someone a mandate
// ("Nämndens ordförande ges i uppdrag att …", "Nämnden ger förvaltningen i uppdrag att …") or
// asks someone to report back ("Arbetsgruppen … rapporterar till nämnden … till 2021-12-31").
// Pure heuristics: they only propose; the secretary confirms what goes into the register.
import type { MeetingDocument } from '../../format/meeting';
import { plainText, type RichText } from '../../format/richtext';
import { isValidIsoDate } from '../../domain/calendar';

/** Where a proposal comes from: the § 's structured tasks (uppdrag), or a sentence read from its text. */
export type ProposalSource = 'uppdrag' | 'beslut' | 'sammanfattning' | 'beskrivning';

export interface FollowUpProposal {
  paragraph: number;
  /** 1-based decision point, or null for a sentence from the summary or description. */
  decisionPoint: number | null;
  source: ProposalSource;
  /** The sentence the task was read from. */
  sentence: string;
  responsible: string;
  description: string;
  dueOn: string | null;
}

export interface TaskReading {
  responsible: string;
  description: string;
  dueOn: string | null;
}

const IMMEDIATE = /^paragrafen anses omedelbart justerad\.?$/i;

/** Subject, then "ges/får i uppdrag att" and the task. */
const PASSIVE_MANDATE = /^(?<who>.+?)\s+(?:ges|får)\s+(?:i\s+uppdrag|uppdraget|i\s+uppgift)\s+att\s+(?<what>.+)$/iu;
/** "(Nämnden beslutar att) ge X i uppdrag att …". */
const GIVES_MANDATE = /^(?:.*?\s)?(?:ge|ger)\s+(?<who>.+?)\s+i\s+uppdrag\s+att\s+(?<what>.+)$/iu;
/** "(Nämnden) uppdrar åt X att …". */
const CHARGES = /^(?:.*?\s)?(?:uppdra|uppdrar)\s+(?:åt\s+)?(?<who>.+?)\s+att\s+(?<what>.+)$/iu;
/** Subject, optionally "leds av … och" or "ska", then reporting back. */
const REPORT_BACK = /^(?<who>.+?)\s+(?:leds\s+av\s+.+?\s+och\s+|(?:ska|skall)\s+)?(?<what>(?:åter)?rapportera[r]?\s.+|redovisa[r]?\s.+|återkomm(?:a|er)\s.+)$/iu;

/** A board deciding for itself is a decision, not a task. */
const BOARD_DECIDES = /\bbeslutar\b/iu;

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const DUE_BEFORE = /(?:\btill|\bsenast|\bföre|\binnan|\btill\s+och\s+med|\bt\.o\.m\.)\s+(?:den\s+)?$/iu;

/** The due date: the last date written as an end ("till 2021-12-31", "senast den 30 juni 2021"). */
export function dueDateIn(sentence: string): string | null {
  const found: { at: number; date: string }[] = [];
  for (const m of sentence.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) {
    const date = m[0];
    if (isValidIsoDate(date)) found.push({ at: m.index ?? 0, date });
  }
  const monthNames = MONTHS.join('|');
  for (const m of sentence.matchAll(new RegExp(`\\b(\\d{1,2})\\s+(${monthNames})\\s+(\\d{4})\\b`, 'giu'))) {
    const month = MONTHS.indexOf((m[2] ?? '').toLocaleLowerCase('sv-SE')) + 1;
    const date = `${m[3]}-${String(month).padStart(2, '0')}-${String(Number(m[1])).padStart(2, '0')}`;
    if (isValidIsoDate(date)) found.push({ at: m.index ?? 0, date });
  }
  const due = found.filter((f) => DUE_BEFORE.test(sentence.slice(Math.max(0, f.at - 20), f.at))).sort((a, b) => a.at - b.at);
  return due[due.length - 1]?.date ?? null;
}

function capitalise(s: string): string {
  return s.length === 0 ? s : s[0]?.toLocaleUpperCase('sv-SE') + s.slice(1);
}

function cleanWho(who: string): string | null {
  const w = who
    .replace(/^(?:att|och)\s+/iu, '')
    .replace(/[,;:]+$/u, '')
    .trim();
  // A subject is a short name of a person or body: no digits, a handful of words.
  if (w.length === 0 || /\d/.test(w) || w.split(/\s+/).length > 6 || BOARD_DECIDES.test(w)) return null;
  return capitalise(w);
}

function cleanWhat(what: string): string {
  return capitalise(what.trim().replace(/[.\s]+$/u, ''));
}

/** Reads one sentence; null when it names no task. */
export function readTask(sentence: string): TaskReading | null {
  const s = sentence.replace(/\s+/g, ' ').trim();
  for (const pattern of [PASSIVE_MANDATE, GIVES_MANDATE, CHARGES, REPORT_BACK]) {
    const m = pattern.exec(s);
    const who = m?.groups?.who;
    const what = m?.groups?.what;
    if (who === undefined || what === undefined) continue;
    const responsible = cleanWho(who);
    if (responsible === null) continue;
    return { responsible, description: cleanWhat(what), dueOn: dueDateIn(s) };
  }
  return null;
}

/** Sentences of a text: split after . ! ? when a capital letter follows (so "20 kap. 1 §" stays whole). */
export function sentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-ZÅÄÖ])/u))
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function proposeFollowUps(doc: MeetingDocument): FollowUpProposal[] {
  const out: FollowUpProposal[] = [];
  const seen = new Set<string>();
  const add = (p: FollowUpProposal) => {
    const key = `${p.paragraph}|${p.responsible.toLocaleLowerCase('sv-SE')}|${p.description.toLocaleLowerCase('sv-SE')}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(p);
  };
  for (const p of doc.paragraphs) {
    if (p.confidential !== undefined) continue;
    // Tasks recorded as data come first; a sentence saying the same is then not proposed twice.
    for (const t of p.tasks) {
      add({ paragraph: p.number, decisionPoint: null, source: 'uppdrag', sentence: t.what, responsible: t.responsible, description: t.what, dueOn: t.due ?? null });
    }
    p.decision?.points.forEach((point, i) => {
      for (const sentence of sentences(plainText(point))) {
        if (IMMEDIATE.test(sentence)) continue;
        const task = readTask(sentence);
        if (task !== null) add({ paragraph: p.number, decisionPoint: i + 1, source: 'beslut', sentence, ...task });
      }
    });
    // Prose describes as much as it decides: there a task needs a due date to be proposed.
    const prose: [ProposalSource, RichText | undefined][] = [
      ['sammanfattning', p.summary],
      ['beskrivning', p.description],
    ];
    for (const [source, text] of prose) {
      if (text === undefined) continue;
      for (const sentence of sentences(plainText(text))) {
        const task = readTask(sentence);
        if (task !== null && task.dueOn !== null) add({ paragraph: p.number, decisionPoint: null, source, sentence, ...task });
      }
    }
  }
  return out;
}
