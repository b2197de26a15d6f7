// Writes the digital notice board (a static site) into a folder on this computer, and keeps the
// organisation's published address of it (needed for the OParl open data). In the desktop app the
// folder is chosen with the system's folder dialog; in a browser the path is typed, and only a full
// path is accepted (a relative one would land in the host's working folder). The back end answers
// within seconds even when the folder does not (the button is enabled again).
import { useEffect, useId, useState, type FormEvent } from 'react';
import { isAbsolutePath } from '../../../core/domain/paths';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { errorMessage } from '../../api/errors';
import { ActionResult, useAction } from '../../components/async';
import { t } from '../../i18n';

export function BoardExport() {
  const id = useId();
  const orgs = useQuery(() => api.call('organisations.list', {}), []);
  const info = useQuery(() => api.call('app.info', {}), []);
  const desktop = info.status === 'ready' && info.data.transport === 'ipc';
  const [directory, setDirectory] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [savedUrl, setSavedUrl] = useState<string | null>(null);
  const [invalid, setInvalid] = useState<string | null>(null);
  const action = useAction();
  const list = orgs.status === 'ready' ? orgs.data : [];
  const chosen = organisationId !== '' ? organisationId : list.length === 1 ? (list[0]?.id ?? '') : '';

  // The saved address of the chosen organisation fills the field.
  useEffect(() => {
    if (chosen === '') return;
    let live = true;
    api.call('noticeboard.address', { organisationId: chosen }).then(
      (a) => {
        if (!live) return;
        setSavedUrl(a.url);
        setBaseUrl(a.url ?? '');
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [chosen]);

  async function choose() {
    try {
      const r = await api.call('shell.chooseFolder', { title: t('board.export.dialogTitle') });
      if (r.path !== null) {
        setDirectory(r.path);
        setInvalid(null);
      }
    } catch (e) {
      setInvalid(errorMessage(e));
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const dir = directory.trim();
    const problem = dir === '' ? t('board.export.required') : isAbsolutePath(dir) ? null : t('board.export.absolute');
    setInvalid(problem);
    if (problem !== null) {
      document.getElementById(`${id}-dir`)?.focus();
      return;
    }
    await action.run(async () => {
      const org = organisationId !== '' ? { organisationId } : {};
      // A changed address is saved for the organisation first (the same check as everywhere).
      if (baseUrl.trim() !== (savedUrl ?? '')) {
        const saved = await api.call('noticeboard.setAddress', { ...org, url: baseUrl.trim() });
        setSavedUrl(saved.url);
        setBaseUrl(saved.url ?? '');
      }
      const r = await api.call('noticeboard.export', { directory: dir, ...org });
      return (
        <>
          <p>{t('board.export.done', { current: r.current, archived: r.archived, written: r.written.length, removed: r.removed.length, dir: r.directory })}</p>
          {r.oparlEntryPoint !== null && <p>{t('board.export.openData', { entry: r.oparlEntryPoint })}</p>}
          {r.notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </>
      );
    });
  }

  return (
    <section aria-labelledby={`${id}-h`} className="card">
      <h2 id={`${id}-h`}>{t('board.export.heading')}</h2>
      <p className="help">{t('board.export.help')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor={`${id}-dir`}>{t('board.export.directory')}</label>
          <div className="inline-row">
            <input
              id={`${id}-dir`}
              value={directory}
              required
              aria-invalid={invalid !== null ? 'true' : undefined}
              aria-describedby={invalid !== null ? `${id}-dir-help ${id}-dir-error` : `${id}-dir-help`}
              onChange={(e) => setDirectory(e.target.value)}
            />
            {desktop && (
              <button type="button" className="secondary" onClick={() => void choose()}>
                {t('board.export.choose')}
              </button>
            )}
          </div>
          <span id={`${id}-dir-help`} className="help">
            {desktop ? t('board.export.directoryHelpDesktop') : t('board.export.directoryHelp')}
          </span>
          {invalid !== null && (
            <span id={`${id}-dir-error`} className="field-error">
              {invalid}
            </span>
          )}
        </div>
        {list.length > 1 && (
          <div className="field">
            <label htmlFor={`${id}-org`}>{t('board.export.organisation')}</label>
            <select id={`${id}-org`} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
              <option value="">–</option>
              {list.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor={`${id}-url`}>{t('board.export.baseUrl')}</label>
          <input id={`${id}-url`} type="url" inputMode="url" value={baseUrl} aria-describedby={`${id}-url-help`} onChange={(e) => setBaseUrl(e.target.value)} />
          <span id={`${id}-url-help`} className="help">
            {t('board.export.baseUrlHelp')}
          </span>
        </div>
        <div className="actions">
          <button type="submit" disabled={action.busy}>
            {action.busy ? t('board.export.busy') : t('board.export.submit')}
          </button>
        </div>
      </form>
      <ActionResult error={action.error} done={action.done} />
    </section>
  );
}
