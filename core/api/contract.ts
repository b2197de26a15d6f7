// The one API: every operation any transport (IPC, loopback HTTP, in-process, CLI) can call.
// Each method has a zod input schema and an output type; dispatch() validates and routes.
import { z } from 'zod';
import type { MeetingDocument } from '../format/meeting';
import type { MeetingView } from '../app/meetings';
import type { BoardSummary, MeetingSummary, OrganisationSummary } from '../app/ports';
import './zod-sv';

export interface AppInfo {
  name: string;
  version: string;
  /** Where the data lives (shown to the user; IT may move it with --data-dir). */
  databasePath: string;
  transport: 'ipc' | 'http' | 'in-process';
}

interface MethodDef<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only. */
  output?: O;
}

function method<O>() {
  return <I extends z.ZodType>(input: I): MethodDef<I, O> => ({ input });
}

const id = z.string().min(1, 'Ett id måste anges.');
const empty = z.strictObject({});

export const contract = {
  'app.info': method<AppInfo>()(empty),
  'organisations.list': method<OrganisationSummary[]>()(empty),
  'boards.list': method<BoardSummary[]>()(empty),
  'meetings.list': method<MeetingSummary[]>()(
    z.strictObject({ boardId: id.optional(), year: z.number().int().min(1900).max(9999).optional() }),
  ),
  'meetings.get': method<MeetingView>()(z.strictObject({ meetingId: id })),
  'meetings.import': method<{ meetingId: string; boardId: string }>()(z.strictObject({ document: z.unknown() })),
  'meetings.export': method<MeetingDocument>()(z.strictObject({ meetingId: id })),
  'demo.load': method<{ meetingId: string; boardId: string; created: boolean }>()(empty),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type Input<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type Output<M extends MethodName> = Contract[M] extends MethodDef<z.ZodType, infer O> ? O : never;

export type Handlers = { [M in MethodName]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> };

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events the back end pushes to the UI (progress of long work, data changed elsewhere). */
export interface Events {
  'data.changed': { entity: string; id?: string };
  'job.progress': { jobId: string; done: number; total: number; label: string };
}
export type EventName = keyof Events;
