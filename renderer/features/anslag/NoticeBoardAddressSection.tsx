// The published address of the organisation's digital notice board (noticeboard.address /
// setAddress), on the board's page: the folder's full web address, needed for the OParl data.
import { useState, type FormEvent } from 'react';
import { api } from '../../api/transport';
import { errorMessage } from '../../api/errors';
import { useQuery } from '../../api/useQuery';
import { TextField } from '../../components/fields';
import { ErrorText, Loading } from '../../components/Status';
import { anslagStrings as s } from './strings';

export function NoticeBoardAddressSection({ organisationId, organisationName }: { organisationId: string; organisationName: string }) {
  const q = useQuery(() => api.call('noticeboard.address', { organisationId }), [organisationId]);
  return (
    <section className="card" aria-labelledby="notice-board-address-heading">
      <h2 id="notice-board-address-heading">{s.address.heading}</h2>
      <p className="help">{s.address.help(organisationName)}</p>
      {q.status === 'loading' && <Loading />}
      {q.status === 'error' && <ErrorText message={q.message} onRetry={q.reload} />}
      {q.status === 'ready' && <AddressForm organisationId={organisationId} initial={q.data.url} />}
    </section>
  );
}

function AddressForm({ organisationId, initial }: { organisationId: string; initial: string | null }) {
  const [value, setValue] = useState(initial ?? '');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setDone(null);
    try {
      const saved = await api.call('noticeboard.setAddress', { organisationId, url: value.trim() });
      setError(null);
      setValue(saved.url ?? '');
      setDone(saved.url === null ? s.address.cleared : s.address.saved(saved.url));
    } catch (x) {
      setError(errorMessage(x));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <TextField label={s.address.label} help={s.address.fieldHelp} error={error} type="url" inputMode="url" value={value} onChange={(e) => setValue(e.target.value)} />
      <div className="actions">
        <button type="submit" disabled={busy}>
          {s.address.submit}
        </button>
      </div>
      <div role="status" className="action-status">
        {done}
      </div>
    </form>
  );
}
