// The pdf-lib pass over @react-pdf's output, on the unsigned file only: joins the separately
// typeset parts, lays the page numbers over every page, draws attached PDF pages onto their
// framed placeholder pages, writes one outline, makes Info and XMP metadata agree (PDF/A-2b),
// and saves with a classic xref table so the signing step can append incremental updates.
import {
  ParseSpeeds,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFObjectCopier,
  PDFOperator,
  PDFOperatorNames,
  PDFRawStream,
  PDFRef,
  PDFString,
  rgb,
  type PDFContext,
  type PDFPage,
} from 'pdf-lib';
import { AppError } from '../../core/api/errors';
import type { DocumentMeta } from '../../core/documents/types';
import { attachmentArea } from '../components/layout';
import { readOutline, writeOutline } from './outline';
import { typesetPageNumbers } from './page-numbers';
import { addCidSets } from './cidset';
import { buildStructure, usedMcids, type Figure } from './structure';
import { uniqueSubsetTags } from './subset-tags';
import { buildXmp, keywordsText } from './xmp';

/** One typeset file (`raw`) or several parts to join (`parts`, the first one's catalog is kept). */
export type FinishInput = ({ raw: Uint8Array } | { parts: Uint8Array[] }) & {
  /** Typesets the "n (N)" overlay once the total is known; defaults to the standard header position. */
  pageNumbers?: (total: number) => Promise<Uint8Array>;
  meta: DocumentMeta;
  producer: string;
  /** Attached PDFs in order; their placeholder pages are the pages just before the last one. */
  files: { title: string; bytes: Uint8Array }[];
};

export interface Finished {
  pdf: Uint8Array;
  pageCount: number;
}

/** Whole seconds: PDF date strings carry no milliseconds, and Info and XMP must match exactly. */
function seconds(iso: string): Date {
  return new Date(Math.floor(Date.parse(iso) / 1000) * 1000);
}

/**
 * pdf-lib yields to the event loop every 100 objects read and every 50 written, by a
 * setTimeout that costs a millisecond each; this runs in a render worker, so it need not yield.
 */
const LOAD = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest } as const;

export async function loadAttachment(title: string, bytes: Uint8Array): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(bytes, LOAD);
  } catch {
    throw new AppError('validation', `Bilagan "${title}" kunde inte läsas som PDF. Kontrollera filen och lägg till den igen.`);
  }
}

export async function finishPdf(input: FinishInput): Promise<Finished> {
  const { meta, producer, files } = input;
  const pageNumbers = input.pageNumbers ?? ((total: number) => typesetPageNumbers(total));
  const [first, ...rest] = 'raw' in input ? [input.raw] : input.parts;
  if (first === undefined) throw new Error('Inget att sammanfoga: dokumentet har inga delar.');
  const doc = await PDFDocument.load(first, LOAD);
  const outline = readOutline(doc);
  const partOfPage: number[] = doc.getPageIndices().map(() => 0);
  for (const [i, bytes] of rest.entries()) {
    const part = await PDFDocument.load(bytes, LOAD);
    const offset = doc.getPageCount();
    outline.push(...readOutline(part).map((e) => ({ ...e, page: e.page + offset })));
    for (const page of await doc.copyPages(part, part.getPageIndices())) {
      doc.addPage(page);
      partOfPage.push(i + 1);
    }
  }
  await stampPageNumbers(doc, await pageNumbers(doc.getPageCount()));
  const figures = await placeAttachments(doc, files);
  buildStructure(doc, partOfPage, figures, meta.language);
  writeOutline(doc, outline, doc.getPages());
  const created = seconds(meta.createdAt);
  const modified = seconds(meta.modifiedAt);
  writeInfo(doc, meta, producer, created, modified);
  writeXmp(doc, buildXmp({ meta, producer, created, modified }));
  uniqueSubsetTags(doc);
  addCidSets(doc);
  const pdf = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
  return { pdf, pageCount: doc.getPageCount() };
}

/**
 * Lays overlay page i over page i. Each overlay page becomes a form XObject that keeps its
 * content stream as typeset (already compressed) and its copied resources; pdf-lib wraps the
 * page's own content in q … Q when it first touches the page, so the overlay is drawn in
 * default coordinates. pdf-lib's embedPdf + drawPage would give the same picture but inflate
 * and deflate every stream again and start a compressor for each page: a fifth of the joining.
 */
async function stampPageNumbers(doc: PDFDocument, overlay: Uint8Array): Promise<void> {
  const numbers = await PDFDocument.load(overlay, LOAD);
  const pages = doc.getPages();
  const stamps = numbers.getPages();
  if (stamps.length !== pages.length) throw new Error('Sidnumreringen har fel antal sidor.');
  const ctx = doc.context;
  const copier = PDFObjectCopier.for(numbers.context, ctx);
  stamps.forEach((stamp, i) => {
    const page = pages[i] as PDFPage;
    const name = page.node.newXObject('Sidnummer', ctx.register(formOf(stamp, ctx, copier)));
    page.node.addContentStream(ctx.register(ctx.stream(`/Artifact <</Type /Pagination>> BDC\nq ${name.toString()} Do Q\nEMC\n`)));
  });
}

/** The overlay page as a form XObject over the same area, its content stream kept as it is. */
function formOf(stamp: PDFPage, ctx: PDFContext, copier: PDFObjectCopier): PDFRawStream {
  const contents = stamp.node.Contents();
  const content = contents instanceof PDFArray && contents.size() === 1 ? contents.lookup(0) : contents;
  const resources = stamp.node.Resources();
  if (!(content instanceof PDFRawStream) || resources === undefined) throw new Error('Sidnumreringen har ett oväntat innehåll.');
  const box = stamp.getMediaBox();
  const dict = ctx.obj({ Type: 'XObject', Subtype: 'Form', FormType: 1, BBox: [box.x, box.y, box.x + box.width, box.y + box.height] });
  dict.set(PDFName.of('Resources'), copier.copy(resources));
  for (const key of ['Filter', 'DecodeParms']) {
    const value = content.dict.get(PDFName.of(key));
    if (value !== undefined) dict.set(PDFName.of(key), copier.copy(value));
  }
  return PDFRawStream.of(dict, content.contents);
}

/** Draws the attached PDFs' pages on their placeholders, each a Figure of the structure (its frame an artifact). */
async function placeAttachments(doc: PDFDocument, files: FinishInput['files']): Promise<Figure[]> {
  const figures: Figure[] = [];
  const sources = await Promise.all(files.map((f) => loadAttachment(f.title, f.bytes)));
  const total = sources.reduce((n, src) => n + src.getPageCount(), 0);
  // Placeholders sit between the typeset pages and the signature page.
  let target = doc.getPageCount() - 1 - total;
  const area = attachmentArea();
  for (const [f, src] of sources.entries()) {
    const embedded = await doc.embedPdf(src, src.getPageIndices());
    for (const [p, page] of embedded.entries()) {
      const scale = Math.min(area.width / page.width, area.height / page.height, 1);
      const width = page.width * scale;
      const height = page.height * scale;
      const x = area.x + (area.width - width) / 2;
      const y = area.y + area.height - height;
      const on = doc.getPage(target);
      const mcid = usedMcids(doc, target);
      on.pushOperators(PDFOperator.of(PDFOperatorNames.BeginMarkedContentSequence, [PDFName.of('Figure'), `<</MCID ${mcid}>>`]));
      on.drawPage(page, { x, y, width, height });
      on.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent), PDFOperator.of(PDFOperatorNames.BeginMarkedContent, [PDFName.of('Artifact')]));
      on.drawRectangle({ x, y, width, height, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 0.5 });
      on.pushOperators(PDFOperator.of(PDFOperatorNames.EndMarkedContent));
      figures.push({ page: target, mcid, alt: `Bilaga: ${files[f]?.title ?? ''}, sida ${p + 1} av ${embedded.length}` });
      target += 1;
    }
  }
  return figures;
}

function writeInfo(doc: PDFDocument, meta: DocumentMeta, producer: string, created: Date, modified: Date): void {
  const existing = doc.context.trailerInfo.Info;
  const info = existing === undefined ? doc.context.obj({}) : doc.context.lookup(existing, PDFDict);
  if (existing === undefined) doc.context.trailerInfo.Info = doc.context.register(info);
  // pdfkit writes react-pdf's modificationDate under a key no reader knows.
  info.delete(PDFName.of('ModificationDate'));
  const text = (key: string, value: string) => info.set(PDFName.of(key), PDFHexString.fromText(value));
  text('Title', meta.title);
  text('Author', meta.author);
  text('Subject', meta.subject);
  text('Keywords', keywordsText(meta));
  text('Creator', producer);
  text('Producer', producer);
  info.set(PDFName.of('CreationDate'), PDFString.fromDate(created));
  info.set(PDFName.of('ModDate'), PDFString.fromDate(modified));
}

function writeXmp(doc: PDFDocument, xml: string): void {
  const bytes = new TextEncoder().encode(xml);
  // PDF/A wants the packet readable without decoding, so the stream is left unfiltered.
  const stream = doc.context.stream(bytes, { Type: 'Metadata', Subtype: 'XML' });
  const existing = doc.catalog.get(PDFName.of('Metadata'));
  if (existing instanceof PDFRef && doc.context.lookup(existing) instanceof PDFRawStream) {
    doc.context.assign(existing, stream);
  } else {
    doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
  }
}
