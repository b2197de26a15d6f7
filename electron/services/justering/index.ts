// The PDF side of Justering (core/app/justering/ports.ts JusteringServices): renders the frozen
// protocol on a worker thread and prepares its empty signature fields, opens PKCS#12/PKCS#11
// signers, signs into a field, verifies and checks incremental signatures. Plain Node.
import { createHash } from 'node:crypto';
import { AppError } from '../../../core/api/errors';
import type { JusteringServices, OpenedSigner, SignerCredentials } from '../../../core/app/justering/ports';
import type { SignatureCheck, TimestampOutcome, ValidationSummary } from '../../../core/app/justering/types';
import type { ProtocolData } from '../../../core/documents/types';
import { renderInWorker } from '../documents';
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
import type { CertificateInfo, TimestampFailure } from '../signing';

/** Signing time shown in the visible appearance. */
const TIME_ZONE = 'Europe/Stockholm';
/** How long to wait for the time-stamping service before signing without a time stamp. */
const TSA_TIMEOUT_MS = 10_000;

/** What became of the time stamp; signPdf says why one is missing as data (reason and cause). */
export function timestampOutcome(tsaUrl: string | null, level: 'B-B' | 'B-T', failure: TimestampFailure | null): TimestampOutcome {
  if (tsaUrl === null) return { requested: false, added: false, message: null };
  if (level === 'B-T') return { requested: true, added: true, message: null };
  const what = failure === null ? 'kunde inte ge någon tidsstämpel' : `${failure.reason === 'tsa_unreachable' ? 'svarade inte' : 'gav inget giltigt svar'} (${failure.why})`;
  return {
    requested: true,
    added: false,
    message: `Tidsstämpeltjänsten ${tsaUrl} ${what}; underskriften saknar tidsstämpel (PAdES B-B). Kontrollera adressen till tidsstämpeltjänsten i inställningarna och nätverket.`,
  };
}

function check(s: SignatureReport): SignatureCheck {
  return {
    field: s.fieldName,
    signerName: s.signerName,
    certificateSubject: s.certificate?.commonName ?? s.certificateName,
    certificateSha256: s.certificate?.sha256 ?? null,
    signedAt: s.timestamp?.time?.toISOString() ?? s.claimedSigningTime?.toISOString() ?? null,
    level: s.level,
    coversWholeFile: s.coversWholeFile,
    changesAfter: s.changesAfter.map((c) => ({ revision: c.revision, what: c.what, allowed: c.allowed })),
    onlyAllowedChangesAfter: s.onlyAllowedChangesAfter,
    valid: s.valid,
    problems: s.problems,
  };
}

export function summariseReport(r: VerificationReport): ValidationSummary {
  return { valid: r.valid, modifiedAfterLastSignature: r.modifiedAfterLastSignature, fileLength: r.fileLength, signatures: r.signatures.map(check), problems: r.problems };
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

async function openSigner(c: SignerCredentials): Promise<OpenedSigner> {
  if (c.kind === 'pkcs12') {
    const signer = await openPkcs12Signer(c.p12, c.password);
    return opened(signer, signer.certificate, async () => {});
  }
  const signer = await openPkcs11Signer({
    modulePath: c.modulePath,
    pin: c.pin,
    ...(c.tokenSerial === undefined ? {} : { tokenSerial: c.tokenSerial }),
    ...(c.tokenLabel === undefined ? {} : { tokenLabel: c.tokenLabel }),
  });
  return opened(signer, signer.certificate, () => signer.close());
}

export const justeringServices: JusteringServices = {
  async renderFrozen(data: ProtocolData) {
    const rendered = await renderInWorker('protocol', data);
    const pdf = await addEmptySignatureFields(rendered.pdf, rendered.signatureFields);
    return { pdf, fields: rendered.signatureFields.map((f) => f.name) };
  },
  openSigner,
  async verify(pdf) {
    const report = await verifyPdf(pdf, {});
    return { summary: summariseReport(report), report: asJson(report) };
  },
  async checkIncremental(base, signed, o) {
    const { signature, report } = await checkIncrementalSignature(base, signed, {
      fieldName: o.fieldName,
      ...(o.expectedSubjectName === undefined ? {} : { expectedSubjectName: o.expectedSubjectName }),
      ...(o.expectedCertificateSha256 === undefined ? {} : { expectedCertificateSha256: o.expectedCertificateSha256 }),
    });
    if (!report.valid) throw new AppError('signature', 'Den underskrivna filen är inte giltig. Skriv under på nytt.', { problems: report.problems });
    return { signature: check(signature), summary: summariseReport(report), report: asJson(report) };
  },
  async pkcs11Slots(modulePath) {
    return (await listPkcs11Slots(modulePath)).map((s) => ({
      slotIndex: s.slotIndex,
      tokenLabel: s.tokenLabel,
      tokenSerial: s.tokenSerial,
      manufacturer: s.manufacturer,
      hasToken: s.hasToken,
    }));
  },
  sha256: (bytes) => createHash('sha256').update(bytes).digest('hex'),
  toBase64: (bytes) => Buffer.from(bytes).toString('base64'),
  fromBase64: (text) => new Uint8Array(Buffer.from(text, 'base64')),
};
