// Small, strict XML helpers for the DSS messages: escaping for the writer, and a parser that
// refuses DOCTYPEs, comments and processing instructions, and reads elements by namespace and exact position (no "find it anywhere",
// which is what signature-wrapping attacks rely on).
import { DOMParser } from '@xmldom/xmldom';

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export class XmlShapeError extends Error {}

export function parseXml(xml: string): Document {
  // No DTD, no entities: nothing in a sign response needs them.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new XmlShapeError('DOCTYPE är inte tillåten');
  const errors: string[] = [];
  const note = (msg: unknown): void => {
    errors.push(String(msg));
  };
  const doc = new DOMParser({ errorHandler: { error: note, fatalError: note } }).parseFromString(xml, 'text/xml');
  if (errors.length > 0 || !doc.documentElement) throw new XmlShapeError(`XML kan inte läsas: ${errors.join('; ')}`);
  refuseUnsignedNodes(doc);
  return doc;
}

/**
 * Comments are dropped by the canonicalisation the signature is computed over, and nodes beside the
 * root are outside it: anyone on the way can add them without breaking the signature. A signed
 * message has no use for either, and a reader that stops at a comment reads a different value
 * than the one signed (the SAML comment-truncation attack, `194911172296<!---->9999`); so they
 * are refused rather than skipped. The XML declaration is the one processing instruction allowed.
 */
function refuseUnsignedNodes(doc: Document): void {
  const walk = (node: Node): void => {
    for (let n = node.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 8) throw new XmlShapeError('det innehåller en XML-kommentar, som inte omfattas av signaturen');
      if (n.nodeType === 7 && !(node === doc && n.nodeName === 'xml' && n === doc.firstChild)) throw new XmlShapeError('det innehåller en processinstruktion, som inte omfattas av signaturen');
      if (n.nodeType === 1) walk(n);
    }
  };
  walk(doc);
}

export function childElements(parent: Element): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

export function children(parent: Element, ns: string, local: string): Element[] {
  return childElements(parent).filter((e) => e.namespaceURI === ns && e.localName === local);
}

/** The only child with this name; throws when there is none or more than one. */
export function only(parent: Element, ns: string, local: string): Element {
  const found = children(parent, ns, local);
  if (found.length !== 1) throw new XmlShapeError(`${parent.localName ?? '?'} ska ha exakt ett ${local} (har ${found.length})`);
  return found[0] as Element;
}

export function optional(parent: Element, ns: string, local: string): Element | undefined {
  const found = children(parent, ns, local);
  if (found.length > 1) throw new XmlShapeError(`${parent.localName ?? '?'} har flera ${local}`);
  return found[0];
}

export function text(el: Element): string {
  return (el.textContent ?? '').trim();
}

export function base64Bytes(el: Element): Uint8Array {
  const t = text(el).replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t)) throw new XmlShapeError(`${el.localName ?? '?'} är inte base64`);
  return new Uint8Array(Buffer.from(t, 'base64'));
}

export function countDescendants(doc: Document, ns: string, local: string): number {
  return doc.getElementsByTagNameNS(ns, local).length;
}
