// A whole PDF to read in the app (a produced document, a package to sign): the preview's pages
// drawn by pdf.js with their text layer, in a scrolling box that takes the keyboard.
import { useEffect, useRef, useState } from 'react';
import { t } from '../../i18n';
import { errorMessage } from '../../api/errors';
import { ErrorText } from '../../components/Status';
import { PdfPages } from './pdf-pages';
import { fromBase64 } from './pdfjs';
import './preview.css';

export function PdfViewer({ pdfBase64, label }: { pdfBase64: string; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const el = box.current;
    if (el === null) return undefined;
    const pages = new PdfPages(el, (n, total) => t('preview.page', { n, total }), (e) => setError(errorMessage(e)));
    pages.show(fromBase64(pdfBase64)).catch((e: unknown) => setError(errorMessage(e)));
    return () => pages.destroy();
  }, [pdfBase64]);
  return (
    <>
      {error !== null && <ErrorText message={error} />}
      <div ref={box} className="pdf-scroller pdf-viewer" role="region" aria-label={label} tabIndex={0} />
    </>
  );
}
