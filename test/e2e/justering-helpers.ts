// Helpers for the justering end-to-end tests: a loopback host serving the built renderer
// (`npm run build:renderer`) over a fresh database with the reference meeting, and PKCS#12 files for its secretary, chair and justerare made at test time.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, type ApiClient } from '../../core/api/client';
import { createBackend, type Backend } from '../../electron/backend';
import { startHost, type Host } from '../../electron/host';
import { E2E_BACKEND, rendererDist, test } from './fixtures';
import { makeTestPki, trustCa, writeP12, type Identity } from '../signing/helpers/pki';
import { SOFTHSM_PIN, softhsmIn, softhsmModule } from '../signing/helpers/softhsm';

export const PASSWORD = 'hemligt-lösenord';

export interface Certificates {
  /** .p12 file contents by the certificate's common name. */
  p12: Map<string, Buffer>;
  robert: Identity;
  /** The test CA: add it to the app's trust store (trust(api)) before signing. */
  ca: Identity;
  trust(api: ApiClient): Promise<void>;
  dir: string;
  dispose(): void;
}

/** A test CA and .p12 files for Robert Karlsson, Anders Lundkvist, Sara Lundberg and Lisa Lundgren (who certifies the notices). */
export async function makeCertificates(): Promise<Certificates> {
  const dir = mkdtempSync(join(tmpdir(), 'justera-justering-pki-'));
  const pki = await makeTestPki();
  const p12 = new Map<string, Buffer>();
  for (const id of [pki.robert, pki.anders, pki.sara, await pki.issue('Lisa Lundgren', 'RSA')]) {
    p12.set(id.commonName, readFileSync(writeP12(dir, id, [pki.ca], `${id.commonName.replace(/\W/g, '_')}.p12`, { password: PASSWORD })));
  }
  return { p12, robert: pki.robert, ca: pki.ca, trust: (api) => trustCa(api, pki.ca), dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface JusteringApp {
  url: string;
  backend: Backend;
  meetingId: string;
  boardId: string;
  api: ApiClient;
  dispose(): Promise<void>;
}

/** A fresh database with the reference meeting, served with the built renderer. */
export async function startApp(): Promise<JusteringApp> {
  const dir = mkdtempSync(join(tmpdir(), 'justera-justering-e2e-'));
  // As `npm run web -- --pkcs11-module …`: over HTTP only this module can be used.
  const backend = createBackend({ databasePath: join(dir, 'justera.db'), ...E2E_BACKEND, pkcs11: { configured: softhsmModule } });
  const api = createClient((m, i) => backend.dispatch(m, i));
  const { meetingId } = await api.call('demo.load', {});
  const view = await api.call('workspace.meetings.get', { meetingId });
  const host: Host = await startHost({ dispatch: (m, i) => backend.dispatch(m, i), staticDir: rendererDist });
  return {
    url: host.url,
    backend,
    meetingId,
    boardId: view.boardId,
    api,
    async dispose() {
      await host.close();
      backend.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The hooks of a spec whose tests each get a fresh app (startApp) with the test CA in its trust
 * store, the certificates made once for the file; `env.app` and `env.certs` are set before each test.
 */
export function trustedAppPerTest(): { readonly certs: Certificates; readonly app: JusteringApp } {
  const env = {} as { certs: Certificates; app: JusteringApp };
  test.beforeAll(async () => {
    env.certs = await makeCertificates();
  });
  test.afterAll(() => env.certs.dispose());
  test.beforeEach(async () => {
    env.app = await startApp();
    // The administrator has added the (test) issuer to the trust store; Justera ships none.
    await env.certs.trust(env.app.api);
  });
  test.afterEach(async () => {
    await env.app.dispose();
  });
  return env;
}

/** Debian's SoftHSM2 module, when it and its tools are installed. */
export const SOFTHSM_MODULE = softhsmModule;
export const hasSoftHsm = SOFTHSM_MODULE !== undefined;
export const PIN = SOFTHSM_PIN;

/** A SoftHSM2 token ("a card") labelled `label` holding the identity's key and certificate. */
export function makeToken(dir: string, id: Identity, label: string): void {
  // The back end runs in this process: the module reads its configuration from here.
  const hsm = softhsmIn(dir);
  hsm.initToken(label);
  hsm.importIdentity(label, id, '01', 'Underskrift');
}
