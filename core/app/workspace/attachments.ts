// Bilagor of a §: PDF files, and documents whose text the app holds (e.g. a slide deck's text).
import { AppError } from '../../api/errors';
import { assertEditable, requireParagraph, type WorkspaceDeps } from './deps';
import { journalState, recordChange } from './journal';
import type { AttachmentRow } from './ports';
import { normalizeRichText } from './richtext';
import type { JournalState } from './types';
import type { Block } from '../../format/richtext';

/** The largest file accepted as a bilaga (the loopback host accepts bodies up to 200 MB). */
export const MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024;

export function base64Size(b64: string): number {
  const padding = b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0;
  return Math.floor((b64.length * 3) / 4) - padding;
}

function isPdf(b64: string): boolean {
  try {
    return atob(b64.slice(0, 8)).startsWith('%PDF-');
  } catch {
    return false;
  }
}

function requireAttachment(deps: WorkspaceDeps, id: string): AttachmentRow {
  const a = deps.ws.getAttachment(id);
  if (a === null) throw new AppError('not_found', 'Bilagan finns inte längre (den kan ha tagits bort). Ladda om sammanträdet.');
  return a;
}

function normaliseSections(sections: readonly { heading: string; body: Block[] }[]): { heading: string; body: Block[] }[] {
  return sections.map((s) => ({ heading: s.heading.trim(), body: normalizeRichText(s.body) }));
}

function record(deps: WorkspaceDeps, meetingId: string, label: string, paragraphId: string, before: AttachmentRow[], after: AttachmentRow[], coalesceKey?: string): void {
  const ids = [...new Set([...before.map((r) => r.id), ...after.map((r) => r.id)])];
  const part = (rows: AttachmentRow[]) => ({ kind: 'attachments' as const, paragraphId, rows: ids.map((id) => ({ id, row: rows.find((r) => r.id === id) ?? null })) });
  recordChange(deps, meetingId, { label, coalesceKey: coalesceKey ?? null, before: [part(before)], after: [part(after)] });
}

export function addFileAttachment(deps: WorkspaceDeps, input: { paragraphId: string; title: string; filename: string; dataBase64: string }): { attachmentId: string; journal: JournalState } {
  const filename = input.filename.trim();
  if (!/\.pdf$/i.test(filename)) throw new AppError('validation', `${filename || 'Filen'} är ingen PDF-fil. Bilagor bifogas som PDF; spara dokumentet som PDF och försök igen.`);
  if (base64Size(input.dataBase64) > MAX_ATTACHMENT_BYTES) throw new AppError('validation', 'Filen är större än 50 MB. Minska filen (t.ex. lägre bildupplösning) och försök igen.');
  if (!isPdf(input.dataBase64)) throw new AppError('validation', `${filename} är inte en giltig PDF-fil (den börjar inte med %PDF-). Spara dokumentet som PDF på nytt och försök igen.`);
  return deps.store.transaction(() => {
    const p = requireParagraph(deps, input.paragraphId);
    assertEditable(p);
    const existing = deps.ws.listAttachments(p.id);
    const row: AttachmentRow = {
      id: deps.ids.next(),
      paragraphId: p.id,
      position: Math.max(-1, ...existing.map((a) => a.position)) + 1,
      kind: 'file',
      title: input.title.trim() || filename.replace(/\.pdf$/i, ''),
      filename,
      mediaType: 'application/pdf',
      dataBase64: input.dataBase64,
      sections: null,
    };
    deps.ws.upsertAttachment(row);
    record(deps, p.meetingId, `Ny bilaga ${row.title} (§ ${p.number})`, p.id, [], [row]);
    deps.store.audit({ action: 'attachment.added', entity: 'attachment', entityId: row.id, details: { paragraphId: p.id, filename, bytes: base64Size(input.dataBase64) } });
    return { attachmentId: row.id, journal: journalState(deps, p.meetingId) };
  });
}

export function addDocumentAttachment(
  deps: WorkspaceDeps,
  input: { paragraphId: string; title: string; sections?: { heading: string; body: Block[] }[] },
): { attachmentId: string; journal: JournalState } {
  return deps.store.transaction(() => {
    const p = requireParagraph(deps, input.paragraphId);
    assertEditable(p);
    const existing = deps.ws.listAttachments(p.id);
    const row: AttachmentRow = {
      id: deps.ids.next(),
      paragraphId: p.id,
      position: Math.max(-1, ...existing.map((a) => a.position)) + 1,
      kind: 'document',
      title: input.title.trim(),
      filename: null,
      mediaType: null,
      dataBase64: null,
      sections: normaliseSections(input.sections ?? []),
    };
    deps.ws.upsertAttachment(row);
    record(deps, p.meetingId, `Ny bilaga ${row.title} (§ ${p.number})`, p.id, [], [row]);
    deps.store.audit({ action: 'attachment.added', entity: 'attachment', entityId: row.id, details: { paragraphId: p.id, kind: 'document' } });
    return { attachmentId: row.id, journal: journalState(deps, p.meetingId) };
  });
}

export function updateAttachment(deps: WorkspaceDeps, input: { attachmentId: string; title?: string; sections?: { heading: string; body: Block[] }[] }): { journal: JournalState } {
  return deps.store.transaction(() => {
    const a = requireAttachment(deps, input.attachmentId);
    const p = requireParagraph(deps, a.paragraphId);
    assertEditable(p);
    if (input.sections !== undefined && a.kind !== 'document') throw new AppError('validation', 'En PDF-bilaga har inga avsnitt att ändra.');
    const next: AttachmentRow = {
      ...a,
      ...(input.title === undefined ? {} : { title: input.title.trim() }),
      ...(input.sections === undefined ? {} : { sections: normaliseSections(input.sections) }),
    };
    if (next.title === '') throw new AppError('validation', 'Bilagan måste ha en rubrik.');
    if (JSON.stringify(next) === JSON.stringify(a)) return { journal: journalState(deps, p.meetingId) };
    deps.ws.upsertAttachment(next);
    record(deps, p.meetingId, `Ändring av bilagan ${next.title} (§ ${p.number})`, p.id, [a], [next], `a:${a.id}`);
    deps.store.audit({ action: 'attachment.updated', entity: 'attachment', entityId: a.id, details: { paragraphId: p.id } });
    return { journal: journalState(deps, p.meetingId) };
  });
}

export function removeAttachment(deps: WorkspaceDeps, attachmentId: string): { journal: JournalState } {
  return deps.store.transaction(() => {
    const a = requireAttachment(deps, attachmentId);
    const p = requireParagraph(deps, a.paragraphId);
    assertEditable(p);
    deps.ws.deleteAttachment(a.id);
    record(deps, p.meetingId, `Borttagning av bilagan ${a.title} (§ ${p.number})`, p.id, [a], []);
    deps.store.audit({ action: 'attachment.removed', entity: 'attachment', entityId: a.id, details: { paragraphId: p.id, title: a.title } });
    return { journal: journalState(deps, p.meetingId) };
  });
}

export function moveAttachment(deps: WorkspaceDeps, attachmentId: string, direction: 'up' | 'down'): { journal: JournalState } {
  return deps.store.transaction(() => {
    const a = requireAttachment(deps, attachmentId);
    const p = requireParagraph(deps, a.paragraphId);
    assertEditable(p);
    const list = deps.ws.listAttachments(p.id);
    const i = list.findIndex((x) => x.id === a.id);
    const j = direction === 'up' ? i - 1 : i + 1;
    const other = list[j];
    if (other === undefined) return { journal: journalState(deps, p.meetingId) };
    const movedA = { ...a, position: other.position };
    const movedB = { ...other, position: a.position };
    deps.ws.upsertAttachment(movedA);
    deps.ws.upsertAttachment(movedB);
    record(deps, p.meetingId, `Flytt av bilagan ${a.title} (§ ${p.number})`, p.id, [a, other], [movedA, movedB]);
    deps.store.audit({ action: 'attachment.moved', entity: 'attachment', entityId: a.id, details: { paragraphId: p.id, direction } });
    return { journal: journalState(deps, p.meetingId) };
  });
}

export function getAttachment(deps: WorkspaceDeps, attachmentId: string): { title: string; filename: string; mediaType: string; dataBase64: string } {
  const a = requireAttachment(deps, attachmentId);
  if (a.kind !== 'file' || a.dataBase64 === null) throw new AppError('validation', 'Bilagan är ingen fil; dess text visas i paragrafen.');
  return { title: a.title, filename: a.filename ?? 'bilaga.pdf', mediaType: a.mediaType ?? 'application/pdf', dataBase64: a.dataBase64 };
}
