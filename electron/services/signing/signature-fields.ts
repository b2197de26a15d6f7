// Creates empty signature fields: in bulk on a fresh, unsigned PDF (pdf-lib rewrite), or one at a time
// inside an incremental update (then every changed existing object is reported through `touch`).
import { PDFArray, PDFDict, PDFDocument, PDFHeader, PDFHexString, PDFName, PDFObject, PDFRef, PDFString } from 'pdf-lib';
import { signingError } from './errors';
import { acroFormOf, findField, listFields, type FieldNode } from './pdf-fields';
import { pdfTextString } from './pdf-text';

export type Rect = [number, number, number, number];

export interface EmptySignatureFieldSpec {
  /** Field name, e.g. "sig-sekreterare", "sig-ordforande", "sig-justerare-1". */
  name: string;
  /** Zero-based page index, or 'last'. */
  page: number | 'last';
  /** [x1, y1, x2, y2] in PDF points from the page's lower left corner. */
  rect: Rect;
}

export type Touch = (ref: PDFRef, obj: PDFObject) => void;

const N = (s: string): PDFName => PDFName.of(s);

export function pdfTextObject(s: string): PDFString | PDFHexString {
  const token = pdfTextString(s);
  return token.startsWith('(') ? PDFString.of(token.slice(1, -1)) : PDFHexString.of(token.slice(1, -1));
}

export function normaliseRect([x1, y1, x2, y2]: Rect): Rect {
  return [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)];
}

function catalogRef(doc: PDFDocument): PDFRef {
  const root = doc.context.trailerInfo.Root;
  if (!(root instanceof PDFRef)) throw new Error('PDF-filen saknar katalog (Root).');
  return root;
}

/** Appends `item` to holder[key]; `owner` is the indirect object to rewrite when holder changes. */
function pushTo(doc: PDFDocument, holder: PDFDict, owner: [PDFRef, PDFObject], key: string, item: PDFRef, touch: Touch): void {
  const raw = holder.get(N(key));
  if (raw instanceof PDFRef) {
    const arr = doc.context.lookup(raw);
    if (arr instanceof PDFArray) {
      arr.push(item);
      touch(raw, arr);
      return;
    }
  }
  if (raw instanceof PDFArray) raw.push(item);
  else holder.set(N(key), doc.context.obj([item]));
  touch(owner[0], owner[1]);
}

export function createSignatureField(doc: PDFDocument, spec: EmptySignatureFieldSpec, touch: Touch): FieldNode {
  const pages = doc.getPages();
  const index = spec.page === 'last' ? pages.length - 1 : spec.page;
  const page = pages[index];
  if (!page) {
    throw signingError('validation', 'field_missing', `Sidan ${String(spec.page)} finns inte i dokumentet (det har ${pages.length} sidor).`);
  }
  if (findField(doc, spec.name)) {
    throw signingError('validation', 'field_exists', `Signaturfältet ${spec.name} finns redan i dokumentet.`, { field: spec.name });
  }
  const [x1, y1, x2, y2] = normaliseRect(spec.rect);
  // PDF/A wants an appearance on every widget; an empty one until the field is signed.
  const emptyAppearance = doc.context.register(doc.context.stream('', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, x2 - x1, y2 - y1] }));
  const dict = doc.context.obj({
    FT: 'Sig',
    T: pdfTextObject(spec.name),
    Type: 'Annot',
    Subtype: 'Widget',
    Rect: [x1, y1, x2, y2],
    F: 4,
    P: page.ref,
    AP: { N: emptyAppearance },
  });
  const ref = doc.context.register(dict);
  pushTo(doc, page.node, [page.ref, page.node], 'Annots', ref, touch);

  let form = acroFormOf(doc);
  if (!form) {
    const formDict = doc.context.obj({ Fields: [] });
    const formRef = doc.context.register(formDict);
    doc.catalog.set(N('AcroForm'), formRef);
    touch(catalogRef(doc), doc.catalog);
    form = { dict: formDict, ref: formRef };
  }
  const owner: [PDFRef, PDFObject] = form.ref ? [form.ref, form.dict] : [catalogRef(doc), doc.catalog];
  pushTo(doc, form.dict, owner, 'Fields', ref, touch);
  const created = findField(doc, spec.name);
  if (!created) throw new Error('Signaturfältet kunde inte skapas.');
  return created;
}

/**
 * Adds one empty signature field per signer to a freshly rendered, unsigned PDF. This rewrites the
 * file with pdf-lib, so it refuses a file that already carries a signature.
 */
export async function addEmptySignatureFields(pdfBytes: Uint8Array, fields: EmptySignatureFieldSpec[], options: { useObjectStreams?: boolean } = {}): Promise<Uint8Array> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  } catch {
    throw signingError('validation', 'not_pdf', 'Filen är inte en läsbar PDF. Skapa dokumentet på nytt och försök igen.');
  }
  if (listFields(doc).some((f) => f.value !== undefined)) {
    throw signingError('validation', 'field_already_signed', 'Dokumentet är redan signerat; signaturfält kan inte läggas till utan att de befintliga signaturerna bryts.');
  }
  for (const spec of fields) createSignatureField(doc, spec, () => undefined);
  // ETSI.CAdES.detached belongs to PDF 1.7/2.0 (and PDF/A-2 is 1.7-based); @react-pdf writes 1.3.
  const version = /%PDF-(\d+)\.(\d+)/.exec(doc.context.header.toString());
  if (version && Number(version[1]) * 10 + Number(version[2]) < 17) doc.context.header = PDFHeader.forVersion(1, 7);
  return doc.save({ useObjectStreams: options.useObjectStreams ?? false, updateFieldAppearances: false, addDefaultPage: false });
}
