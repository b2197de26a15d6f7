// The pdf-lib pass over @react-pdf's output, on the unsigned file only: joins the separately
// typeset parts, lays the page numbers over every page, draws attached PDF pages onto their
// framed placeholder pages, writes one outline, makes Info and XMP metadata agree (PDF/A-2b),
// and saves with a classic xref table so the signing step can append incremental updates.
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFString, rgb } from 'pdf-lib';
import { AppError } from '../../core/api/errors';
import type { DocumentMeta } from '../../core/documents/types';
import { attachmentArea } from '../components/layout';
import { readOutline, writeOutline } from './outline';
import { typesetPageNumbers } from './page-numbers';
import { addCidSets } from './cidset';
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

export async function loadAttachment(title: string, bytes: Uint8Array): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(bytes, { updateMetadata: false });
  } catch {
    throw new AppError('validation', `Bilagan "${title}" kunde inte läsas som PDF. Kontrollera filen och lägg till den igen.`);
  }
}

export async function finishPdf(input: FinishInput): Promise<Finished> {
  const { meta, producer, files } = input;
  const pageNumbers = input.pageNumbers ?? ((total: number) => typesetPageNumbers(total));
  const [first, ...rest] = 'raw' in input ? [input.raw] : input.parts;
  if (first === undefined) throw new Error('Inget att sammanfoga: dokumentet har inga delar.');
  const doc = await PDFDocument.load(first, { updateMetadata: false });
  const outline = readOutline(doc);
  for (const bytes of rest) {
    const part = await PDFDocument.load(bytes, { updateMetadata: false });
    const offset = doc.getPageCount();
    outline.push(...readOutline(part).map((e) => ({ ...e, page: e.page + offset })));
    for (const page of await doc.copyPages(part, part.getPageIndices())) doc.addPage(page);
  }
  await stampPageNumbers(doc, await pageNumbers(doc.getPageCount()));
  await placeAttachments(doc, files);
  writeOutline(doc, outline, doc.getPages());
  const created = seconds(meta.createdAt);
  const modified = seconds(meta.modifiedAt);
  writeInfo(doc, meta, producer, created, modified);
  writeXmp(doc, buildXmp({ meta, producer, created, modified }));
  uniqueSubsetTags(doc);
  addCidSets(doc);
  const pdf = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  return { pdf, pageCount: doc.getPageCount() };
}

async function stampPageNumbers(doc: PDFDocument, overlay: Uint8Array): Promise<void> {
  const numbers = await PDFDocument.load(overlay, { updateMetadata: false });
  const pages = doc.getPages();
  if (numbers.getPageCount() !== pages.length) throw new Error('Sidnumreringen har fel antal sidor.');
  const embedded = await doc.embedPdf(numbers, numbers.getPageIndices());
  embedded.forEach((stamp, i) => pages[i]?.drawPage(stamp, { x: 0, y: 0 }));
}

async function placeAttachments(doc: PDFDocument, files: FinishInput['files']): Promise<void> {
  const sources = await Promise.all(files.map((f) => loadAttachment(f.title, f.bytes)));
  const total = sources.reduce((n, src) => n + src.getPageCount(), 0);
  // Placeholders sit between the typeset pages and the signature page.
  let target = doc.getPageCount() - 1 - total;
  const area = attachmentArea();
  for (const src of sources) {
    const embedded = await doc.embedPdf(src, src.getPageIndices());
    for (const page of embedded) {
      const scale = Math.min(area.width / page.width, area.height / page.height, 1);
      const width = page.width * scale;
      const height = page.height * scale;
      const x = area.x + (area.width - width) / 2;
      const y = area.y + area.height - height;
      const on = doc.getPage(target);
      on.drawPage(page, { x, y, width, height });
      on.drawRectangle({ x, y, width, height, borderColor: rgb(0.6, 0.6, 0.6), borderWidth: 0.5 });
      target += 1;
    }
  }
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
