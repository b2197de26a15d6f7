// Trust and identity: the installation's trust store (root certificates signatures must chain to),
// e-ID identifiers bound to people, and the board setting that requires them.
import { z } from 'zod';
import type { InspectedCertificate, TrustAnchor, TrustCrl, TrustList } from '../../app/trust';
import type { PersonIdentifier } from '../../app/trust/identity';
import { EID_KINDS } from '../../domain/eid';
import { emptyInput, idSchema, method } from './define';

const certificateSchema = z
  .string()
  .min(1, 'Certifikatfilen är tom.')
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Certifikatfilen måste skickas base64-kodad.');

const sha256Schema = z.string().regex(/^[0-9a-fA-F]{64}$/, 'Ange certifikatets SHA-256 som 64 hexadecimala tecken.');

export const trustContract = {
  'trust.list': method<TrustList>()(emptyInput),
  'trust.inspect': method<{ certificates: InspectedCertificate[] }>()(z.strictObject({ certificateBase64: certificateSchema })),
  'trust.add': method<{ added: TrustAnchor[]; alreadyTrusted: string[] }>()(z.strictObject({ certificateBase64: certificateSchema, expectSha256: z.array(sha256Schema).min(1).optional() })),
  'trust.remove': method<{ removed: TrustAnchor; remaining: number; emptyMessage: string | null }>()(z.strictObject({ id: idSchema })),
  'trust.addCrl': method<{ added: TrustCrl[]; alreadyImported: string[]; replaced: TrustCrl[]; notes: string[] }>()(
    z.strictObject({
      crlBase64: z
        .string()
        .min(1, 'Spärrlistefilen är tom.')
        .max(70_000_000, 'Spärrlistan är för stor (högst 50 MB).')
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Spärrlistefilen måste skickas base64-kodad.'),
    }),
  ),
  'trust.removeCrl': method<{ removed: TrustCrl }>()(z.strictObject({ id: idSchema })),
  'people.identifiers.list': method<{ identifiers: PersonIdentifier[] }>()(z.strictObject({ personId: idSchema, reveal: z.boolean().optional() })),
  'people.identifiers.add': method<PersonIdentifier>()(
    z.strictObject({
      personId: idSchema,
      kind: z.enum(EID_KINDS, { error: 'Välj typ av identifierare: personnummer, hsa eller fingerprint.' }),
      value: z.string().trim().min(1, 'Skriv identifieraren.').max(200),
    }),
  ),
  'people.identifiers.remove': method<{ removed: string }>()(z.strictObject({ id: idSchema })),
  'boards.getRequireEid': method<{ boardId: string; required: boolean }>()(z.strictObject({ boardId: idSchema })),
  'boards.setRequireEid': method<{ boardId: string; required: boolean }>()(z.strictObject({ boardId: idSchema, required: z.boolean() })),
} as const;
