// Editing one §: every field is saved as it changes (autosave), validated, normalised, recorded
// for undo and in the audit log. Person references must fit the presence on that §.
import { AppError } from '../../api/errors';
import type { Paragraph } from '../../format/meeting';
import { covers, servingOn } from '../../domain/presence';
import { assertEditable, requireParagraph, sameJson, type WorkspaceDeps } from './deps';
import { paragraphFieldLabels, paragraphFieldNames, paragraphOf, pickFields, withFields } from './fields';
import { syncGroups } from './groups';
import { journalState, recordChange } from './journal';
import type { ParagraphFieldName, ParagraphFields } from './journal-types';
import type { ParagraphRow } from './ports';
import { normalizeRichText, richTextOrNull } from './richtext';
import type { ParagraphPatch } from './schemas';
import { presenceDoc, toAttendance } from './attendance';
import type { JournalState } from './types';

/** Canonical field values from an API patch: empty texts and lists mean "none". */
export function normalisePatch(patch: ParagraphPatch): Partial<ParagraphFields> {
  const out: Partial<Record<ParagraphFieldName, unknown>> = {};
  const lines = (xs: readonly string[]) => xs.map((x) => x.trim()).filter((x) => x.length > 0);
  for (const key of Object.keys(patch) as (keyof ParagraphPatch)[]) {
    switch (key) {
      case 'title':
        out.title = patch.title;
        break;
      case 'caseNumber':
        out.caseNumber = patch.caseNumber === undefined || patch.caseNumber === null || patch.caseNumber === '' ? null : patch.caseNumber;
        break;
      case 'decision': {
        const d = patch.decision;
        const points = d === null || d === undefined ? [] : d.points.map(normalizeRichText).filter((p) => p.length > 0);
        out.decision = d === null || d === undefined || points.length === 0 ? null : { numbered: d.numbered, points };
        break;
      }
      case 'summary':
      case 'description':
      case 'body':
      case 'propositionOrder':
        out[key] = richTextOrNull(patch[key]);
        break;
      case 'vote':
        out.vote = patch.vote ?? null;
        break;
      case 'decisionDocuments':
      case 'distribution':
        out[key] = lines(patch[key] ?? []);
        break;
      case 'motions':
        out.motions = (patch.motions ?? []).filter((m) => m.text !== '').map((m) => ({ by: m.by, text: m.text }));
        break;
      case 'reservations':
        out.reservations = (patch.reservations ?? []).map((r) => (r.reason === undefined || r.reason === '' ? { person: r.person } : { person: r.person, reason: r.reason }));
        break;
      case 'protocolNotes':
        out.protocolNotes = (patch.protocolNotes ?? []).filter((n) => n.text !== '').map((n) => (n.by === undefined ? { text: n.text } : { by: n.by, text: n.text }));
        break;
      case 'immediatelyAdjusted':
        out.immediatelyAdjusted = patch.immediatelyAdjusted;
        break;
      case 'confidential':
        out.confidential = patch.confidential ?? null;
        break;
      default: {
        const never: never = key;
        throw new AppError('validation', `Okänt fält ${String(never)}.`);
      }
    }
  }
  return out as Partial<ParagraphFields>;
}

/** Motions, reservations and votes belong to those serving on the §; notes to anyone present. */
function checkPeople(deps: WorkspaceDeps, p: ParagraphRow, fields: Partial<ParagraphFields>): void {
  if (fields.motions === undefined && fields.reservations === undefined && fields.vote === undefined && fields.protocolNotes === undefined) return;
  const paragraphs = deps.ws.listParagraphs(p.meetingId);
  const rows = deps.ws.listAttendance(p.meetingId);
  const doc = presenceDoc(rows, paragraphs);
  const serving = new Set(servingOn(doc, p.number).map((s) => s.person));
  const present = new Set(rows.filter((r) => covers(toAttendance(r), p.number)).map((r) => r.personId));
  const name = (id: string) => deps.ws.personName(id) ?? 'Personen';
  const fail = (path: string, message: string): never => {
    throw new AppError('validation', message, { issues: [{ path, message }] });
  };
  fields.motions?.forEach((m, i) => {
    if (!serving.has(m.by)) fail(`motions[${i}].by`, `${name(m.by)} tjänstgör inte på § ${p.number} och kan inte yrka där. Välj en tjänstgörande ledamot eller ersättare, eller rätta närvaron.`);
  });
  fields.reservations?.forEach((r, i) => {
    if (!serving.has(r.person)) fail(`reservations[${i}].person`, `${name(r.person)} deltog inte i beslutet i § ${p.number} och kan inte reservera sig. Bara tjänstgörande kan reservera sig.`);
  });
  fields.protocolNotes?.forEach((n, i) => {
    if (n.by !== undefined && !present.has(n.by) && !serving.has(n.by)) fail(`protocolNotes[${i}].by`, `${name(n.by)} är inte närvarande på § ${p.number}. Välj en närvarande person.`);
  });
  const vote = fields.vote;
  if (vote !== undefined && vote !== null && vote.kind === 'open') {
    const seen = new Set<string>();
    vote.votes.forEach((v, i) => {
      if (seen.has(v.person)) fail(`vote.votes[${i}].person`, `${name(v.person)} har redan en röst i omröstningen. Varje tjänstgörande har en röst.`);
      seen.add(v.person);
      if (!serving.has(v.person)) fail(`vote.votes[${i}].person`, `${name(v.person)} tjänstgör inte på § ${p.number} och kan inte rösta där.`);
    });
  }
  if (vote !== undefined && vote !== null && vote.kind === 'closed' && vote.ja + vote.nej + vote.avstar > serving.size) {
    fail('vote', `Omröstningen har ${vote.ja + vote.nej + vote.avstar} röster men bara ${serving.size} tjänstgör på § ${p.number}. Kontrollera antalet röster.`);
  }
}

export interface ParagraphUpdateResult {
  paragraph: Omit<Paragraph, 'attachments'>;
  journal: JournalState;
}

export function updateParagraph(deps: WorkspaceDeps, paragraphId: string, patch: ParagraphPatch): ParagraphUpdateResult {
  const fields = normalisePatch(patch);
  return deps.store.transaction(() => {
    const p = requireParagraph(deps, paragraphId);
    assertEditable(p);
    const names = paragraphFieldNames.filter((n) => n in fields);
    const before = pickFields(p, names);
    if (sameJson(before, fields)) return { paragraph: paragraphOf(p), journal: journalState(deps, p.meetingId) };
    checkPeople(deps, p, fields);
    const next = withFields(p, fields);
    deps.ws.updateParagraph(p.id, {
      title: next.title,
      caseNumber: next.caseNumber,
      content: next.content,
      immediatelyAdjusted: next.immediatelyAdjusted,
      confidentialProvision: next.confidentialProvision,
    });
    if (fields.immediatelyAdjusted !== undefined && fields.immediatelyAdjusted !== p.immediatelyAdjusted) syncGroups(deps, p.meetingId);
    const label = `Ändring i § ${p.number} (${names.map((n) => paragraphFieldLabels[n]).join(', ')})`;
    recordChange(deps, p.meetingId, {
      label,
      coalesceKey: `p:${p.id}:${names.join(',')}`,
      before: [{ kind: 'paragraph', paragraphId: p.id, fields: before }],
      after: [{ kind: 'paragraph', paragraphId: p.id, fields }],
    });
    deps.store.audit({ action: 'paragraph.updated', entity: 'paragraph', entityId: p.id, details: { meetingId: p.meetingId, number: p.number, fields: names } });
    return { paragraph: paragraphOf(next), journal: journalState(deps, p.meetingId) };
  });
}
