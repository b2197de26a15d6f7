// Structured rich text ↔ the editor's DOM. The model (core/format/richtext) is what is stored;
// HTML only lives inside the editing surface and in what the clipboard brings. Reading DOM is
// tolerant: whatever Chromium's editing commands or a pasted Word document produce becomes
// paragraphs, headings, lists, links, bold and italic; everything else is dropped.
import type { Block, Inline } from '../../../core/format/richtext';
import { normalizeRichText } from '../../../core/app/workspace/richtext';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function inlineHtml(i: Inline): string {
  let h = escapeHtml(i.text);
  if (i.italic) h = `<em>${h}</em>`;
  if (i.bold) h = `<strong>${h}</strong>`;
  if (i.link) h = `<a href="${escapeHtml(i.link)}">${h}</a>`;
  return h;
}

function itemHtml(item: readonly Block[]): string {
  // A list item whose first block is a paragraph edits as text directly in the <li>.
  const [first, ...rest] = item;
  if (first?.type === 'paragraph') return first.content.map(inlineHtml).join('') + blocksToHtml(rest);
  return blocksToHtml(item);
}

export function figureLabel(caption: string | undefined): string {
  return caption ? `Bild: ${caption}` : 'Bild';
}

export function blocksToHtml(blocks: readonly Block[]): string {
  return blocks
    .map((b) => {
      switch (b.type) {
        case 'paragraph':
          return `<p>${b.content.map(inlineHtml).join('') || '<br>'}</p>`;
        case 'heading':
          return `<h4>${escapeHtml(b.text)}</h4>`;
        case 'bullets':
          return `<ul>${b.items.map((item) => `<li>${itemHtml(item)}</li>`).join('')}</ul>`;
        case 'numbered':
          return `<ol>${b.items.map((item) => `<li>${itemHtml(item)}</li>`).join('')}</ol>`;
        case 'figure':
          return `<figure class="rt-figure" contenteditable="false" data-caption="${escapeHtml(b.caption ?? '')}" data-note="${escapeHtml(b.note ?? '')}">${escapeHtml(figureLabel(b.caption))}</figure>`;
        case 'confidential':
          return `<section class="rt-confidential" data-provision="${escapeHtml(b.provision)}">${blocksToHtml(b.blocks)}</section>`;
        default: {
          const never: never = b;
          return never;
        }
      }
    })
    .join('');
}

interface Marks {
  bold?: boolean;
  italic?: boolean;
  link?: string;
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'META', 'LINK', 'TEMPLATE', 'TITLE', 'HEAD', 'NOSCRIPT', 'svg', 'SVG', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'O:P']);
const BLOCK = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'FIGURE', 'SECTION', 'BLOCKQUOTE', 'TABLE', 'TBODY', 'THEAD', 'TR', 'TD', 'TH', 'ARTICLE', 'HEADER', 'FOOTER', 'MAIN', 'ASIDE', 'NAV', 'PRE', 'DL', 'DT', 'DD', 'IMG', 'HR', 'CENTER', 'FORM', 'BODY', 'HTML']);

function hasBlockChild(el: Element): boolean {
  for (const c of Array.from(el.children)) if (BLOCK.has(c.tagName) || hasBlockChild(c)) return true;
  return false;
}

function marksOf(el: Element, outer: Marks): Marks {
  const m: Marks = { ...outer };
  const tag = el.tagName;
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  const weight = style?.fontWeight ?? '';
  if (tag === 'B' || tag === 'STRONG' || weight === 'bold' || weight === 'bolder' || Number(weight) >= 600) m.bold = true;
  if (weight === 'normal' || (weight !== '' && Number(weight) > 0 && Number(weight) < 600)) delete m.bold;
  if (tag === 'I' || tag === 'EM' || style?.fontStyle === 'italic') m.italic = true;
  if (style?.fontStyle === 'normal') delete m.italic;
  if (tag === 'A') {
    const href = el.getAttribute('href') ?? '';
    if (/^https?:\/\/\S+$/.test(href)) m.link = href;
  }
  return m;
}

interface ReadOptions {
  /** Pasted HTML: runs of whitespace show as one space. */
  collapse: boolean;
}

function textOf(raw: string, opts: ReadOptions): string {
  const t = raw.replace(/\u00a0/g, ' ').replace(/[\u200b\ufeff]/g, '');
  return opts.collapse ? t.replace(/\s+/g, ' ') : t.replace(/[\r\n]+/g, ' ');
}

function inlinesOf(node: Node, marks: Marks, opts: ReadOptions): Inline[] {
  if (node.nodeType === Node.TEXT_NODE) {
    const text = textOf(node.nodeValue ?? '', opts);
    return text === '' ? [] : [{ text, ...marks }];
  }
  if (node.nodeType !== Node.ELEMENT_NODE) return [];
  const el = node as Element;
  if (SKIP.has(el.tagName)) return [];
  if (el.tagName === 'BR') return [{ text: ' ', ...marks }];
  const inner = marksOf(el, marks);
  return Array.from(el.childNodes).flatMap((c) => inlinesOf(c, inner, opts));
}

function listOf(el: Element, opts: ReadOptions): Block | null {
  const items: Block[][] = [];
  for (const c of Array.from(el.childNodes)) {
    if (c.nodeType === Node.ELEMENT_NODE && ((c as Element).tagName === 'UL' || (c as Element).tagName === 'OL')) {
      // Chromium's "indent" nests a list directly in a list: it belongs to the item before.
      const nested = listOf(c as Element, opts);
      if (nested === null) continue;
      const last = items[items.length - 1];
      if (last === undefined) items.push([nested]);
      else last.push(nested);
    } else if (c.nodeType === Node.ELEMENT_NODE && (c as Element).tagName === 'LI') {
      items.push(readBlocks(c, {}, opts));
    } else {
      const stray = readBlocks({ childNodes: [c] } as unknown as Node, {}, opts);
      if (stray.length > 0) items.push(stray);
    }
  }
  return { type: el.tagName === 'OL' ? 'numbered' : 'bullets', items };
}

/** The blocks under `parent`; inline content between blocks becomes paragraphs. */
function readBlocks(parent: Node, marks: Marks, opts: ReadOptions): Block[] {
  const out: Block[] = [];
  let inlines: Inline[] = [];
  const flush = () => {
    if (inlines.length > 0) out.push({ type: 'paragraph', content: inlines });
    inlines = [];
  };
  for (const node of Array.from(parent.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) {
      inlines.push(...inlinesOf(node, marks, opts));
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const el = node as Element;
    const tag = el.tagName;
    if (SKIP.has(tag)) continue;
    switch (tag) {
      case 'BR':
        flush();
        break;
      case 'H1':
      case 'H2':
      case 'H3':
      case 'H4':
      case 'H5':
      case 'H6':
        flush();
        out.push({ type: 'heading', text: textOf(el.textContent ?? '', { collapse: true }).trim() });
        break;
      case 'UL':
      case 'OL': {
        flush();
        const list = listOf(el, opts);
        if (list !== null) out.push(list);
        break;
      }
      case 'FIGURE': {
        flush();
        const caption = el.getAttribute('data-caption') ?? el.querySelector('figcaption')?.textContent ?? '';
        const note = el.getAttribute('data-note') ?? '';
        const fig: Extract<Block, { type: 'figure' }> = { type: 'figure' };
        if (caption.trim() !== '') fig.caption = caption.trim();
        if (note.trim() !== '') fig.note = note.trim();
        out.push(fig);
        break;
      }
      case 'IMG': {
        flush();
        const alt = (el.getAttribute('alt') ?? '').trim();
        out.push(alt === '' ? { type: 'figure' } : { type: 'figure', caption: alt });
        break;
      }
      case 'SECTION': {
        flush();
        const provision = el.getAttribute('data-provision');
        const inner = readBlocks(el, marks, opts);
        if (provision !== null && provision.trim() !== '') out.push({ type: 'confidential', provision: provision.trim(), blocks: inner });
        else out.push(...inner);
        break;
      }
      case 'TR': {
        flush();
        const cells = Array.from(el.children).map((c) => textOf(c.textContent ?? '', { collapse: true }).trim()).filter((x) => x !== '');
        if (cells.length > 0) out.push({ type: 'paragraph', content: [{ text: cells.join(' – ') }] });
        break;
      }
      case 'HR':
        flush();
        break;
      default:
        if (BLOCK.has(tag) || hasBlockChild(el)) {
          flush();
          out.push(...readBlocks(el, marksOf(el, marks), opts));
        } else inlines.push(...inlinesOf(el, marks, opts));
    }
  }
  flush();
  return out;
}

/** The editor's content as stored rich text. */
export function domToBlocks(root: Element): Block[] {
  return normalizeRichText(readBlocks(root, {}, { collapse: false }));
}

/** Pasted HTML (e.g. from Word or a web page) as rich text. */
export function htmlToBlocks(html: string): Block[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return normalizeRichText(readBlocks(doc.body, {}, { collapse: true }));
}

/**
 * Pasted plain text: blank lines separate paragraphs; lines starting with "-", "•" or "*" are
 * bullets, with "1." or "1)" numbered items.
 */
export function textToBlocks(text: string): Block[] {
  const out: Block[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let para: string[] = [];
  let list: { type: 'bullets' | 'numbered'; items: Block[][] } | null = null;
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
      if (list === null || list.type !== type) {
        flushList();
        list = { type, items: [] };
      }
      list.items.push([{ type: 'paragraph', content: [{ text: (item[1] ?? '').trim() }] }]);
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
