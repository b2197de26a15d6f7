// The § editor's toolbar commands on an editor state (no DOM): what each button does to the
// stored rich text.
import { describe, expect, it } from 'vitest';
import { EditorState, TextSelection, type Command } from 'prosemirror-state';
import { history, undo, redo } from 'prosemirror-history';
import type { Block } from '../../core/format/richtext';
import { blocksToDoc, docToBlocks } from '../../renderer/components/editor/convert';
import { nodes } from '../../renderer/components/editor/schema';
import { confidentialAt, indent, insertFigure, outdent, pasteBlocks, removeLink, setConfidential, setLink, toggleBold, toggleHeading, toggleList } from '../../renderer/components/editor/commands';

const para = (text: string): Block => ({ type: 'paragraph', content: [{ text }] });

/** A state over `blocks` with the text selection from/to (positions found by text). */
function stateAt(blocks: Block[], find: string, length = 0): EditorState {
  const doc = blocksToDoc(blocks);
  let at = -1;
  doc.descendants((n, pos) => {
    if (at < 0 && n.isText && n.text !== undefined && n.text.includes(find)) at = pos + n.text.indexOf(find);
    return at < 0;
  });
  if (at < 0) throw new Error(`no ${find}`);
  const state = EditorState.create({ doc, plugins: [history()] });
  return state.apply(state.tr.setSelection(TextSelection.create(doc, at, at + length)));
}

function run(state: EditorState, ...commands: Command[]): EditorState {
  let s = state;
  for (const c of commands) {
    const ok = c(s, (tr) => {
      s = s.apply(tr);
    });
    expect(ok).toBe(true);
  }
  return s;
}

describe('editor commands', () => {
  it('bold marks the selection; a heading drops marks and back to paragraph keeps the text', () => {
    let s = run(stateAt([para('Nämnden beslutar')], 'beslutar', 8), toggleBold);
    expect(docToBlocks(s.doc)).toEqual([{ type: 'paragraph', content: [{ text: 'Nämnden ' }, { text: 'beslutar', bold: true }] }]);
    s = run(s, toggleHeading);
    expect(docToBlocks(s.doc)).toEqual([{ type: 'heading', text: 'Nämnden beslutar' }]);
    s = run(s, toggleHeading);
    expect(docToBlocks(s.doc)).toEqual([para('Nämnden beslutar')]);
  });

  it('a list button wraps, switches kind, and lifts out again; Tab/Shift+Tab nest and un-nest', () => {
    let s = run(stateAt([para('ett'), para('två')], 'ett'), toggleList(nodes.bullets));
    expect(docToBlocks(s.doc)[0]).toEqual({ type: 'bullets', items: [[para('ett')]] });
    s = run(s, toggleList(nodes.numbered));
    expect(docToBlocks(s.doc)[0]).toEqual({ type: 'numbered', items: [[para('ett')]] });
    s = run(s, toggleList(nodes.numbered));
    expect(docToBlocks(s.doc)).toEqual([para('ett'), para('två')]);

    s = run(stateAt([{ type: 'bullets', items: [[para('ett')], [para('två')]] }], 'två'), indent);
    expect(docToBlocks(s.doc)).toEqual([{ type: 'bullets', items: [[para('ett'), { type: 'bullets', items: [[para('två')]] }]] }]);
    s = run(s, outdent);
    expect(docToBlocks(s.doc)).toEqual([{ type: 'bullets', items: [[para('ett')], [para('två')]] }]);
  });

  it('a link is set on the selection, inserted with its text at a cursor, and removed around the cursor', () => {
    let s = run(stateAt([para('Se planen här')], 'planen', 6), setLink('https://example.se/plan', ''));
    expect(docToBlocks(s.doc)).toEqual([{ type: 'paragraph', content: [{ text: 'Se ' }, { text: 'planen', link: 'https://example.se/plan' }, { text: ' här' }] }]);
    s = s.apply(s.tr.setSelection(TextSelection.create(s.doc, 6)));
    s = run(s, removeLink);
    expect(docToBlocks(s.doc)).toEqual([para('Se planen här')]);
    s = run(stateAt([para('Se ')], 'Se '), setLink('https://example.se', 'webbplatsen'));
    expect(docToBlocks(s.doc)).toEqual([{ type: 'paragraph', content: [{ text: 'webbplatsen', link: 'https://example.se' }, { text: 'Se' }] }]);
  });

  it('a figure goes after the current block, or in place of an empty paragraph', () => {
    const s = run(stateAt([para('Karta nedan'), para('Slut')], 'Karta'), insertFigure('Karta', 'från GIS'));
    expect(docToBlocks(s.doc)).toEqual([para('Karta nedan'), { type: 'figure', caption: 'Karta', note: 'från GIS' }, para('Slut')]);
    const empty = EditorState.create({ doc: blocksToDoc([]) });
    expect(docToBlocks(run(empty, insertFigure('', '')).doc)).toEqual([{ type: 'figure' }]);
  });

  it('secrecy wraps the selected blocks, changes its provision, and is removed keeping the text', () => {
    let s = run(stateAt([para('Öppet'), para('Namn och adress')], 'Namn'), setConfidential('21 kap. 3 §'));
    expect(docToBlocks(s.doc)).toEqual([para('Öppet'), { type: 'confidential', provision: '21 kap. 3 §', blocks: [para('Namn och adress')] }]);
    expect(confidentialAt(s)).toBe('21 kap. 3 §');
    s = run(s, setConfidential('21 kap. 7 §'));
    expect(docToBlocks(s.doc)[1]).toEqual({ type: 'confidential', provision: '21 kap. 7 §', blocks: [para('Namn och adress')] });
    s = run(s, setConfidential(null));
    expect(docToBlocks(s.doc)).toEqual([para('Öppet'), para('Namn och adress')]);
    expect(setConfidential(null)(s)).toBe(false);
  });

  it('paste: one paragraph continues the text; blocks replace an empty paragraph; into a heading only text; undo and redo', () => {
    let s = stateAt([para('Före efter')], ' efter');
    s = s.apply(pasteBlocks(s, [{ type: 'paragraph', content: [{ text: ' mitten', bold: true }] }])!);
    expect(docToBlocks(s.doc)).toEqual([{ type: 'paragraph', content: [{ text: 'Före' }, { text: ' mitten', bold: true }, { text: ' efter' }] }]);
    s = run(s, undo);
    expect(docToBlocks(s.doc)).toEqual([para('Före efter')]);
    s = run(s, redo);
    expect(docToBlocks(s.doc)[0]).toMatchObject({ content: [{ text: 'Före' }, { text: ' mitten', bold: true }, { text: ' efter' }] });

    const empty = EditorState.create({ doc: blocksToDoc([]) });
    const blocks: Block[] = [{ type: 'heading', text: 'Rubrik' }, para('Text'), { type: 'numbered', items: [[para('a')]] }];
    expect(docToBlocks(empty.apply(pasteBlocks(empty, blocks)!).doc)).toEqual(blocks);

    const h = stateAt([{ type: 'heading', text: 'Rubrik' }], 'brik');
    expect(docToBlocks(h.apply(pasteBlocks(h, [{ type: 'paragraph', content: [{ text: 'X', bold: true }] }])!).doc)).toEqual([{ type: 'heading', text: 'RuXbrik' }]);
  });
});
