// Saving a §'s fields: the API call, the local update the preview sees at once, and the
// normalised § the back end returns.
import type { SaveOp } from '../../../api/autosave';
import type { ParagraphPatch } from '../../../../core/app/workspace/schemas';
import type { Paragraph } from '../../../../core/format/meeting';
import type { MeetingStore } from '../store';

/** The patch as file-format fields (null = absent). */
export function localFields(patch: ParagraphPatch): Partial<Omit<Paragraph, 'attachments'>> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) {
    if (k === 'confidential') out.confidential = v === null || v === undefined ? undefined : { provision: v };
    else if (k === 'caseNumber') out.caseNumber = v === null || v === '' ? undefined : v;
    else out[k] = v === null ? undefined : v;
  }
  return out as Partial<Omit<Paragraph, 'attachments'>>;
}

export function paragraphOp(store: MeetingStore, paragraphId: string, patch: ParagraphPatch, onError?: (message: string) => void): SaveOp<'workspace.paragraphs.update'> {
  store.patchParagraph(paragraphId, localFields(patch));
  return {
    key: `p:${paragraphId}:${Object.keys(patch).sort().join(',')}`,
    method: 'workspace.paragraphs.update',
    input: { paragraphId, patch },
    onSaved: (r) => store.savedParagraph(paragraphId, r.paragraph, r.journal),
    onError: (e) => onError?.(e.message),
  };
}
