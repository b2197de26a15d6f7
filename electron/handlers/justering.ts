// Handlers for core/api/contracts/justering.ts: the Justering use cases wired to SQLite
// (db/repos/justering.ts) and the PDF services (rendering worker, PAdES signing).
import type { HandlersFor } from '../../core/api/contract';
import type { justeringContract } from '../../core/api/contracts/justering';
import * as justering from '../../core/app/justering';
import { correct } from '../../core/app/justering/correct';
import { documentCurrentPdf, signDocument } from '../../core/app/justering/documents';
import { signPackage } from '../../core/app/justering/package-sign';
import type { JusteringDeps, SignerCredentials } from '../../core/app/justering/ports';
import { createJusteringStore } from '../../db/repos/justering';
import { createSettingsStore } from '../../db/repos/settings';
import { justeringServices } from '../services/justering';
import type { HandlerContext } from './context';

export function justeringDeps(ctx: HandlerContext): JusteringDeps {
  const { deps, db } = ctx;
  return {
    ...deps,
    justering: createJusteringStore(db, { clock: deps.clock, ids: deps.ids }),
    services: justeringServices,
    settings: createSettingsStore(db, { clock: deps.clock }),
  };
}

type Pkcs11Input = { modulePath: string; pin: string; tokenSerial?: string | undefined; tokenLabel?: string | undefined };

function pkcs11Credentials(input: Pkcs11Input): SignerCredentials {
  return {
    kind: 'pkcs11',
    modulePath: input.modulePath,
    pin: input.pin,
    ...(input.tokenSerial === undefined ? {} : { tokenSerial: input.tokenSerial }),
    ...(input.tokenLabel === undefined ? {} : { tokenLabel: input.tokenLabel }),
  };
}

export function justeringHandlers(ctx: HandlerContext): HandlersFor<keyof typeof justeringContract> {
  const deps = justeringDeps(ctx);
  const bytes = (b64: string) => deps.services.fromBase64(b64);
  return {
    'justering.freeze': (input) => justering.freeze(deps, input),
    'justering.status': (input) => justering.status(deps, input),
    'justering.sign': (input) =>
      justering.sign(deps, { versionId: input.versionId, field: input.field, credentials: { kind: 'pkcs12', p12: bytes(input.p12Base64), password: input.password } }),
    'justering.signPkcs11': (input) => justering.sign(deps, { versionId: input.versionId, field: input.field, credentials: pkcs11Credentials(input) }),
    'justering.signPackage': (input) =>
      signPackage(deps, {
        content: input.content,
        credentials:
          input.credential.kind === 'p12'
            ? { kind: 'pkcs12', p12: bytes(input.credential.p12Base64), password: input.credential.password }
            : pkcs11Credentials(input.credential),
      }),
    'justering.pkcs11Slots': async (input) => ({ slots: await deps.services.pkcs11Slots(input.modulePath) }),
    'boards.setSigningOrder': (input) => justering.setSigningOrder(deps, input),
    'boards.getSigningOrder': (input) => justering.getSigningOrder(deps, input),
    'justering.exportPackage': (input) => justering.exportPackage(deps, input),
    'justering.openPackage': (input) => justering.openPackage(deps, input),
    'justering.importSigned': (input) => justering.importSigned(deps, { versionId: input.versionId, field: input.field, pdf: bytes(input.pdfBase64) }),
    'justering.currentPdf': (input) => {
      const r = justering.currentPdf(deps, input);
      return { pdfBase64: deps.services.toBase64(r.pdf), sha256: r.sha256, fileName: r.fileName, signed: r.signed, complete: r.complete };
    },
    'justering.verify': (input) => justering.verify(deps, input),
    'justering.correct': (input) => correct(deps, input),
    'documents.sign': (input) =>
      signDocument(deps, { versionId: input.versionId, field: input.field, credentials: { kind: 'pkcs12', p12: bytes(input.p12Base64), password: input.password } }),
    'documents.signPkcs11': (input) => signDocument(deps, { versionId: input.versionId, field: input.field, credentials: pkcs11Credentials(input) }),
    'documents.currentPdf': (input) => {
      const r = documentCurrentPdf(deps, input);
      return { pdfBase64: deps.services.toBase64(r.pdf), sha256: r.sha256, kind: r.kind, signed: r.signed };
    },
  };
}
