// What every e-ID signing test starts from (integration and e2e): the test CA for e-legitimationer,
// the test signing service (signservice.ts) with one person who can authenticate, and the
// municipality's requester key as a .p12 with its password file in a temporary folder — with the
// input of settings.signServices.save that configures Justera for that service. Also the small
// steps the tests share: waiting for a signature's outcome, and a port nothing listens on.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiClient } from '../../../core/api/client';
import type { Input } from '../../../core/api/contract';
import { rejection } from '../../helpers/backend';
import { issue, pem, writeP12, type Identity } from './pki';
import { startTestSignService, type TestPerson, type TestSignService } from './signservice';
import { hasTool } from './tools';

/** The municipality's entityID at the signing service. */
export const REQUESTER = 'https://justera.testkommun.se/sp';
const PASSWORD = 'kommunens-nyckel';

/** Outside CI a machine without xmllint or openssl skips the e-ID tests; under CI=true they run (and fail without the tools). */
export const needsEidTools = (!hasTool('xmllint') || !hasTool('openssl')) && process.env['CI'] !== 'true';

export interface EidService {
  /** The CA that issues the signers' certificates (trust it with trustCa for the signatures to verify). */
  ca: Identity;
  service: TestSignService;
  /** settings.signServices.save's input for this service. */
  setting: Input<'settings.signServices.save'>;
  close(): Promise<void>;
}

export async function startEidService(options: { person: TestPerson; ca?: Identity; serviceKey?: Identity }): Promise<EidService> {
  const ca = options.ca ?? (await issue({ commonName: 'Test e-legitimation CA', isCa: true }));
  const requester = await issue({ commonName: 'Testkommunen Justera underskrifter' });
  const service = await startTestSignService({ requesters: { [REQUESTER]: requester.certDer }, person: options.person, ca, ...(options.serviceKey ? { serviceKey: options.serviceKey } : {}) });
  // The municipality's requester key and its password file, outside the data folder.
  const keys = mkdtempSync(join(tmpdir(), 'justera-eid-keys-'));
  const requesterP12Path = writeP12(keys, requester, [], 'underskrift.p12', { password: PASSWORD });
  const requesterPasswordFile = join(keys, 'underskrift.pass');
  writeFileSync(requesterPasswordFile, `${PASSWORD}\n`);
  return {
    ca,
    service,
    setting: {
      name: 'Testtjänsten',
      signServiceEntityId: service.entityId,
      signServiceUrl: service.url,
      serviceCertificatePem: pem('CERTIFICATE', service.certificate),
      identityProvider: service.identityProvider,
      requesterEntityId: REQUESTER,
      requesterP12Path,
      requesterPasswordFile,
      loa: 'loa3',
    },
    async close() {
      await service.close();
      rmSync(keys, { recursive: true, force: true });
    },
  };
}

/** The outcome of a started e-ID signature, asking eid.status until it is done. */
export async function eidOutcome(api: ApiClient, pendingId: string) {
  for (;;) {
    const s = await api.call('eid.status', { pendingId, waitMs: 5000 });
    if (s.state === 'done') return s.outcome;
  }
}

/** The outcome's error, with the reason the renderer keys its words on. */
export function eidRefusal(api: ApiClient, pendingId: string) {
  return rejection(eidOutcome(api, pendingId));
}

/** A loopback port nothing listens on (a signing service that is down). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}
