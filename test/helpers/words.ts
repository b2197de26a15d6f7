// Counting words on both sides of a paste, for "every word of the source reaches the page"
// (issue 16 item 7): the words a browser shows for pasted HTML, and the words of stored rich text.
// The source side is counted independently of the editor's reader (renderer/components/editor/
// paste.ts): it walks the parsed HTML itself, treating what a browser does not show (the head,
// styles, scripts, pictures, comments) and Word's list markers ("1.", "a.", "·", "o": they become
// the list's own numbering) as no text.
import type { Block } from '../../core/format/richtext';

interface Node {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<Node>;
  getAttribute?(name: string): string | null;
}

/** Words: runs of letters and digits (punctuation and symbols are not words). */
export function words(text: string): string[] {
  // A soft hyphen or a zero-width character shows as nothing: the letters around it are one word.
  return text.replace(/[\u00ad\u200b-\u200d\ufeff]/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];
}

const HIDDEN = new Set(['head', 'style', 'script', 'noscript', 'template', 'title', 'img', 'svg', 'math', 'object', 'iframe', 'video', 'audio', 'canvas', 'select', 'textarea', 'button', 'input']);
const BREAKS = new Set(['p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'td', 'th', 'section', 'figure', 'blockquote', 'pre', 'hr', 'dt', 'dd']);

/** The text a reader sees in parsed HTML, block boundaries as spaces. */
export function visibleText(node: Node): string {
  if (node.nodeType === 3) return node.nodeValue ?? '';
  if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return '';
  const name = node.nodeName.toLowerCase();
  if (HIDDEN.has(name) || name.includes(':')) return '';
  if (/mso-list:\s*ignore/i.test(node.getAttribute?.('style') ?? '')) return '';
  let s = '';
  for (let i = 0; i < node.childNodes.length; i += 1) s += visibleText(node.childNodes[i] as Node);
  return BREAKS.has(name) ? ` ${s} ` : s;
}

/** The text of stored rich text, blocks separated by spaces. */
export function blocksText(blocks: readonly Block[] | null | undefined): string {
  const parts: string[] = [];
  const walk = (bs: readonly Block[]) => {
    for (const b of bs) {
      if (b.type === 'paragraph') parts.push(b.content.map((i) => i.text).join(''));
      else if (b.type === 'heading') parts.push(b.text);
      else if (b.type === 'bullets' || b.type === 'numbered') b.items.forEach(walk);
      else if (b.type === 'confidential') walk(b.blocks);
      else parts.push(b.caption ?? '');
    }
  };
  walk(blocks ?? []);
  return parts.join(' ');
}
