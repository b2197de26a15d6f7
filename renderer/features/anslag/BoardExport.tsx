// Writes the digital notice board (a static site) into a folder on this computer.
import { useState, type FormEvent } from 'react';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { ActionResult, useAction } from '../../components/async';
import { anslagStrings as s } from './strings';

export function BoardExport() {
  const orgs = useQuery(() => api.call('organisations.list', {}), []);
  const [directory, setDirectory] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [missing, setMissing] = useState(false);
  const action = useAction();
  const list = orgs.status === 'ready' ? orgs.data : [];

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (directory.trim() === '') {
      setMissing(true);
      return;
    }
    setMissing(false);
    await action.run(async () => {
      const r = await api.call('noticeboard.export', {
        directory: directory.trim(),
        ...(organisationId !== '' ? { organisationId } : {}),
        ...(baseUrl.trim() !== '' ? { baseUrl: baseUrl.trim() } : {}),
      });
      return <p>{s.board.done(r.current, r.archived, r.written.length, r.removed.length, r.directory)}</p>;
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
          <input id="anslag-url" type="url" value={baseUrl} aria-describedby="anslag-url-help" onChange={(e) => setBaseUrl(e.target.value)} />
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
