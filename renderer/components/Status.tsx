// Loading and error states, announced to screen readers.
import { t } from '../i18n';

export function Loading() {
  return (
    <p role="status" className="muted">
      {t('app.loading')}
    </p>
  );
}

export function ErrorBox({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div role="alert" className="error-box">
      <h2>{t('app.error.title')}</h2>
      <p>{message}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('app.error.retry')}
        </button>
      )}
    </div>
  );
}

/** An error inside a section or dialog (ErrorBox is the page-level one, with a heading), shown as it is. */
export function ErrorText({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div role="alert" className="error-box">
      {/* The back end's message already says what is wrong and what to do: no "Något gick fel:" before it. */}
      <p>{message}</p>
      {onRetry && (
        <button type="button" className="secondary" onClick={onRetry}>
          {t('app.error.retry')}
        </button>
      )}
    </div>
  );
}

/**
 * What an editor says after an edit: the announcement (read by screen readers, not shown) and the
 * refusal, if any, shown and announced at once.
 */
export function EditFeedback({ announce, error }: { announce: string; error?: string | null }) {
  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
