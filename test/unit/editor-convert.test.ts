// The § editor's ProseMirror schema mirrors core/format/richtext: any stored rich text goes into
// the editor and comes back equal, and whatever the editor can be made to hold (random documents
// edited by random sequences of its own commands) reads out as valid, canonical rich text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import { DOMSerializer } from 'prosemirror-model';
import { history, undo } from 'prosemirror-history';
import { richTextSchema, type Block, type Inline } from '../../core/format/richtext';
import { commonOslProvisions } from '../../core/format/provision';
import { normalizeRichText } from '../../core/app/workspace/richtext';
import { blocksToDoc, docToBlocks } from '../../renderer/components/editor/convert';
import { schema, nodes } from '../../renderer/components/editor/schema';
import { htmlToBlocks } from '../../renderer/components/editor/paste';
import { indent, insertFigure, outdent, pasteBlocks, removeLink, setConfidential, setLink, toggleBold, toggleHeading, toggleItalic, toggleList } from '../../renderer/components/editor/commands';
import { htmlDocument, parseHtml } from '../helpers/html-parser';

const provisions = commonOslProvisions.map((p) => p.provision);

/** Text as typed: letters, Swedish ones, digits, punctuation, spaces, odd whitespace and symbols. */
const anyText = fc.string({ unit: fc.constantFrom('a', 'Å', 'ö', 'Z', '1', '§', ' ', '  ', '\t', '\n', '\u00a0', '<', '&', '"', 'é', '😀', '–'), maxLength: 12 });
/** Text as it survives HTML (single spaces between words). */
const wordText = fc.array(fc.constantFrom('Nämnden', 'beslutar', 'att', '§', '12', 'kr', 'Å<&">', 'ö'), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
const url = fc.constantFrom('https://www.example.se/a', 'http://kommun.example.se/plan?x=1&y=2', 'https://example.org/ä');

function inlineArb(text: fc.Arbitrary<string>): fc.Arbitrary<Inline> {
  return fc.record({ text, bold: fc.option(fc.boolean(), { nil: undefined }), italic: fc.option(fc.boolean(), { nil: undefined }), link: fc.option(url, { nil: undefined }) }).map((r) => {
    const i: Inline = { text: r.text };
    if (r.bold !== undefined) i.bold = r.bold;
    if (r.italic !== undefined) i.italic = r.italic;
    if (r.link !== undefined) i.link = r.link;
    return i;
  });
}

function blocksArb(text: fc.Arbitrary<string>, withConfidential = true): fc.Arbitrary<Block[]> {
  const { blocks } = fc.letrec<{ block: Block; blocks: Block[] }>((tie) => ({
    block: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.record({ type: fc.constant('paragraph' as const), content: fc.array(inlineArb(text), { maxLength: 4 }) }),
      fc.record({ type: fc.constant('heading' as const), text: text.filter((s) => s.trim() !== '') }),
      fc.record({ type: fc.constant('figure' as const), caption: fc.option(text, { nil: undefined }), note: fc.option(text, { nil: undefined }) }).map((f) => {
        const b: Block = { type: 'figure' };
        if (f.caption !== undefined) b.caption = f.caption;
        if (f.note !== undefined) b.note = f.note;
        return b;
      }),
      fc.record({ type: fc.constantFrom('bullets' as const, 'numbered' as const), items: fc.array(tie('blocks') as fc.Arbitrary<Block[]>, { minLength: 1, maxLength: 3 }) }),
      ...(withConfidential ? [fc.record({ type: fc.constant('confidential' as const), provision: fc.constantFrom(...provisions), blocks: tie('blocks') as fc.Arbitrary<Block[]> })] : []),
    ),
    blocks: fc.array(tie('block') as fc.Arbitrary<Block>, { maxLength: 4 }),
  }));
  return blocks;
}

describe('rich text ↔ editor document', () => {
  it('any stored rich text goes into the editor and comes back equal', () => {
    fc.assert(
      fc.property(blocksArb(anyText), (raw) => {
        const stored = normalizeRichText(raw);
        const doc = blocksToDoc(stored);
        expect(() => doc.check()).not.toThrow();
        expect(docToBlocks(doc)).toEqual(stored);
      }),
      { numRuns: 400 },
    );
  });

  it('an empty text is one empty paragraph to type in, and reads back as nothing', () => {
    const doc = blocksToDoc([]);
    expect(doc.childCount).toBe(1);
    expect(doc.firstChild?.type).toBe(nodes.paragraph);
    expect(docToBlocks(doc)).toEqual([]);
  });

  it('the schema has exactly the block types and marks of core/format/richtext', () => {
    expect(Object.keys(schema.nodes).sort()).toEqual(['bullets', 'confidential', 'doc', 'figure', 'heading', 'item', 'numbered', 'paragraph', 'text']);
    expect(Object.keys(schema.marks).sort()).toEqual(['bold', 'italic', 'link']);
  });

  it('what the editor copies to the clipboard pastes back as the same rich text', () => {
    const serializer = DOMSerializer.fromSchema(schema);
    fc.assert(
      fc.property(blocksArb(wordText), (raw) => {
        const stored = normalizeRichText(raw);
        const document = htmlDocument();
        const holder = document.createElement('div');
        holder.appendChild(serializer.serializeFragment(blocksToDoc(stored).content, { document }));
        const html = holder.innerHTML;
        expect(html).not.toMatch(/\sstyle=/);
        expect(htmlToBlocks(html, parseHtml)).toEqual(stored);
      }),
      { numRuns: 200 },
    );
  });
});

type Op =
  | { kind: 'select'; a: number; b: number }
  | { kind: 'command'; name: keyof typeof namedCommands }
  | { kind: 'paste'; blocks: Block[] }
  | { kind: 'type'; text: string }
  | { kind: 'delete' }
  | { kind: 'undo' };

const namedCommands: Record<string, Command> = {
  bold: toggleBold,
  italic: toggleItalic,
  bullets: toggleList(nodes.bullets),
  numbered: toggleList(nodes.numbered),
  indent,
  outdent,
  heading: toggleHeading,
  link: setLink('https://www.example.se/x', 'länk'),
  unlink: removeLink,
  figure: insertFigure('Karta', 'anteckning'),
  confidential: setConfidential('21 kap. 7 §'),
  otherProvision: setConfidential('26 kap. 1 §'),
  unconfidential: setConfidential(null),
};

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('select' as const), a: fc.nat(400), b: fc.nat(400) }),
  fc.record({ kind: fc.constant('command' as const), name: fc.constantFrom(...(Object.keys(namedCommands) as (keyof typeof namedCommands)[])) }),
  fc.record({ kind: fc.constant('paste' as const), blocks: blocksArb(anyText).map(normalizeRichText) }),
  fc.record({ kind: fc.constant('type' as const), text: anyText.filter((s) => s !== '') }),
  fc.record({ kind: fc.constant('delete' as const) }),
  fc.record({ kind: fc.constant('undo' as const) }),
);

function applyOp(state: EditorState, op: Op): EditorState {
  let next = state;
  const dispatch = (tr: Parameters<NonNullable<Parameters<Command>[1]>>[0]) => {
    next = state.apply(tr);
  };
  switch (op.kind) {
    case 'select': {
      const size = state.doc.content.size;
      const sel = TextSelection.between(state.doc.resolve(Math.min(op.a, size)), state.doc.resolve(Math.min(op.b, size)));
      dispatch(state.tr.setSelection(sel));
      break;
    }
    case 'command':
      namedCommands[op.name]?.(state, dispatch);
      break;
    case 'paste': {
      const tr = pasteBlocks(state, op.blocks);
      if (tr !== null) dispatch(tr);
      break;
    }
    case 'type':
      if (state.selection.$from.parent.inlineContent) dispatch(state.tr.insertText(op.text));
      break;
    case 'delete':
      dispatch(state.tr.deleteSelection());
      break;
    case 'undo':
      undo(state, dispatch);
      break;
  }
  return next;
}

describe('what the editor can produce', () => {
  it('random documents edited with the editor’s own commands read out as valid, canonical rich text', () => {
    fc.assert(
      fc.property(blocksArb(anyText), fc.array(opArb, { maxLength: 12 }), (raw, ops) => {
        let state = EditorState.create({ doc: blocksToDoc(normalizeRichText(raw)), plugins: [history()] });
        for (const op of ops) {
          state = applyOp(state, op);
          state.doc.check();
        }
        const out = docToBlocks(state.doc);
        expect(richTextSchema.safeParse(out).success).toBe(true);
        expect(normalizeRichText(out)).toEqual(out);
        expect(docToBlocks(blocksToDoc(out))).toEqual(out);
      }),
      { numRuns: 300 },
    );
  });

  it('blocks the editor never holds empty are normalised away (empty paragraphs, items, sections; edge whitespace; split runs)', () => {
    const doc = schema.node('doc', null, [
      schema.node('paragraph', null, [schema.text('  Hej '), schema.text('du', [schema.marks.bold!.create()]), schema.text('  ')]),
      schema.node('paragraph'),
      schema.node('bullets', null, [schema.node('item', null, [schema.node('paragraph')]), schema.node('item', null, [schema.node('paragraph', null, [schema.text('a')])])]),
      schema.node('confidential', { provision: '21 kap. 7 §' }, [schema.node('paragraph')]),
      schema.node('heading', null, [schema.text('  ')]),
    ]);
    expect(docToBlocks(doc)).toEqual([
      { type: 'paragraph', content: [{ text: 'Hej ' }, { text: 'du', bold: true }] },
      { type: 'bullets', items: [[{ type: 'paragraph', content: [{ text: 'a' }] }]] },
    ]);
  });
});
