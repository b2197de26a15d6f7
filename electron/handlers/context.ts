// What every feature's handlers get: the use-case dependencies, the open database, and facts.
import type { AppDeps } from '../../core/app/ports';
import type { Db } from '../../db/open';
import type { Pkcs11ModuleConfig } from '../services/signing/pkcs11-modules';

export interface HandlerContext {
  deps: AppDeps;
  db: Db;
  databasePath: string;
  transport: 'ipc' | 'http' | 'in-process';
  /** Which PKCS#11 modules may be loaded (the path never comes from a client). */
  pkcs11: Pkcs11ModuleConfig;
  /** The desktop app opens a signing service's loopback page in the system browser; other hosts hand the URL to the client. */
  openExternal?: ((url: string) => Promise<void>) | undefined;
}
