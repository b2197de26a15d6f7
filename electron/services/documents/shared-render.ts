// Typesets a long document in this thread and on helper threads at once, for callers that may
// block their thread (the CLI): this thread has the templates loaded already and starts at
// once, and each helper joins in when its modules and fonts are loaded, taking the next part
// that nobody has started. Parts are the same bytes whichever thread typesets them, so the
// joined file is the same as renderDocument's.
import { AppError } from '../../../core/api/errors';
import type { DocumentData } from '../../../core/documents/types';
import { planParts } from '../../../templates/plan';
import type { RenderOptions, RenderResult } from '../../../templates/render';
import { WorkerClient } from './worker-client';

export async function renderShared(data: DocumentData, helpers: number, options: RenderOptions = {}): Promise<RenderResult> {
  const { assembleParts, renderPart } = await import('../../../templates/render');
  const count = planParts(data).length;
  const parts: Uint8Array[] = new Array<Uint8Array>(count);
  let next = 0;
  let stopped = false;
  const take = (): number => (stopped || next >= count ? -1 : next++);
  const clients = Array.from({ length: Math.max(0, Math.floor(helpers)) }, () => new WorkerClient());
  /** Parts the helpers have taken and not yet delivered. */
  const taken: Promise<void>[] = [];

  const helper = async (client: WorkerClient): Promise<void> => {
    // Wait until the thread is ready: a part is only taken when it can start at once.
    if ((await client.run({ type: 'ready' })).kind !== 'ready') return;
    const loop = async (): Promise<void> => {
      for (let i = take(); i >= 0; i = take()) {
        const index = i;
        const job = client.run({ type: 'part', data, index, options }).then((answer) => {
          if (answer.kind !== 'part') throw unexpected();
          parts[index] = answer.bytes;
        });
        // Handled here so a job cut short by close() is no unhandled rejection; awaited below.
        job.catch(() => undefined);
        taken.push(job);
        await job;
      }
    };
    // Two jobs queued per helper: it need not wait for this (busy) thread to hand out the next.
    await Promise.all([loop(), loop()]);
  };
  // A helper that cannot start leaves its share to the others (this thread does it all if need be).
  for (const client of clients) helper(client).catch(() => undefined);
  try {
    for (let i = take(); i >= 0; i = take()) {
      parts[i] = await renderPart(data, i, options);
      // Let the helpers' messages in: typesetting a part never waits for I/O, so without this
      // turn of the event loop their answers (and requests for more) would wait to the end.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await Promise.all(taken);
  } finally {
    stopped = true;
    await Promise.all(clients.map((c) => c.close()));
  }
  return assembleParts(data, parts, options);
}

function unexpected(): AppError {
  return new AppError('internal', 'Utskriftstjänsten svarade med fel sorts resultat.');
}
