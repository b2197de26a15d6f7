// Builds the preview HTML off the UI thread; the page only swaps it in when idle.
import type { MeetingDocument } from '../../../core/format/meeting';
import { previewHtml } from './build';

interface Request {
  seq: number;
  doc: MeetingDocument;
  generatedAt: string;
}

self.onmessage = (e: MessageEvent<Request>) => {
  const { seq, doc, generatedAt } = e.data;
  const started = performance.now();
  const html = previewHtml(doc, generatedAt);
  self.postMessage({ seq, html, ms: performance.now() - started });
};
