// How a structure leaf is named in a node's `id` (components/tagged.tsx writes it,
// pdfkit-tagging.ts reads it): "justera-tag|TAG|container path|n".
export const LEAF_ID_PREFIX = 'justera-tag|';

export function leafId(tag: string, path: string, n: number): string {
  return `${LEAF_ID_PREFIX}${tag}|${path}|${n}`;
}
