// Protokollsutdrag: the clerk picks adjusted §§ and recipients ("Expedieras till" proposes them),
// the app produces the extract with an empty field for the secretary's utdragsbestyrkande and
// records who got which extract when.
import { AppError } from '../../api/errors';
import { formatRanges, paragraphLabel } from '../../domain/numbering';
import { buildExtractData } from '../../documents/extract';
import { stockholmDate } from './dates';
import { documentInfo, type DocumentInfo } from './documents';
import type { AnslagDeps, ExtractRow } from './ports';

export interface ExtractProposal {
  meetingId: string;
  /** The adjusted §§ an extract can be made of. */
  adjusted: number[];
  /** The chosen §§ (all adjusted §§ when none were asked for). */
  paragraphs: number[];
  /** Recipients from "Expedieras till" of the chosen §§, each with the §§ that name them. */
  recipients: { name: string; paragraphs: number[] }[];
  /** Chosen §§ that are confidential: the extract is not masked, so check the recipient's right to it. */
  confidential: number[];
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
  const byName = new Map<string, number[]>();
  for (const p of doc.paragraphs) {
    if (!chosen.includes(p.number)) continue;
    for (const name of p.distribution) byName.set(name, [...(byName.get(name) ?? []), p.number]);
  }
  return {
    meetingId: input.meetingId,
    adjusted,
    paragraphs: chosen,
    recipients: [...byName.entries()].map(([name, paragraphs]) => ({ name, paragraphs })),
    confidential: doc.paragraphs.filter((p) => chosen.includes(p.number) && p.confidential !== undefined).map((p) => p.number),
  };
}

export async function createExtract(
  deps: AnslagDeps,
  input: { meetingId: string; paragraphs: number[]; recipients: string[]; sentOn?: string },
): Promise<CreatedExtract> {
  const { doc, adjusted } = loadWithAdjusted(deps, input.meetingId);
  const paragraphs = checkChoice(doc.paragraphs.map((p) => p.number), adjusted, input.paragraphs);
  const recipients = [...new Set(input.recipients.map((r) => r.trim()).filter((r) => r.length > 0))];
  const today = stockholmDate(deps.clock.now());
  if (input.sentOn !== undefined && input.sentOn > today) {
    throw new AppError('validation', `Utskicket kan inte registreras i förväg (${input.sentOn} har inte kommit ännu).`, { issues: [{ path: 'sentOn', message: `Senast ${today}.` }] });
  }
  const sentOn = recipients.length === 0 ? null : (input.sentOn ?? today);
  const generatedAt = deps.clock.now().toISOString();
  const data = buildExtractData(doc, { generatedAt, paragraphs, certifiedOn: today });
  const rendered = await deps.documents.extract(data);
  const label = paragraphLabel(paragraphs);
  return deps.store.transaction(() => {
    const version = deps.anslag.insertDocumentVersion({
      meetingId: input.meetingId,
      groupId: null,
      kind: 'extract',
      reason: `Protokollsutdrag ${label}`,
      snapshot: { paragraphs, recipients, data },
      pdf: rendered.pdf,
      supersedes: false,
    });
    const row = deps.anslag.insertExtract({ meetingId: input.meetingId, paragraphs, recipients, versionId: version.id, sentAt: sentOn });
    deps.store.audit({
      action: 'extract.created',
      entity: 'extract',
      entityId: row.id,
      details: { meetingId: input.meetingId, paragraphs, recipients, sentOn, versionId: version.id },
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
