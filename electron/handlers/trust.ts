// Handlers for core/api/contracts/trust.ts: the trust store (trust_anchors), e-ID identifiers of
// people (person_identifiers) and the board's require-e-ID setting.
import type { HandlersFor } from '../../core/api/contract';
import type { trustContract } from '../../core/api/contracts/trust';
import { addCrl, addTrust, inspectTrust, listTrust, removeCrl, removeTrust, type TrustDeps } from '../../core/app/trust';
import { addIdentifier, getRequireEid, listIdentifiers, removeIdentifier, setRequireEid, type IdentityDeps } from '../../core/app/trust/identity';
import { createIdentityStore, createTrustStore } from '../../db/repos/trust';
import { readCertificateFile } from '../services/signing/certificate-files';
import { crlIssuedByCertificate, readCrlFile } from '../services/signing/revocation';
import type { HandlerContext } from './context';

export function trustDeps(ctx: HandlerContext): TrustDeps & IdentityDeps {
  const { deps, db } = ctx;
  return {
    store: deps.store,
    clock: deps.clock,
    trust: createTrustStore(db, { clock: deps.clock, ids: deps.ids, actor: deps.actor }),
    certificates: { read: readCertificateFile },
    crlReader: { read: readCrlFile, issuedBy: crlIssuedByCertificate },
    identity: createIdentityStore(db, { clock: deps.clock, ids: deps.ids }),
  };
}

export function trustHandlers(ctx: HandlerContext): HandlersFor<keyof typeof trustContract> {
  const deps = trustDeps(ctx);
  const bytes = (b64: string) => new Uint8Array(Buffer.from(b64, 'base64'));
  return {
    'trust.list': () => listTrust(deps),
    'trust.inspect': (input) => inspectTrust(deps, { certificate: bytes(input.certificateBase64) }),
    'trust.add': (input) => addTrust(deps, { certificate: bytes(input.certificateBase64), expectSha256: input.expectSha256 }),
    'trust.remove': (input) => removeTrust(deps, input),
    'trust.addCrl': (input) => addCrl(deps, { crl: bytes(input.crlBase64) }),
    'trust.removeCrl': (input) => removeCrl(deps, input),
    'people.identifiers.list': (input) => listIdentifiers(deps, input),
    'people.identifiers.add': (input) => addIdentifier(deps, input),
    'people.identifiers.remove': (input) => removeIdentifier(deps, input),
    'boards.getRequireEid': (input) => getRequireEid(deps, input),
    'boards.setRequireEid': (input) => setRequireEid(deps, input),
  };
}
