// "#/installningar": the app's settings; today the time-stamping service used when signing
// (empty = none: PAdES B-B; with one: PAdES B-T).
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { ActionResult, ActionScope, QuerySection, useAction } from '../../components/async';
import { TextField } from '../../components/fields';
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
  // One action scope for the page: a section's message goes as soon as any section does something else.
  return (
    <ActionScope>
      <h1>{s.settings.title}</h1>
      <QuerySection id="tsa-heading" heading={s.settings.tsaHeading} help={s.settings.tsaHelp} query={q}>
        {(settings) => <TsaForm initial={settings.tsaUrl} />}
      </QuerySection>
      <TrustSection />
      <CrlSection />
      <SignServicesSection />
    </ActionScope>
  );
}

function TsaForm({ initial }: { initial: string | null }) {
  const [value, setValue] = useState(initial ?? '');
  const [current, setCurrent] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const save = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const url = parseTsaUrl(value);
    if (url === undefined) {
      save.clear();
      setInvalid(true);
      e.currentTarget.querySelector<HTMLElement>('input')?.focus();
      return;
    }
    setInvalid(false);
    await save.run(async () => {
      const r = await api.call('settings.set', { tsaUrl: url });
      setCurrent(r.tsaUrl);
      setValue(r.tsaUrl ?? '');
      return s.settings.saved(r.tsaUrl);
    });
  }

  return (
    <>
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
        <button type="submit" disabled={save.busy}>
          {s.settings.save}
        </button>
      </form>
      <ActionResult error={save.error} done={save.done} />
    </>
  );
}
