import type { GroupTimePlace } from '../../format/meeting';
import type { PackageAuthenticity } from './package-check';
// What the Justering use cases return: plain, serialisable data (it crosses every transport).

/** A person who must sign a frozen version, and the field prepared for them. */
export interface RequiredSigner {
  /** "sig-sekreterare", "sig-ordforande", "sig-justerare-1" … */
  field: string;
  /** "Sekreterare", "Ordförande", "Justerare". */
  role: string;
  name: string;
  personId: string | null;
}

export interface SignatureSummary {
  id: string;
  field: string;
  role: string;
  signerName: string;
  /** The signature's time (ISO 8601); the last one is the moment of justering. */
  signedAt: string;
  /** SHA-256 of the whole file after this signature. */
  sha256: string;
  certificateSubject: string | null;
  /** 'app' (signed in this Justera), 'import' (a signing package came back). */
  via: string | null;
  /**
   * How the certificate was bound to the person: 'identifier' (personnummer, HSA-id or registered
   * certificate), 'name-only' (shown as "endast namnkontroll"), null for signatures stored before
   * identity checks existed.
   */
  identity: 'identifier' | 'name-only' | null;
  /** The trust anchor the certificate chains to (its subject); null when unknown. */
  trustAnchor: string | null;
}

export interface SignerState extends RequiredSigner {
  signature: SignatureSummary | null;
  /** Names of the signers who must sign before this one (the board's signing order); empty = may sign now. */
  waitingFor: string[];
}

/** The roles of a justering, in the order a board may require them to sign. */
export const SIGNING_ROLES = ['sekreterare', 'ordforande', 'justerare'] as const;
export type SigningRole = (typeof SIGNING_ROLES)[number];
/** The board's signing order; null = any order. */
export type SigningOrder = SigningRole[] | null;

export interface BoardSigningOrder {
  boardId: string;
  order: SigningOrder;
}

/** Whether the signature got an RFC 3161 time stamp (PAdES B-T) from the configured service. */
export interface TimestampOutcome {
  /** A time-stamping service was configured and asked. */
  requested: boolean;
  /** The signature carries a time stamp. */
  added: boolean;
  /** Swedish note for the user, e.g. why the time stamp is missing; null when nothing to say. */
  message: string | null;
}

/** App-wide settings. */
export interface AppSettings {
  /** RFC 3161 time-stamping service; null = sign without time stamp (PAdES B-B). */
  tsaUrl: string | null;
}

export interface VersionSummary {
  id: string;
  versionNo: number;
  /** SHA-256 of the frozen, unsigned PDF. */
  sha256: string;
  /** SHA-256 of the current state: the last signed file, else the frozen one. */
  currentSha256: string;
  isCurrent: boolean;
  createdAt: string;
  reason: string | null;
  paragraphs: number[];
  signers: SignerState[];
  /** Every required signature is in. */
  complete: boolean;
}

export type GroupStatusName = 'open' | 'frozen' | 'adjusted';

export interface GroupJustering {
  groupId: string;
  /** 0-based position of the group in the meeting. */
  groupIndex: number;
  paragraphs: number[];
  /** "§§ 20–22". */
  label: string;
  status: GroupStatusName;
  adjustedAt: string | null;
  /** Set when justering is late: not done by, or done after, the last day (14 days after the meeting); for an immediate group, not done on the meeting day. */
  deadlineWarning: string | null;
  /** Adjusted at the meeting (omedelbar justering). */
  immediate: boolean;
  /** The group's own time and place of justering, or null (the meeting's applies). */
  timePlace: GroupTimePlace | null;
  /** What the group's protocol prints as "Tid och plats för justering". */
  timePlaceLines: string[];
  versions: VersionSummary[];
}

export interface JusteringStatus {
  meetingId: string;
  meetingStatus: string;
  /** The last day for justering (KL 5 kap. 69 §): 14 days after the meeting, moved past closed days. */
  deadline: string | null;
  /** The board's signing order (null = any order). */
  signingOrder: SigningOrder;
  groups: GroupJustering[];
}

export interface SignatureCheck {
  field: string | null;
  signerName: string | null;
  certificateSubject: string | null;
  certificateSha256: string | null;
  /** The time stamp's time when there is a valid one, else the signer's claim (/M): shown, never trusted alone. */
  signedAt: string | null;
  /** The signer's claimed time (/M). */
  claimedSigningTime: string | null;
  /** A valid signature time stamp's time. */
  timestampTime: string | null;
  level: string;
  coversWholeFile: boolean;
  /** Changes later updates made, as a PDF reader resolves the revisions; `allowed` for signature housekeeping. */
  changesAfter: { revision: number; what: string; allowed: boolean }[];
  /** Only what adding signatures needs was changed after this signature (else "ändrat efter underskrift"). */
  onlyAllowedChangesAfter: boolean;
  valid: boolean;
  /** Chains to a trust anchor: null = "tillit ej bedömd" (no anchors), false = not trusted. */
  trusted: boolean | null;
  /** Subject of the anchor the chain ends in. */
  trustAnchor: string | null;
  /** When the certificate was judged and why then: the time stamp, else the time of verification/import. */
  validityTime: { at: string; source: 'timestamp' | 'verification' };
  /**
   * Offline revocation (CRLs in the trust store or carried in the file): `revoked` makes the
   * signature invalid; `unknown` ("spärrstatus okänd") is shown as a warning. Absent = not checked.
   */
  revocation?: { status: 'good' | 'revoked' | 'unknown'; message: string; crlIssuer: string | null; thisUpdate: string | null; nextUpdate: string | null };
  problems: string[];
}

/** A verification report in plain JSON (dates as ISO strings). */
export interface ValidationSummary {
  valid: boolean;
  /** The trust store had anchors; false = "tillit ej bedömd". */
  trustAssessed: boolean;
  /** Every signature chains to a trust anchor. */
  trusted: boolean;
  /** valid and trusted. */
  accepted: boolean;
  modifiedAfterLastSignature: boolean;
  fileLength: number;
  signatures: SignatureCheck[];
  problems: string[];
  /** Shown but not failing: "spärrstatus okänd" per signature. */
  warnings?: string[];
}

export interface FreezeResult {
  groupId: string;
  groupIndex: number;
  paragraphs: number[];
  version: VersionSummary;
}

export interface SignResult {
  signature: SignatureSummary;
  /** The group became adjusted with this signature. */
  groupAdjusted: boolean;
  meetingAdjusted: boolean;
  remaining: RequiredSigner[];
  validation: ValidationSummary;
  timestamp: TimestampOutcome;
}

export const PACKAGE_FORMAT = 'justera-signing-package';
export const PACKAGE_VERSION = 1;

export interface PackageManifest {
  meeting: { id: string; date: string };
  board: string;
  /** "2020-11-05". */
  date: string;
  paragraphs: number[];
  /** "§§ 20–22". */
  paragraphsLabel: string;
  versionId: string;
  versionNo: number;
  /** SHA-256 of the frozen version. */
  versionSha256: string;
  /** SHA-256 of the PDF in the package (the state the signer signs on top of). */
  baseSha256: string;
  field: string;
  expectedSigner: { name: string; role: string };
  createdAt: string;
}

/** The `.justera` file: a JSON envelope (no zip dependency). */
export interface SigningPackage {
  format: typeof PACKAGE_FORMAT;
  version: typeof PACKAGE_VERSION;
  manifest: PackageManifest;
  /** The PDF to sign, base64. */
  pdf: string;
}

export interface OpenedPackage {
  /** The manifest with control characters removed from every text. */
  manifest: PackageManifest;
  pdfBase64: string;
  /** Fields already signed in the package's PDF: who really signed (the certificate's name) and whether it is trusted. */
  signedBefore: SignatureCheck[];
  /** Whether the package is what it says (trusted secretary signature, manifest matches the PDF). */
  authenticity: PackageAuthenticity;
}

/** A signing package signed on the justerare's own machine (justering.signPackage). */
export interface SignedPackage {
  fileName: string;
  pdfBase64: string;
  field: string;
  validation: ValidationSummary;
  timestamp: TimestampOutcome;
  /** The certificate's name equals the manifest's expected signer. */
  signerMatches: boolean;
  /** Swedish explanation when it does not; the secretary's import will refuse such a file. */
  warning: string | null;
}
