// What the trust and identity use cases need: the trust_anchors and person_identifiers tables
// (db/repos/trust.ts) and a certificate reader (electron/services/signing: PEM/DER, chains).
import type { EidIdentifier } from '../../domain/eid';

/** What a certificate file says, shown before it is added to the trust store. */
export interface CertificateFacts {
  subject: string;
  issuer: string;
  /** ISO 8601. */
  notBefore: string;
  notAfter: string;
  /** SHA-256 of the DER certificate, lower-case hex. */
  sha256: string;
  /** basicConstraints cA. */
  isCa: boolean;
  selfSigned: boolean;
  der: Uint8Array;
}

export interface TrustAnchorRow extends Omit<CertificateFacts, 'selfSigned'> {
  id: string;
  addedAt: string;
  addedBy: string;
}

export interface TrustStore {
  list(): TrustAnchorRow[];
  bySha256(sha256: string): TrustAnchorRow | null;
  insert(row: Omit<TrustAnchorRow, 'id' | 'addedAt' | 'addedBy'>): TrustAnchorRow;
  remove(id: string): TrustAnchorRow | null;
  /** DER certificates of every anchor. */
  anchors(): Uint8Array[];
}

export interface CertificateReader {
  /** Every certificate in a PEM (one or more blocks) or DER file; throws a validation AppError otherwise. */
  read(bytes: Uint8Array): CertificateFacts[];
}

export interface IdentifierRow extends EidIdentifier {
  id: string;
  personId: string;
  createdAt: string;
}

/** person_identifiers and the board setting; writes inside the core Store's transaction. */
export interface IdentityStore {
  identifiers(personId: string): IdentifierRow[];
  insertIdentifier(personId: string, id: EidIdentifier): IdentifierRow;
  removeIdentifier(id: string): IdentifierRow | null;
  personExists(personId: string): boolean;
  boardRequiresEid(boardId: string): boolean | undefined;
  setBoardRequiresEid(boardId: string, value: boolean): void;
}
