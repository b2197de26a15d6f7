// Protokollsutdrag: the clerk picks adjusted §§ and recipients ("Expedieras till" proposes them),
// the app produces the extract with an empty field for the secretary's utdragsbestyrkande and
// records who got which extract when.
import { AppError } from '../../api/errors';
import { formatRanges, paragraphLabel } from '../../domain/numbering';
import { buildExtractData } from '../../documents/extract';
import { confidentialProvisions, maskedParagraph, withoutMaskedJavSubstitutes } from '../../domain/masking';
import { oslLabel } from '../../format/provision';
import type { MeetingDocument } from '../../format/meeting';
import { stockholmDate } from './dates';
import { documentInfo, type DocumentInfo } from './documents';
import type { AnslagDeps, ExtractRow } from './ports';

export interface ExtractProposal {
  meetingId: string;
  /** The adjusted §§ an extract can be made of. */
  adjusted: number[];
  /** The chosen §§ (all adjusted §§ when none were asked for). */
  paragraphs: number[];
  /**
   * Each chosen § with its own "Expedieras till" (never merged across §§: "Sökanden" of § 2 is
   * not "Sökanden" of § 4) and the OSL provisions that make it secret (empty = none).
   */
  perParagraph: { number: number; title: string; recipients: string[]; provisions: string[] }[];
  /** Chosen §§ with secrets: masked in the extract unless explicitly left out or sent unmasked. */
  confidential: number[];
}

/** What happens to a § with secrets in an extract; `mask` unless the user chose otherwise. */
export const SECRECY_TREATMENTS = ['mask', 'omit', 'unmasked'] as const;
export type SecrecyTreatment = (typeof SECRECY_TREATMENTS)[number];

export interface SecrecyChoice {
  paragraph: number;
  treatment: SecrecyTreatment;
  /** Why the recipients may see the secret (required for `unmasked`), e.g. "part i ärendet, 10 kap. 3 § OSL". */
  entitlement?: string | undefined;
}

/** How each secret § was handled in a produced extract (stored with it and in the audit log). */
export interface SecrecyRecord {
  paragraph: number;
  provisions: string[];
  treatment: SecrecyTreatment;
  entitlement: string | null;
}

export interface ExtractRecord {
  id: string;
  meetingId: string;
  paragraphs: number[];
  label: string;
  recipients: string[];
  sentOn: string | null;
  createdAt: string;
  document: DocumentInfo | null;
}

export interface CreatedExtract {
  extract: ExtractRecord;
  document: DocumentInfo;
}

function loadWithAdjusted(deps: AnslagDeps, meetingId: string) {
  const loaded = deps.store.loadMeeting(meetingId);
  if (loaded === null) throw new AppError('not_found', `Sammanträdet ${meetingId} finns inte. Välj ett sammanträde i listan (eller "justera list --db FIL").`);
  const adjusted = deps.anslag
    .adjustedGroups({ meetingId })
    .flatMap((g) => g.paragraphs)
    .sort((a, b) => a - b);
  return { doc: loaded.doc, adjusted };
}

function checkChoice(all: readonly number[], adjusted: readonly number[], chosen: readonly number[]): number[] {
  const wanted = [...new Set(chosen)].sort((a, b) => a - b);
  if (wanted.length === 0) throw new AppError('validation', 'Välj minst en paragraf till utdraget.', { issues: [{ path: 'paragraphs', message: 'Minst en paragraf.' }] });
  const missing = wanted.filter((n) => !all.includes(n));
  if (missing.length > 0) {
    throw new AppError('validation', `Paragraf ${formatRanges(missing)} finns inte i sammanträdet. Välj bland §§ ${formatRanges(all)}.`, {
      issues: [{ path: 'paragraphs', message: `Finns inte: ${formatRanges(missing)}.` }],
    });
  }
  const open = wanted.filter((n) => !adjusted.includes(n));
  if (open.length > 0) {
    throw new AppError(
      'validation',
      `${paragraphLabel(open)} är inte ${open.length === 1 ? 'justerad' : 'justerade'} ännu. Ett protokollsutdrag kan bara bestyrkas ur ett justerat protokoll; vänta tills justeringen är klar.`,
      { issues: [{ path: 'paragraphs', message: `Inte justerade: ${formatRanges(open)}.` }] },
    );
  }
  return wanted;
}

export function proposeExtract(deps: AnslagDeps, input: { meetingId: string; paragraphs?: number[] }): ExtractProposal {
  const { doc, adjusted } = loadWithAdjusted(deps, input.meetingId);
  const all = doc.paragraphs.map((p) => p.number);
  const chosen = input.paragraphs === undefined ? adjusted : checkChoice(all, adjusted, input.paragraphs);
  const perParagraph = doc.paragraphs
    .filter((p) => chosen.includes(p.number))
    .map((p) => ({ number: p.number, title: p.title, recipients: [...new Set(p.distribution)], provisions: confidentialProvisions(p) }));
  return {
    meetingId: input.meetingId,
    adjusted,
    paragraphs: chosen,
    perParagraph,
    confidential: perParagraph.filter((p) => p.provisions.length > 0).map((p) => p.number),
  };
}

function secrecyIssue(message: string): AppError {
  return new AppError('validation', message, { issues: [{ path: 'secrecy', message }] });
}

/**
 * Decides each secret §'s treatment: masked unless the caller chose to leave it out or to send it
 * unmasked — the latter only to named recipients and with the reason they are entitled to it.
 */
function decideSecrecy(doc: MeetingDocument, chosen: readonly number[], choices: readonly SecrecyChoice[], recipients: readonly string[]): SecrecyRecord[] {
  const byNumber = new Map<number, SecrecyChoice>();
  for (const c of choices) {
    if (byNumber.has(c.paragraph)) throw secrecyIssue(`§ ${c.paragraph} har fått två val för sekretessen. Välj ett: maskera, utelämna eller omaskerat.`);
    byNumber.set(c.paragraph, c);
  }
  const records: SecrecyRecord[] = [];
  for (const p of doc.paragraphs) {
    if (!chosen.includes(p.number)) continue;
    const provisions = confidentialProvisions(p);
    const choice = byNumber.get(p.number);
    byNumber.delete(p.number);
    if (provisions.length === 0) {
      if (choice !== undefined) throw secrecyIssue(`§ ${p.number} innehåller inga uppgifter med sekretess; ta bort valet för sekretessen.`);
      continue;
    }
    const treatment = choice?.treatment ?? 'mask';
    const entitlement = choice?.entitlement?.trim() ?? '';
    if (treatment === 'unmasked') {
      if (recipients.length === 0) throw secrecyIssue(`Ett omaskerat utdrag av § ${p.number} måste ha en mottagare som har rätt att ta del av uppgifterna. Ange mottagaren, eller maskera paragrafen.`);
      if (entitlement.length < 3) {
        throw secrecyIssue(
          `Ange varför mottagaren har rätt att ta del av uppgifterna i § ${p.number} (${provisions.map(oslLabel).join(', ')}), t.ex. "part i ärendet, 10 kap. 3 § OSL". Annars maskeras paragrafen.`,
        );
      }
    }
    records.push({ paragraph: p.number, provisions, treatment, entitlement: treatment === 'unmasked' ? entitlement : null });
  }
  const stray = [...byNumber.keys()];
  if (stray.length > 0) throw secrecyIssue(`${paragraphLabel(stray)} ingår inte i utdraget; ta bort valet för sekretessen.`);
  return records;
}

export async function createExtract(
  deps: AnslagDeps,
  input: { meetingId: string; paragraphs: number[]; recipients: string[]; sentOn?: string | undefined; secrecy?: SecrecyChoice[] | undefined },
): Promise<CreatedExtract> {
  const { doc, adjusted } = loadWithAdjusted(deps, input.meetingId);
  const chosen = checkChoice(
    doc.paragraphs.map((p) => p.number),
    adjusted,
    input.paragraphs,
  );
  const recipients = [...new Set(input.recipients.map((r) => r.trim()).filter((r) => r.length > 0))];
  const secrecy = decideSecrecy(doc, chosen, input.secrecy ?? [], recipients);
  const omitted = new Set(secrecy.filter((x) => x.treatment === 'omit').map((x) => x.paragraph));
  const masked = new Set(secrecy.filter((x) => x.treatment === 'mask').map((x) => x.paragraph));
  const paragraphs = chosen.filter((n) => !omitted.has(n));
  if (paragraphs.length === 0) throw secrecyIssue('Alla valda paragrafer är utelämnade för sekretess, så utdraget blir tomt. Maskera en paragraf i stället, eller välj fler.');
  const source: MeetingDocument = { ...doc, attendance: withoutMaskedJavSubstitutes(doc, masked), paragraphs: doc.paragraphs.map((p) => (masked.has(p.number) ? maskedParagraph(p) : p)) };
  const withheld = secrecy.filter((x) => x.treatment !== 'unmasked').map((x) => ({ paragraph: x.paragraph, provision: x.provisions.map(oslLabel).join(', '), masked: x.treatment === 'mask' }));
  const today = stockholmDate(deps.clock.now());
  if (input.sentOn !== undefined && input.sentOn > today) {
    throw new AppError('validation', `Utskicket kan inte registreras i förväg (${input.sentOn} har inte kommit ännu).`, { issues: [{ path: 'sentOn', message: `Senast ${today}.` }] });
  }
  const sentOn = recipients.length === 0 ? null : (input.sentOn ?? today);
  const generatedAt = deps.clock.now().toISOString();
  const built = buildExtractData(source, { generatedAt, paragraphs, certifiedOn: today });
  // The certification says what was left out or masked, and why.
  const secrecyRows = withheld.map((w) => ({
    label: w.masked ? 'Maskerat' : 'Utelämnat',
    lines: [`§ ${w.paragraph}: ${w.masked ? 'uppgifter' : 'paragrafen'} omfattas av sekretess enligt ${w.provision}`],
  }));
  const data = { ...built, certification: { ...built.certification, rows: [...built.certification.rows, ...secrecyRows] } };
  const rendered = await deps.documents.extract(data);
  const label = paragraphLabel(paragraphs);
  return deps.store.transaction(() => {
    const version = deps.anslag.insertDocumentVersion({
      meetingId: input.meetingId,
      groupId: null,
      kind: 'extract',
      reason: `Protokollsutdrag ${label}`,
      snapshot: { paragraphs, recipients, data, withheld, secrecy },
      pdf: rendered.pdf,
      supersedes: false,
    });
    const row = deps.anslag.insertExtract({ meetingId: input.meetingId, paragraphs, recipients, versionId: version.id, sentAt: sentOn });
    deps.store.audit({
      action: 'extract.created',
      entity: 'extract',
      entityId: row.id,
      details: { meetingId: input.meetingId, paragraphs, recipients, sentOn, versionId: version.id, secrecy },
    });
    const document = documentInfo(version, doc.board.name, doc.meeting.date, paragraphs);
    return { extract: record(row, document), document };
  });
}

function record(row: ExtractRow, document: DocumentInfo | null): ExtractRecord {
  return {
    id: row.id,
    meetingId: row.meetingId,
    paragraphs: row.paragraphs,
    label: paragraphLabel(row.paragraphs),
    recipients: row.recipients,
    sentOn: row.sentAt,
    createdAt: row.createdAt,
    document,
  };
}

export function listExtracts(deps: AnslagDeps, meetingId: string): ExtractRecord[] {
  const { doc } = loadWithAdjusted(deps, meetingId);
  const versions = new Map(deps.anslag.documentVersions({ meetingId, kind: 'extract' }).map((v) => [v.id, v]));
  return deps.anslag.extracts(meetingId).map((row) => {
    const v = row.versionId === null ? undefined : versions.get(row.versionId);
    return record(row, v === undefined ? null : documentInfo(v, doc.board.name, doc.meeting.date, row.paragraphs));
  });
}
