// What every feature's handlers get: the use-case dependencies, the open database, and facts.
import type { AppDeps } from '../../core/app/ports';
import type { Db } from '../../db/open';

export interface HandlerContext {
  deps: AppDeps;
  db: Db;
  databasePath: string;
  transport: 'ipc' | 'http' | 'in-process';
}
