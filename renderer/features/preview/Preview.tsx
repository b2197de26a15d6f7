// Live preview of the protocol beside the editor: the real PDF, typeset by the back end's
// document workers from the saved draft, parsed by pdf.js in its own worker and drawn page by
// page. Refreshed shortly after typing stops; the previous PDF stays until the new one is drawn.
import { useEffect, useRef, useState } from 'react';
import { t } from '../../i18n';
import { api } from '../../api/transport';
import { autosave } from '../../api/autosave';
import { ApiError } from '../../../core/api/client';
import type { MeetingStore } from '../workspace/store';
import { PdfPages } from './pdf-pages';
import { fromBase64 } from './pdfjs';
import './preview.css';

export const PREVIEW_DELAY_MS = 800;

type Status = { state: 'updating' } | { state: 'updated'; time: string } | { state: 'error'; message: string };

const messageOf = (e: unknown) => (e instanceof ApiError || e instanceof Error ? e.message : String(e));

export function Preview({ store, focusNumber }: { store: MeetingStore; focusNumber: number | null }) {
  const scroller = useRef<HTMLDivElement>(null);
  const view = useRef<PdfPages | null>(null);
  const [status, setStatus] = useState<Status>({ state: 'updating' });

  useEffect(() => {
    const box = scroller.current;
    if (box === null) return undefined;
    const pages = new PdfPages(
      box,
      (n, total) => t('preview.page', { n, total }),
      (e) => setStatus({ state: 'error', message: messageOf(e) }),
    );
    view.current = pages;
    pages.focus(focusNumber);
    let closed = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last: unknown = null;
    let running = false;
    let again = false;

    // One request at a time; changes made meanwhile ask for one more when it is done.
    const refresh = async () => {
      const current = store.snapshot.view;
      if (closed || current === null || current.doc === last) return;
      if (running) {
        again = true;
        return;
      }
      running = true;
      last = current.doc;
      setStatus({ state: 'updating' });
      try {
        await autosave.flush();
        const r = await api.call('documents.preview', { meetingId: store.meetingId });
        const received = performance.now();
        performance.measure('justera:preview-build', { start: received - r.ms, duration: r.ms });
        if (closed) return;
        if (await pages.show(fromBase64(r.pdfBase64))) {
          performance.measure('justera:preview-apply', { start: received, end: performance.now() });
          performance.mark('justera:preview-painted');
          setStatus({ state: 'updated', time: new Date().toLocaleTimeString('sv-SE') });
        }
      } catch (e) {
        // The last PDF stays; the next change tries again.
        last = null;
        if (!closed) setStatus({ state: 'error', message: messageOf(e) });
      } finally {
        running = false;
        if (again && !closed) {
          again = false;
          void refresh();
        }
      }
    };

    void refresh();
    const unsubscribe = store.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), PREVIEW_DELAY_MS);
    });
    return () => {
      closed = true;
      unsubscribe();
      clearTimeout(timer);
      pages.destroy();
      view.current = null;
    };
    // focusNumber is applied by the effect below: the preview must not restart when it changes.
  }, [store]);

  useEffect(() => {
    view.current?.focus(focusNumber);
  }, [focusNumber]);

  return (
    <aside className="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t('preview.heading')}</h2>
      <p className="preview-status" role="status" aria-live="polite">
        {status.state === 'updating' ? t('preview.updating') : status.state === 'updated' ? t('preview.updated', { time: status.time }) : ''}
      </p>
      {status.state === 'error' && (
        <p className="field-error" role="alert">
          {status.message}
        </p>
      )}
      <div ref={scroller} className="pdf-scroller" role="region" aria-label={t('preview.title')} tabIndex={0} />
    </aside>
  );
}
