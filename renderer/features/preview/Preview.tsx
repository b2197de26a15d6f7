// Live preview of the protocol beside the editor: refreshed shortly after typing stops, built in
// a Web Worker and swapped in when the browser is idle, so typing stays responsive. Shown in an
// iframe with the protocol's own styles. (The PDF from the documents feature replaces it later.)
import { useEffect, useRef, useState } from 'react';
import { t } from '../../i18n';
import type { MeetingStore } from '../workspace/store';
import previewCss from './preview.css?url';

export const PREVIEW_DELAY_MS = 500;

interface Reply {
  seq: number;
  html: string;
  ms: number;
}

function whenIdle(fn: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(fn, { timeout: 500 });
  else setTimeout(fn, 50);
}

export function Preview({ store, focusNumber }: { store: MeetingStore; focusNumber: number | null }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const worker = useRef<Worker | null>(null);
  const seq = useRef(0);
  const ready = useRef(false);
  const pending = useRef<string | null>(null);
  const focus = useRef(focusNumber);
  focus.current = focusNumber;
  const [updated, setUpdated] = useState<string | null>(null);

  const scrollToFocus = () => {
    const d = frame.current?.contentDocument;
    if (!d || focus.current === null) return;
    d.getElementById(`p-${focus.current}`)?.scrollIntoView({ block: 'start' });
  };

  const show = (html: string) => {
    const d = frame.current?.contentDocument;
    if (!ready.current || !d?.body) {
      pending.current = html;
      return;
    }
    const first = d.body.childElementCount === 0;
    d.body.innerHTML = html;
    if (first) scrollToFocus();
    setUpdated(new Date().toLocaleTimeString('sv-SE'));
    performance.mark('justera:preview-painted');
  };

  useEffect(() => {
    const w = new Worker(new URL('./preview.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (e: MessageEvent<Reply>) => {
      if (e.data.seq !== seq.current) return;
      const html = e.data.html;
      performance.measure('justera:preview-build', { start: performance.now() - e.data.ms, duration: e.data.ms });
      whenIdle(() => {
        const t0 = performance.now();
        show(html);
        performance.measure('justera:preview-apply', { start: t0, end: performance.now() });
      });
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last: unknown = null;
    const request = () => {
      const view = store.snapshot.view;
      if (view === null || view.doc === last) return;
      last = view.doc;
      seq.current += 1;
      w.postMessage({ seq: seq.current, doc: view.doc, generatedAt: new Date().toISOString() });
    };
    request();
    const unsubscribe = store.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(request, PREVIEW_DELAY_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
      w.terminate();
    };
  }, [store]);

  useEffect(() => {
    scrollToFocus();
  }, [focusNumber]);

  const css = new URL(previewCss, document.baseURI).href;
  const srcDoc = `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${t('preview.title')}</title><link rel="stylesheet" href="${css}"></head><body></body></html>`;
  return (
    <aside className="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t('preview.heading')}</h2>
      <p className="help">
        {t('preview.help')}
        {updated && <> {t('preview.updated', { time: updated })}</>}
      </p>
      <iframe
        ref={frame}
        title={t('preview.title')}
        srcDoc={srcDoc}
        onLoad={() => {
          ready.current = true;
          if (pending.current !== null) {
            const html = pending.current;
            pending.current = null;
            show(html);
          }
        }}
      />
    </aside>
  );
}
