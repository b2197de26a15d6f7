// How a document is cut into parts that are typeset separately and joined afterwards. A part
// is a run of whole pages (the §§ start on new pages), so cutting changes no page break, and
// the page numbers are stamped on the joined file. The cut depends on the data alone, never on
// how many threads render it, so every way of rendering gives the same bytes.
import type { DocumentData, ParagraphView } from '../core/documents/types';
import { plainText } from '../core/format/richtext';

/** About twenty pages of running text per part: small enough to lay out fast, big enough to share fonts. */
export const PART_CHARACTERS = 40_000;

export type PartSpec = { kind: 'front' } | { kind: 'paragraphs'; from: number; to: number } | { kind: 'back' } | { kind: 'whole' };

export function planParts(data: DocumentData): PartSpec[] {
  switch (data.kind) {
    case 'protocol':
    case 'extract':
      return [{ kind: 'front' }, ...paragraphRuns(data.paragraphs, data.paragraphsStartNewPage), { kind: 'back' }];
    case 'kallelse':
    case 'notice':
      return [{ kind: 'whole' }];
    default: {
      const never: never = data;
      return never;
    }
  }
}

/** Consecutive §§ grouped up to PART_CHARACTERS; flowing §§ share pages and stay one run. */
export function paragraphRuns(paragraphs: readonly ParagraphView[], startNewPage: boolean): PartSpec[] {
  if (paragraphs.length === 0) return [];
  if (!startNewPage) return [{ kind: 'paragraphs', from: 0, to: paragraphs.length }];
  const runs: PartSpec[] = [];
  let from = 0;
  let size = 0;
  paragraphs.forEach((p, i) => {
    const weight = paragraphWeight(p);
    if (i > from && size + weight > PART_CHARACTERS) {
      runs.push({ kind: 'paragraphs', from, to: i });
      from = i;
      size = 0;
    }
    size += weight;
  });
  runs.push({ kind: 'paragraphs', from, to: paragraphs.length });
  return runs;
}

/** Characters of a § as typeset, with a page's worth of overhead for headings and tables. */
function paragraphWeight(p: ParagraphView): number {
  let n = 600 + p.title.length;
  for (const s of p.sections) {
    switch (s.kind) {
      case 'decision':
        n += s.points.reduce((acc, point) => acc + plainText(point).length, 0);
        break;
      case 'text':
        n += plainText(s.blocks).length;
        break;
      case 'list':
      case 'statements':
        n += JSON.stringify(s.items).length;
        break;
      case 'vote':
        n += 60 * (s.vote.rows.length + 4);
        break;
      default: {
        const never: never = s;
        return never;
      }
    }
  }
  return n;
}
