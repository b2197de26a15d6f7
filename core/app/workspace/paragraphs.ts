// Editing one §: every field is saved as it changes (autosave), validated, normalised, recorded
// for undo and in the audit log. Person references must fit the presence on that §.
import { AppError } from '../../api/errors';
import type { Paragraph } from '../../format/meeting';
import { castingVoteFor, paragraphIssues, type ChairContext } from '../../domain/rules';
import { actingChair } from '../../domain/chair';
import { pathText } from '../../api/validation';
import { assertEditable, requireParagraph, sameJson, type WorkspaceDeps } from './deps';
import { paragraphFieldLabels, paragraphFieldNames, paragraphOf, pickFields, withFields } from './fields';
import { syncGroups } from './groups';
import { journalState, recordChange } from './journal';
import type { ParagraphFieldName, ParagraphFields } from './journal-types';
import type { ParagraphRow } from './ports';
import { normalizeRichText, richTextOrNull } from './richtext';
import type { ParagraphPatch } from './schemas';
import { presenceDoc } from './attendance';
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
      case 'votes':
        // An empty subject means none.
        out.votes = (patch.votes ?? []).map((v) => {
          const { subject, ...rest } = v;
          return subject === undefined || subject === '' ? rest : { ...v, subject };
        });
        break;
      case 'tasks':
        out.tasks = (patch.tasks ?? []).map((x) => (x.due === undefined || x.due === '' ? { what: x.what, responsible: x.responsible } : { what: x.what, responsible: x.responsible, due: x.due }));
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
      case 'appeal':
        // Laglighetsprövning is what a § without an appeal of its own gets: stored as none.
        out.appeal = patch.appeal === undefined || patch.appeal === null || patch.appeal.kind === 'laglighetsprovning' ? null : patch.appeal;
        break;
      case 'immediatelyAdjusted':
        out.immediatelyAdjusted = patch.immediatelyAdjusted;
        break;
      case 'confidential':
        out.confidential = patch.confidential ?? null;
        break;
      case 'chair':
        out.chair = patch.chair ?? null;
        break;
      default: {
        const never: never = key;
        throw new AppError('validation', `Okänt fält ${String(never)}.`);
      }
    }
  }
  return out as Partial<ParagraphFields>;
}

/**
 * Motions, reservations, votes, notes: the rules of core/domain/rules.ts for the § as it would be
 * after the edit, reported for the fields being changed (the rest shows in the problem list and
 * is refused when the protocol is frozen). A tie is not refused here: votes are entered one by one.
 */
function checkPeople(deps: WorkspaceDeps, p: ParagraphRow, next: ParagraphRow, fields: Partial<ParagraphFields>): void {
  const checked = ['motions', 'reservations', 'votes', 'protocolNotes', 'chair'] as const;
  if (checked.every((f) => fields[f] === undefined)) return;
  const paragraphs = deps.ws.listParagraphs(p.meetingId);
  const rows = deps.ws.listAttendance(p.meetingId);
  const name = (id: string) => deps.ws.personName(id) ?? 'Personen';
  const candidate = paragraphOf(next);
  const issues = paragraphIssues(presenceDoc(rows, paragraphs), chairContext(deps, p.meetingId), candidate, name, false)
    // A reservation depends on the vote: changing the vote re-checks the reservations too.
    .filter((i) => fields[i.path[0] as keyof ParagraphFields] !== undefined || (i.path[0] === 'reservations' && fields.votes !== undefined))
    .map((i) => ({ path: pathText(i.path), message: i.message }));
  const first = issues[0];
  if (first !== undefined) throw new AppError('validation', first.message, { issues });
}

/** The meeting's chair and the board's roster on the meeting day (its vice chairs), for who chairs a §. */
export function chairContext(deps: WorkspaceDeps, meetingId: string): ChairContext {
  const meeting = deps.ws.getMeeting(meetingId);
  if (meeting === null) return { chair: '', members: [] };
  const on = meeting.date;
  const members = deps.ws
    .listAssignments(meeting.boardId)
    .filter((a) => a.termStart <= on && on <= a.termEnd && (a.retiredOn === null || a.retiredOn > on))
    .map((a) => ({ person: a.personId, role: a.role, termStart: a.termStart, termEnd: a.termEnd }));
  return { chair: meeting.chairId, members };
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
    // The casting vote is recorded as data: in a tie it is the own Ja or Nej of whoever chairs the § (chair.ts).
    if (fields.votes !== undefined) {
      const ctx = chairContext(deps, p.meetingId);
      const presence = presenceDoc(deps.ws.listAttendance(p.meetingId), deps.ws.listParagraphs(p.meetingId));
      const own = withFields(p, fields).content;
      const chairDoc = {
        ...presence,
        members: ctx.members,
        meeting: { chair: ctx.chair },
        paragraphs: presence.paragraphs.map((x) => (x.number === p.number ? { number: p.number, jav: own.jav, chair: own.chair } : x)),
      };
      const chair = actingChair(chairDoc, p.number)?.person ?? '';
      fields.votes = fields.votes.map((vote) => {
        if (vote.kind !== 'open' || vote.castingVote !== undefined) return vote;
        const casting = castingVoteFor(vote, chair);
        return casting === undefined ? vote : { ...vote, castingVote: casting };
      });
    }
    const names = paragraphFieldNames.filter((n) => n in fields);
    const before = pickFields(p, names);
    if (sameJson(before, fields)) return { paragraph: paragraphOf(p), journal: journalState(deps, p.meetingId) };
    const next = withFields(p, fields);
    checkPeople(deps, p, next, fields);
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
