// Writes the digital notice board (a static site) into a folder on this computer, and keeps the
// organisation's published address of it (needed for the OParl open data).
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { ActionResult, useAction } from '../../components/async';
import { anslagStrings as s } from './strings';

export function BoardExport() {
  const orgs = useQuery(() => api.call('organisations.list', {}), []);
  const [directory, setDirectory] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [savedUrl, setSavedUrl] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
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

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (directory.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    await action.run(async () => {
      const org = organisationId !== '' ? { organisationId } : {};
      // A changed address is saved for the organisation first (the same check as everywhere).
      if (baseUrl.trim() !== (savedUrl ?? '')) {
        const saved = await api.call('noticeboard.setAddress', { ...org, url: baseUrl.trim() });
        setSavedUrl(saved.url);
        setBaseUrl(saved.url ?? '');
      }
      const r = await api.call('noticeboard.export', { directory: directory.trim(), ...org });
      return (
        <>
          <p>{s.board.done(r.current, r.archived, r.written.length, r.removed.length, r.directory)}</p>
          {r.oparlEntryPoint !== null && <p>{s.board.openData(r.oparlEntryPoint)}</p>}
          {r.notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </>
      );
    });
  }

  return (
    <section aria-labelledby="anslag-board" className="card">
      <h2 id="anslag-board">{s.board.heading}</h2>
      <p className="help">{s.board.help}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="field">
          <label htmlFor="anslag-dir">{s.board.directory}</label>
          <input
            id="anslag-dir"
            value={directory}
            required
            aria-invalid={missing ? 'true' : undefined}
            aria-describedby={missing ? 'anslag-dir-help anslag-dir-error' : 'anslag-dir-help'}
            onChange={(e) => setDirectory(e.target.value)}
          />
          <span id="anslag-dir-help" className="help">
            {s.board.directoryHelp}
          </span>
          {missing && (
            <span id="anslag-dir-error" className="field-error">
              {s.board.required}
            </span>
          )}
        </div>
        {list.length > 1 && (
          <div className="field">
            <label htmlFor="anslag-org">{s.board.organisation}</label>
            <select id="anslag-org" value={organisationId} onChange={(e) => setOrganisationId(e.target.value)}>
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
          <label htmlFor="anslag-url">{s.board.baseUrl}</label>
          <input id="anslag-url" type="url" inputMode="url" value={baseUrl} aria-describedby="anslag-url-help" onChange={(e) => setBaseUrl(e.target.value)} />
          <span id="anslag-url-help" className="help">
            {s.board.baseUrlHelp}
          </span>
        </div>
        <div className="actions">
          <button type="submit" disabled={action.busy}>
            {s.board.submit}
          </button>
        </div>
      </form>
      <ActionResult error={action.error} done={action.done} />
    </section>
  );
}
