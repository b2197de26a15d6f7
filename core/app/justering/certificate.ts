// What the signatures.certificate JSON column holds: how a signature was made and what its
// certificate was judged to be when it was stored. Written only by recordSignature
// (core/app/justering/record.ts); the repository (db/repos/justering.ts) validates every write
// against `signatureCertificateSchema` and parses every read with `storedCertificateSchema`.
import { z } from 'zod';

export const signatureCertificateSchema = z.strictObject({
  /** The certificate's subject (RFC 4514), null when the signature carried none. */
  subject: z.string().nullable(),
  /** SHA-256 of the DER certificate, lower-case hex. */
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  /** 'app' (signed in this Justera), 'import' (a signing package came back). */
  via: z.enum(['app', 'import']),
  /** The credential's kind (core/api/contracts/credential.ts), 'eid' (a central signing service), or 'package' for an imported file. */
  credential: z.enum(['p12', 'pkcs11', 'eid', 'package']),
  /** How the certificate was bound to the person (core/domain/eid). */
  identity: z.enum(['identifier', 'name-only']),
  /** The trust anchor the certificate chains to (its subject); null when there was none. */
  trustAnchor: z.string().nullable(),
  /** When the certificate was judged and why then. */
  validityTime: z.strictObject({ at: z.string(), source: z.enum(['timestamp', 'verification']) }),
});

export type SignatureCertificate = z.infer<typeof signatureCertificateSchema>;

const shape = signatureCertificateSchema.shape;

/**
 * A stored row as read back. Rows written before the identity and trust checks existed hold only
 * subject, sha256, via and credential (the rest reads as null), and they named a certificate file
 * 'pkcs12' (read as 'p12').
 */
export const storedCertificateSchema = z.object({
  subject: shape.subject,
  sha256: shape.sha256,
  via: shape.via,
  credential: z.enum([...shape.credential.options, 'pkcs12']).transform((c) => (c === 'pkcs12' ? 'p12' : c)),
  identity: shape.identity.nullable().default(null),
  trustAnchor: shape.trustAnchor.default(null),
  validityTime: shape.validityTime.nullable().default(null),
});

export type StoredCertificate = z.output<typeof storedCertificateSchema>;
