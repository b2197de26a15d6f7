// Rättelse after justering: only an obvious clerical error may be corrected, as a logged
// correction that produces a new version of the group's protocol, signed again; every version is
// kept. The group stays `adjusted` (the justering and its adjusted_at stand; the database never
// lets an adjusted group go back to frozen): the new version awaits its own signatures, tracked
// per version (see awaitsSignatures in index.ts), and its completion is audited as
// `justering.correctionSigned`.
import { AppError } from '../../api/errors';
import { buildProtocolData } from '../../documents/protocol';
import { restrictTo } from '../../documents/extract';
import { paragraphLabel } from '../../domain/numbering';
import type { MeetingDocument } from '../../format/meeting';
import type { JusteringDeps } from './ports';

export const CORRECTABLE_FIELDS = ['title', 'decision', 'summary', 'description', 'body', 'decisionDocuments'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];
type Paragraph = MeetingDocument['paragraphs'][number];
export type CorrectionPatch = Partial<Pick<Paragraph, CorrectableField>>;

export interface CorrectionResult {
  correctionId: string;
  groupId: string;
  paragraph: number;
  reason: string;
  before: CorrectionPatch;
  after: CorrectionPatch;
  version: { id: string; versionNo: number; sha256: string; reason: string; isCurrent: boolean; fields: string[] };
}

export async function correct(
  deps: JusteringDeps,
  input: { meetingId: string; groupIndex: number; paragraphNumber: number; patch: CorrectionPatch; reason?: string | undefined },
): Promise<CorrectionResult> {
  const reason = (input.reason ?? '').trim();
  if (reason === '') {
    throw new AppError('validation', 'Ange skälet till rättelsen (vilket uppenbart skrivfel som rättas). En rättelse utan skäl sparas inte.', {
      issues: [{ path: 'reason', message: 'Skäl krävs.' }],
    });
  }
  const keys = CORRECTABLE_FIELDS.filter((k) => input.patch[k] !== undefined);
  if (keys.length === 0) throw new AppError('validation', 'Ange vad som ska rättas (rubrik, beslut, sammanfattning, beskrivning, text eller beslutsunderlag).');
  const loaded = deps.store.loadMeeting(input.meetingId);
  if (loaded === null) throw new AppError('not_found', 'Sammanträdet finns inte. Välj ett sammanträde i listan och försök igen.');
  const doc = loaded.doc;
  const group = deps.justering.groups(input.meetingId).find((g) => g.position === input.groupIndex);
  if (group === undefined) throw new AppError('validation', `Justeringsgrupp ${input.groupIndex + 1} finns inte i sammanträdet.`);
  if (group.status !== 'adjusted') {
    throw new AppError(
      'conflict',
      group.status === 'open'
        ? `${paragraphLabel(group.paragraphs)} är inte justerade ännu: ändra paragrafen direkt i stället för att göra en rättelse.`
        : `${paragraphLabel(group.paragraphs)} är låsta för justering men inte justerade ännu. Rättelse görs först efter justeringen.`,
    );
  }
  if (!group.paragraphs.includes(input.paragraphNumber)) {
    throw new AppError('validation', `§ ${input.paragraphNumber} ingår inte i justeringsgruppen ${paragraphLabel(group.paragraphs)}.`);
  }
  const versions = deps.justering.versions(input.meetingId).filter((v) => v.groupId === group.id);
  const current = versions.find((v) => v.isCurrent);
  if (current !== undefined && current.versionNo > 1) {
    const full = deps.justering.version(current.id);
    const signed = new Set(deps.justering.signatures(current.id).map((s) => s.field));
    const fields = full === null ? [] : buildProtocolData(full.snapshot, { generatedAt: current.createdAt }).signaturePage.signers.map((s) => s.field);
    if (fields.some((f) => !signed.has(f))) {
      throw new AppError('conflict', `Rättelsen i version ${current.versionNo} väntar fortfarande på underskrifter. Låt den skrivas under innan nästa rättelse görs.`);
    }
  }

  const corrected = structuredClone(doc);
  const para = corrected.paragraphs.find((p) => p.number === input.paragraphNumber);
  if (para === undefined) throw new AppError('not_found', `§ ${input.paragraphNumber} finns inte i sammanträdet.`);
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const k of keys) {
    before[k] = para[k] ?? null;
    after[k] = input.patch[k];
    Object.assign(para, { [k]: input.patch[k] });
  }
  if (JSON.stringify(before) === JSON.stringify(after)) throw new AppError('validation', 'Rättelsen ändrar ingenting. Ange den rättade texten.');

  const generatedAt = deps.clock.now().toISOString();
  const data = buildProtocolData(restrictTo(corrected, group.paragraphs), { generatedAt, wholeMeeting: corrected });
  data.title = `${data.title} – Rättelse`;
  data.header = { ...data.header, documentType: `${data.header.documentType} – RÄTTELSE` };
  data.firstPage = { ...data.firstPage, rows: [...data.firstPage.rows, { label: 'Rättelse', lines: [`§ ${input.paragraphNumber}: ${reason}`] }] };
  const expected = data.signaturePage.signers.map((s) => s.field);
  const rendered = await deps.services.renderFrozen(data);
  const missing = expected.filter((f) => !rendered.fields.includes(f));
  if (missing.length > 0) throw new AppError('internal', `Protokollet fick inga underskriftsfält för ${missing.join(', ')}. Försök igen eller kontakta IT-supporten.`);
  const sha256 = deps.services.sha256(rendered.pdf);
  const snapshotJson = JSON.stringify(doc);
  const versionReason = `Rättelse av § ${input.paragraphNumber}: ${reason}`;

  return deps.store.transaction(() => {
    const now = deps.store.loadMeeting(input.meetingId);
    if (now === null || JSON.stringify(now.doc) !== snapshotJson) throw new AppError('conflict', 'Protokollet ändrades medan rättelsen förbereddes. Gör rättelsen igen.');
    const latest = deps.justering.versions(input.meetingId).find((v) => v.groupId === group.id && v.isCurrent);
    if (latest?.id !== current?.id) throw new AppError('conflict', 'En annan rättelse gjordes samtidigt. Uppdatera vyn och försök igen.');
    const row = deps.justering.paragraphRow(input.meetingId, input.paragraphNumber);
    if (row === null) throw new AppError('not_found', `§ ${input.paragraphNumber} finns inte i sammanträdet.`);
    const content = { ...row.content };
    for (const k of keys) if (k !== 'title') content[k] = input.patch[k];
    const correctionId = deps.justering.applyCorrection({
      groupId: group.id,
      paragraphId: row.id,
      reason,
      before,
      after,
      title: input.patch.title ?? row.title,
      content,
      actor: deps.actor,
    });
    const stored = deps.store.loadMeeting(input.meetingId);
    const storedPara = stored?.doc.paragraphs.find((p) => p.number === input.paragraphNumber);
    if (stored === null || storedPara === undefined || keys.some((k) => JSON.stringify(storedPara[k] ?? null) !== JSON.stringify(after[k]))) {
      throw new AppError('internal', 'Rättelsen kunde inte sparas som avsett. Inget har ändrats; kontakta IT-supporten.');
    }
    const versionNo = deps.justering.nextVersionNo(input.meetingId, group.id);
    const version = deps.justering.insertVersion({ meetingId: input.meetingId, groupId: group.id, versionNo, reason: versionReason, snapshot: stored.doc, pdf: rendered.pdf, sha256 });
    deps.justering.closeCorrection(correctionId, version.id);
    deps.store.audit({
      action: 'justering.correct',
      entity: 'correction',
      entityId: correctionId,
      details: { meetingId: input.meetingId, groupId: group.id, paragraph: input.paragraphNumber, reason, before, after, versionId: version.id, versionNo, sha256 },
    });
    return {
      correctionId,
      groupId: group.id,
      paragraph: input.paragraphNumber,
      reason,
      before: before as CorrectionPatch,
      after: after as CorrectionPatch,
      version: { id: version.id, versionNo, sha256, reason: versionReason, isCurrent: true, fields: expected },
    };
  });
}
