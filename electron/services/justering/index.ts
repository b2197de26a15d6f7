// The PDF side of Justering (core/app/justering/ports.ts JusteringServices): renders the frozen
// protocol on a worker thread and prepares its empty signature fields, opens PKCS#12/PKCS#11
// signers, signs into a field, verifies and checks incremental signatures. Plain Node.
import { createHash } from 'node:crypto';
import { AppError } from '../../../core/api/errors';
import type { JusteringServices, OpenedSigner, SignerCredentials } from '../../../core/app/justering/ports';
import type { SignatureCheck, ValidationSummary } from '../../../core/app/justering/types';
import type { ProtocolData } from '../../../core/documents/types';
import { EMPTY_TRUST_STORE } from '../../../core/app/trust';
import { renderInWorker } from '../documents';
import { pdfFacts } from './pdf-facts';
import { signingError } from '../signing/errors';
import { timestampOutcome } from './timestamp';
import { startEid, type EidOptions } from './eid';

export { timestampOutcome };
import {
  addEmptySignatureFields,
  checkIncrementalSignature,
  listPkcs11Slots,
  openPkcs11Signer,
  openPkcs12Signer,
  signPdf,
  verifyPdf,
  type SignatureReport,
  type Signer,
  type VerificationReport,
} from '../signing';
import type { CertificateInfo } from '../signing';

/** Signing time shown in the visible appearance. */
const TIME_ZONE = 'Europe/Stockholm';
/** How long to wait for the time-stamping service before signing without a time stamp. */
const TSA_TIMEOUT_MS = 10_000;

function check(s: SignatureReport): SignatureCheck {
  const stamped = s.timestamp?.valid === true ? (s.timestamp.time?.toISOString() ?? null) : null;
  return {
    field: s.fieldName,
    signerName: s.signerName,
    certificateSubject: s.certificate?.commonName ?? s.certificateName,
    certificateSha256: s.certificate?.sha256 ?? null,
    signedAt: stamped ?? s.claimedSigningTime?.toISOString() ?? null,
    claimedSigningTime: s.claimedSigningTime?.toISOString() ?? null,
    timestampTime: stamped,
    level: s.level,
    coversWholeFile: s.coversWholeFile,
    changesAfter: s.changesAfter.map((c) => ({ revision: c.revision, what: c.what, allowed: c.allowed })),
    onlyAllowedChangesAfter: s.onlyAllowedChangesAfter,
    valid: s.valid,
    trusted: s.trust.assessed ? s.trust.trusted : null,
    trustAnchor: s.trust.anchor?.subject ?? null,
    validityTime: { at: s.validityTime.at.toISOString(), source: s.validityTime.source },
    revocation: {
      status: s.revocation.status,
      message: s.revocation.message,
      crlIssuer: s.revocation.crl?.issuer ?? null,
      thisUpdate: s.revocation.crl?.thisUpdate.toISOString() ?? null,
      nextUpdate: s.revocation.crl?.nextUpdate?.toISOString() ?? null,
    },
    problems: s.problems,
  };
}

export function summariseReport(r: VerificationReport): ValidationSummary {
  const problems = r.trustAssessed ? r.problems : [...r.problems, TRUST_NOT_ASSESSED];
  return {
    valid: r.valid,
    trustAssessed: r.trustAssessed,
    trusted: r.trusted,
    accepted: r.accepted,
    modifiedAfterLastSignature: r.modifiedAfterLastSignature,
    fileLength: r.fileLength,
    signatures: r.signatures.map(check),
    problems,
    warnings: r.warnings,
  };
}

/** What a report says when the trust store is empty. */
export const TRUST_NOT_ASSESSED = `Tillit ej bedömd: ${EMPTY_TRUST_STORE}`;

/**
 * The trust verdict every in-app path requires of a checked signature: the store is not empty,
 * and the certificate chains to one of its anchors at the validity time.
 */
function requireTrusted(s: SignatureReport, what: string): void {
  if (!s.trust.assessed) throw signingError('signature', 'trust_store_empty', EMPTY_TRUST_STORE);
  if (!s.trust.trusted) {
    throw signingError(
      'signature',
      'untrusted_certificate',
      `${what} är inte betrodd: ${s.trust.problem ?? 'certifikatet leder inte till något betrott rotcertifikat'} Lägg till utfärdarens rotcertifikat i tillitslistan om utfärdaren ska godtas, annars skriv under med ett certifikat från en betrodd utfärdare.`,
      { field: s.fieldName, certificate: s.certificate?.subject ?? null },
    );
  }
}

/** The report as plain JSON (dates become ISO strings), for the archive column. */
function asJson(r: VerificationReport): unknown {
  return JSON.parse(JSON.stringify(r)) as unknown;
}

function opened(signer: Signer, certificate: CertificateInfo, close: () => Promise<void>): OpenedSigner {
  return {
    commonName: certificate.commonName,
    subject: certificate.subject,
    certificateSha256: certificate.sha256,
    identity: { commonNames: certificate.commonNames, serialNumbers: certificate.subjectSerialNumbers, sha256: certificate.sha256 },
    async sign(pdf, o) {
      const r = await signPdf(pdf, {
        fieldName: o.field,
        signer,
        role: o.role,
        signerName: o.signerName,
        signingTime: o.signingTime,
        reason: o.reason,
        timeZone: TIME_ZONE,
        ...(o.tsaUrl === null ? {} : { tsa: { url: o.tsaUrl, optional: true, timeoutMs: TSA_TIMEOUT_MS } }),
      });
      return { pdf: r.pdf, timestamp: timestampOutcome(o.tsaUrl, r.level, r.timestampFailure) };
    },
    close,
  };
}

async function openSigner(c: SignerCredentials, resolveModule: (id: string) => string): Promise<OpenedSigner> {
  if (c.kind === 'p12') {
    const signer = await openPkcs12Signer(c.p12, c.password);
    return opened(signer, signer.certificate, async () => {});
  }
  const signer = await openPkcs11Signer({
    modulePath: resolveModule(c.moduleId),
    pin: c.pin,
    ...(c.tokenSerial === undefined ? {} : { tokenSerial: c.tokenSerial }),
    ...(c.tokenLabel === undefined ? {} : { tokenLabel: c.tokenLabel }),
  });
  return opened(signer, signer.certificate, () => signer.close());
}

/**
 * The services with a PKCS#11 module resolver: the main process's choice of library
 * (electron/services/signing/pkcs11-modules.ts), applied only when a card is opened.
 */
export function createJusteringServices(resolveModule: (id: string) => string, eid: EidOptions = {}): JusteringServices {
  return {
    ...baseServices,
    openSigner: (c) => openSigner(c, resolveModule),
    startEid: (input) => startEid(input, eid),
    pkcs11Slots: async (moduleId) =>
      (await listPkcs11Slots(resolveModule(moduleId))).map((s) => ({
        slotIndex: s.slotIndex,
        tokenLabel: s.tokenLabel,
        tokenSerial: s.tokenSerial,
        manufacturer: s.manufacturer,
        hasToken: s.hasToken,
      })),
  };
}

const noModules = (): string => {
  throw new AppError('validation', 'Inget kort (PKCS#11) kan användas här.', { reason: 'pkcs11_module_refused' });
};

const baseServices: Omit<JusteringServices, 'openSigner' | 'pkcs11Slots' | 'startEid'> = {
  async renderFrozen(data: ProtocolData) {
    const rendered = await renderInWorker('protocol', data);
    const pdf = await addEmptySignatureFields(rendered.pdf, rendered.signatureFields);
    return { pdf, fields: rendered.signatureFields.map((f) => f.name) };
  },
  async verify(pdf, o) {
    const report = await verifyPdf(pdf, { trustAnchors: o.trustAnchors, now: o.now, ...(o.crls === undefined ? {} : { crls: o.crls }) });
    return { summary: summariseReport(report), report: asJson(report) };
  },
  async checkIncremental(base, signed, o) {
    if (o.trustAnchors.length === 0) throw signingError('signature', 'trust_store_empty', EMPTY_TRUST_STORE);
    const { signature, report } = await checkIncrementalSignature(base, signed, {
      fieldName: o.fieldName,
      trustAnchors: o.trustAnchors,
      now: o.now,
      ...(o.crls === undefined ? {} : { crls: o.crls }),
      ...(o.expectedSubjectName === undefined ? {} : { expectedSubjectName: o.expectedSubjectName }),
      ...(o.expectedCertificateSha256 === undefined ? {} : { expectedCertificateSha256: o.expectedCertificateSha256 }),
    });
    requireTrusted(signature, `Underskriften i fältet ${o.fieldName}`);
    for (const earlier of report.signatures) if (earlier !== signature) requireTrusted(earlier, `En tidigare underskrift (${earlier.fieldName ?? 'utan fält'})`);
    if (!report.valid) throw new AppError('signature', `Den underskrivna filen är inte giltig: ${report.problems.join(' ')} Skriv under på nytt.`, { problems: report.problems });
    const c = signature.certificate;
    return {
      signature: check(signature),
      certificateIdentity: c === null ? null : { commonNames: c.commonNames, serialNumbers: c.subjectSerialNumbers, sha256: c.sha256 },
      summary: summariseReport(report),
      report: asJson(report),
    };
  },
  pdfFacts,
  sha256: (bytes) => createHash('sha256').update(bytes).digest('hex'),
};

/** Without PKCS#11 (the CLI's package opening, tests): every module is refused. */
export const justeringServices: JusteringServices = createJusteringServices(noModules);
