// Checks for the signing-package import: a file coming back from a signer must be the file we sent
// plus exactly one valid signature in the expected field, by the expected person, and nothing else.
import { PDFDict, PDFDocument, PDFName, PDFObject, PDFRef } from 'pdf-lib';
import { signingError } from './errors';
import { changesAfterRevision, revisionEndingAt } from './changes';
import { acroFormOf, findField } from './pdf-fields';
import { parseRevisions } from './revisions';
import { verifyPdf, type SignatureReport, type VerificationReport, type VerifyOptions } from './verify';

export interface ExpectedSigner {
  /** SHA-256 of the signer's DER certificate, hex (any case). */
  expectedCertificateSha256?: string;
  /** The certificate's common name or its full subject ("CN=…, O=…, C=SE"). */
  expectedSubjectName?: string;
}

export interface IncrementalCheckOptions extends ExpectedSigner, VerifyOptions {
  fieldName: string;
}

export interface IncrementalCheckResult {
  signature: SignatureReport;
  report: VerificationReport;
}

/** Finds the signature in `fieldName` and checks who made it and that it is valid. */
export function expectFieldSignedBy(report: VerificationReport, fieldName: string, expected: ExpectedSigner): SignatureReport {
  const sig = report.signatures.find((s) => s.fieldName === fieldName);
  if (!sig) {
    throw signingError('signature', 'wrong_field', `Fältet "${fieldName}" är inte signerat.`, { field: fieldName });
  }
  const cert = sig.certificate;
  const byHash = expected.expectedCertificateSha256;
  const byName = expected.expectedSubjectName;
  const hashOk = byHash === undefined || cert?.sha256 === byHash.toLowerCase().replace(/[^0-9a-f]/g, '');
  const nameOk = byName === undefined || cert?.commonName === byName || cert?.subject === byName;
  if (!hashOk || !nameOk) {
    throw signingError('signature', 'wrong_signer', `Fältet "${fieldName}" är signerat av ${cert?.commonName ?? 'okänd'}, inte av den som skulle signera. Be rätt person signera.`, {
      field: fieldName,
      signedBy: cert?.subject ?? null,
    });
  }
  if (!sig.valid) {
    throw signingError('signature', 'invalid_signature', `Signaturen i fältet "${fieldName}" är ogiltig: ${sig.problems.join(' ')}`, {
      field: fieldName,
      problems: sig.problems,
    });
  }
  return sig;
}

function isPrefix(prefix: Uint8Array, whole: Uint8Array): boolean {
  return whole.length > prefix.length && Buffer.from(whole.subarray(0, prefix.length)).equals(Buffer.from(prefix));
}

const serialised = (obj: PDFObject | undefined): string => (obj === undefined ? '' : obj.toString());

/** Catalog entries a signature may add or change: the form (SigFlags), LTV data, extensions, permissions. */
const catalogSigningKeys = ['AcroForm', 'DSS', 'Extensions', 'Perms'];

function serialisedWithout(obj: PDFObject | undefined, keys: string[]): string {
  if (!(obj instanceof PDFDict)) return serialised(obj);
  return obj
    .entries()
    .filter(([k]) => !keys.includes(k.decodeText()))
    .map(([k, v]) => `${k.toString()} ${v.toString()}`)
    .sort()
    .join('\n');
}

/** Object numbers of existing objects the update changed beyond what signing a field needs. */
async function unexpectedChanges(base: Uint8Array, signed: Uint8Array, fieldName: string): Promise<number[]> {
  const before = await PDFDocument.load(base, { updateMetadata: false });
  const after = await PDFDocument.load(signed, { updateMetadata: false });
  const field = findField(after, fieldName);
  const allowed = new Set<string>();
  const allow = (ref: PDFObject | undefined) => {
    if (ref instanceof PDFRef) allowed.add(ref.toString());
  };
  if (field) {
    allow(field.ref);
    for (const w of field.widgets) allow(w.ref);
    allow(field.dict.get(PDFName.of('Kids')));
  }
  const form = acroFormOf(after);
  allow(form?.ref);
  const root = after.context.trailerInfo.Root;
  const out: number[] = [];
  for (const [ref, obj] of before.context.enumerateIndirectObjects()) {
    if (allowed.has(ref.toString())) continue;
    const now = after.context.lookup(ref);
    // Signing tools may touch the catalog, but only for signature housekeeping.
    const same =
      root instanceof PDFRef && ref.toString() === root.toString() ? serialisedWithout(obj, catalogSigningKeys) === serialisedWithout(now, catalogSigningKeys) : serialised(obj) === serialised(now);
    if (!same) out.push(ref.objectNumber);
  }
  return out;
}

/**
 * Asserts that `signedPdf` = `basePdf` + one incremental update that adds exactly one valid
 * signature in `fieldName`, by the expected certificate, covering the whole file.
 */
export async function checkIncrementalSignature(basePdf: Uint8Array, signedPdf: Uint8Array, options: IncrementalCheckOptions): Promise<IncrementalCheckResult> {
  if (!isPrefix(basePdf, signedPdf)) {
    throw signingError(
      'signature',
      'not_incremental',
      'Den signerade filen bygger inte på det dokument som skickades för signering (originalet har ändrats). Skicka dokumentet för signering på nytt.',
    );
  }
  const verifyOptions: VerifyOptions = { trustAnchors: options.trustAnchors, now: options.now, ...(options.crls === undefined ? {} : { crls: options.crls }) };
  const [baseReport, report] = await Promise.all([verifyPdf(basePdf, verifyOptions), verifyPdf(signedPdf, verifyOptions)]);
  const added = report.signatures.filter((s) => s.coveredLength > basePdf.length);
  if (added.length !== 1 || report.signatures.length !== baseReport.signatures.length + 1) {
    throw signingError('signature', 'unexpected_signatures', `Den signerade filen ska innehålla exakt en ny signatur, men innehåller ${added.length}.`, { added: added.length });
  }
  const [sig] = added;
  if (!sig || sig.fieldName !== options.fieldName) {
    throw signingError('signature', 'wrong_field', `Signaturen finns i fältet "${sig?.fieldName ?? '?'}" i stället för "${options.fieldName}".`, {
      field: sig?.fieldName ?? null,
      expected: options.fieldName,
    });
  }
  expectFieldSignedBy(report, options.fieldName, options);
  if (!sig.coversWholeFile || report.modifiedAfterLastSignature) {
    throw signingError('signature', 'unexpected_changes', 'Filen har ändrats efter att den signerades. Be om en ny signering.');
  }
  // As a reader resolves the revisions: only what adding this signature needs may differ.
  const model = parseRevisions(signedPdf);
  const baseRevision = revisionEndingAt(model, basePdf.length);
  const afterBase = baseRevision ? changesAfterRevision(model, baseRevision.number).filter((c) => !c.allowed) : [];
  if (!baseRevision || afterBase.length > 0 || model.problems.length > 0) {
    const reasons = baseRevision
      ? [...afterBase.map((c) => c.what.replace(/\.$/, '')), ...model.problems.map((p) => p.replace(/\.$/, ''))]
      : ['det skickade dokumentet är inte en hel version av filen'];
    throw signingError(
      'signature',
      'unexpected_changes',
      `Den signerade filen ändrar mer än signaturfältet (ändrat efter underskrift): ${reasons.slice(0, 5).join('; ')}. Filen kan inte godtas; be om en ny signering.`,
      { changes: reasons },
    );
  }
  const broken = report.signatures.filter((s) => s !== sig && !s.valid);
  if (broken.length > 0) {
    throw signingError('signature', 'invalid_signature', `En tidigare signatur är inte längre giltig (${broken.map((s) => s.fieldName ?? '?').join(', ')}).`);
  }
  const changes = await unexpectedChanges(basePdf, signedPdf, options.fieldName);
  if (changes.length > 0) {
    throw signingError('signature', 'unexpected_changes', 'Den signerade filen ändrar dokumentets innehåll, inte bara signaturfältet. Filen kan inte godtas; be om en ny signering.', {
      objects: changes,
    });
  }
  return { signature: sig, report };
}
