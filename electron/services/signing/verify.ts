// verifyPdf: checks every signature in a PDF (in file order) and whether anything follows the last one.
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString } from 'pdf-lib';
import { checkSignatureRevision, readerSignatures, type RevisionChange } from './changes';
import { validateChain } from './chain';
import { certificateInfo, signingCertificateProblems, type CertificateInfo } from './certificates';
import { normaliseName } from '../../../core/domain/eid';
import { checkCms } from './cms-verify';
import { errorReason } from './errors';
import { OID } from './oids';
import { decodePdfText, listFields } from './pdf-fields';
import { endsWithEof, readTrailer } from './pdf-structure';
import { bytesToLatin1, fromHex, parsePdfDate } from './pdf-text';
import { parseRevisions, type RevisionModel } from './revisions';
import { checkTimestampToken } from './tsa';
import { checkRevocation, REVOCATION_NOT_ASSESSED, type CrlInput, type RevocationReport } from './revocation';

export type PadesLevel = 'B-B' | 'B-T' | 'none';

export interface TimestampReport {
  time: Date | null;
  valid: boolean;
  tsaSubject: string | null;
  /** Whether the TSA certificate chains to a trust anchor; null when none were given. */
  trusted: boolean | null;
}

/** Trust in the signer's certificate: a chain to one of the configured anchors at `validityTime`. */
export interface TrustReport {
  /** False when no trust anchors were given or the store is empty: "tillit ej bedömd". */
  assessed: boolean;
  trusted: boolean;
  /** The anchor the chain ends in. */
  anchor: { subject: string; sha256: string } | null;
  problem: string | null;
}

/**
 * The time the certificate is judged at: a valid (and, when trust is assessed, trusted) signature
 * time stamp, else the time of verification. Never the signer's own claim (/M).
 */
export interface ValidityTime {
  at: Date;
  source: 'timestamp' | 'verification';
}

/** What a signing certificate must be, whoever issued it. */
export interface CertificateChecks {
  /** Key usage digitalSignature or nonRepudiation (a certificate without the extension fails). */
  keyUsage: boolean;
  /** Exactly one CN in the subject. */
  singleCommonName: boolean;
  /** /Name in the signature dictionary is absent or the certificate's CN. */
  nameMatches: boolean;
  /** Not a CA certificate, no extended key usage for something else, a key of adequate size (certificates.ts signingCertificateProblems). */
  fitForSigning: boolean;
}

export interface SignatureReport {
  /** Position in file order, from 0. */
  index: number;
  fieldName: string | null;
  /** /Name from the signature dictionary. */
  signerName: string | null;
  /** The certificate's common name; compare with signerName. */
  certificateName: string | null;
  certificate: CertificateInfo | null;
  claimedSigningTime: Date | null;
  subFilter: string | null;
  byteRange: number[] | null;
  /** Length of the revision this signature covers (end of its byte range). */
  coveredLength: number;
  /** Which revision that is, counting %%EOF markers from 1 (1 = the original document). */
  revision: number;
  coversWholeFile: boolean;
  /** The revision (xref chain) the byte range closes, counted as a reader does; null when none. */
  coveredRevision: number | null;
  /** The dictionary a reader resolves holds this /ByteRange, its /Contents is exactly the gap. */
  signatureInPlace: boolean;
  /** Every change later updates made, as a reader resolves the revisions (revisions.ts, changes.ts). */
  changesAfter: RevisionChange[];
  /** Only what adding signatures needs was changed after this signature. */
  onlyAllowedChangesAfter: boolean;
  /** Byte range well formed: starts at 0, skips exactly /Contents, ends inside the file at a %%EOF. */
  byteRangeValid: boolean;
  digestMatches: boolean;
  cmsSignatureValid: boolean;
  certificateValidAtSigningTime: boolean | null;
  /** Null when no trust anchors were given. */
  chainTrusted: boolean | null;
  trust: TrustReport;
  /**
   * Offline revocation (CRLs from the trust store and carried in the file): revoked at or before
   * the validity time makes the signature invalid; "unknown" is a warning, not a failure.
   */
  revocation: RevocationReport;
  validityTime: ValidityTime;
  certificateChecks: CertificateChecks;
  level: PadesLevel;
  timestamp: TimestampReport | null;
  valid: boolean;
  /** Swedish explanations of everything that is wrong. */
  problems: string[];
}

export interface VerificationReport {
  fileLength: number;
  signatures: SignatureReport[];
  /** Bytes follow the end of the last signature's range: the file was changed after signing. */
  modifiedAfterLastSignature: boolean;
  /** Complete revisions along the xref chains. */
  revisions: number;
  /** At least one signature, all valid (each followed only by allowed changes), nothing outside a revision. Trust is separate. */
  valid: boolean;
  /** Trust anchors were given (the trust store is not empty). */
  trustAssessed: boolean;
  /** Every signature chains to a trust anchor. */
  trusted: boolean;
  /** valid and trusted: the only verdict that may be called "giltig". */
  accepted: boolean;
  problems: string[];
  /** What does not fail the file but must be shown: "spärrstatus okänd" per signature. */
  warnings: string[];
}

export interface VerifyOptions {
  /** DER certificates of trusted roots (e.g. the SITHS roots); without them trust is not judged. */
  trustAnchors?: Uint8Array[];
  /** The time of verification (or import): certificates are judged then unless a time stamp proves the signing time. */
  now?: Date;
  /** DER CRLs from the trust store (imported by the administrator); the file's own are added. */
  crls?: Uint8Array[];
}

interface FoundSignature {
  dict: PDFDict;
  fieldName: string | null;
  /** Object number of the signature dictionary, when it is an indirect object. */
  object: number | null;
}

const N = (s: string): PDFName => PDFName.of(s);

/** How far ahead of the checking clock a signer's or a TSA's clock may be. */
const CLOCK_SKEW_MS = 5 * 60_000;

function findSignatures(doc: PDFDocument): FoundSignature[] {
  const found: FoundSignature[] = [];
  const seen = new Set<PDFDict>();
  const numbers = new Map<PDFDict, number>();
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) if (obj instanceof PDFDict) numbers.set(obj, ref.objectNumber);
  for (const f of listFields(doc)) {
    if (f.fieldType === 'Sig' && f.value) {
      found.push({ dict: f.value, fieldName: f.name, object: numbers.get(f.value) ?? null });
      seen.add(f.value);
    }
  }
  // Signature dictionaries no field points to still count: a validator must not overlook them.
  for (const [dict, num] of numbers) {
    if (!seen.has(dict) && dict.has(N('ByteRange')) && dict.has(N('Contents'))) {
      found.push({ dict, fieldName: null, object: num });
    }
  }
  return found;
}

function byteRangeOf(dict: PDFDict): number[] | null {
  const br = dict.get(N('ByteRange'));
  if (!(br instanceof PDFArray)) return null;
  const nums = br.asArray().map((v) => (v instanceof PDFNumber ? v.asNumber() : Number.NaN));
  return nums.length === 4 && nums.every((n) => Number.isInteger(n) && n >= 0) ? nums : null;
}

function nameValue(dict: PDFDict, key: string): string | null {
  const v = dict.get(N(key));
  return v instanceof PDFName ? v.decodeText() : null;
}

function textValue(dict: PDFDict, key: string): string | null {
  return decodePdfText(dict.get(N(key))) ?? null;
}

function contentsBytes(dict: PDFDict): Uint8Array | null {
  const c = dict.get(N('Contents'));
  if (c instanceof PDFHexString) return fromHex(c.asString());
  if (c instanceof PDFString) return c.asBytes();
  return null;
}

function countEofMarkers(pdf: Uint8Array, end: number): number {
  const text = bytesToLatin1(pdf.subarray(0, Math.min(end, pdf.length)));
  return text.split('%%EOF').length - 1;
}

async function checkSignature(pdf: Uint8Array, model: RevisionModel, found: FoundSignature, index: number, options: VerifyOptions, dssCrls: Uint8Array[]): Promise<SignatureReport> {
  const problems: string[] = [];
  const { dict } = found;
  const br = byteRangeOf(dict);
  const [a = 0, b = 0, c = 0, d = 0] = br ?? [];
  const covered = c + d;
  let byteRangeValid = br !== null && a === 0 && b > 0 && c > b;
  if (!br) problems.push('Signaturen saknar giltig /ByteRange.');
  else if (covered > pdf.length) {
    byteRangeValid = false;
    problems.push('Signaturen omfattar mer än filen innehåller: filen har kortats (trunkerats) efter signeringen.');
  } else {
    const gap = bytesToLatin1(pdf.subarray(b, c));
    const inner = gap.slice(1, -1);
    const contents = contentsBytes(dict);
    if (!/^<[0-9A-Fa-f\s]*>$/.test(gap) || !contents || fromHex(inner).length !== contents.length) {
      byteRangeValid = false;
      problems.push('Det osignerade området i /ByteRange är inte signaturens /Contents.');
    }
    if (!endsWithEof(pdf, covered)) {
      byteRangeValid = false;
      problems.push('Signaturen slutar inte vid slutet av en filversion (%%EOF).');
    }
  }

  const placed = br ? checkSignatureRevision(model, br, { field: found.fieldName, object: found.object }) : null;
  if (placed) problems.push(...placed.problems);

  const contents = contentsBytes(dict) ?? new Uint8Array();
  const ranges = br ? [pdf.subarray(0, Math.min(b, pdf.length)), pdf.subarray(Math.min(c, pdf.length), Math.min(covered, pdf.length))] : [];
  const cms = checkCms(contents, ranges);
  problems.push(...cms.problems);
  if (cms.parseError === undefined && cms.eContentType !== OID.data) problems.push(`Signaturen gäller innehåll av typen ${cms.eContentType ?? 'okänd'}, inte PDF-filens byte (id-data).`);

  const certificate = cms.signerCertificate ? certificateInfo(cms.signerCertificate) : null;
  const subFilter = nameValue(dict, 'SubFilter');
  const claimed = textValue(dict, 'M');
  const claimedSigningTime = claimed ? parsePdfDate(claimed) : null;

  const anchors = options.trustAnchors !== undefined && options.trustAnchors.length > 0 ? options.trustAnchors : null;
  const now = options.now ?? new Date();
  let timestamp: TimestampReport | null = null;
  const token = cms.timeStampTokens[0];
  if (token && cms.signatureValue) {
    const ts = checkTimestampToken(token, cms.signatureValue);
    const tsTime = ts.time ?? null;
    const tsChain = anchors && ts.signerCertificate && tsTime ? await validateChain(ts.signerCertificate, ts.certificates, anchors, tsTime) : null;
    timestamp = {
      time: tsTime,
      valid: ts.imprintMatches && ts.signatureValid,
      tsaSubject: ts.tsaSubject ?? null,
      trusted: tsChain ? tsChain.trusted : null,
    };
    if (!timestamp.valid) problems.push(...ts.problems.map((p) => `Tidsstämpel: ${p}`));
    if (tsChain && !tsChain.trusted) problems.push(`Tidsstämpelns utfärdare är inte betrodd: ${tsChain.problem ?? ''}`);
    if (timestamp.valid && tsTime && tsTime.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      problems.push(`Tidsstämpeln anger tiden ${tsTime.toISOString()}, efter kontrolltidpunkten ${now.toISOString()}; certifikatet bedöms därför vid kontrolltidpunkten.`);
    }
  }

  // A valid, trusted time stamp proves the time; otherwise the certificate is judged now. The
  // signer's /M is only a claim: a backdated /M must not revive an expired certificate.
  // A stamp later than the moment of checking (a TSA clock ahead, or a forged token) cannot say the certificate was valid then.
  const stamped = timestamp?.valid === true && timestamp.trusted !== false && timestamp.time !== null && timestamp.time.getTime() <= now.getTime() + CLOCK_SKEW_MS ? timestamp.time : null;
  const validityTime: ValidityTime = stamped ? { at: stamped, source: 'timestamp' } : { at: now, source: 'verification' };
  const at = validityTime.at;
  // A claim after the moment of checking is a lie (a few minutes of clock skew aside).
  const claimInFuture = claimedSigningTime !== null && !stamped && claimedSigningTime.getTime() > now.getTime() + CLOCK_SKEW_MS;
  if (claimedSigningTime && claimInFuture) {
    problems.push(`Underskriften anger tiden ${claimedSigningTime.toISOString()} (/M), som ligger efter kontrolltidpunkten ${now.toISOString()}: tiden är inte trovärdig.`);
  }
  let certificateValidAtSigningTime: boolean | null = null;
  const certificateChecks: CertificateChecks = { keyUsage: false, singleCommonName: false, nameMatches: false, fitForSigning: false };
  if (certificate) {
    certificateValidAtSigningTime = certificate.notBefore.getTime() <= at.getTime() && at.getTime() <= certificate.notAfter.getTime();
    if (!certificateValidAtSigningTime) {
      const span = `${certificate.notBefore.toISOString().slice(0, 10)}–${certificate.notAfter.toISOString().slice(0, 10)}`;
      problems.push(
        validityTime.source === 'timestamp'
          ? `Certifikatet var inte giltigt vid tidsstämpelns tid ${at.toISOString()} (giltigt ${span}).`
          : `Certifikatet är inte giltigt vid kontrolltidpunkten ${at.toISOString()} (giltigt ${span}) och underskriften har ingen tidsstämpel som visar när den gjordes; den angivna tiden (/M) räknas inte.`,
      );
    }
    const ku = certificate.keyUsage;
    certificateChecks.keyUsage = ku !== null && (ku.includes('digitalSignature') || ku.includes('nonRepudiation'));
    if (!certificateChecks.keyUsage) {
      problems.push(`Certifikatet är inte avsett för underskrifter (nyckelanvändning: ${ku === null ? 'saknas' : ku.join(', ') || 'ingen'}); det måste ha digitalSignature eller nonRepudiation.`);
    }
    certificateChecks.singleCommonName = certificate.commonNames.length === 1;
    if (!certificateChecks.singleCommonName) {
      problems.push(
        `Certifikatets subjekt har ${certificate.commonNames.length} namn (CN${certificate.commonNames.length > 0 ? `: ${certificate.commonNames.join(' / ')}` : ''}); ett underskriftscertifikat ska ha exakt ett.`,
      );
    }
    const unfit = cms.signerCertificate ? signingCertificateProblems(cms.signerCertificate) : [];
    certificateChecks.fitForSigning = unfit.length === 0;
    problems.push(...unfit);
    const shownName = textValue(dict, 'Name');
    certificateChecks.nameMatches = shownName === null || certificate.commonNames.some((cn) => normaliseName(cn) === normaliseName(shownName));
    if (!certificateChecks.nameMatches) {
      problems.push(`Namnet i underskriften (/Name "${shownName ?? ''}") är inte certifikatets namn (${certificate.commonName}).`);
    }
  }
  let chainTrusted: boolean | null = null;
  let revocation: RevocationReport = anchors === null ? { ...REVOCATION_NOT_ASSESSED, message: 'Spärrstatus ej bedömd: tilliten är inte bedömd.' } : REVOCATION_NOT_ASSESSED;
  const trust: TrustReport = { assessed: anchors !== null, trusted: false, anchor: null, problem: anchors === null ? 'Tillit ej bedömd: inga betrodda rotcertifikat är angivna.' : null };
  if (anchors && cms.signerCertificate) {
    const chain = await validateChain(cms.signerCertificate, cms.certificates, anchors, at);
    chainTrusted = chain.trusted;
    trust.trusted = chain.trusted;
    if (chain.trusted && chain.anchor) {
      const a = certificateInfo(chain.anchor);
      trust.anchor = { subject: a.subject, sha256: a.sha256 };
      const crls: CrlInput[] = [...(options.crls ?? []).map((der) => ({ der, source: 'store' as const })), ...[...cms.crls, ...dssCrls].map((der) => ({ der, source: 'embedded' as const }))];
      revocation = checkRevocation(chain.path, crls, at, now);
      if (revocation.status === 'revoked') problems.push(revocation.message);
    }
    if (!chain.trusted) {
      trust.problem = chain.problem ?? 'Certifikatkedjan leder inte till något betrott rotcertifikat.';
      problems.push(trust.problem);
    }
  } else if (anchors) {
    trust.problem = 'Undertecknarens certifikat saknas; tilliten kan inte bedömas.';
  }

  const isBB = subFilter === 'ETSI.CAdES.detached' && cms.hasSignedAttributes && cms.contentType === OID.data && cms.signingCertificateMatches && !cms.hasSigningTimeAttribute;
  if (subFilter === 'ETSI.CAdES.detached' && cms.hasSigningTimeAttribute) {
    problems.push('Signaturen har attributet signing-time, som PAdES inte tillåter.');
  }
  const level: PadesLevel = !isBB ? 'none' : timestamp?.valid ? 'B-T' : 'B-B';
  const valid =
    byteRangeValid &&
    placed !== null &&
    placed.inPlace &&
    placed.onlyAllowedChangesAfter &&
    cms.messageDigestMatches &&
    cms.signatureValid &&
    !cms.trailingData &&
    cms.signerCount === 1 &&
    // An ESS signing-certificate attribute binds the signature to one certificate: another one sent along is a substitute.
    (cms.signingCertificateAttribute === undefined || cms.signingCertificateMatches) &&
    !cms.weakDigest &&
    cms.contentTypeMatches &&
    cms.eContentType === OID.data &&
    certificate !== null &&
    certificateValidAtSigningTime !== false &&
    certificateChecks.keyUsage &&
    certificateChecks.singleCommonName &&
    certificateChecks.nameMatches &&
    certificateChecks.fitForSigning &&
    !claimInFuture &&
    chainTrusted !== false &&
    revocation.status !== 'revoked' &&
    (timestamp === null || (timestamp.valid && timestamp.trusted !== false));

  return {
    index,
    fieldName: found.fieldName,
    signerName: textValue(dict, 'Name'),
    certificateName: certificate?.commonName ?? null,
    certificate,
    claimedSigningTime,
    subFilter,
    byteRange: br,
    coveredLength: covered,
    revision: countEofMarkers(pdf, covered),
    coversWholeFile: covered === pdf.length,
    coveredRevision: placed?.revision ?? null,
    signatureInPlace: placed?.inPlace ?? false,
    changesAfter: placed?.changesAfter ?? [],
    onlyAllowedChangesAfter: placed?.onlyAllowedChangesAfter ?? false,
    byteRangeValid,
    digestMatches: cms.messageDigestMatches,
    cmsSignatureValid: cms.signatureValid,
    certificateValidAtSigningTime,
    chainTrusted,
    trust,
    revocation,
    validityTime,
    certificateChecks,
    level,
    timestamp,
    valid,
    problems: [...new Set(problems)],
  };
}

export async function verifyPdf(pdf: Uint8Array, options: VerifyOptions = {}): Promise<VerificationReport> {
  const problems: string[] = [];
  try {
    readTrailer(pdf);
  } catch (e) {
    problems.push(errorReason(e) === 'encrypted_pdf' ? 'PDF-filen är krypterad; dess signaturer kan inte kontrolleras här.' : e instanceof Error ? e.message : String(e));
  }
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true });
  } catch {
    return {
      fileLength: pdf.length,
      signatures: [],
      modifiedAfterLastSignature: false,
      revisions: 0,
      valid: false,
      trustAssessed: false,
      trusted: false,
      accepted: false,
      problems: [...problems, 'Filen kan inte läsas som PDF.'],
      warnings: [],
    };
  }
  const model = parseRevisions(pdf);
  problems.push(...model.problems);
  const firstAnomalies = model.revisions[0]?.anomalies ?? [];
  problems.push(...firstAnomalies.map((a) => `Filens struktur: ${a}`));
  const found = findSignatures(doc)
    .map((f) => ({ f, at: byteRangeOf(f.dict)?.[1] ?? Number.MAX_SAFE_INTEGER }))
    .sort((x, y) => x.at - y.at)
    .map((x) => x.f);
  const dssCrls = documentCrls(doc);
  const signatures: SignatureReport[] = [];
  for (const [i, f] of found.entries()) signatures.push(await checkSignature(pdf, model, f, i, options, dssCrls));
  // A signature a reader shows that the list above lacks would go unchecked.
  const listed = new Set(signatures.map((s) => JSON.stringify(s.byteRange)));
  for (const r of readerSignatures(model)) {
    const br = r.byteRange === null ? null : JSON.stringify(r.byteRange.slice(1, -1).split(' ').map(Number));
    if (br === null || !listed.has(br)) problems.push(`Signaturen i fältet "${r.field}" som en PDF-läsare visar kan inte kontrolleras (den syns inte likadant för alla läsare).`);
  }

  if (signatures.length === 0) problems.push('Dokumentet har inga signaturer.');
  const lastCovered = Math.max(0, ...signatures.map((s) => s.coveredLength));
  const modifiedAfterLastSignature = signatures.length > 0 && pdf.length > lastCovered;
  const lastSignature = signatures.find((s) => s.coveredLength === lastCovered);
  const onlyAllowedAfterLast = lastSignature !== undefined && lastSignature.onlyAllowedChangesAfter && model.trailingBytes === 0;
  if (modifiedAfterLastSignature && !onlyAllowedAfterLast) {
    problems.push(`Filen har ändrats efter den sista signaturen (${pdf.length - lastCovered} byte har lagts till).`);
  }
  // The changes themselves, once per file, so every report (CLI, archive verify, import) names them.
  const changed = new Map<string, string>();
  for (const s of signatures) {
    for (const c of s.changesAfter) if (!c.allowed) changed.set(`${c.revision}:${c.what}`, `Ändrat efter underskrift: ${c.what.replace(/\.$/, '')} (version ${c.revision}).`);
  }
  problems.push(...[...changed.values()].slice(0, 8));
  const invalid = signatures.filter((s) => !s.valid);
  if (invalid.length > 0) problems.push(`${invalid.length} av ${signatures.length} signaturer är ogiltiga.`);
  const valid = problems.length === 0 && signatures.length > 0;
  const trustAssessed = options.trustAnchors !== undefined && options.trustAnchors.length > 0;
  const trusted = trustAssessed && signatures.length > 0 && signatures.every((s) => s.trust.trusted);
  const warnings = signatures
    .filter((s) => s.trust.trusted && s.revocation.status === 'unknown')
    .map((s) => `Underskrift ${s.index + 1}${s.fieldName === null ? '' : ` (${s.fieldName})`}: ${s.revocation.message}`);
  return { fileLength: pdf.length, signatures, modifiedAfterLastSignature, revisions: model.revisions.length, valid, trustAssessed, trusted, accepted: valid && trusted, problems, warnings };
}

/** The CRLs in the document security store (/Root /DSS /CRLs, PAdES B-LT), DER. */
function documentCrls(doc: PDFDocument): Uint8Array[] {
  const out: Uint8Array[] = [];
  try {
    const dss = doc.catalog.lookup(N('DSS'));
    if (!(dss instanceof PDFDict)) return out;
    const list = dss.lookup(N('CRLs'));
    if (!(list instanceof PDFArray)) return out;
    for (const item of list.asArray()) {
      const stream = item instanceof PDFRef ? doc.context.lookup(item) : item;
      if (stream instanceof PDFRawStream) out.push(decodePDFRawStream(stream).decode());
    }
  } catch {
    // A damaged DSS carries no usable revocation data; the signatures are judged without it.
  }
  return out;
}
