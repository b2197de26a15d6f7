// Handlers for core/api/contracts/documents.ts: the Dokument view reads both the justering
// tables (protocol versions, signatures) and the clerk's (notices, extracts, public versions).
import type { HandlersFor } from '../../core/api/contract';
import type { documentsContract } from '../../core/api/contracts/documents';
import type { shellContract } from '../../core/api/contracts/shell';
import { listDocuments, verifyDocument, type DocumentsDeps } from '../../core/app/documents/overview';
import { anslagDeps } from './anslag';
import type { HandlerContext } from './context';
import { justeringDeps } from './justering';

export function documentsHandlers(ctx: HandlerContext): HandlersFor<keyof typeof documentsContract> {
  const deps: DocumentsDeps = { ...anslagDeps(ctx), ...justeringDeps(ctx) };
  return {
    'documents.list': (input) => listDocuments(deps, input),
    'documents.verify': (input) => verifyDocument(deps, input),
  };
}

/** Outside the desktop app there is no native dialog: the page asks for a typed (absolute) path. */
export function shellHandlers(): HandlersFor<keyof typeof shellContract> {
  return {
    'shell.chooseFolder': () => ({ available: false, path: null }),
    'shell.openMail': () => ({ available: false, path: null }),
  };
}
