// Importing a member list from a CSV file: all rows or none; every bad row listed with what to do.
import { useId, useState } from 'react';
import { api } from '../../api/transport';
import { fileToBase64 } from '../../api/files';
import { CheckField, TextField } from '../../components/fields';
import { errorMessage } from '../../api/errors';
import { dateError, dateProps } from '../../components/datetime';
import { t } from '../../i18n';
import { ApiError } from '../../../core/api/client';
import type { ErrorIssue } from '../../../core/api/errors';

export function CsvImport({ boardId, onImported }: { boardId: string; onImported: () => void }) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [termStart, setTermStart] = useState('');
  const [termEnd, setTermEnd] = useState('');
  const [error, setError] = useState<{ message: string; issues: ErrorIssue[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('csv.heading')}</h2>
      <p className="help">{t('csv.help')}</p>
      <p className="help">
        <code>Namn;Roll;Parti;Representerar;Mandat från;Mandat till;Ersättarordning;Ersättare för;E-post</code>
      </p>
      <form
        noValidate
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          setDone(null);
          if (file === null) {
            setError({ message: t('csv.noFile'), issues: [] });
            return;
          }
          const dates = dateError(termStart, false) ?? dateError(termEnd, false);
          if (dates !== null) {
            setError({ message: dates, issues: [] });
            return;
          }
          setBusy(true);
          try {
            const dataBase64 = await fileToBase64(file);
            const r = await api.call('workspace.members.import', {
              boardId,
              fileName: file.name,
              dataBase64,
              ...(termStart === '' ? {} : { termStart }),
              ...(termEnd === '' ? {} : { termEnd }),
            });
            setDone(t('csv.done', { n: r.imported }));
            onImported();
          } catch (err) {
            if (err instanceof ApiError) setError({ message: err.message, issues: err.details?.issues ?? [] });
            else setError({ message: String(err), issues: [] });
          } finally {
            setBusy(false);
          }
        }}
      >
        <div className="grid-3">
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('csv.file')}</label>
            <input id={`${id}-file`} type="file" accept=".csv,text/csv,text/plain" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
          <TextField label={t('csv.termStart')} help={`${t('date.help')}. ${t('csv.term.help')}`} {...dateProps} value={termStart} onChange={(e) => setTermStart(e.target.value)} />
          <TextField label={t('csv.termEnd')} help={t('date.help')} {...dateProps} value={termEnd} onChange={(e) => setTermEnd(e.target.value)} />
        </div>
        <button type="submit" disabled={busy}>
          {t('csv.submit')}
        </button>
      </form>
      {error && (
        <div role="alert" className="error-box">
          <p>{error.message}</p>
          {error.issues.length > 0 && (
            <ul className="csv-errors">
              {error.issues.map((i, n) => (
                <li key={n}>
                  <strong>{i.path}:</strong> {i.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p role="status" className="ok">
        {done ?? ''}
      </p>
      <MembersExport boardId={boardId} />
    </section>
  );
}

/** The member list as CSV in the import's format; e-ID identifiers only when ticked (personal data). */
function MembersExport({ boardId }: { boardId: string }) {
  const [withIds, setWithIds] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function download() {
    setError(null);
    setDone(null);
    try {
      const r = await api.call('workspace.members.export', { boardId, ...(withIds ? { includeIdentifiers: true } : {}) });
      const url = URL.createObjectURL(new Blob([r.csv], { type: 'text/csv;charset=utf-8' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = r.fileName;
      a.click();
      URL.revokeObjectURL(url);
      setDone(withIds ? t('csv.export.doneWithIds', { n: r.members, ids: r.identifiers }) : t('csv.export.done', { n: r.members }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }
  return (
    <>
      <h3>{t('csv.export.heading')}</h3>
      <CheckField label={t('csv.export.withIds')} help={t('csv.export.withIds.help')} checked={withIds} onChange={(e) => setWithIds(e.target.checked)} />
      <button type="button" className="secondary" onClick={() => void download()}>
        {t('csv.export.submit')}
      </button>
      <p role="status" className="ok">
        {done ?? ''}
      </p>
      {error !== null && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </>
  );
}
