// How the decision of a § is appealed (issue 16), printed on the notice and the notice board:
// laglighetsprövning by default; förvaltningsbesvär with its law, authority and time where a
// special law gives it (a bygglov: 13 kap. plan- och bygglagen, Länsstyrelsen, three weeks); "får
// inte överklagas" with a reason; or nothing. Saved as it changes, once complete.
import { useState } from 'react';
import { autosave } from '../../../api/autosave';
import { SelectField, TextField } from '../../../components/fields';
import { t } from '../../../i18n';
import type { Appeal, AppealKind } from '../../../../core/format/meeting';
import type { MeetingStore } from '../store';
import { paragraphOp } from './ops';

const KINDS: AppealKind[] = ['laglighetsprovning', 'forvaltningsbesvar', 'ej_overklagbart', 'ingen'];

export function AppealEditor({ store, paragraphId, initial }: { store: MeetingStore; paragraphId: string; initial: Appeal | undefined }) {
  const start = initial ?? { kind: 'laglighetsprovning' };
  const [kind, setKind] = useState<AppealKind>(start.kind);
  const [statute, setStatute] = useState(start.kind === 'forvaltningsbesvar' ? start.statute : '');
  const [authority, setAuthority] = useState(start.kind === 'forvaltningsbesvar' ? start.authority : '');
  const [weeks, setWeeks] = useState(start.kind === 'forvaltningsbesvar' ? String(start.weeks) : '3');
  const [reason, setReason] = useState(start.kind === 'ej_overklagbart' ? (start.reason ?? '') : '');
  const [error, setError] = useState<string | null>(null);

  const save = (next: { kind: AppealKind; statute: string; authority: string; weeks: string; reason: string }) => {
    setError(null);
    let appeal: Appeal | null;
    switch (next.kind) {
      case 'laglighetsprovning':
        appeal = null;
        break;
      case 'forvaltningsbesvar': {
        const w = Number(next.weeks);
        // Saved once the three parts are there; the fields say what is missing meanwhile.
        if (next.statute.trim() === '' || next.authority.trim() === '' || !Number.isInteger(w) || w < 1) return;
        appeal = { kind: 'forvaltningsbesvar', statute: next.statute.trim(), authority: next.authority.trim(), weeks: w };
        break;
      }
      case 'ej_overklagbart':
        appeal = next.reason.trim() === '' ? { kind: 'ej_overklagbart' } : { kind: 'ej_overklagbart', reason: next.reason.trim() };
        break;
      case 'ingen':
        appeal = { kind: 'ingen' };
        break;
      default: {
        const never: never = next.kind;
        return never;
      }
    }
    autosave.save(paragraphOp(store, paragraphId, { appeal }, setError));
  };
  const state = { kind, statute, authority, weeks, reason };
  const besvar = kind === 'forvaltningsbesvar';

  return (
    <section className="card" aria-labelledby={`appeal-${paragraphId}`}>
      <h3 id={`appeal-${paragraphId}`}>{t('appeal.heading')}</h3>
      <SelectField
        label={t('appeal.kind')}
        help={t('appeal.kind.help')}
        value={kind}
        onChange={(e) => {
          const k = e.target.value as AppealKind;
          setKind(k);
          save({ ...state, kind: k });
        }}
      >
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`appeal.kind.${k}`)}
          </option>
        ))}
      </SelectField>
      {besvar && (
        <>
          <TextField
            label={t('appeal.statute')}
            help={t('appeal.statute.help')}
            value={statute}
            required
            error={statute.trim() === '' ? t('appeal.statute.missing') : null}
            onChange={(e) => {
              setStatute(e.target.value);
              save({ ...state, statute: e.target.value });
            }}
          />
          <TextField
            label={t('appeal.authority')}
            help={t('appeal.authority.help')}
            value={authority}
            required
            error={authority.trim() === '' ? t('appeal.authority.missing') : null}
            onChange={(e) => {
              setAuthority(e.target.value);
              save({ ...state, authority: e.target.value });
            }}
          />
          <TextField
            label={t('appeal.weeks')}
            help={t('appeal.weeks.help')}
            type="number"
            min={1}
            max={52}
            value={weeks}
            required
            onChange={(e) => {
              setWeeks(e.target.value);
              save({ ...state, weeks: e.target.value });
            }}
          />
        </>
      )}
      {kind === 'ej_overklagbart' && (
        <TextField
          label={t('appeal.reason')}
          help={t('appeal.reason.help')}
          value={reason}
          onChange={(e) => {
            setReason(e.target.value);
            save({ ...state, reason: e.target.value });
          }}
        />
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
