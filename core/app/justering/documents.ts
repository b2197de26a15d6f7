// Signing the clerk's and the secretary's own documents, which anslag and extracts store unsigned
// with an empty field: the tillkännagivande (`sig-anslag`) and the anslagsbevis
// (`sig-anslagsbevis`), signed by the meeting's noticeSignatory (the secretary when none is set),
// and the protokollsutdrag's utdragsbestyrkande (`sig-utdragsbestyrkande`), signed by the
// secretary. Each is a document of its own: signing never touches the adjusted protocol.
import { AppError } from '../../api/errors';
import { peopleOf } from '../../documents/people';
import { signatureFieldName } from '../../domain/signature-fields';
import { stockholmDateTime } from '../anslag/dates';
import type { JusteringDeps, SignerCredentials } from './ports';
import { signField, type ExpectedSigner } from './signing';
import { signatureSummary } from './index';
import { signerIdentity } from '../trust/identity';
import { recordSignature, type SignedFile } from './record';
import type { SignatureSummary, TimestampOutcome, ValidationSummary } from './types';

export interface DocumentKindInfo {
  field: string;
  /** Whose signature: the notice signatory (anslag) or the secretary (extract). */
  signer: 'noticeSignatory' | 'secretary';
  role: string;
  reason: string;
  name: string;
}

export const SIGNABLE_DOCUMENTS: Record<string, DocumentKindInfo> = {
  notice: { field: 'sig-anslag', signer: 'noticeSignatory', role: 'Anslag', reason: 'Tillkännagivande om justering', name: 'tillkännagivandet' },
  anslagsbevis: { field: 'sig-anslagsbevis', signer: 'noticeSignatory', role: 'Anslagsbevis', reason: 'Bevis om anslag', name: 'anslagsbeviset' },
  extract: { field: 'sig-utdragsbestyrkande', signer: 'secretary', role: 'Sekreterare', reason: 'Utdragsbestyrkande', name: 'protokollsutdraget' },
};

export interface DocumentSignResult {
  versionId: string;
  kind: string;
  signature: SignatureSummary;
  validation: ValidationSummary;
  timestamp: TimestampOutcome;
}

function loadDocument(deps: JusteringDeps, versionId: string) {
  const version = deps.justering.documentVersion(versionId);
  if (version === null) throw new AppError('not_found', 'Dokumentet finns inte. Välj ett dokument i listan över sammanträdets dokument.');
  const info = SIGNABLE_DOCUMENTS[version.kind];
  if (info === undefined) {
    const hint = version.kind === 'protocol' ? ' Protokollet skrivs under med justering (justera justering …).' : '';
    throw new AppError('validation', `Dokument av typen "${version.kind}" har inget underskriftsfält för tjänstemannen.${hint}`);
  }
  const latest = deps.justering.latestSigned(versionId);
  const current = latest === null ? { pdf: version.pdf, sha256: version.sha256 } : { pdf: latest.pdf, sha256: latest.sha256 };
  return { version, info, current, signatures: deps.justering.signatures(versionId) };
}

/** Who signs a document of this kind for the meeting: the notice signatory (else the secretary), or the secretary. */
export function documentSigner(deps: Pick<JusteringDeps, 'store' | 'justering'>, meetingId: string, info: DocumentKindInfo): ExpectedSigner & { personId: string | null } {
  const loaded = deps.store.loadMeeting(meetingId);
  if (loaded === null) throw new AppError('not_found', 'Sammanträdet finns inte. Välj ett sammanträde i listan och försök igen.');
  const { doc } = loaded;
  const key = info.signer === 'noticeSignatory' ? (doc.meeting.noticeSignatory ?? doc.meeting.secretary) : doc.meeting.secretary;
  const ids = deps.justering.signerPersonIds(meetingId);
  const personId = ids === null ? null : info.signer === 'noticeSignatory' ? (ids.noticeSignatory ?? ids.secretary) : ids.secretary;
  return { field: info.field, role: info.role, name: peopleOf(doc).name(key), personId };
}

/** Everything signing a document needs, checked before any key or service is used. */
export function prepareDocumentSignature(deps: JusteringDeps, input: { versionId: string; field: string }) {
  const ctx = loadDocument(deps, input.versionId);
  if (input.field !== ctx.info.field) {
    throw new AppError('validation', `${capital(ctx.info.name)} skrivs under i fältet för ${signatureFieldName(ctx.info.field)}, inte för ${signatureFieldName(input.field)}.`, {
      field: input.field,
      expected: ctx.info.field,
    });
  }
  // A replaced version (the anslagsbevis after the next group was posted) no longer states what is
  // true; as with a replaced protocol version, only the current one is signed.
  if (!ctx.version.isCurrent)
    throw new AppError('conflict', `${capital(ctx.info.name)} version ${ctx.version.versionNo} har ersatts av en senare version. Skriv under den gällande versionen.`, {
      versionId: ctx.version.id,
    });
  const done = ctx.signatures.find((s) => s.field === input.field);
  if (done !== undefined)
    throw new AppError(
      'conflict',
      `Fältet för ${signatureFieldName(input.field)} i ${ctx.info.name} är redan underskrivet av ${done.signerName} (${stockholmDateTime(done.signedAt)}). En underskrift kan inte göras om.`,
      { field: input.field },
    );
  const expected = documentSigner(deps, ctx.version.meetingId, ctx.info);
  const identity = signerIdentity(deps, expected, deps.justering.meetingBoardId(ctx.version.meetingId));
  return { ctx, expected, identity };
}

export type PreparedDocument = ReturnType<typeof prepareDocumentSignature>;

export async function signDocument(deps: JusteringDeps, input: { versionId: string; field: string; credentials: SignerCredentials }): Promise<DocumentSignResult> {
  const prepared = prepareDocumentSignature(deps, input);
  const signed = await signField(deps, prepared.ctx.current.pdf, prepared.expected, prepared.identity, input.credentials, prepared.ctx.info.reason);
  return recordDocumentSignature(deps, prepared, { ...signed, via: 'app', credential: input.credentials.kind });
}

/** Stores a signed and checked document file (the one recordSignature). */
export function recordDocumentSignature(deps: JusteringDeps, { ctx, expected }: PreparedDocument, signed: SignedFile): DocumentSignResult {
  return recordSignature(deps, { version: ctx.version, baseSha256: ctx.current.sha256, signer: expected, noun: 'dokumentet' }, signed, {
    audit: { action: 'document.sign', details: { kind: ctx.version.kind } },
    then: (row) => ({ versionId: ctx.version.id, kind: ctx.version.kind, signature: signatureSummary(row), validation: signed.checked.summary, timestamp: signed.timestamp }),
  });
}

/** The document as it stands: the last signed file, else the stored unsigned one. */
export function documentCurrentPdf(deps: JusteringDeps, input: { versionId: string }): { pdf: Uint8Array; sha256: string; kind: string; signed: boolean } {
  const version = deps.justering.documentVersion(input.versionId);
  if (version === null) throw new AppError('not_found', 'Dokumentet finns inte. Välj ett dokument i listan över sammanträdets dokument.');
  const latest = deps.justering.latestSigned(input.versionId);
  return latest === null ? { pdf: version.pdf, sha256: version.sha256, kind: version.kind, signed: false } : { pdf: latest.pdf, sha256: latest.sha256, kind: version.kind, signed: true };
}

const capital = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
