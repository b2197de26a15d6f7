// Paste into the § editor: HTML as Word, LibreOffice and web pages put it on the clipboard
// (hand-written fixtures in their style, test/fixtures/paste) is cleaned to the rich-text schema —
// no styles, classes, spans, Office markup or images; lists (Word's MsoListParagraph ones too)
// and headings mapped to what the schema has — and any HTML at all yields valid canonical text.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EditorState, TextSelection } from 'prosemirror-state';
import { richTextSchema, type Block, type Inline } from '../../core/format/richtext';
import { normalizeRichText } from '../../core/app/workspace/richtext';
import { htmlToBlocks, textToBlocks } from '../../renderer/components/editor/paste';
import { blocksToDoc, docToBlocks } from '../../renderer/components/editor/convert';
import { pasteBlocks } from '../../renderer/components/editor/commands';
import { parseHtml } from '../helpers/html-parser';
import { blocksText, visibleText, words } from '../helpers/words';
import { wordHtml } from '../bench/paste';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/paste/${name}`, import.meta.url), 'utf8');
const p = (...content: Inline[]): Block => ({ type: 'paragraph', content });
const item = (text: string, ...more: Block[]): Block[] => [p({ text }), ...more];

describe('paste from Word', () => {
  const blocks = htmlToBlocks(fixture('word-lists.html'), parseHtml);

  it('keeps the text, bold, italic and http links, and drops anchors, mso markup, spans and the picture', () => {
    expect(blocks[0]).toEqual({ type: 'heading', text: 'Ärendebeskrivning' });
    expect(blocks[1]).toEqual(
      p(
        { text: 'Kommunstyrelsen beslutade den 12 maj att ge ' },
        { text: 'förvaltningen', bold: true },
        { text: ' i uppdrag att utreda ' },
        { text: 'förutsättningarna', italic: true },
        { text: ' för en ny förskola. Se ' },
        { text: 'utredningen', link: 'https://www.example.se/forskola/utredning' },
        { text: ' och bilaga 2.' },
      ),
    );
    // mso-bidi-font-weight:normal is not font-weight: the run stays bold.
    expect(blocks[2]).toEqual(p({ text: 'Utredningen visar att:', bold: true }));
    expect(blocks[blocks.length - 1]).toEqual(p({ text: 'Beslutet expedieras till barn- och utbildningsnämnden.' }));
    const json = JSON.stringify(blocks);
    expect(json).not.toMatch(/mso|Symbol|Times New Roman|clip_image|Karta över Norrby|·|&nbsp;|\u00a0/);
  });

  it('turns MsoListParagraph paragraphs into nested bulleted and numbered lists without their markers', () => {
    expect(blocks[3]).toEqual({
      type: 'bullets',
      items: [
        item('behovet av platser ökar med 120 till år 2028,', { type: 'bullets', items: [item('främst i Norrby och Söderås,')] }),
        [p({ text: 'den befintliga tomten räcker ' }, { text: 'inte', bold: true }, { text: '.' })],
      ],
    });
    expect(blocks[4]).toEqual(p({ text: 'Förvaltningen föreslår:' }));
    expect(blocks[5]).toEqual({
      type: 'numbered',
      items: [item('att förskolan byggs i Norrby,', { type: 'numbered', items: [item('med sex avdelningar,')] }), item('att kostnaden ryms i investeringsbudgeten.')],
    });
    expect(blocks).toHaveLength(7);
  });
});

describe('paste from LibreOffice', () => {
  const blocks = htmlToBlocks(fixture('libreoffice.html'), parseHtml);
  it('maps h1/h3 to the one heading, keeps nested lists and line breaks, flattens a table row, drops the image', () => {
    expect(blocks).toEqual([
      { type: 'heading', text: 'Tjänsteskrivelse' },
      p(
        { text: 'Miljö- och byggnadsnämnden har tagit emot en ansökan om ' },
        { text: 'bygglov', bold: true },
        { text: ' för nybyggnad av ' },
        { text: 'enbostadshus', italic: true },
        { text: ' på fastigheten Berga 3:14.' },
      ),
      { type: 'heading', text: 'Bedömning' },
      {
        type: 'numbered',
        items: [
          [p({ text: 'Åtgärden överensstämmer med ' }, { text: 'detaljplanen', link: 'https://www.example.se/detaljplan/berga' }, { text: '.' })],
          item('Grannar har hörts:', {
            type: 'bullets',
            items: [item('Berga 3:12 har inget att erinra,'), [p({ text: 'Berga 3:15 ' }, { text: 'har', italic: true }, { text: ' lämnat synpunkter.' })]],
          }),
        ],
      },
      p({ text: 'Avgift – 12 400 kr' }),
      p({ text: 'Handläggare: Anna Berg' }),
      p({ text: 'Telefon 010-123 45 67' }),
    ]);
  });
});

describe('paste from web pages', () => {
  it('Google Docs: the font-weight:normal wrapper is not bold, 700 is, styles and the image go', () => {
    expect(htmlToBlocks(fixture('web-gdocs.html'), parseHtml)).toEqual([
      { type: 'heading', text: 'Yttrande över remiss' },
      p({ text: 'Nämnden ' }, { text: 'tillstyrker', bold: true }, { text: ' förslaget', italic: true }, { text: ' med följande ändringar:' }),
      { type: 'bullets', items: [item('Tidplanen förlängs.'), [p({ text: 'Remissen', link: 'https://www.example.se/remiss/2026-14' }, { text: ' kompletteras.' })]] },
      p({ text: 'Slut.' }),
    ]);
  });

  it('an article: scripts, forms, javascript:/mailto: links, a made-up provision and the picture are dropped', () => {
    expect(htmlToBlocks(fixture('web-article.html'), parseHtml)).toEqual([
      { type: 'heading', text: 'Nyheter från kommunen' },
      p({ text: 'Kommunfullmäktige har antagit en ny plan.', bold: true }),
      p({ text: 'Mer information finns på ' }, { text: 'kommunens webbplats', link: 'https://kommun.example.se/plan' }, { text: '.' }),
      p({ text: 'Stadshuset i vinterskrud' }),
      p({ text: 'Det här är ett ' }, { text: 'viktigt', italic: true }, { text: ' beslut, säger ordföranden.' }),
      { type: 'numbered', items: [item('Första punkten', { type: 'bullets', items: [item('Underpunkt')] }), item('Andra punkten')] },
      p({ text: 'Inte sekretess.' }),
      p({ text: 'E-post: info@kommun.example.se' }),
    ]);
  });

  it('a confidential passage and a picture placeholder copied from the editor itself survive', () => {
    const html = '<section class="rt-confidential" data-provision="21 kap. 7 §"><p>Namn</p></section><figure class="rt-figure" data-caption="Karta" data-note="">Bild: Karta</figure>';
    expect(htmlToBlocks(html, parseHtml)).toEqual([
      { type: 'confidential', provision: '21 kap. 7 §', blocks: [p({ text: 'Namn' })] },
      { type: 'figure', caption: 'Karta' },
    ]);
  });
});

describe('plain text', () => {
  it('blank lines separate paragraphs; dashes and numbers start list items', () => {
    expect(textToBlocks('Första stycket\nfortsätter.\n\n- ett\n- två\n1. a\n2) b\n')).toEqual([
      p({ text: 'Första stycket fortsätter.' }),
      { type: 'bullets', items: [item('ett'), item('två')] },
      { type: 'numbered', items: [item('a'), item('b')] },
    ]);
  });
});

/** Random HTML from the tags, attributes and Office oddities clipboards carry. */
const tag = fc.constantFrom(
  'p',
  'div',
  'span',
  'b',
  'strong',
  'i',
  'em',
  'a',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h4',
  'h6',
  'br',
  'img',
  'table',
  'tr',
  'td',
  'section',
  'figure',
  'o:p',
  'v:shape',
  'font',
  'script',
  'style',
  'blockquote',
  'hr',
  'pre',
  'u',
  'sup',
);
const attr = fc.constantFrom(
  '',
  ' style="font-weight:bold"',
  ' style="font-weight:400;font-style:italic"',
  " style='mso-list:l0 level1 lfo1'",
  " style='mso-list:l1 level3 lfo2'",
  " style='mso-list:Ignore'",
  ' class="MsoListParagraphCxSpMiddle"',
  ' class="MsoTitle"',
  ' href="https://example.se/x"',
  ' href="javascript:alert(1)"',
  ' data-provision="21 kap. 7 §"',
  ' data-provision="fel"',
  ' data-caption="Karta"',
  ' onclick="x()"',
);
const text = fc.constantFrom('Hej', ' ', '\n', '&nbsp;', '1.', '·', 'å ä ö', '&lt;b&gt;', '<!--[if !supportLists]-->', '<![if !supportLists]>', '<![endif]>', '<!-- c -->', '');
const html: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.tuple(tag, attr, fc.array(tie('node'), { maxLength: 4 })).map(([t, a, kids]) => `<${t}${a}>${kids.join('')}</${t}>`),
  ),
})).node;

describe('any HTML at all', () => {
  it('gives valid, canonical rich text that the editor can hold and paste anywhere', () => {
    fc.assert(
      fc.property(fc.array(html, { maxLength: 6 }), fc.nat(100), (parts, at) => {
        const blocks = htmlToBlocks(parts.join(''), parseHtml);
        expect(richTextSchema.safeParse(blocks).success).toBe(true);
        expect(normalizeRichText(blocks)).toEqual(blocks);
        expect(JSON.stringify(blocks)).not.toMatch(/javascript:|onclick|mso-|supportLists|endif/i);
        expect(docToBlocks(blocksToDoc(blocks))).toEqual(blocks);
        // Pasted at any place in a document with a list, a heading and a confidential passage.
        const base = blocksToDoc([
          p({ text: 'Före' }),
          { type: 'heading', text: 'Rubrik' },
          { type: 'bullets', items: [item('punkt')] },
          { type: 'confidential', provision: '21 kap. 7 §', blocks: [p({ text: 'hemligt' })] },
        ]);
        const state = EditorState.create({ doc: base });
        const sel = TextSelection.near(state.doc.resolve(Math.min(at, state.doc.content.size)));
        const tr = pasteBlocks(state.apply(state.tr.setSelection(sel)), blocks);
        if (tr !== null) {
          tr.doc.check();
          expect(richTextSchema.safeParse(docToBlocks(tr.doc)).success).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

// "Every word of the source reaches the page" (issue 16 item 7): the words a browser shows for the
// pasted HTML — counted by test/helpers/words.ts, not by the reader — are the words of the cleaned
// text, in order. Word's list markers become the list's numbering and are not words of the text.
describe('every word of the source reaches the page', () => {
  const sourceWords = (h: string): string[] => {
    const body = parseHtml(h).body;
    return body === null ? [] : words(visibleText(body));
  };

  it('a 500 KB paste from Word keeps every word, in order', () => {
    const big = wordHtml(500 * 1024);
    expect(big.length).toBeGreaterThan(500 * 1024);
    const expected = sourceWords(big);
    expect(expected.length).toBeGreaterThan(9_000);
    const blocks = htmlToBlocks(big, parseHtml);
    expect(words(blocksText(blocks)).join(' ')).toBe(expected.join(' '));
    // … and so does the document the editor holds after pasting it into a sentence.
    const state0 = EditorState.create({ doc: blocksToDoc([p({ text: 'Före' })]) });
    const state = state0.apply(state0.tr.setSelection(TextSelection.atEnd(state0.doc)));
    const tr = pasteBlocks(state, blocks);
    expect(tr).not.toBeNull();
    const stored = docToBlocks((tr ?? state.tr).doc);
    expect(words(blocksText(stored)).join(' ')).toBe(['Före', ...expected].join(' '));
  });

  it('any HTML: the words shown are the words kept, in order', () => {
    fc.assert(
      fc.property(fc.array(html, { maxLength: 6 }), (parts) => {
        const source = parts.join('');
        // A picture placeholder copied from the editor carries its caption as an attribute.
        fc.pre(!/data-caption|rt-figure/.test(source));
        expect(words(blocksText(htmlToBlocks(source, parseHtml)))).toEqual(sourceWords(source));
      }),
      // Found by this property: text either side of a dropped image in a row (CI, seed 1791708901);
      // a comment between two halves of a word right inside a list (CI, seed 1721681494); Word's
      // hidden list marker on a nested list or a cell; a "<style>" inside a script or a comment,
      // which a plain text search took for a style element and removed the words after it with.
      {
        numRuns: 500,
        examples: [
          [['<tr>Hej<img>Hej</img></tr>']],
          [['<p><ul>Hej<!-- c -->Hej</ul></p>']],
          [["<p><ul><ul style='mso-list:Ignore'>Hej</ul></ul></p>"]],
          [["<tr><td style='mso-list:Ignore'>Hej</td></tr>"]],
          [['<script><style><script></script>Hej</style></script>']],
          [['<!-- <style> -->Hej<!-- </style> -->', '<p title="a>b" style="font-weight:bold">Hej</p>']],
        ],
      },
    );
  });
});
