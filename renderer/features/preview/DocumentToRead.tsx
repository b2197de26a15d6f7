// The whole PDF a signer is about to sign, shown in the sign dialog and on the package page: the
// viewer (zoom, pages, full window) over the exact bytes the signature will apply to.
import { lazy, Suspense, useEffect, useState } from 'react';
import { t } from '../../i18n';
import { errorMessage } from '../../api/errors';
import { ErrorText } from '../../components/Status';

const PdfViewer = lazy(() => import('./PdfViewer').then((m) => ({ default: m.PdfViewer })));

export interface DocumentSource {
  /** What the document is, for the viewer's region ("Protokoll § 20–22, version 1"). */
  label: string;
  /** The PDF as base64 (fetched when the viewer is shown). */
  load: () => Promise<string>;
}

export function DocumentToRead({ source }: { source: DocumentSource }) {
  const [pdf, setPdf] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { load } = source;
  useEffect(() => {
    let live = true;
    setPdf(null);
    setError(null);
    load().then(
      (b64) => live && setPdf(b64),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [load]);
  const loading = <p role="status">{t('viewer.loading')}</p>;
  return (
    <div className="document-to-read">
      <p className="help">{t('viewer.readBeforeSigning')}</p>
      {error !== null && <ErrorText message={error} />}
      {pdf === null ? (
        error === null && loading
      ) : (
        <Suspense fallback={loading}>
          <PdfViewer pdfBase64={pdf} label={source.label} />
        </Suspense>
      )}
    </div>
  );
}
