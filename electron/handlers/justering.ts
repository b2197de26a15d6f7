// Handlers for core/api/contracts/justering.ts: the Justering use cases wired to SQLite
// (db/repos/justering.ts) and the PDF services (rendering worker, PAdES signing).
import type { HandlersFor } from '../../core/api/contract';
import type { justeringContract } from '../../core/api/contracts/justering';
import * as justering from '../../core/app/justering';
import { correct } from '../../core/app/justering/correct';
import { documentCurrentPdf, signDocument } from '../../core/app/justering/documents';
import { signPackage } from '../../core/app/justering/package-sign';
import type { JusteringDeps, SettingsStore } from '../../core/app/justering/ports';
import { openCredential } from '../../core/api/contracts/credential';
import { base64ToBytes, bytesToBase64 } from '../../core/format/base64';
import { EidSessions, eidCancel, eidStatus, signDocumentEid, signEid, signPackageEid } from '../../core/app/justering/eid';
import { createJusteringStore } from '../../db/repos/justering';
import { createSettingsStore } from '../../db/repos/settings';
import { createIdentityStore, createTrustStore } from '../../db/repos/trust';
import { AppError } from '../../core/api/errors';
import { createJusteringServices } from '../services/justering';
import { availableModules, checkModulePath, resolveModule } from '../services/signing/pkcs11-modules';
import type { HandlerContext } from './context';

const CHOSEN_MODULE = 'pkcs11Module';

function chosenModule(settings: SettingsStore): string | null {
  const v = settings.get(CHOSEN_MODULE);
  return typeof v === 'string' && v.length > 0 ? v : null;
}

export function justeringDeps(ctx: HandlerContext): JusteringDeps {
  const { deps, db } = ctx;
  const settings = createSettingsStore(db, { clock: deps.clock });
  return {
    ...deps,
    justering: createJusteringStore(db, { clock: deps.clock, ids: deps.ids }),
    // The module path is resolved here, in the main process, from an id, when a card is opened.
    services: createJusteringServices((id) => resolveModule(ctx.pkcs11, chosenModule(settings), ctx.transport, id), { openExternal: ctx.openExternal }),
    settings,
    trust: createTrustStore(db, { clock: deps.clock, ids: deps.ids, actor: deps.actor }),
    identity: createIdentityStore(db, { clock: deps.clock, ids: deps.ids }),
  };
}

export function justeringHandlers(ctx: HandlerContext): HandlersFor<keyof typeof justeringContract> {
  const deps = justeringDeps(ctx);
  const chosen = () => chosenModule(deps.settings);
  // E-legitimation signatures under way in this back end.
  const eid = new EidSessions();
  return {
    'justering.signEid': (input) => signEid(deps, eid, input),
    'documents.signEid': (input) => signDocumentEid(deps, eid, input),
    'justering.signPackageEid': (input) => signPackageEid(deps, eid, input),
    'eid.status': (input) => eidStatus(eid, input),
    'eid.cancel': (input) => eidCancel(eid, input),
    'justering.freeze': (input) => justering.freeze(deps, input),
    'justering.status': (input) => justering.status(deps, input),
    'justering.sign': (input) => justering.sign(deps, { versionId: input.versionId, field: input.field, credentials: openCredential(input.credential) }),
    'justering.signPackage': (input) => signPackage(deps, { content: input.content, confirmUnverified: input.confirmUnverified, credentials: openCredential(input.credential) }),
    'justering.pkcs11Slots': async (input) => ({ slots: await deps.services.pkcs11Slots(input.moduleId) }),
    'pkcs11.modules': () => ({ modules: availableModules(ctx.pkcs11, chosen(), ctx.transport), canChoose: ctx.transport === 'ipc' && ctx.pkcs11.choose !== undefined }),
    'pkcs11.chooseModule': async () => {
      if (ctx.transport !== 'ipc' || ctx.pkcs11.choose === undefined) {
        throw new AppError('validation', 'Kortläsarens modul väljs i skrivbordsappen. I webbläsaren används den modul som Justera-värden startades med (--pkcs11-module).');
      }
      const picked = await ctx.pkcs11.choose();
      if (picked === null) return { module: null };
      const path = checkModulePath(picked, ctx.pkcs11);
      deps.store.transaction(() => {
        deps.settings.set(CHOSEN_MODULE, path);
        deps.store.audit({ action: 'settings.pkcs11Module', entity: 'app_settings', entityId: CHOSEN_MODULE, details: { path } });
      });
      return { module: availableModules(ctx.pkcs11, path, ctx.transport).find((m) => m.id === 'chosen') ?? null };
    },
    'boards.setSigningOrder': (input) => justering.setSigningOrder(deps, input),
    'boards.getSigningOrder': (input) => justering.getSigningOrder(deps, input),
    'justering.exportPackage': (input) => justering.exportPackage(deps, input),
    'justering.openPackage': (input) => justering.openPackage(deps, input),
    'justering.importSigned': (input) => justering.importSigned(deps, { versionId: input.versionId, field: input.field, pdf: base64ToBytes(input.pdfBase64) }),
    'justering.currentPdf': (input) => {
      const r = justering.currentPdf(deps, input);
      return { pdfBase64: bytesToBase64(r.pdf), sha256: r.sha256, fileName: r.fileName, signed: r.signed, complete: r.complete };
    },
    'justering.verify': (input) => justering.verify(deps, input),
    'justering.correct': (input) => correct(deps, input),
    'documents.sign': (input) => signDocument(deps, { versionId: input.versionId, field: input.field, credentials: openCredential(input.credential) }),
    'documents.currentPdf': (input) => {
      const r = documentCurrentPdf(deps, input);
      return { pdfBase64: bytesToBase64(r.pdf), sha256: r.sha256, kind: r.kind, signed: r.signed };
    },
  };
}
