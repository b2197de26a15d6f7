// The editor's commands (toolbar buttons, shortcuts, paste) as ProseMirror commands on the schema
// in schema.ts. They run on an EditorState and need no DOM, so they are tested in Node
// (test/unit/editor-commands.test.ts).
import { Slice, type Node as PMNode, type NodeType, type ResolvedPos } from 'prosemirror-model';
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { setBlockType, toggleMark, wrapIn } from 'prosemirror-commands';
import { liftListItem, sinkListItem, wrapInList } from 'prosemirror-schema-list';
import type { Block } from '../../../core/format/richtext';
import { blocksToFragment } from './convert';
import { marks, nodes, schema } from './schema';

export const toggleBold: Command = toggleMark(marks.bold);
export const toggleItalic: Command = toggleMark(marks.italic);
export const indent: Command = sinkListItem(nodes.item);
export const outdent: Command = liftListItem(nodes.item);

/** Depth of the nearest ancestor of `$pos` of one of `types`, or -1. */
function ancestorDepth($pos: ResolvedPos, types: readonly NodeType[]): number {
  for (let d = $pos.depth; d > 0; d -= 1) if (types.includes($pos.node(d).type)) return d;
  return -1;
}

export function inList(state: EditorState): boolean {
  return ancestorDepth(state.selection.$from, [nodes.item]) > 0;
}

/**
 * Bulleted or numbered list: wraps the selected blocks in one; inside a list of the same kind it
 * lifts the items out again; inside the other kind it changes the list's kind.
 */
export function toggleList(type: NodeType): Command {
  return (state, dispatch) => {
    const d = ancestorDepth(state.selection.$from, [nodes.bullets, nodes.numbered]);
    if (d > 0) {
      const list = state.selection.$from.node(d);
      if (list.type === type) return liftListItem(nodes.item)(state, dispatch);
      if (dispatch) dispatch(state.tr.setNodeMarkup(state.selection.$from.before(d), type));
      return true;
    }
    return wrapInList(type)(state, dispatch);
  };
}

/** Sub-heading ↔ paragraph for the block at the cursor (a heading holds plain text: marks go). */
export const toggleHeading: Command = (state, dispatch) => {
  const parent = state.selection.$from.parent;
  if (parent.type === nodes.heading) return setBlockType(nodes.paragraph)(state, dispatch);
  return setBlockType(nodes.heading)(state, dispatch);
};

/** The range of the link around the cursor (or the selection, when there is one). */
function linkRange(state: EditorState): { from: number; to: number } | null {
  const { $from, from, to, empty } = state.selection;
  if (!empty) return { from, to };
  const parent = $from.parent;
  const linkOf = (n: PMNode | null) => n?.marks.find((m) => m.type === marks.link);
  let index = $from.index();
  let here = linkOf(parent.maybeChild(index));
  if (here === undefined) {
    index -= 1;
    here = linkOf(parent.maybeChild(index));
  }
  if (here === undefined) return null;
  const mark = here;
  let first = index;
  let last = index;
  while (first > 0 && parent.child(first - 1).marks.some((m) => m.eq(mark))) first -= 1;
  while (last < parent.childCount - 1 && parent.child(last + 1).marks.some((m) => m.eq(mark))) last += 1;
  let offset = $from.start();
  for (let i = 0; i < first; i += 1) offset += parent.child(i).nodeSize;
  let end = offset;
  for (let i = first; i <= last; i += 1) end += parent.child(i).nodeSize;
  return { from: offset, to: end };
}

/** Links the selection to `url`, or inserts `text` (or the address) as a link at the cursor. */
export function setLink(url: string, text: string): Command {
  return (state, dispatch) => {
    const parent = state.selection.$from.parent;
    if (!parent.type.allowsMarkType(marks.link)) return false;
    if (dispatch) {
      const mark = marks.link.create({ href: url });
      const { from, to, empty } = state.selection;
      const tr = state.tr;
      if (empty) {
        const label = text === '' ? url : text;
        tr.insert(from, schema.text(label, [mark]));
      } else tr.removeMark(from, to, marks.link).addMark(from, to, mark);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

export const removeLink: Command = (state, dispatch) => {
  const range = linkRange(state);
  if (range === null) return false;
  if (dispatch) dispatch(state.tr.removeMark(range.from, range.to, marks.link));
  return true;
};

/** A picture placeholder after the block at the cursor (in place of an empty paragraph), then a paragraph to go on in. */
export function insertFigure(caption: string, note: string): Command {
  return (state, dispatch) => {
    const { $from } = state.selection;
    const figure = nodes.figure.create({ caption, note });
    const after = nodes.paragraph.create();
    // The textblock's depth; a selected figure (node selection) counts as its own block.
    const depth = $from.parent.isTextblock ? $from.depth : $from.depth + 1;
    if (dispatch) {
      const tr = state.tr;
      let at: number;
      if ($from.parent.type === nodes.paragraph && $from.parent.content.size === 0) {
        at = $from.before(depth);
        tr.replaceWith(at, $from.after(depth), [figure, after]);
      } else {
        at = depth > $from.depth ? state.selection.to : $from.after(depth);
        tr.insert(at, [figure, after]);
      }
      tr.setSelection(TextSelection.create(tr.doc, at + figure.nodeSize + 1));
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** The provision of the confidential passage at the selection, if any. */
export function confidentialAt(state: EditorState): string | null {
  const d = ancestorDepth(state.selection.$from, [nodes.confidential]);
  return d > 0 ? (state.selection.$from.node(d).attrs.provision as string) : null;
}

/**
 * Marks the selected blocks as a confidential passage under `provision`; inside one, changes its
 * provision, or with null removes the mark (the blocks stay).
 */
export function setConfidential(provision: string | null): Command {
  return (state, dispatch) => {
    const $from = state.selection.$from;
    const d = ancestorDepth($from, [nodes.confidential]);
    if (d > 0) {
      const pos = $from.before(d);
      const node = $from.node(d);
      if (dispatch) {
        if (provision === null) dispatch(state.tr.replaceWith(pos, pos + node.nodeSize, node.content));
        else dispatch(state.tr.setNodeMarkup(pos, undefined, { provision }));
      }
      return true;
    }
    if (provision === null) return false;
    return wrapIn(nodes.confidential, { provision })(state, dispatch);
  };
}

/**
 * Inserts pasted blocks at the selection. One paragraph goes into the current text as text; a run
 * of blocks opens its first and last paragraph into the text around the cursor, so pasting into
 * the middle of a sentence continues it; an empty paragraph is replaced. Into a heading (plain
 * text only) the marks are left behind.
 */
export function pasteBlocks(state: EditorState, blocks: readonly Block[]): Transaction | null {
  if (blocks.length === 0) return null;
  const tr = state.tr;
  const { $from } = state.selection;
  const parent = $from.parent;
  const first = blocks[0];
  if (parent.type === nodes.heading && blocks.length === 1 && first?.type === 'paragraph') {
    tr.insertText(first.content.map((i) => i.text).join(''));
    return tr.scrollIntoView();
  }
  const fragment = blocksToFragment(blocks);
  const last = blocks[blocks.length - 1];
  const intoText = parent.type === nodes.paragraph;
  const openStart = intoText && first?.type === 'paragraph' ? 1 : 0;
  const openEnd = intoText && last?.type === 'paragraph' ? 1 : 0;
  try {
    tr.replaceSelection(new Slice(fragment, openStart, openEnd));
  } catch {
    // A place where the open slice does not fit: insert the blocks whole after the current block.
    const depth = Math.max(1, $from.depth);
    tr.insert(state.selection.$to.after(depth), fragment);
  }
  return tr.scrollIntoView();
}
