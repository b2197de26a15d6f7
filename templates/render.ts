// Renders the document view models to PDF bytes. Each document is typeset in parts by
// @react-pdf (plan.ts), the parts are joined and finished by pdf-lib (page numbers, attached
// PDFs, outline, metadata), and the signature boxes come back as data for the signing step.
// renderPart and assembleParts are exported so a pool of workers can typeset parts in
// parallel and get the very bytes that renderDocument gets in one thread.
import { renderToBuffer } from '@react-pdf/renderer';
import type { DocumentData, ExtractData, KallelseData, NoticeData, ProtocolData, Signer } from '../core/documents/types';
import { PRODUCER, type DocumentElement } from './components/DocumentShell';
import { NOTICE_SIGNATURE_TOP, signatureBoxRect, type LayoutShift, type Rect } from './components/layout';
import { ExtractPart } from './extract/ExtractDocument';
import { loadFonts } from './fonts/register';
import { KallelseDocument } from './kallelse/KallelseDocument';
import { NoticeDocument } from './notice/NoticeDocument';
import { finishPdf, loadAttachment } from './pdf/finish';
import { typesetPageNumbers } from './pdf/page-numbers';
import { cachedPart, keepPart, partKey } from './part-cache';
import { planParts, type PartSpec } from './plan';
import { ProtocolPart } from './protocol/ProtocolDocument';

export interface SignatureField {
  /** "sig-ordforande" … */
  name: string;
  /** 0-based page index. */
  page: number;
  /** [x1, y1, x2, y2] in PDF user-space points, origin bottom left. */
  rect: Rect;
}

export interface RenderResult {
  pdf: Uint8Array;
  pageCount: number;
  signatureFields: SignatureField[];
}

export interface RenderOptions {
  /** Test hook: moves parts of the layout to prove the golden-image comparison notices. */
  shift?: LayoutShift;
  /** Take unchanged runs of §§ from the preview's cache (part-cache.ts) instead of typesetting them again. */
  reuseParts?: boolean;
}

export { planParts } from './plan';

export async function renderProtocol(data: ProtocolData, options: RenderOptions = {}): Promise<RenderResult> {
  return renderDocument(data, options);
}

export async function renderKallelse(data: KallelseData, options: RenderOptions = {}): Promise<RenderResult> {
  return renderDocument(data, options);
}

export async function renderExtract(data: ExtractData, options: RenderOptions = {}): Promise<RenderResult> {
  return renderDocument(data, options);
}

export async function renderNotice(data: NoticeData, options: RenderOptions = {}): Promise<RenderResult> {
  return renderDocument(data, options);
}

/** Typesets every part in turn and joins them. */
export async function renderDocument(data: DocumentData, options: RenderOptions = {}): Promise<RenderResult> {
  const parts: Uint8Array[] = [];
  for (let i = 0; i < planParts(data).length; i += 1) parts.push(await renderPart(data, i, options));
  return assembleParts(data, parts, options);
}

/**
 * The whole protocol in one @react-pdf run, finished like the parts. Slower and heavier for
 * long protocols (that is why they are cut into parts); it is the reference the parts are
 * tested against (test/documents/parts.test.ts): same text on the same pages.
 */
export async function renderSinglePass(data: ProtocolData, options: RenderOptions = {}): Promise<RenderResult> {
  const whole = await typeset(await partElement(data, { kind: 'whole' }, options.shift));
  return assembleParts(data, [whole], options);
}

/** Typesets part `index` of planParts(data): a PDF of whole pages without page numbers. */
export async function renderPart(data: DocumentData, index: number, options: RenderOptions = {}): Promise<Uint8Array> {
  const part = planParts(data)[index];
  if (part === undefined) throw new Error(`Dokumentet har ingen del ${index}.`);
  const key = options.reuseParts === true && part.kind === 'paragraphs' ? partKey(data, part, options.shift) : null;
  const kept = key === null ? undefined : cachedPart(key);
  if (kept !== undefined) return kept;
  const pdf = await typeset(await partElement(data, part, options.shift));
  if (key !== null) keepPart(key, pdf);
  return pdf;
}

/** Joins the typeset parts, numbers the pages and finishes the file. */
export async function assembleParts(data: DocumentData, parts: Uint8Array[], options: RenderOptions = {}): Promise<RenderResult> {
  const files = data.kind === 'protocol' ? fileAttachments(data) : [];
  const shift = options.shift;
  const { pdf, pageCount } = await finishPdf({
    parts,
    pageNumbers: (total) => typesetPageNumbers(total, shift),
    meta: data.meta,
    producer: PRODUCER,
    files,
  });
  return { pdf, pageCount, signatureFields: signatureFields(data, pageCount) };
}

async function partElement(data: DocumentData, part: PartSpec, shift: LayoutShift | undefined): Promise<DocumentElement> {
  const moved = shift === undefined ? {} : { shift };
  switch (data.kind) {
    case 'protocol': {
      // Only the back part (or the whole) holds the attachments' placeholder pages.
      const counts = part.kind === 'back' || part.kind === 'whole' ? await Promise.all(fileAttachments(data).map(async (f) => (await loadAttachment(f.title, f.bytes)).getPageCount())) : [];
      return ProtocolPart({ data, part, filePageCounts: counts, ...moved });
    }
    case 'extract':
      return ExtractPart({ data, part, ...moved });
    case 'kallelse':
      return KallelseDocument({ data, ...moved });
    case 'notice':
      return NoticeDocument({ data, ...moved });
    default: {
      const never: never = data;
      return never;
    }
  }
}

function signatureFields(data: DocumentData, pageCount: number): SignatureField[] {
  const onLastPage = (signers: Signer[]) => signers.map((s, i) => ({ name: s.field, page: pageCount - 1, rect: signatureBoxRect(i) }));
  switch (data.kind) {
    case 'protocol':
      return onLastPage(data.signaturePage.signers);
    case 'extract':
      return onLastPage([data.certification.signer]);
    case 'notice':
      return [{ name: data.signer.field, page: 0, rect: signatureBoxRect(0, NOTICE_SIGNATURE_TOP) }];
    case 'kallelse':
      return [];
    default: {
      const never: never = data;
      return never;
    }
  }
}

async function typeset(element: DocumentElement): Promise<Uint8Array> {
  // Fonts are registered (and loaded, with the shaping memo) before layout resolves any style.
  await loadFonts();
  return new Uint8Array(await renderToBuffer(element));
}

function fileAttachments(data: ProtocolData): { title: string; bytes: Uint8Array }[] {
  return data.attachments.flatMap((a) => (a.kind === 'file' ? [{ title: a.title, bytes: new Uint8Array(Buffer.from(a.data, 'base64')) }] : []));
}
