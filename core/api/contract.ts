// The one API: every operation any transport (IPC, loopback HTTP, in-process, CLI) can call.
// Each feature declares its methods in core/api/contracts/<feature>.ts (a zod input schema and
// an output type); this file joins them, and dispatch() validates and routes.
import type { z } from 'zod';
import type { MethodDef } from './contracts/define';
import { coreContract } from './contracts/core';
import { anslagContract } from './contracts/anslag';
import { workspaceContract } from './contracts/workspace';
import { justeringContract } from './contracts/justering';
import { settingsContract } from './contracts/settings';
import { previewContract } from './contracts/preview';
import { documentsContract } from './contracts/documents';
import { shellContract } from './contracts/shell';
import { trustContract } from './contracts/trust';
import { kallelseContract } from './contracts/kallelse';
import { archiveContract } from './contracts/archive';
import './zod-sv';

export type { AppInfo } from './contracts/core';

export const contract = {
  ...coreContract,
  ...anslagContract,
  ...workspaceContract,
  ...justeringContract,
  ...settingsContract,
  ...previewContract,
  ...documentsContract,
  ...shellContract,
  ...trustContract,
  ...kallelseContract,
  ...archiveContract,
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = Contract[M] extends MethodDef<z.ZodType, infer O> ? O : never;

export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> };
/** Handlers of some methods: what each feature's module in electron/handlers/ provides. */
export type HandlersFor<K extends MethodName> = Pick<Handlers, K>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events the back end pushes to the UI (progress of long work, data changed elsewhere). */
export interface Events {
  'data.changed': { entity: string; id?: string };
  'job.progress': { jobId: string; done: number; total: number; label: string };
}
export type EventName = keyof Events;
