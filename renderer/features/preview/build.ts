// From the meeting being drafted to preview HTML. A draft may hold what a finished protocol may
// not (a tied vote without the chair's vote, say): such parts are left out with a remark instead
// of failing the whole preview.
import type { MeetingDocument } from '../../../core/format/meeting';
import { buildProtocolData } from '../../../core/documents/protocol';
import { countVote } from '../../../core/documents/vote';
import { protocolHtml } from './render-html';

export function previewHtml(doc: MeetingDocument, generatedAt: string): string {
  const notes = new Map<number, string[]>();
  const paragraphs = doc.paragraphs.map((p) => {
    if (p.vote === undefined) return p;
    try {
      countVote(p.vote, doc.meeting.chair);
      return p;
    } catch (e) {
      notes.set(p.number, [`Omröstningen visas inte: ${e instanceof Error ? e.message : String(e)}`]);
      const { vote: _vote, ...rest } = p;
      return rest;
    }
  });
  try {
    return protocolHtml(buildProtocolData({ ...doc, paragraphs }, { generatedAt }), notes);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return `<main class="doc"><p class="preview-note">Förhandsgranskningen kan inte visas ännu: ${message.replace(/</g, '&lt;')}</p></main>`;
  }
}
