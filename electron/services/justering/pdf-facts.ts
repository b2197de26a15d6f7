// The text a reader shows and the signature fields of a PDF, to check a signing package's
// manifest against the protocol itself (core/app/justering/package-check.ts). pdf.js reads the
// file the way viewers do (the xref chain of the last trailer).
import type { PdfFacts } from '../../../core/app/justering/package-check';
import { listSignatureFields } from '../signing';

interface TextItemLike {
  str?: unknown;
}

export async function pdfFacts(pdf: Uint8Array): Promise<PdfFacts> {
  const fields = (await listSignatureFields(pdf)).map((f) => ({ name: f.name, signed: f.signed }));
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: pdf.slice(), verbosity: 0, isEvalSupported: false, useSystemFonts: false }).promise;
  const parts: string[] = [];
  try {
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      for (const item of content.items as TextItemLike[]) if (typeof item.str === 'string') parts.push(item.str);
      parts.push('\n');
    }
  } finally {
    await doc.destroy();
  }
  return { text: parts.join(' '), fields };
}
