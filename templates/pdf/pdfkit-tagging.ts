// Marked content for tagged PDF, written while @react-pdf draws (see components/tagged.tsx).
// @react-pdf draws a node between a save() and its restore(), and just before that restore it
// hands a node's `id` to addNamedDestination. For the ids of structure leaves this:
//   - puts `/TAG <</MCID n>> BDC` in front of the node's save (the position was noted when
//     save() was called) and `EMC` after what the node drew, so the leaf's content is one
//     marked-content sequence per page (a leaf split over two pages gets one on each);
//   - records the leaf's id at index n in the page dictionary (/JusteraTags), from which the
//     structure tree of the joined file is built (structure.ts), and adds no destination;
//   - when the page is finished, marks everything drawn outside the leaves (header, footer,
//     rules, boxes) as /Artifact, so every painted thing is either content or an artifact;
//   - numbers the annotations (links) made on a page (/JusteraAnnot) and records which leaf
//     drew each (/JusteraLinks [mcid number …]), so the link becomes a Link element in that leaf.
// Marked-content operators stand only between nodes, never inside BT … ET.
import PDFDocument from 'pdfkit';
import { LEAF_ID_PREFIX } from './leaf-id';

/** The page-dictionary key that carries the leaves of a typeset part to the joining step. */
export const LEAF_KEY = 'JusteraTags';
/** Page key: pairs [leaf MCID, annotation number] for the links drawn inside a leaf. */
export const LINKS_KEY = 'JusteraLinks';
/** Annotation key: the annotation's number on its page. */
export const ANNOT_KEY = 'JusteraAnnot';

interface ContentStream {
  buffer: Uint8Array[];
  uncompressedLength: number;
  data: { Length?: number };
}
interface Page {
  content: ContentStream;
  dictionary: { data: Record<string, unknown> };
}
interface Doc {
  page?: Page;
  _pageBuffer: Page[];
}
type Method = (this: Doc, ...args: unknown[]) => unknown;
interface Proto {
  save: Method;
  restore: Method;
  addNamedDestination: Method;
  flushPages: Method;
  annotate: Method;
  [INSTALLED]?: true;
}

const INSTALLED = Symbol('justera.tagging');

interface PageMarks {
  /** Chunk ranges [start, end] of the marked leaves, in the order they were drawn. */
  ranges: { start: number; end: number }[];
  /** Leaf ids by MCID. */
  ids: string[];
  /** Annotations made on the page: where in the content, and the leaf that claimed it. */
  annots: { at: number; leaf: number | null }[];
  /** [mcid, annotation number] per link inside a leaf. */
  links: number[];
}

/** Chunk index of the `q` of every save() still open, per document. */
const saves = new WeakMap<Doc, number[]>();
const marks = new WeakMap<Page, PageMarks>();

const bytes = (op: string) => new TextEncoder().encode(`${op}\n`);

function insert(stream: ContentStream, at: number, op: string): void {
  const chunk = bytes(op);
  stream.buffer.splice(at, 0, chunk);
  stream.uncompressedLength += chunk.length;
  stream.data.Length = (stream.data.Length ?? 0) + chunk.length;
}

function openSaves(doc: Doc): number[] {
  let stack = saves.get(doc);
  if (stack === undefined) {
    stack = [];
    saves.set(doc, stack);
  }
  return stack;
}

function marksOf(page: Page): PageMarks {
  let state = marks.get(page);
  if (state === undefined) {
    state = { ranges: [], ids: [], annots: [], links: [] };
    marks.set(page, state);
  }
  return state;
}

function markLeaf(doc: Doc, id: string): void {
  const page = doc.page;
  const start = openSaves(doc).at(-1);
  if (page === undefined || start === undefined || start < 0) return;
  const state = marksOf(page);
  // A leaf inside a leaf is a template mistake; the inner one keeps its marks.
  if (state.ranges.some((r) => r.start >= start)) return;
  const leaf = id.slice(LEAF_ID_PREFIX.length);
  const tag = leaf.split('|', 1)[0] ?? 'P';
  const mcid = state.ids.length;
  state.annots.forEach((a, n) => {
    if (a.leaf === null && a.at >= start) {
      a.leaf = mcid;
      state.links.push(mcid, n);
    }
  });
  insert(page.content, start, `/${tag} <</MCID ${mcid}>> BDC`);
  insert(page.content, page.content.buffer.length, 'EMC');
  state.ranges.push({ start, end: page.content.buffer.length - 1 });
  state.ids.push(leaf);
}

/** Wraps every stretch between leaves in /Artifact and stores the leaf ids on the page. */
function finishPage(page: Page): void {
  const state = marksOf(page);
  const stream = page.content;
  let gapEnd = stream.buffer.length;
  for (let i = state.ranges.length - 1; i >= -1; i -= 1) {
    const range = state.ranges[i];
    const gapStart = range === undefined ? 0 : range.end + 1;
    if (gapEnd > gapStart) {
      insert(stream, gapEnd, 'EMC');
      insert(stream, gapStart, '/Artifact BMC');
    }
    if (range !== undefined) gapEnd = range.start;
  }
  if (state.ids.length > 0) page.dictionary.data[LEAF_KEY] = state.ids.map((id) => new String(id));
  if (state.links.length > 0) page.dictionary.data[LINKS_KEY] = state.links;
  marks.delete(page);
}

export function installTagging(): void {
  const proto = (PDFDocument as unknown as { prototype: Proto }).prototype;
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const { save, restore, addNamedDestination, flushPages, annotate } = proto;
  proto.save = function (this: Doc, ...args) {
    openSaves(this).push(this.page === undefined ? -1 : this.page.content.buffer.length);
    return save.apply(this, args);
  };
  proto.restore = function (this: Doc, ...args) {
    openSaves(this).pop();
    return restore.apply(this, args);
  };
  proto.addNamedDestination = function (this: Doc, ...args) {
    const name = args[0];
    if (typeof name === 'string' && name.startsWith(LEAF_ID_PREFIX)) {
      markLeaf(this, name);
      return this;
    }
    return addNamedDestination.apply(this, args);
  };
  proto.annotate = function (this: Doc, ...args) {
    const page = this.page;
    const options = args[4];
    if (page === undefined || typeof options !== 'object' || options === null) return annotate.apply(this, args);
    const state = marksOf(page);
    const n = state.annots.length;
    state.annots.push({ at: page.content.buffer.length, leaf: null });
    return annotate.apply(this, [...args.slice(0, 4), { ...options, [ANNOT_KEY]: n }]);
  };
  proto.flushPages = function (this: Doc, ...args) {
    for (const page of this._pageBuffer) finishPage(page);
    return flushPages.apply(this, args);
  };
}
