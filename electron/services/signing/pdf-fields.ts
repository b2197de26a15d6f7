// Finds form fields (by fully qualified name), their widgets and pages in a pdf-lib document.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFObject, PDFRef, PDFString } from 'pdf-lib';

export interface WidgetNode {
  /** Undefined only for a widget written directly inside a Kids array (rare, but legal). */
  ref: PDFRef | undefined;
  dict: PDFDict;
}

export interface FieldNode {
  name: string;
  ref: PDFRef;
  dict: PDFDict;
  /** Field type, inherited from ancestors as the spec allows. */
  fieldType: string | undefined;
  widgets: WidgetNode[];
  /** The signature dictionary in /V, if the field is signed. */
  value: PDFDict | undefined;
  valueRef: PDFRef | undefined;
}

export interface AcroFormHolder {
  dict: PDFDict;
  /** Set when the AcroForm is its own object; otherwise it lives inside the catalog. */
  ref: PDFRef | undefined;
}

const N = (s: string): PDFName => PDFName.of(s);

export function decodePdfText(obj: PDFObject | undefined): string | undefined {
  if (obj instanceof PDFString || obj instanceof PDFHexString) return obj.decodeText();
  return undefined;
}

export function acroFormOf(doc: PDFDocument): AcroFormHolder | undefined {
  const raw = doc.catalog.get(N('AcroForm'));
  if (raw instanceof PDFRef) {
    const dict = doc.context.lookup(raw);
    return dict instanceof PDFDict ? { dict, ref: raw } : undefined;
  }
  return raw instanceof PDFDict ? { dict: raw, ref: undefined } : undefined;
}

function isWidgetOnly(dict: PDFDict): boolean {
  return !dict.has(N('T')) && dict.get(N('Subtype')) === N('Widget');
}

export function listFields(doc: PDFDocument): FieldNode[] {
  const form = acroFormOf(doc);
  const fields = form ? doc.context.lookup(form.dict.get(N('Fields'))) : undefined;
  if (!(fields instanceof PDFArray)) return [];
  const out: FieldNode[] = [];
  const seen = new Set<string>();

  const visit = (item: PDFObject, parentName: string, inheritedFt: string | undefined): void => {
    if (!(item instanceof PDFRef) || seen.has(item.toString())) return;
    seen.add(item.toString());
    const dict = doc.context.lookup(item);
    if (!(dict instanceof PDFDict)) return;
    const partial = decodePdfText(dict.get(N('T')));
    const name = partial === undefined ? parentName : parentName ? `${parentName}.${partial}` : partial;
    const ftObj = dict.get(N('FT'));
    const fieldType = ftObj instanceof PDFName ? ftObj.decodeText() : inheritedFt;
    const kids = doc.context.lookup(dict.get(N('Kids')));
    const kidRefs = kids instanceof PDFArray ? kids.asArray() : [];
    const kidDicts = kidRefs.map((k) => ({ ref: k instanceof PDFRef ? k : undefined, dict: doc.context.lookup(k) }));
    const widgetKids = kidDicts.filter((k): k is WidgetNode => k.dict instanceof PDFDict && isWidgetOnly(k.dict));
    if (kidRefs.length > 0 && widgetKids.length < kidRefs.length) {
      for (const k of kidRefs) visit(k, name, fieldType);
      return;
    }
    const widgets: WidgetNode[] = widgetKids.length > 0 ? widgetKids : dict.get(N('Subtype')) === N('Widget') ? [{ ref: item, dict }] : [];
    const v = dict.get(N('V'));
    const value = doc.context.lookup(v);
    out.push({
      name,
      ref: item,
      dict,
      fieldType,
      widgets,
      value: value instanceof PDFDict ? value : undefined,
      valueRef: v instanceof PDFRef ? v : undefined,
    });
  };
  for (const f of fields.asArray()) visit(f, '', undefined);
  return out;
}

export function findField(doc: PDFDocument, name: string): FieldNode | undefined {
  return listFields(doc).find((f) => f.name === name);
}

export interface PageNode {
  index: number;
  ref: PDFRef;
  dict: PDFDict;
}

/** The page showing a widget: its /P if present, else the page whose /Annots lists it. */
export function pageOfWidget(doc: PDFDocument, widget: WidgetNode): PageNode | undefined {
  const pages = doc.getPages();
  const p = widget.dict.get(N('P'));
  if (p instanceof PDFRef) {
    const index = pages.findIndex((pg) => pg.ref === p || pg.ref.toString() === p.toString());
    const page = pages[index];
    if (page) return { index, ref: page.ref, dict: page.node };
  }
  if (!widget.ref) return undefined;
  const target = widget.ref.toString();
  for (const [index, page] of pages.entries()) {
    const annots = doc.context.lookup(page.node.get(N('Annots')));
    if (annots instanceof PDFArray && annots.asArray().some((a) => a.toString() === target)) {
      return { index, ref: page.ref, dict: page.node };
    }
  }
  return undefined;
}
