// signPdf: fills one empty signature field with a PAdES B-B (or B-T) signature as an incremental update.
// Our code fills the existing field (its /V, widget appearance, /SigFlags) and appends the update
// with a placeholder signature dictionary; @signpdf/signpdf then computes the byte range and embeds
// the CMS that our PadesCmsSigner returns. @signpdf/placeholder-plain is not used: it cannot fill a
// field that already exists (test/signing/signpdf-library.test.ts shows it adding a new one).
import { SignPdf, SignPdfError } from '@signpdf/signpdf';
import { findByteRange } from '@signpdf/utils';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFObject, PDFRef } from 'pdf-lib';
import { buildSignatureAppearance, formatSigningTime } from './appearance';
import { assertUsableForSigning, type CertificateInfo } from './certificates';
import { signingError } from './errors';
import { loadAppearanceFont } from './font';
import { appendIncrementalUpdate, refKey, type UpdateObject } from './incremental';
import { acroFormOf, findField, pageOfWidget, type FieldNode } from './pdf-fields';
import { readTrailer } from './pdf-structure';
import { buildSignatureDictionary, type ByteRange } from './signature-dictionary';
import { PadesCmsSigner, RemotePadesCmsSigner, type TimestampFailure } from './pades-signer';
import { createSignatureField, normaliseRect, type Rect } from './signature-fields';
import { isRemoteSigner, type RemoteSigner, type Signer } from './signer';
import type { TsaOptions } from './tsa';

export interface SignPdfOptions {
  /** The empty signature field to fill, e.g. "sig-ordforande". */
  fieldName: string;
  /** A key here (file, card), or a remote signer (central signing service; needs signerName). */
  signer: Signer | RemoteSigner;
  /** Shown in /Name and the appearance; defaults to the certificate's common name. */
  signerName?: string;
  /** The signer's role in the justering: "Sekreterare", "Ordförande", "Justerare". */
  role: string;
  reason?: string;
  location?: string;
  contactInfo?: string;
  /** The claimed signing time (/M), from the app's clock port. */
  signingTime: Date;
  tsa?: TsaOptions;
  /** Only with this option is a missing field created (on the given page and place). */
  createFieldIfMissing?: { page: number | 'last'; rect: Rect };
  /** TrueType bytes for the visible appearance; defaults to DejaVu Sans from the system. */
  appearanceFont?: Uint8Array;
  /** Time zone for the time shown in the appearance. */
  timeZone?: string;
}

export interface SignPdfResult {
  pdf: Uint8Array;
  level: 'B-B' | 'B-T';
  fieldName: string;
  signerName: string;
  certificate: CertificateInfo;
  byteRange: ByteRange;
  /** Swedish notes for the user, e.g. that the optional time stamp could not be fetched. */
  warnings: string[];
  /** Why the optional time stamp is missing (level B-B although `tsa` was given), as data. */
  timestampFailure: TimestampFailure | null;
}

const N = (s: string): PDFName => PDFName.of(s);

async function loadDocument(pdf: Uint8Array): Promise<PDFDocument> {
  try {
    return await PDFDocument.load(pdf, { updateMetadata: false });
  } catch {
    throw signingError('validation', 'not_pdf', 'PDF-filen kan inte läsas. Kontrollera att det är rätt fil, eller exportera protokollet igen.');
  }
}

function fieldToSign(doc: PDFDocument, options: SignPdfOptions, touch: (ref: PDFRef, obj: PDFObject) => void): FieldNode {
  const name = options.fieldName;
  const existing = findField(doc, name);
  const field = existing ?? (options.createFieldIfMissing ? createSignatureField(doc, { name, ...options.createFieldIfMissing }, touch) : undefined);
  if (!field) {
    throw signingError('validation', 'field_missing', `Dokumentet saknar signaturfältet "${name}". Skapa dokumentet på nytt från Justera så att det får fält för alla som ska signera.`, {
      field: name,
    });
  }
  if (field.fieldType !== 'Sig') {
    throw signingError('validation', 'field_not_signature', `Fältet "${name}" är inte ett signaturfält.`, { field: name });
  }
  if (field.value) {
    throw signingError('conflict', 'field_already_signed', `Fältet "${name}" är redan signerat. Varje fält kan bara signeras en gång.`, {
      field: name,
    });
  }
  return field;
}

function rectOf(widget: PDFDict): Rect | undefined {
  const r = widget.get(N('Rect'));
  if (!(r instanceof PDFArray) || r.size() !== 4) return undefined;
  const nums = r.asArray().map((v) => (v instanceof PDFNumber ? v.asNumber() : Number.NaN));
  return nums.some(Number.isNaN) ? undefined : normaliseRect(nums as Rect);
}

/** Room for the CMS: the certificates, a large RSA signature, attributes and, if asked, a token. */
function contentsSizeFor(chain: Uint8Array[], withTimestamp: boolean): number {
  const base = 4096 + chain.reduce((s, c) => s + c.length, 0) + (withTimestamp ? 16_384 : 0);
  return Math.ceil(base / 1024) * 1024;
}

/** The byte range @signpdf/signpdf wrote: the last one in the file is the signature just added. */
function lastByteRange(pdf: Buffer): ByteRange {
  const range = findByteRange(pdf).byteRangeStrings.at(-1)?.match(/\d+/g)?.map(Number);
  if (range?.length !== 4 || range.some((n) => !Number.isSafeInteger(n))) throw new Error('Signaturens ByteRange saknas i den signerade filen.');
  return range as ByteRange;
}

/** @signpdf/signpdf's refusals as ours: a CMS larger than the room reserved for it. */
function fromSignPdfError(e: unknown, reserved: number): unknown {
  if (e instanceof SignPdfError && /exceeds placeholder length/.test(e.message)) {
    return signingError('internal', 'signature_too_large', 'Signaturen blev större än det utrymme som reserverats i PDF-filen. Försök igen; kvarstår felet, kontakta IT-supporten.', { reserved });
  }
  return e;
}

async function localKey(signer: Signer, at: Date): Promise<{ signer: Signer; chain: Uint8Array[]; certificate: CertificateInfo }> {
  const chain = await signer.certificateChain();
  const [leaf] = chain;
  if (!leaf) throw signingError('signature', 'key_missing', 'Inget certifikat hittades för underskriften.');
  return { signer, chain, certificate: assertUsableForSigning(leaf, at) };
}

export async function signPdf(pdf: Uint8Array, options: SignPdfOptions): Promise<SignPdfResult> {
  const trailer = readTrailer(pdf);
  const doc = await loadDocument(pdf);
  // New objects must not reuse numbers still listed in the original cross-reference.
  doc.context.largestObjectNumber = Math.max(doc.context.largestObjectNumber, trailer.size - 1);
  const firstNew = doc.context.largestObjectNumber + 1;
  const changed = new Map<string, UpdateObject>();
  const touch = (ref: PDFRef, obj: PDFObject): void => {
    if (ref.objectNumber < firstNew) changed.set(refKey(ref), { ref, body: obj });
  };

  const field = fieldToSign(doc, options, touch);
  const signer = options.signer;
  const local = isRemoteSigner(signer) ? undefined : await localKey(signer, options.signingTime);
  const signerName = options.signerName ?? local?.certificate.commonName;
  if (signerName === undefined) throw new Error('En underskrift via underskriftstjänst behöver underskriftarens namn.');

  const sigRef = doc.context.nextRef();
  field.dict.set(N('V'), sigRef);
  touch(field.ref, field.dict);

  const widget = field.widgets[0];
  if (widget) {
    const rect = rectOf(widget.dict);
    if (rect && rect[2] - rect[0] > 0 && rect[3] - rect[1] > 0) {
      const ap = buildSignatureAppearance(doc.context, loadAppearanceFont(options.appearanceFont), rect[2] - rect[0], rect[3] - rect[1], {
        heading: 'Digitalt signerat av',
        name: signerName,
        role: options.role,
        time: formatSigningTime(options.signingTime, options.timeZone),
      });
      widget.dict.set(N('AP'), doc.context.obj({ N: ap }));
    }
    const flags = widget.dict.get(N('F'));
    widget.dict.set(N('F'), PDFNumber.of(((flags instanceof PDFNumber ? flags.asNumber() : 0) | 4) & ~3)); // printed, not hidden
    const page = pageOfWidget(doc, widget);
    if (page && !widget.dict.has(N('P'))) widget.dict.set(N('P'), page.ref);
    if (widget.ref) touch(widget.ref, widget.dict);
    else {
      // A widget written inline in an indirect Kids array: that array is what changed.
      const kids = field.dict.get(N('Kids'));
      const kidsArray = kids instanceof PDFRef ? doc.context.lookup(kids) : undefined;
      if (kids instanceof PDFRef && kidsArray) touch(kids, kidsArray);
    }
  }

  const form = acroFormOf(doc);
  if (form) {
    const flags = form.dict.get(N('SigFlags'));
    if (!(flags instanceof PDFNumber) || flags.asNumber() !== 3) {
      form.dict.set(N('SigFlags'), PDFNumber.of(3)); // signatures exist, append only
      touch(form.ref ?? trailer.root, form.ref ? form.dict : doc.catalog);
    }
  }

  const contentsSize = local ? contentsSizeFor(local.chain, options.tsa !== undefined) : (signer as RemoteSigner).contentsSize;
  const sigDict = buildSignatureDictionary({
    signerName,
    signingTime: options.signingTime,
    reason: options.reason ?? options.role,
    location: options.location,
    contactInfo: options.contactInfo,
    contentsSize,
  });
  const fresh: UpdateObject[] = doc.context
    .enumerateIndirectObjects()
    .filter(([ref]) => ref.objectNumber >= firstNew)
    .map(([ref, body]) => ({ ref, body }));
  const update = appendIncrementalUpdate(pdf, trailer, [{ ref: sigRef, body: sigDict }, ...changed.values(), ...fresh]);
  const cmsSigner = local ? new PadesCmsSigner(local.signer, local.chain, options.tsa) : new RemotePadesCmsSigner(signer as RemoteSigner, options.signingTime, options.tsa);
  let out: Buffer;
  try {
    out = await new SignPdf().sign(Buffer.from(update.bytes.buffer, update.bytes.byteOffset, update.bytes.byteLength), cmsSigner);
  } catch (e) {
    throw fromSignPdfError(e, contentsSize);
  }
  const byteRange = lastByteRange(out);
  const certificate = local?.certificate ?? (cmsSigner as RemotePadesCmsSigner).certificate;
  if (!certificate) throw new Error('Underskriftens certifikat saknas.');
  const warnings = cmsSigner.warnings;
  const token = cmsSigner.timestamped;
  return {
    pdf: new Uint8Array(out.buffer, out.byteOffset, out.byteLength),
    level: token ? 'B-T' : 'B-B',
    fieldName: field.name,
    signerName,
    certificate,
    byteRange,
    warnings,
    timestampFailure: cmsSigner.timestampFailure,
  };
}
