// Text checks over pdftotext output: whitespace-insensitive, order-aware.
import { plainText, type Block } from '../../../core/format/richtext';

export function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The first of `expected` (in order) that cannot be found after the previous one, or null when
 * all appear in that order.
 */
export function firstMissingInOrder(text: string, expected: readonly string[]): string | null {
  const hay = normalise(text);
  let from = 0;
  for (const item of expected) {
    const at = hay.indexOf(normalise(item), from);
    if (at < 0) return item;
    from = at + normalise(item).length;
  }
  return null;
}

/** The sentences of rich text as they should be readable in the PDF (list markers aside). */
export function readableParts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b): string[] => {
    switch (b.type) {
      case 'bullets':
      case 'numbered':
        return b.items.flatMap((item) => readableParts(item));
      case 'confidential':
        return readableParts(b.blocks);
      case 'figure':
        return b.caption === undefined ? [] : [b.caption];
      case 'paragraph':
      case 'heading':
        return [plainText([b])];
      default: {
        const never: never = b;
        return never;
      }
    }
  });
}

/** Removes whole lines that are page furniture (header, page number, footer boxes), so text flowing over a page break reads on. */
export function withoutFurniture(text: string, furniture: readonly string[]): string {
  const drop = new Set(furniture.map(normalise));
  return text
    .split(/\n|\f/)
    .filter((line) => !drop.has(normalise(line)) && !/^\d+ \(\d+\)$/.test(line.trim()))
    .join('\n');
}
