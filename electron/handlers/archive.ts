// Handlers for core/api/contracts/archive.ts: the archive use cases (core/app/archive.ts) wired to
// the package writer and checker (electron/services/archive), the stored documents
// (db/repos/archive.ts) and the trust store. Root certificates and CRLs sent with archive.verify
// are read as the trust store reads them (PEM or DER), so a file that is neither is refused.
import type { HandlersFor } from '../../core/api/contract';
import type { archiveContract } from '../../core/api/contracts/archive';
import { exportArchive, verifyArchive, type ArchiveDeps } from '../../core/app/archive';
import { base64ToBytes } from '../../core/format/base64';
import { createArchiveStore } from '../../db/repos/archive';
import { createTrustStore } from '../../db/repos/trust';
import { archivePackages } from '../services/archive';
import { readCertificateFile } from '../services/signing/certificate-files';
import { readCrlFile } from '../services/signing/revocation';
import type { HandlerContext } from './context';

export function archiveDeps(ctx: HandlerContext): ArchiveDeps {
  const { deps, db } = ctx;
  return { ...deps, packages: archivePackages(createArchiveStore(db)), trust: createTrustStore(db, { clock: deps.clock, ids: deps.ids, actor: deps.actor }) };
}

export function archiveHandlers(ctx: HandlerContext): HandlersFor<keyof typeof archiveContract> {
  const deps = archiveDeps(ctx);
  return {
    'archive.export': (input) => exportArchive(deps, input),
    'archive.verify': (input) =>
      verifyArchive(deps, {
        directory: input.directory,
        trustAnchors: (input.trustAnchorsBase64 ?? []).flatMap((b64) => readCertificateFile(base64ToBytes(b64)).map((c) => c.der)),
        crls: (input.crlsBase64 ?? []).flatMap((b64) => readCrlFile(base64ToBytes(b64)).map((c) => c.der)),
      }),
  };
}
