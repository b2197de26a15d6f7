// pdf.js for the preview: one parsing worker for the page's lifetime, and settings that fit the
// CSP (no eval; fonts come from the PDF itself, which embeds all of them).
import { getDocument, PDFWorker, type PDFDocumentProxy } from 'pdfjs-dist';

let shared: PDFWorker | null = null;

/**
 * Passed to every document explicitly: a document destroys only a worker pdf.js made for it, so
 * replacing one preview PDF by the next keeps the parsing worker (and its warm state).
 */
function parser(): PDFWorker {
  if (shared === null || shared.destroyed) {
    const port = new Worker(new URL('./pdf.worker.ts', import.meta.url), { type: 'module', name: 'pdfjs' });
    shared = PDFWorker.create({ port });
  }
  return shared;
}

export function loadPdf(data: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({ data, worker: parser(), isEvalSupported: false, useSystemFonts: false, enableXfa: false, stopAtErrors: true }).promise;
}

/** The API's base64 PDF as bytes. */
export { base64ToBytes as fromBase64 } from '../../../core/format/base64';
