// Pure wording of the justering screens: times, group and signer states, the verification
// verdict, the signing order, and the rättelse patch built from plain text. No React, no DOM.
import type { GroupStatusName, RequiredSigner, SignatureCheck, SignResult, SigningRole, TimestampOutcome, ValidationSummary } from '../../../core/app/justering/types';
import type { Block, RichText } from '../../../core/format/richtext';
import { justeringStrings as s } from './strings';
import { formatDateTime, t } from '../../i18n';

/** "2020-11-05 10:40" (Swedish time) from an ISO instant; the input itself when it is no date. */
export const formatInstant = formatDateTime;

/** "Robert Karlsson", "Robert Karlsson och Anders Lundkvist", "A, B och C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} och ${names[names.length - 1] ?? ''}`;
}

export function groupStatusText(status: GroupStatusName, adjustedAt: string | null): string {
  switch (status) {
    case 'open':
      return s.group.open;
    case 'frozen':
      return s.group.frozen;
    case 'adjusted':
      return s.group.adjusted(adjustedAt === null ? '' : formatInstant(adjustedAt)).trim();
    default: {
      const never: never = status;
      return never;
    }
  }
}

/** "Anders Lundkvist (ordförande)" for the remaining-signers line. */
export function signerLabel(r: Pick<RequiredSigner, 'name' | 'role'>): string {
  return `${r.name} (${r.role.toLowerCase()})`;
}

/** The verdict on a verification report in one sentence. */
export function verdictText(report: Pick<ValidationSummary, 'valid' | 'modifiedAfterLastSignature' | 'signatures' | 'trustAssessed' | 'trusted'>, missing: number): string {
  if (report.signatures.length === 0) return s.verdict.none;
  if (!report.valid || report.modifiedAfterLastSignature || report.signatures.some((x) => !x.valid)) return s.verdict.invalid;
  if (!report.trustAssessed) return s.verdict.notAssessed;
  if (!report.trusted) return s.verdict.untrusted;
  return missing === 0 ? s.verdict.complete(report.signatures.length) : s.verdict.partial(report.signatures.length, missing);
}

/** The time-stamp line of a signature: the service's note, else what level it got. */
export function timestampText(t: TimestampOutcome): string {
  if (t.message !== null && t.message !== '') return t.message;
  return t.added ? s.result.timestampAdded : s.result.noTimestamp;
}

/** What to tell after a signature: who signed when, whether that adjusted it, who remains. */
export function signResultLines(r: Pick<SignResult, 'signature' | 'groupAdjusted' | 'meetingAdjusted' | 'remaining' | 'timestamp'>, imported = false): string[] {
  const lines = [s.result.signed(r.signature.signerName, formatInstant(r.signature.signedAt))];
  if (r.groupAdjusted) lines.push(s.result.groupAdjusted);
  if (r.meetingAdjusted) lines.push(s.result.meetingAdjusted);
  if (r.remaining.length > 0) lines.push(s.result.remaining(joinNames(r.remaining.map(signerLabel))));
  // An imported file was signed elsewhere: our time-stamping setting says nothing about it.
  if (!imported || r.timestamp.added || r.timestamp.message !== null) lines.push(timestampText(r.timestamp));
  return lines;
}

/** The trust cell of a signature: trusted (by which anchor), not trusted, or not assessed. */
export function trustText(sig: Pick<SignatureCheck, 'trusted' | 'trustAnchor'>): string {
  if (sig.trusted === null) return s.verify.notAssessed;
  return sig.trusted ? s.verify.trusted(sig.trustAnchor) : s.verify.untrusted;
}

export function levelText(level: string): string {
  return s.verify.levels[level] ?? level;
}

/** "sekreterare → ordförande → justerare" or "valfri ordning". */
export function orderText(order: readonly SigningRole[] | null): string {
  if (order === null || order.length === 0) return s.order.any.toLowerCase();
  return order.map((r) => (s.order.roles[r] ?? r).toLowerCase()).join(' → ');
}

/** Moves item `i` one step (−1 up, +1 down); the same list when it cannot move. */
export function moveItem<T>(list: readonly T[], i: number, step: -1 | 1): T[] {
  const j = i + step;
  if (i < 0 || i >= list.length || j < 0 || j >= list.length) return [...list];
  const next = [...list];
  [next[i], next[j]] = [next[j] as T, next[i] as T];
  return next;
}

/** A valid time-stamping address, or null for "none"; undefined when it is not a URL. */
export function parseTsaUrl(raw: string): string | null | undefined {
  const v = raw.trim();
  if (v === '') return null;
  if (/\s/.test(v)) return undefined;
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' ? v : undefined;
  } catch {
    return undefined;
  }
}

// --- Rättelse of a decision written as plain text ---------------------------------------------

function isPlainParagraph(b: Block): boolean {
  return b.type === 'paragraph' && b.content.every((i) => !i.bold && !i.italic && i.link === undefined && !i.text.includes('\n'));
}

/**
 * A decision point as plain text (paragraphs separated by a blank line), or null when it holds
 * anything a text area cannot give back unchanged (formatting, lists, secrecy, figures).
 */
export function pointToText(point: RichText): string | null {
  if (point.length === 0 || !point.every(isPlainParagraph)) return null;
  return point.map((b) => (b.type === 'paragraph' ? b.content.map((i) => i.text).join('') : '')).join('\n\n');
}

/** Plain text back to a decision point: one paragraph per block of lines. */
export function textToPoint(text: string): RichText {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => ({ type: 'paragraph' as const, content: [{ text: p }] }));
}

export interface CorrectionDraft {
  title: string;
  /** null when the decision cannot be edited as text. */
  points: string[] | null;
  reason: string;
}

export interface CorrectionOriginal {
  title: string;
  decision?: { numbered: boolean; points: RichText[] } | undefined;
}

export type CorrectionCheck =
  { ok: true; patch: { title?: string; decision?: { numbered: boolean; points: RichText[] } }; reason: string } | { ok: false; field: 'title' | 'points' | 'reason'; message: string };

/** The patch `justering.correct` needs: only what changed, with the reason required. */
export function buildCorrection(original: CorrectionOriginal, draft: CorrectionDraft): CorrectionCheck {
  const title = draft.title.trim();
  if (title === '') return { ok: false, field: 'title', message: s.correct.emptyTitle };
  const patch: { title?: string; decision?: { numbered: boolean; points: RichText[] } } = {};
  if (title !== original.title.trim()) patch.title = title;
  if (draft.points !== null && original.decision !== undefined) {
    const before = original.decision.points.map(pointToText);
    const points = draft.points.map(textToPoint);
    if (points.some((p) => p.length === 0)) return { ok: false, field: 'points', message: s.correct.emptyPoint };
    const changed = draft.points.some((text, i) => textToPointKey(text) !== textToPointKey(before[i] ?? ''));
    if (changed) patch.decision = { numbered: original.decision.numbered, points };
  }
  if (patch.title === undefined && patch.decision === undefined) return { ok: false, field: 'title', message: s.correct.nothingChanged };
  const reason = draft.reason.trim();
  if (reason === '') return { ok: false, field: 'reason', message: s.correct.missingReason };
  return { ok: true, patch, reason };
}

function textToPointKey(text: string): string {
  return JSON.stringify(textToPoint(text));
}

/**
 * The name a file signed by the wrong person is saved under, so it cannot pass for the real one:
 * "protokoll-2020-11-05-20-v1.pdf" → "protokoll-2020-11-05-20-v1-EJ-ANVANDBAR-fel-underskrift.pdf".
 */
export function unusableFileName(fileName: string): string {
  return `${fileName.replace(/\.pdf$/i, '')}-EJ-ANVANDBAR-fel-underskrift.pdf`;
}

/** "Sekreterare", "Justerare 2", "Anslagsbevis" …: a signature field by its role, never its internal name. */
export function fieldLabel(field: string): string {
  const m = /^sig-justerare-(\d+)$/.exec(field);
  if (m) return t('field.justerare', { n: m[1] ?? '' });
  switch (field) {
    case 'sig-sekreterare':
      return t('field.sekreterare');
    case 'sig-ordforande':
      return t('field.ordforande');
    case 'sig-anslag':
      return t('field.anslag');
    case 'sig-anslagsbevis':
      return t('field.anslagsbevis');
    case 'sig-utdragsbestyrkande':
      return t('field.utdragsbestyrkande');
    default:
      return t('field.other');
  }
}
