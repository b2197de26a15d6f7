// Handlers for core/api/contracts/preview.ts: the workspace's live preview, the protocol PDF of
// the current draft typeset by the document worker pool (never on this thread). While the
// secretary types, requests for a meeting are merged so that renders never pile up.
import type { HandlersFor } from '../../core/api/contract';
import type { previewContract, ProtocolPreview } from '../../core/api/contracts/preview';
import { AppError } from '../../core/api/errors';
import { draftProtocolData, type ProtocolData } from '../../core/documents';
import type { MeetingDocument } from '../../core/format/meeting';
import type { RenderResult } from '../../templates/render';
import { DocumentWorkerPool } from '../services/documents';
import type { HandlerContext } from './context';

export type RenderProtocol = (data: ProtocolData) => Promise<RenderResult>;

interface Lane {
  /** The render under way. */
  running: Promise<ProtocolPreview> | null;
  /** The render that starts when the running one ends; every request made meanwhile shares it. */
  next: Promise<ProtocolPreview> | null;
}

/**
 * Renders previews, newest draft first: per meeting at most one render runs and one waits. A
 * request arriving while a render runs joins the waiting one, which reads the draft only when it
 * starts, so a burst of requests while the user types costs two renders, not one per request.
 */
export class PreviewRenderer {
  private readonly lanes = new Map<string, Lane>();

  constructor(
    private readonly readDraft: (meetingId: string) => MeetingDocument,
    private readonly now: () => Date,
    private readonly render: RenderProtocol,
  ) {}

  preview(meetingId: string): Promise<ProtocolPreview> {
    let lane = this.lanes.get(meetingId);
    if (lane === undefined) {
      lane = { running: null, next: null };
      this.lanes.set(meetingId, lane);
    }
    if (lane.running === null) return this.start(meetingId, lane);
    if (lane.next !== null) return lane.next;
    const l = lane;
    const next = lane.running.then(
      () => this.start(meetingId, l),
      () => this.start(meetingId, l),
    );
    lane.next = next;
    return next;
  }

  private start(meetingId: string, lane: Lane): Promise<ProtocolPreview> {
    lane.next = null;
    const run = this.renderOnce(meetingId);
    lane.running = run;
    const done = () => {
      if (lane.running !== run) return;
      lane.running = null;
      if (lane.next === null) this.lanes.delete(meetingId);
    };
    run.then(done, done);
    return run;
  }

  private async renderOnce(meetingId: string): Promise<ProtocolPreview> {
    const generatedAt = this.now().toISOString();
    const data = draftProtocolData(this.readDraft(meetingId), generatedAt);
    const started = performance.now();
    const result = await this.render(data);
    const ms = Math.round(performance.now() - started);
    return { pdfBase64: Buffer.from(result.pdf).toString('base64'), pages: result.pageCount, ms, generatedAt };
  }
}

/** Threads are stopped after this long without a preview, and started again on the next one. */
const IDLE_MS = 60_000;

let pool: DocumentWorkerPool | null = null;
let active = 0;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

/** One pool for the process (its threads have the fonts parsed), shared by every back end. */
async function renderInPool(data: ProtocolData): Promise<RenderResult> {
  clearTimeout(idleTimer);
  pool ??= new DocumentWorkerPool();
  const current = pool;
  active += 1;
  try {
    return await current.render('protocol', data, { reuseParts: true });
  } finally {
    active -= 1;
    if (active === 0) {
      idleTimer = setTimeout(() => void closePreviewPool(), IDLE_MS);
      idleTimer.unref();
    }
  }
}

/** Whether the preview's worker threads are started (they start on the first preview). */
export function previewPoolRunning(): boolean {
  return pool !== null;
}

/** Stops the preview's worker threads (idle, at shutdown, after tests). */
export async function closePreviewPool(): Promise<void> {
  clearTimeout(idleTimer);
  if (pool === null || active > 0) return;
  const current = pool;
  pool = null;
  await current.close();
}

export function previewHandlers(ctx: HandlerContext, render: RenderProtocol = renderInPool): HandlersFor<keyof typeof previewContract> {
  const readDraft = (meetingId: string): MeetingDocument => {
    const loaded = ctx.deps.store.loadMeeting(meetingId);
    if (loaded === null) throw new AppError('not_found', 'Sammanträdet finns inte (det kan ha tagits bort). Gå tillbaka till nämnden och välj ett sammanträde.');
    return loaded.doc;
  };
  const renderer = new PreviewRenderer(readDraft, () => ctx.deps.clock.now(), render);
  return {
    'documents.preview': (i) => renderer.preview(i.meetingId),
  };
}
