// What the Justering use cases need: the justering tables (db/repos/justering.ts) and the PDF
// work (electron/services/justering: rendering off the main thread, PAdES signing, checks).
import type { AppDeps } from '../ports';
import type { SignerCredentials } from '../../api/contracts/credential';
import type { SignatureCertificate, StoredCertificate } from './certificate';
import type { ProtocolData } from '../../documents/types';
import type { MeetingDocument } from '../../format/meeting';
import type { CertificateIdentity } from '../../domain/eid';
import type { PdfFacts } from './package-check';
import type { IdentityStore, TrustStore } from '../trust/ports';
import type { SignServiceSetting } from './sign-services';
import type { GroupStatusName, SignatureCheck, SigningOrder, TimestampOutcome, ValidationSummary } from './types';

export interface GroupRow {
  id: string;
  position: number;
  status: GroupStatusName;
  adjustedAt: string | null;
  paragraphs: number[];
}

export interface VersionRow {
  id: string;
  meetingId: string;
  groupId: string | null;
  versionNo: number;
  reason: string | null;
  sha256: string;
  isCurrent: boolean;
  createdAt: string;
}

export interface SignatureRow {
  id: string;
  versionId: string;
  field: string;
  role: string;
  personId: string | null;
  signerName: string;
  signedAt: string;
  certificate: StoredCertificate;
  sha256: string;
}

export interface NewVersion {
  meetingId: string;
  groupId: string;
  versionNo: number;
  reason: string | null;
  snapshot: MeetingDocument;
  pdf: Uint8Array;
  sha256: string;
}

export interface NewSignature {
  versionId: string;
  field: string;
  role: string;
  personId: string | null;
  signerName: string;
  signedAt: string;
  certificate: SignatureCertificate;
  validation: unknown;
  pdf: Uint8Array;
  sha256: string;
}

/** The justering tables. Writes run inside the core Store's transaction; nothing here awaits. */
export interface JusteringStore {
  groups(meetingId: string): GroupRow[];
  /** For a meeting without groups: one group holding every §. */
  createWholeMeetingGroup(meetingId: string): GroupRow;
  meetingStatus(meetingId: string): string | null;
  /** Person ids of the meeting's secretary, chair and justerare (in order). */
  signerPersonIds(meetingId: string): { secretary: string; chair: string; justerare: string[]; noticeSignatory?: string | null } | null;
  nextVersionNo(meetingId: string, groupId: string): number;
  /** Inserts the version and makes it the group's current one. */
  insertVersion(v: NewVersion): VersionRow;
  setGroupStatus(groupId: string, status: GroupStatusName, adjustedAt: string | null): void;
  setMeetingStatus(meetingId: string, status: string): void;
  version(versionId: string): (VersionRow & { snapshot: MeetingDocument; pdf: Uint8Array }) | null;
  versions(meetingId: string): VersionRow[];
  /** Any stored document version (protocol, notice, anslagsbevis, extract, public) with its kind and PDF. */
  documentVersion(versionId: string): (VersionRow & { kind: string; pdf: Uint8Array }) | null;
  signatures(versionId: string): SignatureRow[];
  /** The file after the last signature of the version, or null when none yet. */
  latestSigned(versionId: string): { pdf: Uint8Array; sha256: string; signatureId: string } | null;
  insertSignature(s: NewSignature): SignatureRow;
  /** The stored row of a § (title column and content JSON), for a rättelse. */
  paragraphRow(meetingId: string, number: number): { id: string; groupId: string | null; title: string; content: Record<string, unknown> } | null;
  /** Inserts the pending correction row and then applies it to the § (the trigger allows it only then). Returns the correction's id. */
  applyCorrection(c: { groupId: string; paragraphId: string; reason: string; before: unknown; after: unknown; title: string; content: Record<string, unknown>; actor: string }): string;
  /** Closes the pending correction, recording the version it produced. */
  closeCorrection(correctionId: string, versionId: string): void;
  /** The board a meeting belongs to, or null when the meeting does not exist. */
  meetingBoardId(meetingId: string): string | null;
  /** The board's signing order; undefined when the board does not exist. */
  boardSigningOrder(boardId: string): SigningOrder | undefined;
  setBoardSigningOrder(boardId: string, order: SigningOrder): void;
}

/** App-wide settings (db/repos/settings.ts): JSON values by key. */
export interface SettingsStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/**
 * The contract's credential (core/api/contracts/credential.ts) with the certificate file decoded.
 * A card's `moduleId` names a module the main process offers (electron/services/signing/pkcs11-modules.ts);
 * it is resolved to a path only when the card is opened.
 */
export type { SignerCredentials } from '../../api/contracts/credential';

export interface OpenedSigner {
  commonName: string;
  subject: string;
  certificateSha256: string;
  /** Names and subject serialNumbers for the identity check (core/domain/eid). */
  identity: CertificateIdentity;
  /** Signs; with `tsaUrl` asks for a time stamp and signs without one (B-B) when the service fails. */
  sign(pdf: Uint8Array, o: { field: string; role: string; signerName: string; signingTime: Date; reason: string; tsaUrl: string | null }): Promise<{ pdf: Uint8Array; timestamp: TimestampOutcome }>;
  close(): Promise<void>;
}

/** What a signature through a central signing service (e-legitimation) needs. */
export interface EidSignInput {
  service: SignServiceSetting;
  /** The state to sign on top of. */
  pdf: Uint8Array;
  field: string;
  role: string;
  /** Shown in the appearance and /Name. */
  signerName: string;
  reason: string;
  signingTime: Date;
  tsaUrl: string | null;
  /** The expected signer (csig:Signer); the service must authenticate exactly this person. */
  personnummer: string;
  /** Shown to the signer by the service. */
  signMessage: string;
  trustAnchors: Uint8Array[];
  /** How long to wait for the response before giving up. */
  timeoutMs: number;
  /** The clock the response's time window is judged by. */
  now: () => Date;
}

/** A started e-legitimation signature: the page that posts the request, and the outcome. */
export interface EidSession {
  /** The loopback page that posts the request to the service (one time). */
  url: string;
  /** The app opened it in the system browser; otherwise the client opens `url`. */
  opened: boolean;
  /**
   * The signed PDF once the response is checked completely; rejects with an AppError whose
   * details.reason says why (eid_unreachable, eid_cancelled, eid_other_signer, eid_refused …).
   */
  result: Promise<{ pdf: Uint8Array; timestamp: TimestampOutcome; certificateSha256: string }>;
  /** Stops waiting; `result` then rejects as cancelled. */
  cancel(): void;
}

export interface CheckedSignature {
  signature: SignatureCheck;
  /** What the new signature's certificate says about its holder, for the identity check. */
  certificateIdentity: CertificateIdentity | null;
  /** The whole verification report as JSON, kept for the archive. */
  report: unknown;
  summary: ValidationSummary;
}

export interface JusteringServices {
  /** Renders the protocol and adds one empty signature field per required signer. */
  renderFrozen(data: ProtocolData): Promise<{ pdf: Uint8Array; fields: string[] }>;
  openSigner(credentials: SignerCredentials): Promise<OpenedSigner>;
  /** Every signature checked against the trust anchors at `now` (or a trusted time stamp's time). */
  verify(pdf: Uint8Array, o: TrustOptions): Promise<{ summary: ValidationSummary; report: unknown }>;
  /**
   * `signed` = `base` + one new valid signature in `fieldName` by the expected certificate or name,
   * every signature chaining to `trustAnchors` (refused when there are none), nothing else changed.
   */
  checkIncremental(base: Uint8Array, signed: Uint8Array, o: TrustOptions & { fieldName: string; expectedSubjectName?: string; expectedCertificateSha256?: string }): Promise<CheckedSignature>;
  /** The text a reader shows and the signature fields, to check a package's manifest against the PDF. */
  pdfFacts(pdf: Uint8Array): Promise<PdfFacts>;
  /**
   * Starts a signature through a central signing service: checks the service can be reached,
   * builds and signs the request, starts the loopback and opens the page (desktop) — resolves
   * once the page can be opened; the outcome comes in `result`.
   */
  startEid(input: EidSignInput): Promise<EidSession>;
  /** The slots of a PKCS#11 module (card readers), with the token in each; the module by id. */
  pkcs11Slots(moduleId: string): Promise<Pkcs11Slot[]>;
  sha256(bytes: Uint8Array): string;
}

export interface TrustOptions {
  trustAnchors: Uint8Array[];
  /** Imported CRLs (DER) for offline revocation checking. */
  crls?: Uint8Array[];
  /** The time of verification or import (the clock port). */
  now: Date;
}

export interface Pkcs11Slot {
  slotIndex: number;
  tokenLabel: string;
  tokenSerial: string;
  manufacturer: string;
  /** A usable (present and initialised) token sits in the slot. */
  hasToken: boolean;
}

export interface JusteringDeps extends AppDeps {
  justering: JusteringStore;
  services: JusteringServices;
  settings: SettingsStore;
  trust: TrustStore;
  identity: IdentityStore;
}
