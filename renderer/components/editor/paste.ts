// Pasted HTML (Word, LibreOffice, web pages, the editor itself) and plain text → canonical rich
// text (core/format/richtext). Only what the schema can hold survives: paragraphs, one heading
// level, bulleted/numbered lists (nested), bold, italic, http(s) links, and — when the HTML came
// from this editor — picture placeholders and confidential passages with a valid OSL provision.
// Styles, classes, spans, fonts, colours, Word's conditional comments and mso- markup, images,
// scripts and forms are dropped; Word's MsoListParagraph paragraphs become real lists.
//
// The HTML is parsed by an inert DOMParser document (never inserted into the page) after its style
// attributes are renamed (defuseStyles), and read with nothing but childNodes/getAttribute, so the
// parse costs no style computation and raises no CSP report. Tests and the benchmark pass
// linkedom's parser.
import type { Block, Inline } from '../../../core/format/richtext';
import { normalizeRichText } from '../../../core/app/workspace/richtext';
import { OSL_PROVISION_PATTERN } from '../../../core/format/provision-pattern';

/** The part of the DOM the reader uses (so any DOM implementation will do). */
interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly nodeValue: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  getAttribute?(name: string): string | null;
}

export type HtmlParser = (html: string) => { body: DomNode | null };

const ELEMENT = 1;
const TEXT = 3;

interface Marks {
  bold?: true;
  italic?: true;
  link?: string;
}

type ListBlock = Extract<Block, { type: 'bullets' | 'numbered' }>;

/** Never read: metadata, scripts, media, form controls, Word/VML/Office XML islands. */
const SKIP = new Set([
  'head',
  'title',
  'meta',
  'link',
  'style',
  'script',
  'noscript',
  'template',
  'xml',
  'img',
  'picture',
  'svg',
  'math',
  'video',
  'audio',
  'iframe',
  'object',
  'embed',
  'canvas',
  'map',
  'button',
  'input',
  'select',
  'textarea',
  'datalist',
  'option',
]);

/** Elements that end the running paragraph (their content is read as blocks of its own). */
const BLOCKS = new Set([
  'html',
  'body',
  'p',
  'div',
  'blockquote',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'address',
  'center',
  'form',
  'fieldset',
  'legend',
  'details',
  'summary',
  'dl',
  'dt',
  'dd',
  'figure',
  'figcaption',
  'li',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'caption',
  'colgroup',
  'col',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'tr',
  'td',
  'th',
]);

const LINK = /^https?:\/\/\S+$/;

function nameOf(n: DomNode): string {
  return n.nodeName.toLowerCase();
}

function attrOf(n: DomNode, name: string): string | null {
  return n.getAttribute === undefined ? null : n.getAttribute(name);
}

/**
 * Before parsing, style elements go and every style attribute is renamed data-style: a DOMParser
 * document shares the page's CSP, and parsing one style attribute under style-src 'self' is one
 * CSP violation report (Chromium sent ~8,000 for 500 KB from Word, and they cost seconds).
 *
 * The markup is scanned left to right the way an HTML parser tokenises it, so that only real
 * tags are touched: a comment, or the raw text of a script or textarea, that happens to contain
 * "<style>" is kept as it is (a plain search for <style>…</style> would take the visible text
 * between such a "tag" and a later real one with it).
 */
const TOKENS = new RegExp(
  [
    /<!--(?:-?>|[\s\S]*?(?:--!?>|$))/.source, // a comment (also <!--> and <!--->, and one left open)
    /<[!?/][^>]*>?/.source, // <!doctype>, <![endif]>, <?xml?>, an end tag: kept as they are
    /<(script|textarea|title|xmp|iframe|noembed|noframes)(?=[\s/>])[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/.source, // raw text
    /<style(?=[\s/>])[\s\S]*?(?:<\/style\s*>|$)/.source, // a style element: removed
    // A start tag; a quoted value may hold ">". One left open runs to the end, as in a parser (and
    // every token can match wherever it starts, so the scan stays linear on broken markup).
    /<[a-zA-Z](?:[^"'>]|"[^"]*(?:"|$)|'[^']*(?:'|$))*(?:>|$)/.source,
  ].join('|'),
  'gi',
);

export function defuseStyles(html: string): string {
  return html.replace(TOKENS, (token: string, raw: string | undefined) => {
    if (raw !== undefined || token[1] === '!' || token[1] === '?' || token[1] === '/') return token;
    if (/^<style[\s/>]/i.test(token)) return '';
    return token.includes('style') ? token.replace(/(\s)style(\s*=)/gi, '$1data-style$2') : token;
  });
}

const NO_STYLE: ReadonlyMap<string, string> = new Map();

/** The only properties the reader looks at; any other style (most of Word's) is not parsed. */
const READ_PROPERTIES = /mso-list|font-weight|font-style/i;

/** A (renamed) style attribute as property → value (lower-case), read as text: no CSSOM. */
function styleOf(n: DomNode): ReadonlyMap<string, string> {
  const s = attrOf(n, 'data-style');
  if (s === null || s === '' || !READ_PROPERTIES.test(s)) return NO_STYLE;
  const out = new Map<string, string>();
  for (const decl of s.split(';')) {
    const colon = decl.indexOf(':');
    if (colon < 0) continue;
    out.set(
      decl.slice(0, colon).trim().toLowerCase(),
      decl
        .slice(colon + 1)
        .trim()
        .toLowerCase(),
    );
  }
  return out;
}

function marksOf(el: DomNode, name: string, style: ReadonlyMap<string, string>, outer: Marks): Marks {
  const m: Marks = { ...outer };
  if (name === 'b' || name === 'strong') m.bold = true;
  if (name === 'i' || name === 'em') m.italic = true;
  if (name === 'a') {
    const href = (attrOf(el, 'href') ?? '').trim();
    if (LINK.test(href)) m.link = href;
  }
  const weight = style.get('font-weight');
  if (weight !== undefined) {
    const n = Number(weight);
    if (weight === 'bold' || weight === 'bolder' || n >= 600) m.bold = true;
    else if (weight === 'normal' || weight === 'lighter' || (n > 0 && n < 600)) delete m.bold;
  }
  const fontStyle = style.get('font-style');
  if (fontStyle === 'italic' || fontStyle === 'oblique') m.italic = true;
  else if (fontStyle === 'normal') delete m.italic;
  return m;
}

function collapse(raw: string): string {
  return raw.replace(/\u200b|\u200c|\u200d|\ufeff|\u00ad/g, '').replace(/[\s\u00a0]+/g, ' ');
}

interface WordListFrame {
  level: number;
  key: string;
  list: ListBlock;
}

/** Word's list paragraph: `style="mso-list:l0 level2 lfo1"` (and a marker span to ignore). */
function wordListOf(style: ReadonlyMap<string, string>): { key: string; level: number } | null {
  const v = style.get('mso-list');
  if (v === undefined) return null;
  const m = /l(\d+)\s+level(\d+)\s+lfo(\d+)/.exec(v);
  if (m === null) return null;
  return { key: `${m[1]}/${m[3]}`, level: Number(m[2]) };
}

function isWordMarker(el: DomNode): boolean {
  return styleOf(el).get('mso-list') === 'ignore';
}

/** The text of Word's list marker ("1.", "a)", "·", "o", "§"), to tell numbered from bullets. */
function wordMarkerText(el: DomNode): string | null {
  const kids = el.childNodes;
  for (let i = 0; i < kids.length; i += 1) {
    const c = kids[i] as DomNode;
    if (c.nodeType !== ELEMENT) continue;
    if (isWordMarker(c)) return textOf(c).trim();
    const inner = wordMarkerText(c);
    if (inner !== null) return inner;
  }
  return null;
}

function textOf(n: DomNode): string {
  if (n.nodeType === TEXT) return n.nodeValue ?? '';
  if (n.nodeType !== ELEMENT) return '';
  let s = '';
  // The marker's padding span sits inside the marker span; its text is spaces only.
  const kids = n.childNodes;
  for (let i = 0; i < kids.length; i += 1) s += textOf(kids[i] as DomNode);
  return s;
}

const NUMBERED_MARKER = /^\(?(\d{1,3}|[a-zA-Z]|[ivxlcdmIVXLCDM]{1,6})[.)]$/;

class Reader {
  readonly out: Block[] = [];
  private inlines: Inline[] = [];
  private wordLists: WordListFrame[] = [];

  /** Ends the running paragraph. */
  flush(): void {
    if (this.inlines.some((i) => i.text.trim() !== '')) {
      this.wordLists = [];
      this.out.push({ type: 'paragraph', content: this.inlines });
    }
    this.inlines = [];
  }

  block(b: Block): void {
    this.flush();
    this.wordLists = [];
    this.out.push(b);
  }

  text(raw: string, marks: Marks): void {
    let text = collapse(raw);
    if (text === '') return;
    const last = this.inlines[this.inlines.length - 1];
    // Whitespace between two elements shows once.
    if (text.startsWith(' ') && (last === undefined || last.text.endsWith(' '))) text = text.slice(1);
    if (text === '') return;
    this.inlines.push({ text, ...marks });
  }

  blocks(): Block[] {
    this.flush();
    return this.out;
  }

  /** One of Word's list paragraphs: a new item at its level, nesting and closing lists as needed. */
  wordItem(level: number, key: string, type: ListBlock['type'], content: Block[]): void {
    this.flush();
    const frames = this.wordLists;
    if (frames.length > 0 && frames[0]?.key !== key) frames.length = 0;
    while (frames.length > 0 && (frames[frames.length - 1]?.level ?? 0) > level) frames.pop();
    let top = frames[frames.length - 1];
    const open = (parentItem: Block[] | null): WordListFrame => {
      const list: ListBlock = { type, items: [] };
      if (parentItem === null) this.out.push(list);
      else parentItem.push(list);
      const frame = { level, key, list };
      frames.push(frame);
      return frame;
    };
    if (top === undefined) top = open(null);
    else if (top.level < level) top = open(top.list.items[top.list.items.length - 1] ?? null);
    else if (top.list.type !== type) {
      frames.pop();
      const parent = frames[frames.length - 1];
      top = open(parent === undefined ? null : (parent.list.items[parent.list.items.length - 1] ?? null));
    }
    top.list.items.push(content);
  }
}

function readChildren(el: DomNode, marks: Marks, r: Reader): void {
  const kids = el.childNodes;
  for (let i = 0; i < kids.length; i += 1) readNode(kids[i] as DomNode, marks, r);
}

/** The blocks of an element read on its own (a list item, a table cell, a Word list paragraph). */
function blocksOf(el: DomNode, marks: Marks): Block[] {
  const r = new Reader();
  readChildren(el, marks, r);
  return r.blocks();
}

function plainOf(blocks: readonly Block[]): string {
  const parts: string[] = [];
  const walk = (bs: readonly Block[]) => {
    for (const b of bs) {
      if (b.type === 'paragraph') parts.push(b.content.map((i) => i.text).join(''));
      else if (b.type === 'heading') parts.push(b.text);
      else if (b.type === 'bullets' || b.type === 'numbered') b.items.forEach(walk);
      else if (b.type === 'confidential') walk(b.blocks);
      else if (b.caption !== undefined) parts.push(b.caption);
    }
  };
  walk(blocks);
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join(' ');
}

/** Word's list marker ("1.", "·") and its padding: hidden whatever element carries it. Every place
 * that reads an element's children itself (lists, table rows) asks this, as readNode does. */
function isHiddenMarker(n: DomNode): boolean {
  return n.nodeType === ELEMENT && styleOf(n).get('mso-list') === 'ignore';
}

function listOf(el: DomNode, type: ListBlock['type']): ListBlock {
  const items: Block[][] = [];
  // Text or elements right inside the list, outside any item (a lenient parser leaves them there),
  // are read together as one item per run: a comment between two words does not split a word.
  let loose: Reader | null = null;
  const flushLoose = () => {
    const blocks = loose === null ? [] : loose.blocks();
    if (blocks.length > 0) items.push(blocks);
    loose = null;
  };
  const kids = el.childNodes;
  for (let i = 0; i < kids.length; i += 1) {
    const c = kids[i] as DomNode;
    const name = c.nodeType === ELEMENT ? nameOf(c) : '';
    if (isHiddenMarker(c)) continue;
    if (name === 'li') {
      flushLoose();
      items.push(blocksOf(c, {}));
    } else if (name === 'ul' || name === 'ol') {
      // A list right inside a list (Chromium's "indent") belongs to the item before it.
      flushLoose();
      const nested = listOf(c, name === 'ol' ? 'numbered' : 'bullets');
      const last = items[items.length - 1];
      if (last === undefined) items.push([nested]);
      else last.push(nested);
    } else readNode(c, {}, (loose ??= new Reader()));
  }
  flushLoose();
  return { type, items };
}

function readNode(node: DomNode, marks: Marks, r: Reader): void {
  if (node.nodeType === TEXT) {
    r.text(node.nodeValue ?? '', marks);
    return;
  }
  if (node.nodeType !== ELEMENT) return; // comments (Word's conditional ones too), doctypes
  const name = nameOf(node);
  // Office XML islands (<o:p>, <v:shape>, <w:…>) and skipped elements.
  if (SKIP.has(name) || name.includes(':')) return;
  const style = styleOf(node);
  if (isHiddenMarker(node)) return; // Word's list marker ("1.", "·") and its padding
  switch (name) {
    case 'br':
      r.flush();
      return;
    case 'hr':
      r.flush();
      return;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6': {
      if (wordListOf(style) !== null) break; // a numbered heading in Word: read as a list item below
      r.block({ type: 'heading', text: plainOf(blocksOf(node, {})) });
      return;
    }
    case 'ul':
    case 'ol':
      r.block(listOf(node, name === 'ol' ? 'numbered' : 'bullets'));
      return;
    case 'tr': {
      // One paragraph per row, cells joined by dashes. Whatever else a row holds (text or
      // elements outside a cell, which a lenient parser leaves there) is read as a cell of its own,
      // consecutive such nodes together (text on both sides of a dropped image stays one word):
      // no word of the source is dropped or split.
      const cells: string[] = [];
      const kids = node.childNodes;
      let stray: Reader | null = null;
      const keep = (cell: Reader) => {
        const text = plainOf(cell.blocks());
        if (text !== '') cells.push(text);
      };
      for (let i = 0; i < kids.length; i += 1) {
        const c = kids[i] as DomNode;
        if (isHiddenMarker(c)) continue;
        if (c.nodeType === ELEMENT && (nameOf(c) === 'td' || nameOf(c) === 'th')) {
          if (stray !== null) keep(stray);
          stray = null;
          const cell = new Reader();
          readChildren(c, {}, cell);
          keep(cell);
        } else readNode(c, {}, (stray ??= new Reader()));
      }
      if (stray !== null) keep(stray);
      if (cells.length > 0) r.block({ type: 'paragraph', content: [{ text: cells.join(' – ') }] });
      else r.flush();
      return;
    }
    case 'figure': {
      const caption = attrOf(node, 'data-caption');
      if (caption !== null || (attrOf(node, 'class') ?? '').split(/\s+/).includes('rt-figure')) {
        // A placeholder copied from this editor (a picture from elsewhere is dropped: see SKIP).
        const fig: Extract<Block, { type: 'figure' }> = { type: 'figure' };
        const note = attrOf(node, 'data-note');
        if (caption !== null && caption.trim() !== '') fig.caption = caption.trim();
        if (note !== null && note.trim() !== '') fig.note = note.trim();
        r.block(fig);
        return;
      }
      break;
    }
    case 'section': {
      const provision = (attrOf(node, 'data-provision') ?? '').trim();
      if (OSL_PROVISION_PATTERN.test(provision)) {
        r.block({ type: 'confidential', provision, blocks: blocksOf(node, marks) });
        return;
      }
      break;
    }
    default:
      break;
  }
  if (name === 'p' || /^h[1-6]$/.test(name)) {
    const word = wordListOf(style);
    if (word !== null) {
      const marker = wordMarkerText(node);
      const type = marker !== null && NUMBERED_MARKER.test(marker) ? 'numbered' : 'bullets';
      r.wordItem(word.level, word.key, type, blocksOf(node, marksOf(node, name, style, marks)));
      return;
    }
    const cls = attrOf(node, 'class') ?? '';
    if (/\bMsoTitle\b/.test(cls)) {
      r.block({ type: 'heading', text: plainOf(blocksOf(node, {})) });
      return;
    }
  }
  const inner = name === 'span' && style === NO_STYLE ? marks : marksOf(node, name, style, marks);
  if (BLOCKS.has(name)) {
    r.flush();
    readChildren(node, inner, r);
    r.flush();
  } else readChildren(node, inner, r);
}

function defaultParser(html: string): { body: DomNode | null } {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as { body: DomNode | null };
}

/** Pasted HTML as canonical rich text. */
export function htmlToBlocks(html: string, parse: HtmlParser = defaultParser): Block[] {
  const doc = parse(defuseStyles(html));
  if (doc.body === null) return [];
  const r = new Reader();
  readChildren(doc.body, {}, r);
  return normalizeRichText(r.blocks());
}

/**
 * Pasted plain text: blank lines separate paragraphs; lines starting with "-", "•", "–" or "*"
 * are bullets, with "1." or "1)" numbered items.
 */
export function textToBlocks(text: string): Block[] {
  const out: Block[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let para: string[] = [];
  let list = null as ListBlock | null;
  const flushPara = () => {
    if (para.length > 0) out.push({ type: 'paragraph', content: [{ text: para.join(' ') }] });
    para = [];
  };
  const flushList = () => {
    if (list !== null) out.push(list);
    list = null;
  };
  for (const line of lines) {
    const bullet = /^\s*[-•*–]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d{1,3}[.)]\s+(.*)$/.exec(line);
    const item = bullet ?? numbered;
    if (item !== null) {
      flushPara();
      const type = bullet !== null ? 'bullets' : 'numbered';
      if (list === null || list.type !== type) flushList();
      const current: ListBlock = list ?? (type === 'bullets' ? { type: 'bullets', items: [] } : { type: 'numbered', items: [] });
      list = current;
      current.items.push([{ type: 'paragraph', content: [{ text: (item[1] ?? '').trim() }] }]);
    } else if (line.trim() === '') {
      flushPara();
      flushList();
    } else {
      flushList();
      para.push(line.trim());
    }
  }
  flushPara();
  flushList();
  return normalizeRichText(out);
}
