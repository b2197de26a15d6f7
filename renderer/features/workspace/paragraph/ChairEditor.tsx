// Who chairs this § when the meeting's chair does not serve on it (jäv, left early, not yet
// arrived): what core/domain/chair.ts derives — the vice chair, then the andre vice chair — and a
// choice among those serving, saved as paragraphs[].chair through workspace.paragraphs.update (one
// undoable step, checked by the same rule as import). Shows nothing where the chair leads the §.
import { useState } from 'react';
import { autosave } from '../../../api/autosave';
import { SelectField } from '../../../components/fields';
import { t, type MessageKey } from '../../../i18n';
import { actingChair, chairAbsence, chairServes, proposedChair, type ChairBasis } from '../../../../core/domain/chair';
import { servingOn } from '../../../../core/domain/presence';
import { useMeetingSnapshot, type MeetingStore } from '../store';
import { paragraphOp } from './ops';
import { EditFeedback } from '../../../components/Status';

const basisKey: Record<Exclude<ChairBasis, 'meeting'>, MessageKey> = { vice: 'chair.basis.vice', andre_vice: 'chair.basis.andre_vice', chosen: 'chair.basis.chosen' };

export function ChairEditor({ store, paragraphId }: { store: MeetingStore; paragraphId: string }) {
  const view = useMeetingSnapshot(store).view;
  const [error, setError] = useState<string | null>(null);
  const [announce, setAnnounce] = useState('');
  if (view === null) return null;
  const doc = view.doc;
  const p = doc.paragraphs[view.paragraphs.findIndex((x) => x.id === paragraphId)];
  if (p === undefined) return null;
  const n = p.number;
  const name = (id: string) => doc.people.find((x) => x.key === id)?.name ?? id;
  const chair = doc.meeting.chair;
  const headingId = `chair-heading-${paragraphId}`;
  const save = (value: string | null, message: string) => {
    setError(null);
    autosave.save(paragraphOp(store, paragraphId, { chair: value }, setError));
    setAnnounce(message);
  };

  if (chairServes(doc, n)) {
    // A choice left over from before the chair's jäv was removed: it has no effect and the rules object to it.
    if (p.chair === undefined) return null;
    const stale = p.chair;
    return (
      <section className="subform chair-editor" aria-labelledby={headingId}>
        <h4 id={headingId}>{t('chair.heading')}</h4>
        <p className="warning" role="note">
          {t('chair.stale', { chair: name(chair), n, name: name(stale) })}
        </p>
        <button type="button" className="secondary small" onClick={() => save(null, t('chair.proposalSaved', { n }))}>
          {t('chair.clear', { name: name(stale) })}
        </button>
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
      </section>
    );
  }

  const absence = chairAbsence(doc, n);
  const acting = actingChair(doc, n);
  const proposal = proposedChair(doc, n);
  const serving = servingOn(doc, n).map((s) => s.person);
  const chosen = p.chair !== undefined && serving.includes(p.chair) ? p.chair : '';
  const whyKey: MessageKey | null = absence === null ? null : (`chair.why.${absence}` as MessageKey);
  return (
    <section className="subform chair-editor" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('chair.heading')}</h4>
      <p className="help">{t('chair.help')}</p>
      {whyKey !== null && <p>{t(whyKey, { chair: name(chair), n })}</p>}
      {acting === null || acting.basis === 'meeting' ? (
        <p className="warning" role="note">
          {t('chair.none', { n })}
        </p>
      ) : (
        <p className="ok">{t('chair.leads', { name: name(acting.person), basis: t(basisKey[acting.basis]) })}</p>
      )}
      <SelectField
        label={t('chair.select', { n })}
        help={t('chair.select.help')}
        value={chosen}
        onChange={(e) => {
          const value = e.target.value;
          save(value === '' ? null : value, value === '' ? t('chair.proposalSaved', { n }) : t('chair.saved', { name: name(value), n }));
        }}
      >
        <option value="">{proposal === null ? t('chair.noProposal') : t('chair.proposal', { name: name(proposal.person), basis: t(basisKey[proposal.basis as 'vice' | 'andre_vice']) })}</option>
        {serving
          .filter((id) => id !== proposal?.person)
          .map((id) => (
            <option key={id} value={id}>
              {name(id)}
            </option>
          ))}
      </SelectField>
      <EditFeedback announce={announce} error={error} />
    </section>
  );
}
