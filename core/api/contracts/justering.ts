// Justering: freezing a group of §§ as an immutable version, PAdES signatures (in the app or via
// a signing package from another machine), status and verification of the signed file.
import { z } from 'zod';
import type { CorrectionResult } from '../../app/justering/correct';
import type { DocumentSignResult } from '../../app/justering/documents';
import { EID_MAX_WAIT_MS, type EidStarted, type EidStatus } from '../../app/justering/eid';
import { decisionSchema } from '../../format/meeting';
import { richTextSchema } from '../../format/richtext';
import type { Pkcs11Slot } from '../../app/justering/ports';
import {
  SIGNING_ROLES,
  type BoardSigningOrder,
  type FreezeResult,
  type JusteringStatus,
  type OpenedPackage,
  type PackageManifest,
  type SignedPackage,
  type SignResult,
  type ValidationSummary,
} from '../../app/justering/types';
import { emptyInput, idSchema, method } from './define';
import { credentialBase64Schema, credentialSchema, moduleIdSchema } from './credential';

const fieldSchema = z.string().regex(/^sig-[a-z0-9-]+$/, 'Ange ett underskriftsfält, t.ex. sig-ordforande, sig-sekreterare eller sig-justerare-1.');
const base64Schema = credentialBase64Schema;

/** A module on offer: the path is shown, never sent back. */
export interface Pkcs11ModuleInfo {
  id: string;
  label: string;
  path: string;
  source: 'known' | 'chosen' | 'configured';
}

const signingOrderSchema = z
  .array(z.enum(SIGNING_ROLES, { error: 'Rollerna i underskriftsordningen är sekreterare, ordforande och justerare.' }))
  .refine((roles) => new Set(roles).size === roles.length, 'Varje roll får finnas med högst en gång i underskriftsordningen.')
  .nullable();

export const justeringContract = {
  'justering.freeze': method<FreezeResult>()(z.strictObject({ meetingId: idSchema, groupIndex: z.number().int().min(0, 'Justeringsgruppens nummer börjar på 0.').optional() })),
  'justering.status': method<JusteringStatus>()(z.strictObject({ meetingId: idSchema })),
  // Signs with a certificate file or a card (the one credential, core/api/contracts/credential.ts).
  'justering.sign': method<SignResult>()(z.strictObject({ versionId: idSchema, field: fieldSchema, credential: credentialSchema })),
  'justering.exportPackage': method<{ fileName: string; content: string; manifest: PackageManifest }>()(z.strictObject({ versionId: idSchema, field: fieldSchema })),
  'justering.openPackage': method<OpenedPackage>()(z.strictObject({ content: z.string().min(1, 'Underskriftspaketet är tomt.') })),
  'justering.importSigned': method<SignResult>()(z.strictObject({ versionId: idSchema, field: fieldSchema, pdfBase64: base64Schema })),
  'justering.currentPdf': method<{ pdfBase64: string; sha256: string; fileName: string; signed: number; complete: boolean }>()(z.strictObject({ versionId: idSchema })),
  'justering.correct': method<CorrectionResult>()(
    z.strictObject({
      meetingId: idSchema,
      groupIndex: z.number().int().min(0, 'Justeringsgruppens nummer börjar på 0.'),
      paragraphNumber: z.number().int().min(1),
      patch: z.strictObject({
        title: z.string().trim().min(1, 'Rubriken får inte vara tom.').optional(),
        decision: decisionSchema.optional(),
        summary: richTextSchema.optional(),
        description: richTextSchema.optional(),
        body: richTextSchema.optional(),
        decisionDocuments: z.array(z.string().trim().min(1)).optional(),
      }),
      reason: z.string().optional(),
    }),
  ),
  // The clerk's and secretary's own documents (tillkännagivande, anslagsbevis, protokollsutdrag).
  'documents.sign': method<DocumentSignResult>()(z.strictObject({ versionId: idSchema, field: fieldSchema, credential: credentialSchema })),
  'documents.currentPdf': method<{ pdfBase64: string; sha256: string; kind: string; signed: boolean }>()(z.strictObject({ versionId: idSchema })),
  // The signer's own machine: sign a received .justera package (needs no meeting in the database).
  'justering.signPackage': method<SignedPackage>()(
    z.strictObject({
      content: z.string().min(1, 'Underskriftspaketet är tomt.'),
      credential: credentialSchema,
      /** Required to sign a package shown as "ej verifierat". */
      confirmUnverified: z.boolean().optional(),
    }),
  ),
  // E-legitimation through the municipality's central signing service: start (the page to open,
  // a pending id), then eid.status until done (each call waits at most waitMs), or eid.cancel.
  'justering.signEid': method<EidStarted>()(z.strictObject({ versionId: idSchema, field: fieldSchema, serviceId: idSchema.optional() })),
  'documents.signEid': method<EidStarted>()(z.strictObject({ versionId: idSchema, field: fieldSchema, serviceId: idSchema.optional() })),
  'justering.signPackageEid': method<EidStarted>()(
    z.strictObject({
      content: z.string().min(1, 'Underskriftspaketet är tomt.'),
      /** The signer's own personnummer: the package carries none. */
      personnummer: z.string().trim().min(1, 'Ange ditt personnummer (tolv siffror).'),
      confirmUnverified: z.boolean().optional(),
      serviceId: idSchema.optional(),
    }),
  ),
  'eid.status': method<EidStatus>()(
    z.strictObject({
      pendingId: idSchema,
      waitMs: z
        .number()
        .int()
        .min(0)
        .max(EID_MAX_WAIT_MS, `Vänta högst ${EID_MAX_WAIT_MS / 1000} sekunder per anrop.`)
        .optional(),
    }),
  ),
  'eid.cancel': method<{ cancelled: boolean }>()(z.strictObject({ pendingId: idSchema })),
  'justering.pkcs11Slots': method<{ slots: Pkcs11Slot[] }>()(z.strictObject({ moduleId: moduleIdSchema })),
  // The PKCS#11 modules the main process offers; a native dialog (desktop app only) adds one.
  'pkcs11.modules': method<{ modules: Pkcs11ModuleInfo[]; canChoose: boolean }>()(emptyInput),
  'pkcs11.chooseModule': method<{ module: Pkcs11ModuleInfo | null }>()(emptyInput),
  // The board's signing order (null = any order); enforced by sign, importSigned, exportPackage.
  'boards.setSigningOrder': method<BoardSigningOrder>()(z.strictObject({ boardId: idSchema, order: signingOrderSchema })),
  'boards.getSigningOrder': method<BoardSigningOrder>()(z.strictObject({ boardId: idSchema })),
  'justering.verify': method<ValidationSummary & { sha256: string; signedFields: string[]; requiredFields: string[] }>()(z.strictObject({ versionId: idSchema })),
} as const;
