// The structure tree of a joined document (tagged PDF): built once, on the joined file, from
// the leaves every typeset page recorded (pdfkit-tagging.ts, /JusteraTags: the leaf id of each
// MCID). A leaf id is "TAG|Sect~p20/Table~0/TR~3|n"; the path names the containers, which are
// made in the order they first appear, under one Document element. A leaf drawn on two pages
// (a paragraph split by a page break) is one element with content on both. Ids are only
// unique within a typeset part, so elements are keyed by part as well.
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFString, PDFRef, type PDFContext, type PDFDocument } from 'pdf-lib';
import { ANNOT_KEY, LEAF_KEY, LINKS_KEY } from './pdfkit-tagging';

/** Marked content drawn by pdf-lib onto a page after typesetting: an attached PDF page. */
export interface Figure {
  page: number;
  mcid: number;
  alt: string;
}

interface Element {
  ref: PDFRef;
  dict: PDFDict;
  kids: PDFArray;
}

export interface StructureSummary {
  leaves: number;
  containers: number;
  pages: number;
  links: number;
}

/** The MCIDs already used on a page (the next one to give is this count). */
export function usedMcids(doc: PDFDocument, pageIndex: number): number {
  const tags = doc.getPage(pageIndex).node.lookupMaybe(PDFName.of(LEAF_KEY), PDFArray);
  return tags?.size() ?? 0;
}

/**
 * Builds StructTreeRoot, ParentTree, StructParents and MarkInfo from the recorded leaves and
 * removes the records. `partOfPage[i]` is the typeset part page i came from.
 */
export function buildStructure(doc: PDFDocument, partOfPage: readonly number[], figures: readonly Figure[], language: string): StructureSummary {
  const ctx = doc.context;
  const rootRef = ctx.nextRef();
  const document = element(ctx, 'Document', rootRef);
  const containers = new Map<string, Element>();
  const leaves = new Map<string, { el: Element; page: PDFRef; parent: Element }>();
  const nums: (number | PDFArray | PDFRef)[] = [];
  let pagesWithContent = 0;
  let linkCount = 0;

  const container = (part: number, path: string): Element => {
    let parent = document;
    let key = `${part}`;
    for (const segment of path === '' ? [] : path.split('/')) {
      key = `${key}/${segment}`;
      let el = containers.get(key);
      if (el === undefined) {
        el = element(ctx, segment.split('~', 1)[0] ?? 'Div', parent.ref);
        parent.kids.push(el.ref);
        containers.set(key, el);
      }
      parent = el;
    }
    return parent;
  };

  doc.getPages().forEach((page, index) => {
    const tags = page.node.lookupMaybe(PDFName.of(LEAF_KEY), PDFArray);
    const links = page.node.lookupMaybe(PDFName.of(LINKS_KEY), PDFArray);
    page.node.delete(PDFName.of(LEAF_KEY));
    page.node.delete(PDFName.of(LINKS_KEY));
    const annots = numberedAnnotations(page.node.Annots());
    page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
    const onPage = figures.filter((f) => f.page === index);
    if ((tags === undefined || tags.size() === 0) && onPage.length === 0) return;
    const part = partOfPage[index] ?? 0;
    const byMcid: PDFRef[] = [];
    const leafOfMcid: Element[] = [];
    let last: Element = document;
    for (let mcid = 0; mcid < (tags?.size() ?? 0); mcid += 1) {
      const raw = tags?.lookup(mcid);
      const id = raw instanceof PDFString || raw instanceof PDFHexString ? raw.decodeText() : '';
      const [tag = 'P', path = '', n = '0'] = id.split('|');
      const key = `${part}|${path}|${n}`;
      let leaf = leaves.get(key);
      if (leaf === undefined) {
        const parent = container(part, path);
        const el = element(ctx, tag, parent.ref, page.ref);
        // Header cells head their columns (the templates' tables have one header row).
        if (tag === 'TH') el.dict.set(PDFName.of('A'), ctx.obj({ O: 'Table', Scope: 'Column' }));
        parent.kids.push(el.ref);
        leaf = { el, page: page.ref, parent };
        leaves.set(key, leaf);
      }
      leaf.el.kids.push(leaf.page === page.ref ? PDFNumber.of(mcid) : ctx.obj({ Type: 'MCR', Pg: page.ref, MCID: mcid }));
      byMcid[mcid] = leaf.el.ref;
      leafOfMcid[mcid] = leaf.el;
      last = leaf.parent;
    }
    for (const f of onPage) {
      const el = element(ctx, 'Figure', last.ref, page.ref);
      el.dict.set(PDFName.of('Alt'), PDFHexString.fromText(f.alt));
      el.kids.push(PDFNumber.of(f.mcid));
      last.kids.push(el.ref);
      byMcid[f.mcid] = el.ref;
    }
    const key = nums.length / 2;
    page.node.set(PDFName.of('StructParents'), PDFNumber.of(key));
    nums.push(key, ctx.obj(Array.from({ length: byMcid.length }, (_, i) => byMcid[i] ?? null)));
    pagesWithContent += 1;
    // A link drawn inside a leaf: a Link element in it, pointing at the annotation (OBJR).
    for (let i = 0; i + 1 < (links?.size() ?? 0); i += 2) {
      const leaf = leafOfMcid[links?.lookup(i, PDFNumber).asNumber() ?? -1];
      const annot = annots.get(links?.lookup(i + 1, PDFNumber).asNumber() ?? -1);
      if (leaf === undefined || annot === undefined) continue;
      const link = element(ctx, 'Link', leaf.ref, page.ref);
      link.kids.push(ctx.obj({ Type: 'OBJR', Obj: annot.ref, Pg: page.ref }));
      leaf.kids.push(link.ref);
      const annotKey = nums.length / 2;
      annot.dict.set(PDFName.of('StructParent'), PDFNumber.of(annotKey));
      nums.push(annotKey, link.ref);
      linkCount += 1;
    }
  });

  const root = ctx.obj({ Type: 'StructTreeRoot', K: document.ref, ParentTree: ctx.obj({ Nums: nums }), ParentTreeNextKey: nums.length / 2 });
  ctx.assign(rootRef, root);
  document.dict.set(PDFName.of('Lang'), PDFHexString.fromText(language));
  doc.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
  doc.catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Marked: true }));
  return { leaves: leaves.size + figures.length, containers: containers.size + 1, pages: pagesWithContent, links: linkCount };
}

function element(ctx: PDFContext, type: string, parent: PDFRef, page?: PDFRef): Element {
  const kids = ctx.obj([]);
  const dict = ctx.obj({ Type: 'StructElem', S: type, P: parent, K: kids });
  if (page !== undefined) dict.set(PDFName.of('Pg'), page);
  return { ref: ctx.register(dict), dict, kids };
}

/** The annotations that pdfkit-tagging.ts numbered, by number; the numbers are removed. */
function numberedAnnotations(annots: PDFArray | undefined): Map<number, { ref: PDFRef; dict: PDFDict }> {
  const found = new Map<number, { ref: PDFRef; dict: PDFDict }>();
  for (let i = 0; i < (annots?.size() ?? 0); i += 1) {
    const ref = annots?.get(i);
    const dict = annots?.lookupMaybe(i, PDFDict);
    const n = dict?.get(PDFName.of(ANNOT_KEY));
    if (dict === undefined || !(n instanceof PDFNumber) || !(ref instanceof PDFRef)) continue;
    dict.delete(PDFName.of(ANNOT_KEY));
    found.set(n.asNumber(), { ref, dict });
    // A link's text alternative (PDF/UA): where it leads.
    const uri = dict.lookupMaybe(PDFName.of('A'), PDFDict)?.get(PDFName.of('URI'));
    if (!dict.has(PDFName.of('Contents')) && (uri instanceof PDFString || uri instanceof PDFHexString)) dict.set(PDFName.of('Contents'), PDFHexString.fromText(`Länk till ${uri.decodeText()}`));
  }
  return found;
}
