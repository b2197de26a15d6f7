// The worker thread that typesets documents, so that layout (seconds for long protocols) never
// blocks the main process. Receives WorkRequest, answers WorkResponse.
import { parentPort } from 'node:worker_threads';
import { toErrorBody } from '../../../core/api/errors';
import { loadFonts } from '../../../templates/fonts/register';
import { assembleParts, renderDocument, renderPart } from '../../../templates/render';
import type { WorkAnswer, WorkRequest, WorkResponse } from './protocol';

const port = parentPort;
if (port === null) throw new Error('worker.ts must run as a worker thread');

// One job at a time: @react-pdf keeps global state (fonts, the reconciler).
let queue: Promise<void> = Promise.resolve();

port.on('message', (request: WorkRequest) => {
  queue = queue.then(() => handle(request));
});

async function work(request: WorkRequest): Promise<WorkAnswer> {
  switch (request.type) {
    case 'document':
      return { kind: 'document', result: await renderDocument(request.data, request.options) };
    case 'part':
      return { kind: 'part', bytes: await renderPart(request.data, request.index, request.options) };
    case 'assemble':
      return { kind: 'document', result: await assembleParts(request.data, request.parts, request.options) };
    case 'ready':
      await loadFonts();
      return { kind: 'ready' };
    default: {
      const never: never = request;
      return never;
    }
  }
}

async function handle(request: WorkRequest): Promise<void> {
  let response: WorkResponse;
  try {
    response = { id: request.id, ok: true, answer: await work(request) };
  } catch (e) {
    response = { id: request.id, ok: false, error: toErrorBody(e) };
  }
  const bytes = transferable(response);
  port?.postMessage(response, bytes === undefined ? [] : [bytes.buffer as ArrayBuffer]);
}

/** The PDF bytes of an answer, moved to the main thread instead of copied. */
function transferable(response: WorkResponse): Uint8Array | undefined {
  if (!response.ok) return undefined;
  switch (response.answer.kind) {
    case 'part':
      return response.answer.bytes;
    case 'document':
      return response.answer.result.pdf;
    case 'ready':
      return undefined;
    default: {
      const never: never = response.answer;
      return never;
    }
  }
}
