// A whole PDF to read in the app (a produced document, a package to sign): the pages drawn by
// pdf.js with their text layer, in a scrolling box that takes the keyboard, with zoom (in, out,
// fit width), page navigation ("sida 3 av 7", previous/next, a page number) and a full-window
// mode (Esc leaves it and focus goes back to the button that opened it).
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { t } from '../../i18n';
import { errorMessage } from '../../api/errors';
import { ErrorText } from '../../components/Status';
import { PdfPages, type PdfViewState } from './pdf-pages';
import { fromBase64 } from './pdfjs';
import './preview.css';

/** CSS pixels per PDF point at 100 % (96 dpi screen, 72 points per inch). */
const ACTUAL = 96 / 72;
/** The zoom steps, in per cent of the actual size. */
const STEPS = [25, 50, 75, 100, 125, 150, 200, 300, 400];

const percentOf = (scale: number) => Math.round((scale / ACTUAL) * 100);

/** The next step above (dir 1) or below (dir -1) the current scale. */
export function nextZoom(scale: number, dir: 1 | -1): number {
  const now = percentOf(scale);
  const step = dir > 0 ? STEPS.find((s) => s > now + 1) : [...STEPS].reverse().find((s) => s < now - 1);
  return ((step ?? (dir > 0 ? STEPS[STEPS.length - 1] : STEPS[0]) ?? 100) * ACTUAL) / 100;
}

export function PdfViewer({ pdfBase64, label }: { pdfBase64: string; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const fullButton = useRef<HTMLButtonElement>(null);
  const pagesRef = useRef<PdfPages | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [view, setView] = useState<PdfViewState>({ page: 0, total: 0, scale: ACTUAL, fitScale: ACTUAL, fit: true });
  const [pageText, setPageText] = useState('');
  const [pageError, setPageError] = useState<string | null>(null);
  const [full, setFull] = useState(false);
  const keysId = useId();
  const pageInputId = useId();

  useEffect(() => {
    const el = box.current;
    if (el === null) return undefined;
    const pages = new PdfPages(
      el,
      (n, total) => t('preview.page', { n, total }),
      (e) => setError(errorMessage(e)),
    );
    pages.onState = (s) => {
      setView(s);
      setPageText(String(s.page));
    };
    pagesRef.current = pages;
    pages.show(fromBase64(pdfBase64)).catch((e: unknown) => setError(errorMessage(e)));
    return () => {
      pages.destroy();
      pagesRef.current = null;
    };
  }, [pdfBase64]);

  // Entering full window puts the focus in the pages; leaving gives it back to the button.
  const wasFull = useRef(false);
  useEffect(() => {
    if (full) box.current?.focus();
    else if (wasFull.current) fullButton.current?.focus();
    wasFull.current = full;
  }, [full]);

  const zoom = (scale: number | null) => pagesRef.current?.setZoom(scale);
  const zoomIn = () => zoom(nextZoom(view.scale, 1));
  const zoomOut = () => zoom(nextZoom(view.scale, -1));
  const goTo = (n: number) => pagesRef.current?.goTo(n);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const target = e.target as HTMLElement;
    const typing = target.tagName === 'INPUT';
    if (e.key === 'Escape' && full) {
      // Leaves the full window only: a dialog around the viewer stays open.
      e.preventDefault();
      e.stopPropagation();
      setFull(false);
      return;
    }
    if (e.key === 'Tab' && full) {
      // The full window keeps the focus inside it, as a dialog does.
      const focusable = [...(frame.current?.querySelectorAll<HTMLElement>('button:not([disabled]), input, [tabindex="0"]') ?? [])];
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last?.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first?.focus();
      }
      return;
    }
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '+' || e.key === '=') {
      e.preventDefault();
      zoomIn();
    } else if (e.key === '-') {
      e.preventDefault();
      zoomOut();
    } else if (e.key === '0') {
      e.preventDefault();
      zoom(null);
    }
  }

  const percent = percentOf(view.scale);
  return (
    <>
      {error !== null && <ErrorText message={error} />}
      {/* Keys are handled for the whole frame: the toolbar and the pages. */}
      <div
        ref={frame}
        className={full ? 'pdf-frame full' : 'pdf-frame'}
        onKeyDown={onKeyDown}
        role={full ? 'dialog' : undefined}
        aria-modal={full ? true : undefined}
        aria-label={full ? label : undefined}
      >
        <div className="pdf-toolbar" role="toolbar" aria-label={t('viewer.toolbar', { label })} aria-describedby={keysId}>
          <div className="pdf-toolbar-group">
            <button type="button" className="secondary small" onClick={() => goTo(view.page - 1)} disabled={view.page <= 1}>
              {t('viewer.prev')}
            </button>
            <label htmlFor={pageInputId} className="pdf-page-label">
              {t('viewer.pageInput')}
            </label>
            <input
              id={pageInputId}
              className="pdf-page-input"
              inputMode="numeric"
              autoComplete="off"
              value={pageText}
              aria-describedby={`${pageInputId}-of`}
              aria-invalid={pageError !== null}
              onChange={(e) => setPageText(e.target.value)}
              onKeyDown={(e) => {
                if (e.key !== 'Enter') return;
                e.preventDefault();
                const n = Number(pageText.trim());
                if (!Number.isInteger(n) || n < 1 || n > view.total) {
                  setPageError(t('viewer.pageInvalid', { total: view.total }));
                  return;
                }
                setPageError(null);
                goTo(n);
              }}
              onBlur={() => {
                setPageText(String(view.page));
                setPageError(null);
              }}
            />
            <span id={`${pageInputId}-of`} className="pdf-page-of" aria-live="polite">
              {view.total > 0 ? t('viewer.pageOf', { n: view.page, total: view.total }) : ''}
            </span>
            <button type="button" className="secondary small" onClick={() => goTo(view.page + 1)} disabled={view.page >= view.total}>
              {t('viewer.next')}
            </button>
          </div>
          <div className="pdf-toolbar-group">
            <button type="button" className="secondary small" onClick={zoomOut} disabled={percent <= (STEPS[0] ?? 25)} aria-keyshortcuts="-">
              {t('viewer.zoomOut')}
            </button>
            <span className="pdf-zoom" aria-live="polite">
              {t('viewer.zoomLevel', { percent })}
            </span>
            <button type="button" className="secondary small" onClick={zoomIn} disabled={percent >= (STEPS[STEPS.length - 1] ?? 400)} aria-keyshortcuts="+">
              {t('viewer.zoomIn')}
            </button>
            <button type="button" className="secondary small" onClick={() => zoom(null)} aria-pressed={view.fit} aria-keyshortcuts="0">
              {t('viewer.fitWidth')}
            </button>
            <button ref={fullButton} type="button" className="secondary small" onClick={() => setFull(!full)} aria-pressed={full}>
              {full ? t('viewer.leaveFullWindow') : t('viewer.fullWindow')}
            </button>
          </div>
          {pageError !== null && (
            <p className="field-error" role="alert">
              {pageError}
            </p>
          )}
          <p id={keysId} className="visually-hidden">
            {t('viewer.keys')}
          </p>
        </div>
        <div ref={box} className="pdf-scroller pdf-viewer" role="region" aria-label={label} tabIndex={0} />
      </div>
    </>
  );
}
