// Where a command that checks signatures gets its trust anchors: --trust files, and/or the
// installation's trust store (--db). Without either the verdict is "tillit ej bedömd".
import { resolve } from 'node:path';
import type { CliArgs, CliIo } from './types';
import { readInput } from './credentials';
// The back end, the database and the certificate parser load only when anchors are read, so the
// commands that declare these options (and `justera --help`) start without them.

export const trustOption = {
  type: 'string',
  multiple: true,
  valueName: 'CA.pem',
  description: 'Betrott rotcertifikat (PEM eller DER); kan anges flera gånger. Med --db används också databasens tillitslista.',
} as const;

export const trustDbOption = { type: 'string', valueName: 'FIL', description: 'Databasen vars tillitslista (justera trust list) används.' } as const;

export const crlOption = {
  type: 'string',
  multiple: true,
  valueName: 'FIL.crl',
  description: 'Spärrlista (CRL, DER eller PEM) att kontrollera spärrstatus mot; kan anges flera gånger. Med --db används också tillitslistans spärrlistor.',
} as const;

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((f): f is string => typeof f === 'string') : []);

/** Trust anchors and CRLs: --trust and --crl files, and the trust store of --db. */
export async function trustMaterialOf(io: CliIo, args: CliArgs): Promise<{ anchors: Uint8Array[]; crls: Uint8Array[] }> {
  const anchors: Uint8Array[] = [];
  const crls: Uint8Array[] = [];
  const { readCertificateFile } = await import('../services/signing/certificate-files');
  for (const f of strings(args.values.trust)) anchors.push(...readCertificateFile(await readInput(io, f, 'Rotcertifikatet')).map((c) => c.der));
  const crlFiles = strings(args.values.crl);
  if (crlFiles.length > 0) {
    const { readCrlFile } = await import('../services/signing/revocation');
    for (const f of crlFiles) crls.push(...readCrlFile(await readInput(io, f, 'Spärrlistan')).map((c) => c.der));
  }
  const db = args.values.db ?? process.env.JUSTERA_DB;
  if (typeof db === 'string' && db.length > 0) {
    const [{ createBackend }, { createTrustStore }] = await Promise.all([import('../backend'), import('../../db/repos/trust')]);
    const backend = createBackend({ databasePath: resolve(io.cwd, db), actor: 'cli', clock: { now: () => io.now() } });
    try {
      const store = createTrustStore(backend.db, { clock: backend.deps.clock, ids: backend.deps.ids, actor: 'cli' });
      anchors.push(...store.anchors());
      crls.push(...store.crls());
    } finally {
      backend.close();
    }
  }
  return { anchors, crls };
}

export async function trustAnchorsOf(io: CliIo, args: CliArgs): Promise<Uint8Array[]> {
  return (await trustMaterialOf(io, args)).anchors;
}

export { printable } from '../../core/domain/printable';
