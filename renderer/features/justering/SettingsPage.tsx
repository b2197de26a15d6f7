// "#/installningar": the app's settings; today the time-stamping service used when signing
// (empty = none: PAdES B-B; with one: PAdES B-T).
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { TextField } from '../../components/fields';
import { ErrorBox, ErrorText, Loading } from '../../components/Status';
import { errorMessage } from '../../api/errors';
import { parseTsaUrl } from './format';
import { SignServicesSection } from './SignServicesSection';
import { justeringStrings as s } from './strings';
import { TrustSection } from './TrustSection';
import { CrlSection } from './CrlSection';

export function SettingsPage() {
  const q = useQuery(() => api.call('settings.get', {}), []);
  useEffect(() => {
    document.title = `${s.settings.title} – Justera`;
  }, []);
  return (
    <>
      <h1>{s.settings.title}</h1>
      {q.status === 'loading' && <Loading />}
      {q.status === 'error' && <ErrorBox message={q.message} onRetry={q.reload} />}
      {q.status === 'ready' && <TsaForm initial={q.data.tsaUrl} />}
      <TrustSection />
      <CrlSection />
      <SignServicesSection />
    </>
  );
}

function TsaForm({ initial }: { initial: string | null }) {
  const [value, setValue] = useState(initial ?? '');
  const [current, setCurrent] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    setError(null);
    const url = parseTsaUrl(value);
    if (url === undefined) {
      setInvalid(true);
      e.currentTarget.querySelector<HTMLElement>('input')?.focus();
      return;
    }
    setInvalid(false);
    setBusy(true);
    try {
      const r = await api.call('settings.set', { tsaUrl: url });
      setCurrent(r.tsaUrl);
      setValue(r.tsaUrl ?? '');
      setDone(s.settings.saved(r.tsaUrl));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="tsa-heading">
      <h2 id="tsa-heading">{s.settings.tsaHeading}</h2>
      <p className="help">{s.settings.tsaHelp}</p>
      <p>{s.settings.current(current)}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={s.settings.tsaUrl}
          help={s.settings.tsaUrlHelp}
          error={invalid ? s.settings.tsaInvalid : null}
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" disabled={busy}>
          {s.settings.save}
        </button>
      </form>
      <p role="status" className="ok">
        {done}
      </p>
      {error !== null && <ErrorText message={error} />}
    </section>
  );
}
