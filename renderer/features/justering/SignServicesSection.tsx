// Inställningar → Underskriftstjänster: the central signing services (Sweden Connect) that
// "Skriv under med e-legitimation" uses. Add, change and remove; the API validates every field.
import { useState, type FormEvent } from 'react';
import type { SignServiceSetting } from '../../../core/app/justering/sign-services';
import { errorMessage } from '../../api/errors';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { SelectField, TextArea, TextField } from '../../components/fields';
import { ErrorBox, ErrorText, Loading } from '../../components/Status';
import { justeringStrings as strings } from './strings';

const s = strings.signServices;

type Draft = Omit<SignServiceSetting, 'id'>;

const empty: Draft = {
  name: '',
  signServiceEntityId: '',
  signServiceUrl: '',
  serviceCertificatePem: '',
  identityProvider: '',
  requesterEntityId: '',
  requesterP12Path: '',
  requesterPasswordFile: '',
  loa: 'loa3',
};

const loaNames: Record<SignServiceSetting['loa'], string> = { loa2: s.loa2, loa3: s.loa3, loa4: s.loa4 };

export function SignServicesSection() {
  const q = useQuery(() => api.call('settings.signServices.list', {}), []);
  const [editing, setEditing] = useState<SignServiceSetting | 'new' | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function remove(service: SignServiceSetting) {
    setError(null);
    try {
      await api.call('settings.signServices.remove', { id: service.id });
      setStatus(s.removed(service.name));
      q.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="card" aria-labelledby="signservices-heading">
      <h2 id="signservices-heading">{s.heading}</h2>
      <p className="help">{s.help}</p>
      {q.status === 'loading' && <Loading />}
      {q.status === 'error' && <ErrorBox message={q.message} onRetry={q.reload} />}
      {q.status === 'ready' && (
        <>
          {q.data.services.length === 0 ? (
            <p>{s.none}</p>
          ) : (
            <ul>
              {q.data.services.map((svc) => (
                <li key={svc.id}>
                  <strong>{svc.name}</strong> – {svc.signServiceUrl} ({svc.loa}){' '}
                  <button type="button" onClick={() => setEditing(svc)} aria-label={s.editFor(svc.name)}>
                    {s.edit}
                  </button>{' '}
                  <button type="button" onClick={() => void remove(svc)} aria-label={s.removeFor(svc.name)}>
                    {s.remove}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {editing === null && (
            <button type="button" onClick={() => setEditing('new')}>
              {s.add}
            </button>
          )}
          {editing !== null && (
            <SignServiceForm
              key={editing === 'new' ? 'new' : editing.id}
              initial={editing === 'new' ? undefined : editing}
              onDone={(saved) => {
                setEditing(null);
                if (saved) {
                  setStatus(s.saved(saved.name));
                  q.reload();
                }
              }}
            />
          )}
        </>
      )}
      <p role="status" className="ok">
        {status}
      </p>
      {error !== null && <ErrorText message={error} />}
    </section>
  );
}

function SignServiceForm({ initial, onDone }: { initial: SignServiceSetting | undefined; onDone: (saved: SignServiceSetting | null) => void }) {
  const [draft, setDraft] = useState<Draft>(initial ?? empty);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const saved = await api.call('settings.signServices.save', initial ? { ...draft, id: initial.id } : draft);
      onDone(saved);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const text = (k: keyof Draft, label: string, help?: string) => <TextField label={label} help={help} autoComplete="off" spellCheck={false} value={draft[k]} onChange={set(k)} />;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={initial ? s.editFor(initial.name) : s.newForm}>
      {text('name', s.name, s.nameHelp)}
      {text('signServiceEntityId', s.entityId, s.entityIdHelp)}
      {text('signServiceUrl', s.url, s.urlHelp)}
      <TextArea label={s.certificate} help={s.certificateHelp} rows={4} spellCheck={false} value={draft.serviceCertificatePem} onChange={set('serviceCertificatePem')} />
      {text('identityProvider', s.idp, s.idpHelp)}
      {text('requesterEntityId', s.requester, s.requesterHelp)}
      {text('requesterP12Path', s.p12, s.p12Help)}
      {text('requesterPasswordFile', s.passwordFile, s.passwordFileHelp)}
      <SelectField label={s.loa} value={draft.loa} onChange={set('loa')}>
        {(Object.keys(loaNames) as SignServiceSetting['loa'][]).map((k) => (
          <option key={k} value={k}>
            {loaNames[k]}
          </option>
        ))}
      </SelectField>
      <button type="submit" disabled={busy}>
        {s.save}
      </button>{' '}
      <button type="button" onClick={() => onDone(null)}>
        {s.cancel}
      </button>
      {error !== null && <ErrorText message={error} />}
    </form>
  );
}
