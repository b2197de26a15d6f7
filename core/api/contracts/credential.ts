// The signing credential, defined once: a certificate file (PKCS#12, sent base64 with its
// password) or a smart card/token (a PKCS#11 module the main process offers, the token, the PIN).
// Every entrance takes it in this shape (justering.sign, documents.sign, justering.signPackage;
// the renderer's signing dialog, the CLI); the use cases receive it decoded (`openCredential`),
// as the signing port's `SignerCredentials`.
import { z } from 'zod';
import { base64ToBytes } from '../../format/base64';

/** A file as standard base64 with padding (what atob and base64ToBytes decode), not empty. */
export const credentialBase64Schema = z.base64({ error: 'Filen måste skickas base64-kodad.' }).min(1, 'Filen är tom.');

/** A module offered by pkcs11.modules ("known:opensc", "chosen", "configured"): never a path. */
export const moduleIdSchema = z.string().regex(/^(known:[a-z0-9-]+|chosen|configured)$/, 'Välj kortläsarens modul i listan (en sökväg kan inte skickas hit).');

export const p12CredentialSchema = z.strictObject({ kind: z.literal('p12'), p12Base64: credentialBase64Schema, password: z.string() });

/** A smart card or token: the PKCS#11 module, which token (serial or label, else the only one) and the PIN. */
export const pkcs11CredentialSchema = z.strictObject({
  kind: z.literal('pkcs11'),
  moduleId: moduleIdSchema,
  tokenSerial: z.string().min(1).optional(),
  tokenLabel: z.string().min(1).optional(),
  pin: z.string().min(1, 'Ange PIN-koden.'),
});

export const credentialSchema = z.discriminatedUnion('kind', [p12CredentialSchema, pkcs11CredentialSchema], {
  error: 'Välj certifikatfil (p12) eller kort (pkcs11).',
});

/** The credential as every entrance sends it. */
export type Credential = z.infer<typeof credentialSchema>;
export type CredentialKind = Credential['kind'];
export type Pkcs11Credential = z.infer<typeof pkcs11CredentialSchema>;

/** The credential as the signing port opens it: the certificate file as bytes, never as text. */
export type SignerCredentials = Pkcs11Credential | { kind: 'p12'; p12: Uint8Array; password: string };

/** Decodes the certificate file of a validated credential; a card passes as it is. */
export function openCredential(c: Credential): SignerCredentials {
  if (c.kind === 'p12') return { kind: 'p12', p12: base64ToBytes(c.p12Base64), password: c.password };
  return c;
}
