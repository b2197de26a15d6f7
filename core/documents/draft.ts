// The protocol view model of a draft, for the workspace's live preview (documents.preview).
import { AppError } from '../api/errors';
import type { MeetingDocument } from '../format/meeting';
import { buildProtocolData } from './protocol';
import type { ProtocolData } from './types';
import { countVote } from './vote';
import { actingChair } from '../domain/chair';

/**
 * The protocol view model of a draft. A draft may hold what a finished protocol may not (a tied
 * vote without the chair's casting vote, say): such a vote is left out of the preview and a
 * remark stands in its place, instead of the whole preview failing.
 */
export function draftProtocolData(doc: MeetingDocument, generatedAt: string): ProtocolData {
  const remarks = new Map<number, string[]>();
  const paragraphs = doc.paragraphs.map((p) => {
    if (p.votes.length === 0) return p;
    const kept = p.votes.filter((vote, k) => {
      try {
        countVote(vote, actingChair(doc, p.number)?.person ?? '', p.number, { index: k, count: p.votes.length });
        return true;
      } catch (e) {
        remarks.set(p.number, [...(remarks.get(p.number) ?? []), e instanceof Error ? e.message : String(e)]);
        return false;
      }
    });
    return kept.length === p.votes.length ? p : { ...p, votes: kept };
  });
  let data: ProtocolData;
  try {
    data = buildProtocolData({ ...doc, paragraphs }, { generatedAt });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new AppError('validation', `Förhandsgranskningen kan inte visas ännu: ${reason} Rätta uppgiften så visas protokollet igen.`);
  }
  if (remarks.size === 0) return data;
  return {
    ...data,
    paragraphs: data.paragraphs.map((p) => {
      const list = remarks.get(p.number);
      if (list === undefined) return p;
      const blocks = list.map((remark) => ({ type: 'paragraph' as const, content: [{ text: `Omröstningen visas när den är fullständig (förhandsgranskning): ${remark}` }] }));
      return { ...p, sections: [...p.sections, { kind: 'text', heading: 'Omröstning', blocks }] };
    }),
  };
}
