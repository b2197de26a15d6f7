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
  /** Imported CRLs, newest first per issuer. */
  listCrls(): TrustCrlRow[];
  crlBySha256(sha256: string): TrustCrlRow | null;
  insertCrl(row: Omit<TrustCrlRow, 'id' | 'addedAt' | 'addedBy'>): TrustCrlRow;
  removeCrl(id: string): TrustCrlRow | null;
  /** DER of every imported CRL: what verification checks revocation against. */
  crls(): Uint8Array[];
}

/** What a CRL file says, shown when it is imported and listed. */
export interface CrlFileFacts {
  issuer: string;
  /** ISO 8601. */
  thisUpdate: string;
  nextUpdate: string | null;
  crlNumber: string | null;
  revokedCount: number;
  sha256: string;
  /** Why it cannot say "not revoked" (delta CRL, partitioned); null for a complete CRL. */
  partial: string | null;
  der: Uint8Array;
}

export interface TrustCrlRow extends Omit<CrlFileFacts, 'partial'> {
  id: string;
  /** Subject of the anchor that verified it on import; null when the issuer is not an anchor (an intermediate CA). */
  verifiedBy: string | null;
  addedAt: string;
  addedBy: string;
}

export interface CrlReader {
  /** Every CRL in a PEM ("X509 CRL" blocks) or DER file; throws a validation AppError otherwise. */
  read(bytes: Uint8Array): CrlFileFacts[];
  /** 'issuer' when the CRL names the certificate as issuer and its signature verifies with its key. */
  issuedBy(crlDer: Uint8Array, certificateDer: Uint8Array): 'issuer' | 'other-name' | 'bad-signature';
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
