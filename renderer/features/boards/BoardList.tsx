// Start screen: organisations' boards with their meetings, newest first; new organisations and
// boards; the reference meeting for trying the app out.
import { useState } from 'react';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { ErrorBox, Loading } from '../../components/Status';
import { SelectField, TextField } from '../../components/fields';
import { formatLongDate, t, type MessageKey } from '../../i18n';
import { boardHref, meetingHref, navigate } from '../../router';
import { paragraphSpan } from './span';
import { boardKinds, organisationKinds } from '../../../core/format/meeting';
import type { OrganisationSummary } from '../../../core/app/ports';
import { errorMessage } from '../../api/errors';

export function BoardList() {
  const q = useQuery(async () => {
    const [boards, meetings, organisations] = await Promise.all([api.call('boards.list', {}), api.call('meetings.list', {}), api.call('organisations.list', {})]);
    return { boards, meetings, organisations };
  }, []);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (q.status === 'loading') return <Loading />;
  if (q.status === 'error') return <ErrorBox message={q.message} onRetry={q.reload} />;
  const { boards, meetings, organisations } = q.data;

  async function loadDemo() {
    setBusy(true);
    setError(null);
    try {
      await api.call('demo.load', {});
      q.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <h1>{t('boards.title')}</h1>
      {boards.length === 0 && (
        <div className="empty">
          <p>{t('boards.empty')}</p>
          <button type="button" onClick={loadDemo} disabled={busy}>
            {t('boards.loadDemo')}
          </button>
          {error && <ErrorBox message={error} />}
        </div>
      )}
      <ul className="board-list">
        {boards.map((b) => {
          const own = meetings.filter((m) => m.boardId === b.id);
          return (
            <li key={b.id} className="card">
              <h2>{b.name}</h2>
              <p className="muted">
                {b.organisationName} · {t(`boards.kind.${b.kind}` as MessageKey)} · {t('boards.seats', { seats: b.seats })}
              </p>
              <p>
                <a href={boardHref(b.id)}>{t('boards.open', { board: b.name })}</a>
              </p>
              <h3 className="visually-hidden">{t('boards.meetings')}</h3>
              {own.length === 0 ? (
                <p className="muted">{t('boards.noMeetings')}</p>
              ) : (
                <ul className="meeting-list">
                  {own.map((m) => (
                    <li key={m.id}>
                      <a href={meetingHref(m.id)}>
                        <span className="meeting-date">{formatLongDate(m.date)}</span>
                        <span className="meeting-meta">
                          {m.startTime}
                          {m.endTime ? `–${m.endTime}` : ''} · {m.place}
                          {m.firstParagraph !== null ? ` · ${paragraphSpan(m.firstParagraph, m.lastParagraph)}` : ''}
                        </span>
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      <section className="card" aria-labelledby="new-heading">
        <h2 id="new-heading">{t('boards.new.heading')}</h2>
        <div className="two-col">
          <NewOrganisation onCreated={q.reload} />
          <NewBoard organisations={organisations} />
        </div>
      </section>
    </>
  );
}

function NewOrganisation({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [kind, setKind] = useState<(typeof organisationKinds)[number]>('kommun');
  const [headerName, setHeaderName] = useState('');
  const [orgNumber, setOrgNumber] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <form
      aria-labelledby="new-org-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        setDone(null);
        try {
          await api.call('workspace.organisations.create', { name, kind, headerName, orgNumber });
          setDone(t('boards.newOrg.done', { name }));
          setName('');
          setHeaderName('');
          setOrgNumber('');
          onCreated();
        } catch (err) {
          setError(errorMessage(err));
        }
      }}
    >
      <h3 id="new-org-heading">{t('boards.newOrg')}</h3>
      <TextField label={t('boards.newOrg.name')} value={name} onChange={(e) => setName(e.target.value)} required autoComplete="organization" />
      <SelectField label={t('boards.newOrg.kind')} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
        {organisationKinds.map((k) => (
          <option key={k} value={k}>
            {t(`org.kind.${k}` as MessageKey)}
          </option>
        ))}
      </SelectField>
      <TextField label={t('boards.newOrg.headerName')} help={t('boards.newOrg.headerName.help')} value={headerName} onChange={(e) => setHeaderName(e.target.value)} />
      <TextField label={t('boards.newOrg.orgNumber')} help={t('boards.newOrg.orgNumber.help')} value={orgNumber} onChange={(e) => setOrgNumber(e.target.value)} inputMode="numeric" />
      <button type="submit">{t('boards.newOrg.submit')}</button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {done && (
        <p role="status" className="ok">
          {done}
        </p>
      )}
    </form>
  );
}

function NewBoard({ organisations }: { organisations: OrganisationSummary[] }) {
  const [organisationId, setOrganisationId] = useState('');
  const [name, setName] = useState('');
  const [shortName, setShortName] = useState('');
  const [kind, setKind] = useState<(typeof boardKinds)[number]>('namnd');
  const [seats, setSeats] = useState('');
  const [storagePlace, setStoragePlace] = useState('');
  const [error, setError] = useState<string | null>(null);
  const orgId = organisationId || organisations[0]?.id || '';
  return (
    <form
      aria-labelledby="new-board-heading"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        const n = Number(seats);
        if (!Number.isInteger(n) || n < 1) {
          setError(t('boards.newBoard.seats.invalid'));
          return;
        }
        try {
          const r = await api.call('workspace.boards.create', { organisationId: orgId, name, shortName, kind, seats: n, storagePlace });
          navigate(boardHref(r.boardId));
        } catch (err) {
          setError(errorMessage(err));
        }
      }}
    >
      <h3 id="new-board-heading">{t('boards.newBoard')}</h3>
      {organisations.length === 0 ? (
        <p className="muted">{t('boards.newBoard.needOrg')}</p>
      ) : (
        <>
          <SelectField label={t('boards.newBoard.organisation')} value={orgId} onChange={(e) => setOrganisationId(e.target.value)}>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
          <TextField label={t('boards.newBoard.name')} value={name} onChange={(e) => setName(e.target.value)} required />
          <TextField label={t('boards.newBoard.shortName')} help={t('boards.newBoard.shortName.help')} value={shortName} onChange={(e) => setShortName(e.target.value)} />
          <SelectField label={t('boards.newBoard.kind')} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            {boardKinds.map((k) => (
              <option key={k} value={k}>
                {t(`boards.kind.${k}` as MessageKey)}
              </option>
            ))}
          </SelectField>
          <TextField label={t('boards.newBoard.seats')} help={t('boards.newBoard.seats.help')} value={seats} onChange={(e) => setSeats(e.target.value)} inputMode="numeric" required />
          <TextField label={t('boards.newBoard.storagePlace')} help={t('boards.newBoard.storagePlace.help')} value={storagePlace} onChange={(e) => setStoragePlace(e.target.value)} required />
          <button type="submit">{t('boards.newBoard.submit')}</button>
          {error && (
            <p className="field-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </form>
  );
}
