// E-legitimation on the board page: the board setting "Kräv e-legitimation för underskrift" and,
// per member and official, the e-ID identifiers a signing certificate must carry (personnummer,
// HSA-id, certificate fingerprint). Identifiers are personal data: shown masked, revealed on
// request (the back end audits it), removed only after a confirmation. Validation is the API's
// (the same as the CLI's), its Swedish message shown at the field.
import { useRef, useState } from 'react';
import { api } from '../../api/transport';
import { errorMessage } from '../../api/errors';
import { useQuery } from '../../api/useQuery';
import { CheckField, SelectField, TextField } from '../../components/fields';
import { Dialog } from '../../components/Dialog';
import { ErrorBox, ErrorText, Loading } from '../../components/Status';
import { formatDateTime, t, type MessageKey } from '../../i18n';
import type { BoardDetails } from '../../../core/app/workspace/types';
import type { PersonIdentifier } from '../../../core/app/trust/identity';
import { EID_KINDS, type EidKind } from '../../../core/domain/eid';
import { roleLabel } from './MembersSection';

interface Person {
  personId: string;
  name: string;
  role: string;
}

function peopleOf(details: BoardDetails): Person[] {
  const out = new Map<string, Person>();
  for (const m of details.members) if (m.retiredOn === null && !out.has(m.personId)) out.set(m.personId, { personId: m.personId, name: m.name, role: roleLabel(m.role) });
  for (const o of details.officials) if (!out.has(o.personId)) out.set(o.personId, { personId: o.personId, name: o.name, role: o.title ?? t('eid.official') });
  return [...out.values()];
}

const kindLabel = (k: EidKind) => t(`eid.kind.${k}` as MessageKey);

/** The whole value as people write it: a personnummer with its dash. */
function shownValue(i: PersonIdentifier): string {
  if (i.value === undefined) return i.masked;
  return i.kind === 'personnummer' ? `${i.value.slice(0, 8)}-${i.value.slice(8)}` : i.value;
}

export function EidSection({ details }: { details: BoardDetails }) {
  const people = peopleOf(details);
  return (
    <section className="card" aria-labelledby="eid-heading">
      <h2 id="eid-heading">{t('eid.heading')}</h2>
      <p className="help">{t('eid.help')}</p>
      <RequireEid boardId={details.board.id} />
      {people.length === 0 ? (
        <p className="muted">{t('eid.noPeople')}</p>
      ) : (
        <ul className="eid-people">
          {people.map((p) => (
            <PersonEid key={p.personId} person={p} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RequireEid({ boardId }: { boardId: string }) {
  const q = useQuery(() => api.call('boards.getRequireEid', { boardId }), [boardId]);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (q.status === 'loading') return <Loading />;
  if (q.status === 'error') return <ErrorBox message={q.message} onRetry={q.reload} />;
  return (
    <>
      <CheckField
        label={t('eid.require')}
        help={t('eid.require.help')}
        checked={q.data.required}
        onChange={(e) => {
          const required = e.target.checked;
          setError(null);
          api
            .call('boards.setRequireEid', { boardId, required })
            .then(() => {
              setStatus(t(required ? 'eid.require.on' : 'eid.require.off'));
              q.reload();
            })
            .catch((er: unknown) => setError(errorMessage(er)));
        }}
      />
      <p role="status" className="ok">
        {status}
      </p>
      {error !== null && <ErrorText message={error} />}
    </>
  );
}

function PersonEid({ person }: { person: Person }) {
  const [open, setOpen] = useState(false);
  const panelId = `eid-${person.personId}`;
  return (
    <li>
      <button type="button" className="secondary small" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {t('eid.manage', { name: person.name })}
      </button>{' '}
      <span className="muted">{person.role}</span>
      {open && (
        <div id={panelId}>
          <IdentifierPanel person={person} />
        </div>
      )}
    </li>
  );
}

function IdentifierPanel({ person }: { person: Person }) {
  const [revealed, setRevealed] = useState(false);
  const q = useQuery(() => api.call('people.identifiers.list', { personId: person.personId, ...(revealed ? { reveal: true } : {}) }), [person.personId, revealed]);
  const [kind, setKind] = useState<EidKind>('personnummer');
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [removing, setRemoving] = useState<PersonIdentifier | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const valueRef = useRef<HTMLInputElement>(null);
  const headingId = `eid-list-${person.personId}`;

  async function add(e: React.FormEvent) {
    e.preventDefault();
    setStatus(null);
    if (value.trim() === '') {
      setFieldError(t('eid.value.missing'));
      valueRef.current?.focus();
      return;
    }
    try {
      const r = await api.call('people.identifiers.add', { personId: person.personId, kind, value });
      setFieldError(null);
      setValue('');
      setStatus(t('eid.added', { kind: kindLabel(r.kind), masked: r.masked, name: person.name }));
      q.reload();
    } catch (er) {
      setFieldError(errorMessage(er));
      valueRef.current?.focus();
    }
  }

  async function remove() {
    if (removing === null) return;
    setRemoveError(null);
    try {
      await api.call('people.identifiers.remove', { id: removing.id });
      setStatus(t('eid.removed', { kind: kindLabel(removing.kind), name: person.name }));
      setRemoving(null);
      q.reload();
    } catch (er) {
      setRemoveError(errorMessage(er));
    }
  }

  return (
    <div className="eid-panel">
      <h3 id={headingId}>{t('eid.listHeading', { name: person.name })}</h3>
      {q.status === 'loading' && <Loading />}
      {q.status === 'error' && <ErrorBox message={q.message} onRetry={q.reload} />}
      {q.status === 'ready' &&
        (q.data.identifiers.length === 0 ? (
          <p className="muted">{t('eid.none')}</p>
        ) : (
          <>
            <table className="data" aria-labelledby={headingId}>
              <thead>
                <tr>
                  <th scope="col">{t('eid.kind')}</th>
                  <th scope="col">{t('eid.value')}</th>
                  <th scope="col">{t('eid.registered')}</th>
                  <th scope="col">{t('common.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {q.data.identifiers.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">{kindLabel(i.kind)}</th>
                    <td className="justering-subject">{shownValue(i)}</td>
                    <td>{formatDateTime(i.createdAt)}</td>
                    <td>
                      <button type="button" className="secondary small" aria-label={t('eid.removeFor', { kind: kindLabel(i.kind), name: person.name })} onClick={() => setRemoving(i)}>
                        {t('eid.remove')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button type="button" className="secondary small" aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
              {revealed ? t('eid.hide') : t('eid.reveal')}
            </button>
            {revealed && <p className="help">{t('eid.revealed')}</p>}
          </>
        ))}
      <form onSubmit={(e) => void add(e)} noValidate aria-label={t('eid.addFor', { name: person.name })}>
        <div className="grid-2">
          <SelectField label={t('eid.kind')} value={kind} onChange={(e) => setKind(e.target.value as EidKind)}>
            {EID_KINDS.map((k) => (
              <option key={k} value={k}>
                {kindLabel(k)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('eid.value')}
            help={t(`eid.value.help.${kind}` as MessageKey)}
            error={fieldError}
            value={value}
            ref={valueRef}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => setValue(e.target.value)}
          />
        </div>
        <button type="submit">{t('eid.add')}</button>
      </form>
      <p role="status" className="ok">
        {status}
      </p>
      <Dialog open={removing !== null} title={t('eid.confirmTitle')} onClose={() => setRemoving(null)}>
        {removing !== null && (
          <>
            <p>{t('eid.confirm', { kind: kindLabel(removing.kind), masked: removing.masked, name: person.name })}</p>
            {removeError !== null && <ErrorText message={removeError} />}
            <div className="actions">
              <button type="button" className="danger" onClick={() => void remove()}>
                {t('eid.confirmRemove')}
              </button>
              <button type="button" className="secondary" onClick={() => setRemoving(null)}>
                {t('common.cancel')}
              </button>
            </div>
          </>
        )}
      </Dialog>
    </div>
  );
}
