// Officials (tjänstepersoner) who attend the board's meetings without deciding.
import { useState } from 'react';
import { api } from '../../api/transport';
import { TextField } from '../../components/fields';
import { t } from '../../i18n';
import type { BoardDetails } from '../../../core/app/workspace/types';
import { errorMessage } from '../../api/errors';

export function OfficialsSection({ details, onChanged }: { details: BoardDetails; onChanged: () => void }) {
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [rowError, setRowError] = useState<string | null>(null);
  return (
    <section className="card" aria-labelledby="officials-heading">
      <h2 id="officials-heading">{t('officials.heading')}</h2>
      {details.officials.length === 0 ? (
        <p className="muted">{t('officials.empty')}</p>
      ) : (
        <table className="data">
          <caption className="visually-hidden">{t('officials.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('member.name')}</th>
              <th scope="col">{t('official.title')}</th>
              <th scope="col">{t('official.organisation')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {details.officials.map((o) => (
              <tr key={o.officialId}>
                <th scope="row">{o.name}</th>
                <td>{o.title ?? ''}</td>
                <td>{o.organisation ?? ''}</td>
                <td>
                  <button
                    type="button"
                    className="secondary small"
                    aria-label={t('official.remove.for', { name: o.name })}
                    onClick={async () => {
                      setRowError(null);
                      try {
                        await api.call('workspace.officials.remove', { officialId: o.officialId });
                        onChanged();
                      } catch (err) {
                        setRowError(errorMessage(err));
                      }
                    }}
                  >
                    {t('common.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {rowError && (
        <p className="field-error" role="alert">
          {rowError}
        </p>
      )}
      <form
        noValidate
        className="subform"
        aria-labelledby="add-official-heading"
        onSubmit={async (e) => {
          e.preventDefault();
          setError(null);
          try {
            await api.call('workspace.officials.add', { boardId: details.board.id, name, title, organisation });
            setName('');
            setTitle('');
            onChanged();
          } catch (err) {
            setError(errorMessage(err));
          }
        }}
      >
        <h3 id="add-official-heading">{t('official.add.heading')}</h3>
        <div className="grid-3">
          <TextField label={t('member.name')} value={name} onChange={(e) => setName(e.target.value)} required autoComplete="name" />
          <TextField label={t('official.title')} help={t('official.title.help')} value={title} onChange={(e) => setTitle(e.target.value)} />
          <TextField label={t('official.organisation')} value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
        </div>
        <button type="submit">{t('official.add.submit')}</button>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </form>
    </section>
  );
}
