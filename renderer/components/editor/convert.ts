// Structured rich text (core/format/richtext, what is stored) ↔ the editor's ProseMirror document.
// The schema (schema.ts) has one node per block type and one mark per inline flag, so the mapping
// is total both ways: blocksToDoc(docToBlocks(d)) keeps every block, and docToBlocks always
// returns canonical (normalised) rich text.
import { Fragment, type Mark, type Node as PMNode } from 'prosemirror-model';
import type { Block, Inline } from '../../../core/format/richtext';
import { normalizeRichText } from '../../../core/app/workspace/richtext';
import { marks, nodes, schema } from './schema';

function inlineMarks(i: Inline): Mark[] {
  const out: Mark[] = [];
  if (i.link !== undefined) out.push(marks.link.create({ href: i.link }));
  if (i.bold === true) out.push(marks.bold.create());
  if (i.italic === true) out.push(marks.italic.create());
  return out;
}

function inlineNodes(content: readonly Inline[]): PMNode[] {
  return content.filter((i) => i.text.length > 0).map((i) => schema.text(i.text, inlineMarks(i)));
}

/** A paragraph node with no content stands in for an empty item or section (the schema wants one). */
const emptyParagraph = (): PMNode => nodes.paragraph.create();

function blockNodes(blocks: readonly Block[]): PMNode[] {
  return blocks.map(blockNode);
}

function nonEmpty(children: PMNode[]): PMNode[] {
  return children.length === 0 ? [emptyParagraph()] : children;
}

function blockNode(b: Block): PMNode {
  switch (b.type) {
    case 'paragraph':
      return nodes.paragraph.create(null, inlineNodes(b.content));
    case 'heading':
      return nodes.heading.create(null, b.text === '' ? [] : [schema.text(b.text)]);
    case 'bullets':
    case 'numbered': {
      const type = b.type === 'bullets' ? nodes.bullets : nodes.numbered;
      const items = b.items.map((item) => nodes.item.create(null, nonEmpty(blockNodes(item))));
      return type.create(null, items.length === 0 ? [nodes.item.create(null, emptyParagraph())] : items);
    }
    case 'figure':
      return nodes.figure.create({ caption: b.caption ?? '', note: b.note ?? '' });
    case 'confidential':
      return nodes.confidential.create({ provision: b.provision }, nonEmpty(blockNodes(b.blocks)));
    default: {
      const never: never = b;
      return never;
    }
  }
}

/** Blocks as a fragment of editor nodes (what a paste inserts). */
export function blocksToFragment(blocks: readonly Block[]): Fragment {
  return Fragment.fromArray(blockNodes(blocks));
}

/** Stored rich text as the editor's document; nothing stored is an empty paragraph to type in. */
export function blocksToDoc(blocks: readonly Block[]): PMNode {
  const doc = nodes.doc.create(null, nonEmpty(blockNodes(blocks)));
  doc.check();
  return doc;
}

function nodeInlines(node: PMNode): Inline[] {
  const out: Inline[] = [];
  node.forEach((child) => {
    if (!child.isText || child.text === undefined) return;
    const i: Inline = { text: child.text };
    for (const m of child.marks) {
      if (m.type === marks.bold) i.bold = true;
      else if (m.type === marks.italic) i.italic = true;
      else if (m.type === marks.link) i.link = m.attrs.href as string;
    }
    out.push(i);
  });
  return out;
}

function childBlocks(node: PMNode): Block[] {
  const out: Block[] = [];
  node.forEach((child) => out.push(nodeBlock(child)));
  return out;
}

function nodeBlock(node: PMNode): Block {
  switch (node.type) {
    case nodes.paragraph:
      return { type: 'paragraph', content: nodeInlines(node) };
    case nodes.heading:
      return { type: 'heading', text: node.textContent };
    case nodes.bullets:
    case nodes.numbered: {
      const items: Block[][] = [];
      node.forEach((item) => items.push(childBlocks(item)));
      return { type: node.type === nodes.bullets ? 'bullets' : 'numbered', items };
    }
    case nodes.figure: {
      const figure: Extract<Block, { type: 'figure' }> = { type: 'figure' };
      if (node.attrs.caption) figure.caption = node.attrs.caption as string;
      if (node.attrs.note) figure.note = node.attrs.note as string;
      return figure;
    }
    case nodes.confidential:
      return { type: 'confidential', provision: node.attrs.provision as string, blocks: childBlocks(node) };
    default:
      throw new Error(`Okänd nodtyp i redigeraren: ${node.type.name}`);
  }
}

/** The editor's document as stored rich text (canonical: empty blocks gone, runs merged). */
export function docToBlocks(doc: PMNode): Block[] {
  return normalizeRichText(childBlocks(doc));
}
