// Inställningar → Underskriftstjänster: the central signing services (Sweden Connect) that
// "Skriv under med e-legitimation" uses. Add, change and remove; the API validates every field.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SignServiceSetting } from '../../../core/app/justering/sign-services';
import { fieldErrors } from '../../api/errors';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { ActionResult, QuerySection, useAction } from '../../components/async';
import { SelectField, TextArea, TextField } from '../../components/fields';
import { ErrorText } from '../../components/Status';
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
  const action = useAction();

  const remove = (service: SignServiceSetting) =>
    action.run(async () => {
      await api.call('settings.signServices.remove', { id: service.id });
      q.reload();
      return s.removed(service.name);
    });

  const edit = (what: SignServiceSetting | 'new') => {
    // Opening a form: the last save or removal is no longer what the section is about.
    action.clear();
    setEditing(what);
  };

  return (
    <QuerySection id="signservices-heading" heading={s.heading} help={s.help} query={q}>
      {(data) => (
        <>
          {data.services.length === 0 ? (
            <p>{s.none}</p>
          ) : (
            <ul>
              {data.services.map((svc) => (
                <li key={svc.id}>
                  <strong>{svc.name}</strong> – {svc.signServiceUrl} ({svc.loa}){' '}
                  <button type="button" onClick={() => edit(svc)} aria-label={s.editFor(svc.name)}>
                    {s.edit}
                  </button>{' '}
                  <button type="button" disabled={action.busy} onClick={() => void remove(svc)} aria-label={s.removeFor(svc.name)}>
                    {s.remove}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {editing === null && (
            <button type="button" onClick={() => edit('new')}>
              {s.add}
            </button>
          )}
          {editing !== null && (
            <SignServiceForm
              key={editing === 'new' ? 'new' : editing.id}
              initial={editing === 'new' ? undefined : editing}
              onCancel={() => setEditing(null)}
              onSaved={(saved) => {
                setEditing(null);
                q.reload();
                // Said as the section's latest step: it replaces every other message of the page.
                void action.run(() => Promise.resolve(s.saved(saved.name)));
              }}
            />
          )}
          <ActionResult error={action.error} done={action.done} />
        </>
      )}
    </QuerySection>
  );
}

const fields = Object.keys(empty) as (keyof Draft)[];

function SignServiceForm({ initial, onCancel, onSaved }: { initial: SignServiceSetting | undefined; onCancel: () => void; onSaved: (saved: SignServiceSetting) => void }) {
  const [draft, setDraft] = useState<Draft>(initial ?? empty);
  // A refusal that names a field is said at that field (focused); any other below the form.
  const [at, setAt] = useState<Partial<Record<keyof Draft, string>>>({});
  const save = useAction();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (Object.keys(at).length > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [at]);
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    let saved: SignServiceSetting | null = null;
    setAt({});
    await save.run(async () => {
      try {
        saved = await api.call('settings.signServices.save', initial ? { ...draft, id: initial.id } : draft);
      } catch (err) {
        setAt(fieldErrors(err, fields).at);
        throw err;
      }
      return null;
    });
    if (saved !== null) onSaved(saved);
  }

  const text = (k: keyof Draft, label: string, help?: string) => <TextField label={label} help={help} error={at[k] ?? null} autoComplete="off" spellCheck={false} value={draft[k]} onChange={set(k)} />;
  return (
    <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate aria-label={initial ? s.editFor(initial.name) : s.newForm}>
      {text('name', s.name, s.nameHelp)}
      {text('signServiceEntityId', s.entityId, s.entityIdHelp)}
      {text('signServiceUrl', s.url, s.urlHelp)}
      <TextArea
        label={s.certificate}
        help={s.certificateHelp}
        error={at.serviceCertificatePem ?? null}
        rows={4}
        spellCheck={false}
        value={draft.serviceCertificatePem}
        onChange={set('serviceCertificatePem')}
      />
      {text('identityProvider', s.idp, s.idpHelp)}
      {text('requesterEntityId', s.requester, s.requesterHelp)}
      {text('requesterP12Path', s.p12, s.p12Help)}
      {text('requesterPasswordFile', s.passwordFile, s.passwordFileHelp)}
      <SelectField label={s.loa} error={at.loa ?? null} value={draft.loa} onChange={set('loa')}>
        {(Object.keys(loaNames) as SignServiceSetting['loa'][]).map((k) => (
          <option key={k} value={k}>
            {loaNames[k]}
          </option>
        ))}
      </SelectField>
      <button type="submit" disabled={save.busy}>
        {s.save}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        {s.cancel}
      </button>
      {save.error !== null && Object.keys(at).length === 0 && <ErrorText message={save.error} />}
    </form>
  );
}
