// Omröstningar: the votes of a §, in the order they were held (e.g. first återremiss or avgörande
// i dag, then the main question). Each is an open vote as a grid of those serving on the § (jäv
// excluded) with Ja/Nej/Avstår for each, or a closed ballot with totals only. Totals and the
// result are computed as you go; a tied open vote is settled by the chair's casting vote, a tied
// closed ballot by lot. Votes are added, removed and moved with buttons (keyboard: Tab + Enter);
// the whole list is saved as one field.
import { useEffect, useRef, useState } from 'react';
import { autosave } from '../../../api/autosave';
import { SelectField, TextField } from '../../../components/fields';
import { t } from '../../../i18n';
import { servingOn } from '../../../../core/domain/presence';
import { countVote, voteResultText } from '../../../../core/documents/vote';
import { castingVoteFor } from '../../../../core/domain/rules';
import { actingChair } from '../../../../core/domain/chair';
import type { Vote } from '../../../../core/format/meeting';
import { useMeetingSnapshot, type MeetingStore } from '../store';
import { paragraphOp } from './ops';

type Choice = 'ja' | 'nej' | 'avstar';
type Kind = 'none' | 'open' | 'closed';

interface State {
  /** Stable within the editor: React key and radio group names. */
  key: number;
  kind: Kind;
  subject: string;
  jaMeans: string;
  nejMeans: string;
  votes: Record<string, Choice>;
  ja: string;
  nej: string;
  avstar: string;
  lotWinner: '' | 'ja' | 'nej';
}

let nextKey = 1;

function blankState(kind: Kind): State {
  return { key: nextKey++, kind, subject: '', jaMeans: t('vote.defaultJa'), nejMeans: t('vote.defaultNej'), votes: {}, ja: '0', nej: '0', avstar: '0', lotWinner: '' };
}

function stateOf(v: Vote): State {
  const base = { ...blankState(v.kind), subject: v.subject ?? '', jaMeans: v.jaMeans, nejMeans: v.nejMeans };
  if (v.kind === 'open') return { ...base, votes: Object.fromEntries(v.votes.map((x) => [x.person, x.vote])) };
  return { ...base, ja: String(v.ja), nej: String(v.nej), avstar: String(v.avstar), lotWinner: v.lotWinner ?? '' };
}

/** The vote to store, null for "no vote", or a reason it cannot be stored yet. */
function toVote(s: State, order: readonly string[], chair: string): Vote | null | string {
  if (s.kind === 'none') return null;
  if (s.jaMeans.trim() === '' || s.nejMeans.trim() === '') return t('vote.meansMissing');
  const subject = s.subject.trim() === '' ? {} : { subject: s.subject.trim() };
  if (s.kind === 'open') {
    const votes = order.filter((p) => s.votes[p] !== undefined).map((p) => ({ person: p, vote: s.votes[p] as Choice }));
    const extra = Object.keys(s.votes)
      .filter((p) => !order.includes(p))
      .map((p) => ({ person: p, vote: s.votes[p] as Choice }));
    if (votes.length + extra.length === 0) return t('vote.noVotes');
    const open: Extract<Vote, { kind: 'open' }> = { kind: 'open', ...subject, jaMeans: s.jaMeans.trim(), nejMeans: s.nejMeans.trim(), votes: [...votes, ...extra] };
    // A tie is settled by the § chair's own Ja or Nej, stored as the casting vote (utslagsröst).
    const casting = castingVoteFor(open, chair);
    return casting === undefined ? open : { ...open, castingVote: casting };
  }
  const num = (x: string) => (/^\d{1,3}$/.test(x.trim()) ? Number(x) : NaN);
  const [ja, nej, avstar] = [num(s.ja), num(s.nej), num(s.avstar)];
  if ([ja, nej, avstar].some((x) => Number.isNaN(x))) return t('vote.countInvalid');
  return { kind: 'closed', ...subject, jaMeans: s.jaMeans.trim(), nejMeans: s.nejMeans.trim(), ja, nej, avstar, ...(s.lotWinner === '' ? {} : { lotWinner: s.lotWinner }) };
}

type FocusTarget = { key: number; what: 'up' | 'down' | 'heading' } | { key: null; what: 'add' };

export function VoteEditor({ store, paragraphId, initial }: { store: MeetingStore; paragraphId: string; initial: readonly Vote[] }) {
  const view = useMeetingSnapshot(store).view;
  // With no vote yet, one slot in "Ingen omröstning" is shown: choosing a kind creates vote 1.
  const [list, setListRaw] = useState<State[]>(() => (initial.length === 0 ? [blankState('none')] : initial.map(stateOf)));
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(list);
  const root = useRef<HTMLDivElement>(null);
  const [focus, setFocus] = useState<FocusTarget | null>(null);
  useEffect(() => {
    if (focus === null || root.current === null) return;
    const selector = focus.key === null ? '[data-vote-add]' : `[data-vote="${focus.key}"][data-vote-action="${focus.what}"]`;
    const el = root.current.querySelector<HTMLElement>(selector) ?? root.current.querySelector<HTMLElement>(`[data-vote="${focus.key}"][data-vote-action="heading"]`);
    el?.focus();
    setFocus(null);
  }, [focus]);
  if (view === null) return null;
  const doc = view.doc;
  const p = doc.paragraphs[view.paragraphs.findIndex((x) => x.id === paragraphId)];
  if (p === undefined) return null;
  const serving = servingOn(doc, p.number);
  const order = serving.map((s) => s.person);
  const name = (id: string) => doc.people.find((x) => x.key === id)?.name ?? id;
  const party = (id: string) => doc.members.find((m) => m.person === id)?.party;
  // Whoever chairs this § holds the casting vote (core/domain/chair.ts): the vice chair where the chair has jäv.
  const chair = actingChair(doc, p.number)?.person ?? '';
  const saveKey = `p:${paragraphId}:votes`;

  const produce = () => {
    const votes: Vote[] = [];
    for (const s of latest.current) {
      const v = toVote(s, order, chair);
      if (v === null) continue;
      if (typeof v === 'string') {
        // An open vote without any votes yet is simply not saved until the first one.
        if (v !== t('vote.noVotes')) setError(v);
        return null;
      }
      votes.push(v);
    }
    return paragraphOp(store, paragraphId, { votes }, setError);
  };
  const setList = (next: State[], immediate = true) => {
    latest.current = next;
    setListRaw(next);
    setError(null);
    autosave.change(saveKey, produce, immediate ? 0 : undefined);
  };
  const update = (key: number, patch: Partial<State>, immediate = true) =>
    setList(
      latest.current.map((s) => (s.key === key ? { ...s, ...patch } : s)),
      immediate,
    );
  const remove = (key: number) => {
    const rest = latest.current.filter((s) => s.key !== key);
    setList(rest.length === 0 ? [blankState('none')] : rest);
    setFocus(rest.length === 0 ? { key: null, what: 'add' } : { key: (rest[Math.max(0, latest.current.findIndex((s) => s.key === key) - 1)] ?? rest[0])!.key, what: 'heading' });
  };
  const move = (key: number, by: -1 | 1) => {
    const xs = [...latest.current];
    const i = xs.findIndex((s) => s.key === key);
    const j = i + by;
    if (i < 0 || j < 0 || j >= xs.length) return;
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    setList(xs);
    // Focus stays on the moved vote's button, or the other one when it reached an end.
    const at = j;
    setFocus({ key, what: by < 0 ? (at === 0 ? 'down' : 'up') : at === xs.length - 1 ? 'up' : 'down' });
  };
  const add = () => {
    const s = blankState('open');
    setList([...latest.current.filter((x) => x.kind !== 'none'), s]);
    setFocus({ key: s.key, what: 'heading' });
  };

  const real = list.filter((s) => s.kind !== 'none');
  const count = Math.max(real.length, 1);
  return (
    <div className="vote-editor" ref={root}>
      {list.map((state, index) => (
        <OneVote
          key={state.key}
          state={state}
          index={index}
          count={count}
          several={list.length > 1}
          paragraphId={paragraphId}
          paragraphNumber={p.number}
          serving={serving}
          order={order}
          chair={chair}
          board={doc.board.shortName ?? doc.board.name}
          name={name}
          party={party}
          onChange={(patch, immediate) => update(state.key, patch, immediate)}
          onFlush={() => autosave.flushKey(saveKey)}
          onRemove={() => remove(state.key)}
          onMove={(by) => move(state.key, by)}
        />
      ))}
      {real.length > 0 && (
        <p>
          <button type="button" className="secondary" data-vote-add onClick={add} aria-describedby={`vote-add-help-${paragraphId}`}>
            {t('vote.add')}
          </button>{' '}
          <span className="help" id={`vote-add-help-${paragraphId}`}>
            {t('vote.add.help')}
          </span>
        </p>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

interface OneVoteProps {
  state: State;
  index: number;
  count: number;
  several: boolean;
  paragraphId: string;
  paragraphNumber: number;
  serving: ReturnType<typeof servingOn>;
  order: readonly string[];
  chair: string;
  board: string;
  name: (id: string) => string;
  party: (id: string) => string | undefined;
  onChange: (patch: Partial<State>, immediate: boolean) => void;
  onFlush: () => void;
  onRemove: () => void;
  onMove: (by: -1 | 1) => void;
}

function OneVote(props: OneVoteProps) {
  const { state, index, count, several, paragraphId, paragraphNumber, serving, order, chair, board, name, party, onChange, onFlush } = props;
  const set = (patch: Partial<State>, immediate = true) => onChange(patch, immediate);
  const n = index + 1;
  const id = `vote-${paragraphId}-${state.key}`;
  const vote = toVote(state, order, chair);
  let result: string | null = null;
  let resultProblem: string | null = null;
  if (vote !== null && typeof vote !== 'string') {
    try {
      const outcome = countVote(vote, chair, paragraphNumber, { index, count });
      result = voteResultText(vote, outcome, board);
    } catch (e) {
      resultProblem = e instanceof Error ? e.message : String(e);
    }
  }
  const casting = vote !== null && typeof vote !== 'string' && vote.kind === 'open' ? vote.castingVote : undefined;
  const totals = { ja: 0, nej: 0, avstar: 0 };
  for (const c of Object.values(state.votes)) totals[c] += 1;
  const notServing = Object.keys(state.votes).filter((p) => !order.includes(p));
  const tiedClosed = state.kind === 'closed' && state.ja === state.nej;
  // "Ingen omröstning" only while this is the §'s only vote; one of several is removed with its button.
  const kinds: Kind[] = several ? ['open', 'closed'] : ['none', 'open', 'closed'];

  return (
    <section className="vote-item" role="group" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`} tabIndex={-1} data-vote={state.key} data-vote-action="heading">
        {t('vote.heading', { n })}
      </h4>
      {several && (
        <div className="row-actions">
          <button type="button" className="secondary small" data-vote={state.key} data-vote-action="up" disabled={index === 0} onClick={() => props.onMove(-1)}>
            {t('vote.up', { n })}
          </button>
          <button type="button" className="secondary small" data-vote={state.key} data-vote-action="down" disabled={index === count - 1} onClick={() => props.onMove(1)}>
            {t('vote.down', { n })}
          </button>
          <button type="button" className="secondary small" data-vote={state.key} data-vote-action="remove" onClick={props.onRemove}>
            {t('vote.remove', { n })}
          </button>
        </div>
      )}
      <fieldset>
        <legend>{t('vote.kind')}</legend>
        {kinds.map((k) => (
          <label key={k} className="inline-check">
            <input type="radio" name={`${id}-kind`} value={k} checked={state.kind === k} onChange={() => set({ kind: k })} /> {t(`vote.kind.${k}`)}
          </label>
        ))}
      </fieldset>
      {state.kind !== 'none' && (
        <>
          <TextField label={t('vote.subject')} help={t('vote.subject.help')} value={state.subject} onChange={(e) => set({ subject: e.target.value }, false)} onBlur={onFlush} />
          <div className="grid-2">
            <TextField label={t('vote.jaMeans')} value={state.jaMeans} onChange={(e) => set({ jaMeans: e.target.value }, false)} onBlur={onFlush} />
            <TextField label={t('vote.nejMeans')} value={state.nejMeans} onChange={(e) => set({ nejMeans: e.target.value }, false)} onBlur={onFlush} />
          </div>
        </>
      )}
      {state.kind === 'open' && (
        <>
          {serving.length === 0 && <p className="warning">{t('vote.nobodyServes')}</p>}
          <table className="data vote-grid">
            <caption>{several ? `${t('vote.grid', { number: paragraphNumber })} – ${t('vote.heading', { n })}` : t('vote.grid', { number: paragraphNumber })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('member.name')}</th>
                <th scope="col">{t('vote.choice.ja')}</th>
                <th scope="col">{t('vote.choice.nej')}</th>
                <th scope="col">{t('vote.choice.avstar')}</th>
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
                          name={`${id}-${s.person}`}
                          aria-label={t('vote.choiceFor', { name: name(s.person), choice: t(`vote.choice.${c}`) })}
                          checked={state.votes[s.person] === c}
                          onChange={() => set({ votes: { ...state.votes, [s.person]: c } })}
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
          {Object.keys(state.votes).length === 0 && several && <p className="help">{t('vote.unsaved', { n })}</p>}
        </>
      )}
      {state.kind === 'closed' && (
        <div className="grid-4">
          <TextField label={t('vote.closed.ja')} inputMode="numeric" value={state.ja} onChange={(e) => set({ ja: e.target.value }, false)} onBlur={onFlush} />
          <TextField label={t('vote.closed.nej')} inputMode="numeric" value={state.nej} onChange={(e) => set({ nej: e.target.value }, false)} onBlur={onFlush} />
          <TextField label={t('vote.closed.avstar')} inputMode="numeric" value={state.avstar} onChange={(e) => set({ avstar: e.target.value }, false)} onBlur={onFlush} />
          {tiedClosed && (
            <SelectField label={t('vote.lot')} help={t('vote.lot.help')} value={state.lotWinner} onChange={(e) => set({ lotWinner: e.target.value as State['lotWinner'] })}>
              <option value="">{t('common.notChosen')}</option>
              <option value="ja">{t('vote.choice.ja')}</option>
              <option value="nej">{t('vote.choice.nej')}</option>
            </SelectField>
          )}
        </div>
      )}
      {casting !== undefined && <p className="help">{t('vote.casting', { name: name(casting.person), side: t(`vote.choice.${casting.side}`) })}</p>}
      {result !== null && (
        <p className="vote-result" role="status">
          <strong>{t('vote.result')}:</strong> {result}
        </p>
      )}
      {resultProblem !== null && <p className="warning">{resultProblem}</p>}
    </section>
  );
}
