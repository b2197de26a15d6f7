// Beslut: the decision points as a numbered (or plain) list, each point rich text.
import { memo, useRef, useState } from 'react';
import { autosave } from '../../../api/autosave';
import { RichTextEditor, type EditorHandle } from '../../../components/editor/LazyRichTextEditor';
import { CheckField } from '../../../components/fields';
import { t } from '../../../i18n';
import type { Paragraph } from '../../../../core/format/meeting';
import type { Block } from '../../../../core/format/richtext';
import type { MeetingStore } from '../store';
import { paragraphOp } from './ops';

let uidCounter = 0;
const uid = () => `pt${++uidCounter}`;

export const DecisionEditor = memo(function DecisionEditor({ store, paragraphId, initial }: { store: MeetingStore; paragraphId: string; initial: Paragraph['decision'] }) {
  const [numbered, setNumbered] = useState(initial?.numbered ?? true);
  const [points, setPoints] = useState<{ id: string; initial: Block[] }[]>(() => (initial?.points ?? [[]]).map((p) => ({ id: uid(), initial: p })));
  const editors = useRef(new Map<string, EditorHandle>());
  const state = useRef({ numbered, points });
  state.current = { numbered, points };
  const key = `p:${paragraphId}:decision`;
  const focusNext = useRef<string | null>(null);

  const produce = () => {
    const list = state.current.points.map((p) => editors.current.get(p.id)?.read() ?? p.initial);
    const nonEmpty = list.filter((p) => p.length > 0);
    return paragraphOp(store, paragraphId, { decision: nonEmpty.length === 0 ? null : { numbered: state.current.numbered, points: list } });
  };
  const saveSoon = () => autosave.change(key, produce);
  const saveNow = () => {
    autosave.change(key, produce, 0);
  };

  const setAndSave = (next: { id: string; initial: Block[] }[]) => {
    // Keep what was typed when points move: their editors keep their DOM, but `initial` is refreshed.
    const withText = next.map((p) => ({ ...p, initial: editors.current.get(p.id)?.read() ?? p.initial }));
    state.current = { numbered: state.current.numbered, points: withText };
    setPoints(withText);
    saveNow();
  };

  return (
    <section className="decision-editor" aria-labelledby="decision-heading">
      <h3 id="decision-heading">{t('paragraph.decision')}</h3>
      <p className="help">{t('decision.help')}</p>
      <CheckField
        label={t('decision.numbered')}
        checked={numbered}
        onChange={(e) => {
          setNumbered(e.target.checked);
          state.current = { ...state.current, numbered: e.target.checked };
          saveNow();
        }}
      />
      <ol className={`decision-points${numbered ? '' : ' plain'}`}>
        {points.map((p, i) => (
          <li key={p.id}>
            <RichTextEditor
              ref={(h) => {
                if (h === null) editors.current.delete(p.id);
                else {
                  editors.current.set(p.id, h);
                  if (focusNext.current === p.id) {
                    focusNext.current = null;
                    h.focus();
                  }
                }
              }}
              id={`decision-${i + 1}`}
              label={t('decision.point', { n: i + 1 })}
              initial={p.initial}
              minRows={2}
              onEdit={saveSoon}
              onBlur={() => autosave.flushKey(key)}
            />
            <div className="row-actions">
              <button type="button" className="secondary small" disabled={i === 0} aria-label={t('decision.up', { n: i + 1 })} onClick={() => setAndSave(swap(points, i, i - 1))}>
                ↑
              </button>
              <button type="button" className="secondary small" disabled={i === points.length - 1} aria-label={t('decision.down', { n: i + 1 })} onClick={() => setAndSave(swap(points, i, i + 1))}>
                ↓
              </button>
              <button type="button" className="secondary small" aria-label={t('decision.remove', { n: i + 1 })} onClick={() => setAndSave(points.filter((x) => x.id !== p.id))}>
                {t('common.remove')}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          const id = uid();
          focusNext.current = id;
          const next = [...points, { id, initial: [] }];
          state.current = { ...state.current, points: next };
          setPoints(next);
        }}
      >
        {t('decision.add')}
      </button>
    </section>
  );
});

function swap<T>(xs: readonly T[], i: number, j: number): T[] {
  const out = [...xs];
  const a = out[i] as T;
  out[i] = out[j] as T;
  out[j] = a;
  return out;
}
