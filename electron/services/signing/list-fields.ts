// Lists a PDF's signature fields and whether each is signed, e.g. to show who has yet to sign.
import { PDFArray, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { signingError } from './errors';
import { listFields, pageOfWidget } from './pdf-fields';

export interface SignatureFieldInfo {
  name: string;
  signed: boolean;
  /** Zero-based page of the first widget, or null for an invisible field. */
  page: number | null;
  rect: [number, number, number, number] | null;
}

export async function listSignatureFields(pdf: Uint8Array): Promise<SignatureFieldInfo[]> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  } catch {
    throw signingError('validation', 'not_pdf', 'Filen är inte en läsbar PDF.');
  }
  return listFields(doc)
    .filter((f) => f.fieldType === 'Sig')
    .map((f) => {
      const widget = f.widgets[0];
      const rect = widget?.dict.get(PDFName.of('Rect'));
      const nums = rect instanceof PDFArray ? rect.asArray().map((v) => (v instanceof PDFNumber ? v.asNumber() : 0)) : [];
      return {
        name: f.name,
        signed: f.value !== undefined,
        page: widget ? (pageOfWidget(doc, widget)?.index ?? null) : null,
        rect: nums.length === 4 ? (nums as [number, number, number, number]) : null,
      };
    });
}
