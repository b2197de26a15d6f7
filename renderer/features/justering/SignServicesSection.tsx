// Inställningar → Underskriftstjänster: the central signing services (Sweden Connect) that
// "Skriv under med e-legitimation" uses. Add, change and remove; the API validates every field.
import { useState, type FormEvent } from 'react';
import type { SignServiceSetting } from '../../../core/app/justering/sign-services';
import { errorMessage } from '../../api/errors';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { SelectField, TextArea, TextField } from '../../components/fields';
import { ErrorBox, ErrorText, Loading } from '../../components/Status';

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

const loaNames: Record<SignServiceSetting['loa'], string> = {
  loa2: 'Tillitsnivå 2 (loa2)',
  loa3: 'Tillitsnivå 3 (loa3) – BankID, Freja eID+',
  loa4: 'Tillitsnivå 4 (loa4)',
};

export function SignServicesSection() {
  const q = useQuery(() => api.call('settings.signServices.list', {}), []);
  const [editing, setEditing] = useState<SignServiceSetting | 'new' | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function remove(service: SignServiceSetting) {
    setError(null);
    try {
      await api.call('settings.signServices.remove', { id: service.id });
      setStatus(`${service.name} togs bort.`);
      q.reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <section className="card" aria-labelledby="signservices-heading">
      <h2 id="signservices-heading">Underskriftstjänster (e-legitimation)</h2>
      <p className="help">Med en underskriftstjänst kan ordförande och justerare skriva under med BankID eller Freja eID+. Uppgifterna får ni från tjänstens leverantör; se docs/justering.md.</p>
      {q.status === 'loading' && <Loading />}
      {q.status === 'error' && <ErrorBox message={q.message} onRetry={q.reload} />}
      {q.status === 'ready' && (
        <>
          {q.data.services.length === 0 ? (
            <p>Ingen underskriftstjänst är inställd.</p>
          ) : (
            <ul>
              {q.data.services.map((svc) => (
                <li key={svc.id}>
                  <strong>{svc.name}</strong> – {svc.signServiceUrl} ({svc.loa}){' '}
                  <button type="button" onClick={() => setEditing(svc)} aria-label={`Ändra ${svc.name}`}>
                    Ändra
                  </button>{' '}
                  <button type="button" onClick={() => void remove(svc)} aria-label={`Ta bort ${svc.name}`}>
                    Ta bort
                  </button>
                </li>
              ))}
            </ul>
          )}
          {editing === null && (
            <button type="button" onClick={() => setEditing('new')}>
              Lägg till underskriftstjänst
            </button>
          )}
          {editing !== null && (
            <SignServiceForm
              key={editing === 'new' ? 'new' : editing.id}
              initial={editing === 'new' ? undefined : editing}
              onDone={(saved) => {
                setEditing(null);
                if (saved) {
                  setStatus(`${saved.name} sparades.`);
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
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={initial ? `Ändra ${initial.name}` : 'Ny underskriftstjänst'}>
      {text('name', 'Namn', 'Visas för den som skriver under, t.ex. ”Kommunens underskriftstjänst”.')}
      {text('signServiceEntityId', 'Tjänstens entityID', 'Ur tjänstens SAML-metadata.')}
      {text('signServiceUrl', 'Tjänstens adress', 'Dit begäran skickas, t.ex. https://sign.example.se/sign/request.')}
      <TextArea
        label="Tjänstens certifikat (PEM)"
        help="Certifikatet tjänsten signerar sina svar med, ur dess metadata."
        rows={4}
        spellCheck={false}
        value={draft.serviceCertificatePem}
        onChange={set('serviceCertificatePem')}
      />
      {text('identityProvider', 'Legitimeringstjänstens entityID', 'T.ex. BankID:s eller Freja eID+:s entityID i Sweden Connect.')}
      {text('requesterEntityId', 'Kommunens entityID', 'Det entityID kommunen registrerat hos tjänsten.')}
      {text('requesterP12Path', 'Kommunens signeringsnyckel (PKCS#12-fil)', 'Fullständig sökväg på den här datorn.')}
      {text('requesterPasswordFile', 'Fil med PKCS#12-filens lösenord', 'Fullständig sökväg; filen läses bara när en begäran skickas.')}
      <SelectField label="Tillitsnivå" value={draft.loa} onChange={set('loa')}>
        {(Object.keys(loaNames) as SignServiceSetting['loa'][]).map((k) => (
          <option key={k} value={k}>
            {loaNames[k]}
          </option>
        ))}
      </SelectField>
      <button type="submit" disabled={busy}>
        Spara
      </button>{' '}
      <button type="button" onClick={() => onDone(null)}>
        Avbryt
      </button>
      {error !== null && <ErrorText message={error} />}
    </form>
  );
}
