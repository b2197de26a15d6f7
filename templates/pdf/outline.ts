// Bookmarks (the PDF outline) across joined parts: read each part's flat outline as
// (title, page index) and write one outline for the whole document.
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument, type PDFPage } from 'pdf-lib';

export interface OutlineEntry {
  title: string;
  /** 0-based page index in the document the entry was read from. */
  page: number;
}

export function readOutline(doc: PDFDocument): OutlineEntry[] {
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const pages = doc.getPages();
  const entries: OutlineEntry[] = [];
  let item = outlines?.lookupMaybe(PDFName.of('First'), PDFDict);
  // A malformed chain must not loop forever.
  for (let guard = 0; item !== undefined && guard < 10_000; guard += 1) {
    const title = item.lookup(PDFName.of('Title'));
    const dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray);
    const target = dest?.get(0);
    const page = target instanceof PDFRef ? pages.findIndex((p) => p.ref === target) : -1;
    if ((title instanceof PDFString || title instanceof PDFHexString) && page >= 0) entries.push({ title: title.decodeText(), page });
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  return entries;
}

/** Replaces the document's outline with `entries`, each opening its page fitted to the window. */
export function writeOutline(doc: PDFDocument, entries: readonly OutlineEntry[], pages: readonly PDFPage[]): void {
  if (entries.length === 0) {
    doc.catalog.delete(PDFName.of('Outlines'));
    return;
  }
  const ctx = doc.context;
  const root = ctx.nextRef();
  const refs = entries.map(() => ctx.nextRef());
  entries.forEach((entry, i) => {
    const page = pages[entry.page];
    if (page === undefined) throw new Error(`Bokmärket "${entry.title}" pekar på en sida som inte finns.`);
    const item = ctx.obj({});
    item.set(PDFName.of('Title'), PDFHexString.fromText(entry.title));
    item.set(PDFName.of('Parent'), root);
    item.set(PDFName.of('Dest'), ctx.obj([page.ref, PDFName.of('Fit')]));
    const prev = refs[i - 1];
    const next = refs[i + 1];
    if (prev !== undefined) item.set(PDFName.of('Prev'), prev);
    if (next !== undefined) item.set(PDFName.of('Next'), next);
    ctx.assign(refs[i] as PDFRef, item);
  });
  const outline = ctx.obj({});
  outline.set(PDFName.of('Type'), PDFName.of('Outlines'));
  outline.set(PDFName.of('First'), refs[0] as PDFRef);
  outline.set(PDFName.of('Last'), refs[refs.length - 1] as PDFRef);
  outline.set(PDFName.of('Count'), PDFNumber.of(entries.length));
  ctx.assign(root, outline);
  doc.catalog.set(PDFName.of('Outlines'), root);
}
