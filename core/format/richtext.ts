// Structured rich text for protocol prose: paragraphs, headings, lists, figures and masked
// passages. Stored as data (never HTML) so documents, previews and masking all read one model.
import { z } from 'zod';
import { oslProvisionSchema } from './provision';

export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** An absolute http(s) URL the text links to. */
  link?: string;
}

export type Block =
  | { type: 'paragraph'; content: Inline[] }
  | { type: 'heading'; text: string }
  | { type: 'bullets'; items: Block[][] }
  | { type: 'numbered'; items: Block[][] }
  /** A picture that the text refers to; the app keeps its caption (images come with bilagor). */
  | { type: 'figure'; caption?: string; note?: string }
  /** A passage covered by secrecy (OSL); the public version replaces it with the provision. */
  | { type: 'confidential'; provision: string; blocks: Block[] };

export type RichText = Block[];

export const inlineSchema: z.ZodType<Inline> = z.strictObject({
  text: z.string(),
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
  link: z
    .string()
    .regex(/^https?:\/\/\S+$/, 'Länken måste vara en fullständig adress som börjar med http:// eller https://')
    .optional(),
});

export const blockSchema: z.ZodType<Block> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('paragraph'), content: z.array(inlineSchema) }),
    z.strictObject({ type: z.literal('heading'), text: z.string().min(1) }),
    z.strictObject({ type: z.literal('bullets'), items: z.array(z.array(blockSchema)).min(1) }),
    z.strictObject({ type: z.literal('numbered'), items: z.array(z.array(blockSchema)).min(1) }),
    z.strictObject({ type: z.literal('figure'), caption: z.string().optional(), note: z.string().optional() }),
    z.strictObject({ type: z.literal('confidential'), provision: oslProvisionSchema, blocks: z.array(blockSchema) }),
  ]),
);

export const richTextSchema = z.array(blockSchema);

/** A paragraph of plain text: the common case, kept short at call sites. */
export function para(text: string): Block {
  return { type: 'paragraph', content: [{ text }] };
}

/** Plain text of rich text, blocks separated by blank lines; for search, snippets and tests. */
export function plainText(blocks: readonly Block[]): string {
  return blocks
    .map(blockText)
    .filter((s) => s.length > 0)
    .join('\n\n');
}

function blockText(b: Block): string {
  switch (b.type) {
    case 'paragraph':
      return b.content.map((i) => i.text).join('');
    case 'heading':
      return b.text;
    case 'bullets':
    case 'numbered':
      return b.items.map((item) => plainText(item)).join('\n');
    case 'figure':
      return b.caption ?? '';
    case 'confidential':
      return plainText(b.blocks);
    default: {
      const never: never = b;
      return never;
    }
  }
}
