// Renders documents off the main thread. `DocumentWorker` is one worker thread for many jobs
// (fonts are parsed once); `DocumentWorkerPool` typesets a long document's parts on several
// threads at once and joins them, giving the same bytes; `renderInWorker` is a one-off job (on a
// pool when the document is long); `renderAdaptive` keeps short documents in this thread.
import { availableParallelism } from 'node:os';
import { AppError } from '../../../core/api/errors';
import type { DocumentData, DocumentKind } from '../../../core/documents/types';
import { planParts } from '../../../templates/plan';
import type { RenderOptions, RenderResult } from '../../../templates/render';
import type { WorkAnswer } from './protocol';
import { renderShared } from './shared-render';
import { WorkerClient } from './worker-client';

export type DataOf<K extends DocumentKind> = Extract<DocumentData, { kind: K }>;

function checkKind(kind: DocumentKind, data: DocumentData): void {
  if (data.kind !== kind) throw new AppError('validation', `Dokumentdata av typen "${data.kind}" kan inte skrivas ut som "${kind}".`);
}

function documentOf(answer: WorkAnswer): RenderResult {
  if (answer.kind !== 'document') throw new AppError('internal', 'Utskriftstjänsten svarade med fel sorts resultat.');
  return answer.result;
}

export class DocumentWorker {
  private readonly client = new WorkerClient();

  async render<K extends DocumentKind>(kind: K, data: DataOf<NoInfer<K>>, options: RenderOptions = {}): Promise<RenderResult> {
    checkKind(kind, data);
    return documentOf(await this.client.run({ type: 'document', data, options }));
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

export class DocumentWorkerPool {
  private readonly clients: WorkerClient[];

  /** `size` threads; by default one fewer than the machine has cores (the main thread keeps one), at least one. */
  constructor(size: number = Math.max(1, availableParallelism() - 1)) {
    this.clients = Array.from({ length: Math.max(1, Math.floor(size)) }, () => new WorkerClient());
  }

  async render<K extends DocumentKind>(kind: K, data: DataOf<NoInfer<K>>, options: RenderOptions = {}): Promise<RenderResult> {
    checkKind(kind, data);
    const count = planParts(data).length;
    if (count === 1 || this.clients.length === 1) return documentOf(await this.leastBusy().run({ type: 'document', data, options }));
    const parts = await Promise.all(
      Array.from({ length: count }, async (_, index) => {
        const answer = await this.leastBusy().run({ type: 'part', data, index, options });
        if (answer.kind !== 'part') throw new AppError('internal', 'Utskriftstjänsten svarade med fel sorts resultat.');
        return answer.bytes;
      }),
    );
    return documentOf(await this.leastBusy().run({ type: 'assemble', data, parts, options }));
  }

  async close(): Promise<void> {
    await Promise.all(this.clients.map((c) => c.close()));
  }

  /** Parts are handed out as they are queued, so spread them by what each thread already has. */
  private leastBusy(): WorkerClient {
    return this.clients.reduce((best, c) => (c.busy < best.busy ? c : best));
  }
}

/**
 * From this many parts (about 40 pages of §§ or more) a document is worth typesetting on
 * several threads: below it, starting the threads costs more than they save.
 */
export const LONG_DOCUMENT_PARTS = 5;

/**
 * Cores needed before one-off jobs start threads of their own. A fresh render thread costs
 * about 2.5 s of CPU to load (measured under tsx, test/bench/render.ts --adaptive), as much as
 * typesetting 60 pages; on two cores that ate the gain, so there the job stays on one thread.
 */
export const ONE_OFF_POOL_CORES = 4;

/** Threads for a one-off long document: every core (the calling thread only waits), at most four. */
function oneOffThreads(cores: number): number {
  return Math.min(4, cores);
}

export function isLongDocument(data: DocumentData, cores: number = availableParallelism()): boolean {
  return cores >= ONE_OFF_POOL_CORES && planParts(data).length >= LONG_DOCUMENT_PARTS;
}

/** Renders one document on fresh worker threads (a pool if it is long) and stops them afterwards. */
export async function renderInWorker<K extends DocumentKind>(kind: K, data: DataOf<NoInfer<K>>, options: RenderOptions = {}): Promise<RenderResult> {
  const worker = isLongDocument(data) ? new DocumentWorkerPool(oneOffThreads(availableParallelism())) : new DocumentWorker();
  try {
    return await worker.render(kind, data, options);
  } finally {
    await worker.close();
  }
}

/**
 * For callers that may block their thread (the CLI): a short document is typeset right here;
 * a long one here and on helper threads at once (shared-render.ts). Same bytes either way.
 */
export async function renderAdaptive<K extends DocumentKind>(kind: K, data: DataOf<NoInfer<K>>, options: RenderOptions = {}): Promise<RenderResult> {
  checkKind(kind, data);
  if (isLongDocument(data)) return renderShared(data, oneOffThreads(availableParallelism()) - 1, options);
  // Loaded on demand: the pool alone does not need @react-pdf in this thread.
  const { renderDocument } = await import('../../../templates/render');
  return renderDocument(data, options);
}
