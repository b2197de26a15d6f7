// Omröstning: an open vote as a grid of those serving on the § (jäv excluded) with Ja/Nej/Avstår
// for each, or a closed ballot with totals only. Totals and the result are computed as you go;
// a tied open vote is settled by the chair's casting vote, a tied closed ballot by lot.
import { useRef, useState } from 'react';
import { autosave } from '../../../api/autosave';
import { SelectField, TextField } from '../../../components/fields';
import { t } from '../../../i18n';
import { servingOn } from '../../../../core/domain/presence';
import { countVote, voteResultText } from '../../../../core/documents/vote';
import { castingVoteFor } from '../../../../core/domain/rules';
import type { Vote } from '../../../../core/format/meeting';
import { useMeetingSnapshot, type MeetingStore } from '../store';
import { paragraphOp } from './ops';

type Choice = 'ja' | 'nej' | 'avstar';
type Kind = 'none' | 'open' | 'closed';

interface State {
  kind: Kind;
  jaMeans: string;
  nejMeans: string;
  votes: Record<string, Choice>;
  ja: string;
  nej: string;
  avstar: string;
  lotWinner: '' | 'ja' | 'nej';
}

function initialState(v: Vote | undefined): State {
  const base: State = { kind: 'none', jaMeans: t('vote.defaultJa'), nejMeans: t('vote.defaultNej'), votes: {}, ja: '0', nej: '0', avstar: '0', lotWinner: '' };
  if (v === undefined) return base;
  if (v.kind === 'open') return { ...base, kind: 'open', jaMeans: v.jaMeans, nejMeans: v.nejMeans, votes: Object.fromEntries(v.votes.map((x) => [x.person, x.vote])) };
  return { ...base, kind: 'closed', jaMeans: v.jaMeans, nejMeans: v.nejMeans, ja: String(v.ja), nej: String(v.nej), avstar: String(v.avstar), lotWinner: v.lotWinner ?? '' };
}

/** The vote to store, or a reason it cannot be stored yet. */
function toVote(s: State, order: readonly string[], chair: string): Vote | null | string {
  if (s.kind === 'none') return null;
  if (s.jaMeans.trim() === '' || s.nejMeans.trim() === '') return t('vote.meansMissing');
  if (s.kind === 'open') {
    const votes = order.filter((p) => s.votes[p] !== undefined).map((p) => ({ person: p, vote: s.votes[p] as Choice }));
    const extra = Object.keys(s.votes).filter((p) => !order.includes(p)).map((p) => ({ person: p, vote: s.votes[p] as Choice }));
    if (votes.length + extra.length === 0) return t('vote.noVotes');
    const open: Extract<Vote, { kind: 'open' }> = { kind: 'open', jaMeans: s.jaMeans.trim(), nejMeans: s.nejMeans.trim(), votes: [...votes, ...extra] };
    // A tie is settled by the chair's own Ja or Nej, stored as the casting vote (utslagsröst).
    const casting = castingVoteFor(open, chair);
    return casting === undefined ? open : { ...open, castingVote: casting };
  }
  const num = (x: string) => (/^\d{1,3}$/.test(x.trim()) ? Number(x) : NaN);
  const [ja, nej, avstar] = [num(s.ja), num(s.nej), num(s.avstar)];
  if ([ja, nej, avstar].some((x) => Number.isNaN(x))) return t('vote.countInvalid');
  return { kind: 'closed', jaMeans: s.jaMeans.trim(), nejMeans: s.nejMeans.trim(), ja, nej, avstar, ...(s.lotWinner === '' ? {} : { lotWinner: s.lotWinner }) } as Vote;
}

export function VoteEditor({ store, paragraphId, initial }: { store: MeetingStore; paragraphId: string; initial: Vote | undefined }) {
  const view = useMeetingSnapshot(store).view;
  const [state, setStateRaw] = useState<State>(() => initialState(initial));
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(state);
  if (view === null) return null;
  const doc = view.doc;
  const p = doc.paragraphs[view.paragraphs.findIndex((x) => x.id === paragraphId)];
  if (p === undefined) return null;
  const serving = servingOn(doc, p.number);
  const order = serving.map((s) => s.person);
  const name = (id: string) => doc.people.find((x) => x.key === id)?.name ?? id;
  const party = (id: string) => doc.members.find((m) => m.person === id)?.party;
  const chair = doc.meeting.chair;
  const key = `p:${paragraphId}:vote`;

  const produce = () => {
    const v = toVote(latest.current, order, chair);
    if (typeof v === 'string') {
      // An open vote without any votes yet is simply not saved until the first one.
      if (v !== t('vote.noVotes')) setError(v);
      return null;
    }
    return paragraphOp(store, paragraphId, { vote: v }, setError);
  };
  const set = (patch: Partial<State>, immediate = true) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setStateRaw(next);
    setError(null);
    autosave.change(key, produce, immediate ? 0 : undefined);
  };

  const vote = toVote(state, order, chair);
  let result: string | null = null;
  let resultProblem: string | null = null;
  if (vote !== null && typeof vote !== 'string') {
    try {
      const outcome = countVote(vote, chair);
      result = voteResultText(vote, outcome, doc.board.shortName ?? doc.board.name);
    } catch (e) {
      resultProblem = e instanceof Error ? e.message : String(e);
    }
  }
  const totals = { ja: 0, nej: 0, avstar: 0 };
  for (const c of Object.values(state.votes)) totals[c] += 1;
  const notServing = Object.keys(state.votes).filter((id) => !order.includes(id));
  const tiedClosed = state.kind === 'closed' && state.ja === state.nej;

  return (
    <div className="vote-editor">
      <fieldset>
        <legend>{t('vote.kind')}</legend>
        {(['none', 'open', 'closed'] as const).map((k) => (
          <label key={k} className="inline-check">
            <input type="radio" name={`vote-kind-${paragraphId}`} value={k} checked={state.kind === k} onChange={() => set({ kind: k })} /> {t(`vote.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      {state.kind !== 'none' && (
        <div className="grid-2">
          <TextField label={t('vote.jaMeans')} value={state.jaMeans} onChange={(e) => set({ jaMeans: e.target.value }, false)} onBlur={() => autosave.flushKey(key)} />
          <TextField label={t('vote.nejMeans')} value={state.nejMeans} onChange={(e) => set({ nejMeans: e.target.value }, false)} onBlur={() => autosave.flushKey(key)} />
        </div>
      )}
      {state.kind === 'open' && (
        <>
          {serving.length === 0 && <p className="warning">{t('vote.nobodyServes')}</p>}
          <table className="data vote-grid">
            <caption>{t('vote.grid', { number: p.number })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('member.name')}</th>
                <th scope="col">Ja</th>
                <th scope="col">Nej</th>
                <th scope="col">Avstår</th>
              </tr>
            </thead>
            <tbody>
              {serving.map((s) => {
                const label = `${name(s.person)}${party(s.person) ? ` (${party(s.person)})` : ''}`;
                return (
                  <tr key={s.person}>
                    <th scope="row">
                      {label}
                      {s.person === chair && <span className="badge">{t('vote.chair')}</span>}
                      {s.replaces && <span className="muted small-block">{t('attendance.for', { name: name(s.replaces) })}</span>}
                    </th>
                    {(['ja', 'nej', 'avstar'] as const).map((c) => (
                      <td key={c}>
                        <input
                          type="radio"
                          name={`vote-${paragraphId}-${s.person}`}
                          aria-label={t('vote.choiceFor', { name: name(s.person), choice: t(`vote.choice.${c}`) })}
                          checked={state.votes[s.person] === c}
                          onChange={() => set({ votes: { ...latest.current.votes, [s.person]: c } })}
                        />
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('vote.totals')}</th>
                <td>{totals.ja}</td>
                <td>{totals.nej}</td>
                <td>{totals.avstar}</td>
              </tr>
            </tfoot>
          </table>
          {notServing.length > 0 && <p className="warning">{t('vote.notServing', { names: notServing.map(name).join(', ') })}</p>}
          {Object.keys(state.votes).length < serving.length && <p className="help">{t('vote.missingVotes', { n: serving.length - Object.keys(state.votes).length })}</p>}
        </>
      )}
      {state.kind === 'closed' && (
        <div className="grid-4">
          <TextField label={t('vote.closed.ja')} inputMode="numeric" value={state.ja} onChange={(e) => set({ ja: e.target.value }, false)} onBlur={() => autosave.flushKey(key)} />
          <TextField label={t('vote.closed.nej')} inputMode="numeric" value={state.nej} onChange={(e) => set({ nej: e.target.value }, false)} onBlur={() => autosave.flushKey(key)} />
          <TextField label={t('vote.closed.avstar')} inputMode="numeric" value={state.avstar} onChange={(e) => set({ avstar: e.target.value }, false)} onBlur={() => autosave.flushKey(key)} />
          {tiedClosed && (
            <SelectField label={t('vote.lot')} help={t('vote.lot.help')} value={state.lotWinner} onChange={(e) => set({ lotWinner: e.target.value as State['lotWinner'] })}>
              <option value="">{t('common.notChosen')}</option>
              <option value="ja">{t('vote.choice.ja')}</option>
              <option value="nej">{t('vote.choice.nej')}</option>
            </SelectField>
          )}
        </div>
      )}
      {result !== null && (
        <p className="vote-result" role="status">
          <strong>{t('vote.result')}:</strong> {result}
        </p>
      )}
      {resultProblem !== null && <p className="warning">{resultProblem}</p>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
