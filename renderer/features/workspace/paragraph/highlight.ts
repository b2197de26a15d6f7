// Marks the words of a search in the § editor (CSS Custom Highlight API, so the editable text
// is never touched) and scrolls to the first match. Returns a function that removes the marks.
export function highlightTerms(container: HTMLElement, query: string): () => void {
  const terms = query
    .split(/\s+/)
    .map((x) => x.replace(/"/g, '').trim().toLocaleLowerCase('sv-SE'))
    .filter((x) => /[\p{L}\p{N}]/u.test(x));
  const registry = typeof CSS !== 'undefined' && 'highlights' in CSS ? CSS.highlights : undefined;
  if (terms.length === 0) return () => undefined;
  const ranges: Range[] = [];
  // Matches at the start of a word, as the search (FTS5 prefix queries) finds them.
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${terms.map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n !== null; n = walker.nextNode()) {
    const text = n.nodeValue ?? '';
    for (const m of text.matchAll(pattern)) {
      const r = document.createRange();
      r.setStart(n, m.index);
      r.setEnd(n, m.index + (m[0]?.length ?? 0));
      ranges.push(r);
    }
  }
  const first = ranges[0];
  if (first !== undefined) {
    const el = first.startContainer.parentElement;
    el?.scrollIntoView({ block: 'center' });
  }
  if (registry === undefined || ranges.length === 0) return () => undefined;
  registry.set('search-hit', new Highlight(...ranges));
  return () => registry.delete('search-hit');
}
