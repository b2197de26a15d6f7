// Canonical rich text: what the editor produces and the server stores. Empty paragraphs, list
// items and sections disappear, neighbouring runs with the same marks merge, and marks are only
// present when set, so the same text always gives the same data.
import type { Block, Inline } from '../../format/richtext';

export function normalizeInlines(inlines: readonly Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const raw of inlines) {
    if (raw.text.length === 0) continue;
    const next: Inline = { text: raw.text };
    if (raw.bold === true) next.bold = true;
    if (raw.italic === true) next.italic = true;
    if (raw.link !== undefined && raw.link !== '') next.link = raw.link;
    const prev = out[out.length - 1];
    if (prev !== undefined && prev.bold === next.bold && prev.italic === next.italic && prev.link === next.link) {
      prev.text += next.text;
    } else out.push(next);
  }
  // Whitespace at the edges of a paragraph never shows; drop it so it never differs. A run that
  // is whitespace only goes entirely and the next one is trimmed in turn (so normalising twice
  // gives what normalising once gave).
  while (out.length > 0 && (out[0]?.text.trim() ?? '') === '') out.shift();
  while (out.length > 0 && (out[out.length - 1]?.text.trim() ?? '') === '') out.pop();
  const first = out[0];
  if (first !== undefined) first.text = first.text.replace(/^\s+/, '');
  const last = out[out.length - 1];
  if (last !== undefined) last.text = last.text.replace(/\s+$/, '');
  return out;
}

export function normalizeRichText(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const n = normalizeBlock(b);
    if (n !== null) out.push(n);
  }
  return out;
}

function normalizeBlock(b: Block): Block | null {
  switch (b.type) {
    case 'paragraph': {
      const content = normalizeInlines(b.content);
      return content.length === 0 ? null : { type: 'paragraph', content };
    }
    case 'heading': {
      const text = b.text.trim();
      return text === '' ? null : { type: 'heading', text };
    }
    case 'bullets':
    case 'numbered': {
      const items = b.items.map(normalizeRichText).filter((item) => item.length > 0);
      return items.length === 0 ? null : { type: b.type, items };
    }
    case 'figure': {
      const figure: Extract<Block, { type: 'figure' }> = { type: 'figure' };
      const caption = b.caption?.trim();
      const note = b.note?.trim();
      if (caption) figure.caption = caption;
      if (note) figure.note = note;
      return figure;
    }
    case 'confidential': {
      const inner = normalizeRichText(b.blocks);
      return inner.length === 0 ? null : { type: 'confidential', provision: b.provision.trim(), blocks: inner };
    }
    default: {
      const never: never = b;
      return never;
    }
  }
}

/** Rich text that holds nothing is stored as absent. */
export function richTextOrNull(blocks: readonly Block[] | null | undefined): Block[] | null {
  if (blocks === null || blocks === undefined) return null;
  const n = normalizeRichText(blocks);
  return n.length === 0 ? null : n;
}
