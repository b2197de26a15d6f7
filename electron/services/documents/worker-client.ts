// One worker thread and the jobs sent to it. Used alone (renderInWorker) or in a pool.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../core/api/errors';
import type { WorkAnswer, WorkRequest, WorkResponse } from './protocol';

/** A request before the client numbers it. */
export type Job = WorkRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/**
 * Starts the worker. A bundled build ships worker.js next to this module. Running from the
 * TypeScript sources (tsx, vitest) the worker is worker.ts, and neither `execArgv: ['--import',
 * 'tsx']` nor importing tsx's loader reaches a worker's modules on Node 20; tsx's `tsImport`
 * does, so a small bootstrap loads the entry through it.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url));
  // The ESM build of tsx's API, as its package exports map names it ("./esm/api" → import).
  const tsxDir = pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = new URL('./dist/esm/api/index.mjs', tsxDir).href;
  const entry = new URL('./worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}));`;
  return new Worker(bootstrap, { eval: true });
}

export class WorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (a: WorkAnswer) => void; reject: (e: Error) => void }>();

  /** Jobs sent and not yet answered. */
  get busy(): number {
    return this.pending.size;
  }

  run(job: Job): Promise<WorkAnswer> {
    const worker = this.start();
    const id = this.nextId++;
    const request: WorkRequest = { ...job, id };
    return new Promise<WorkAnswer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage(request);
    });
  }

  /** Stops the worker; jobs still running fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker !== null) await worker.terminate();
    this.failAll(new AppError('internal', 'Dokumentet kunde inte skapas eftersom utskriftstjänsten stängdes. Försök igen.'));
  }

  private start(): Worker {
    if (this.worker !== null) return this.worker;
    const worker = startWorker();
    worker.on('message', (response: WorkResponse) => this.settle(response));
    worker.on('error', (e) => {
      this.worker = null;
      this.failAll(new AppError('internal', `Utskriftstjänsten avbröts oväntat: ${e.message}. Försök igen.`));
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      this.failAll(new AppError('internal', 'Utskriftstjänsten avslutades innan dokumentet var klart. Försök igen.'));
    });
    this.worker = worker;
    return worker;
  }

  private settle(response: WorkResponse): void {
    const job = this.pending.get(response.id);
    if (job === undefined) return;
    this.pending.delete(response.id);
    if (response.ok) job.resolve(response.answer);
    else job.reject(new AppError(response.error.code, response.error.message, response.error.details));
  }

  private failAll(error: Error): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }
}
