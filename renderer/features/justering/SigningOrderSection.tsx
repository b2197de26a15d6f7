// The board's signing order for justering (boards.getSigningOrder / setSigningOrder): any order,
// or sekreterare, ordförande and justerare in an order chosen with move up/down.
import { useRef, useState } from 'react';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { SIGNING_ROLES, type SigningOrder, type SigningRole } from '../../../core/app/justering/types';
import { ErrorText, Loading } from '../../components/Status';
import { errorMessage } from '../../api/errors';
import { moveItem, orderText } from './format';
import { justeringStrings as s } from './strings';
import './justering.css';

export function SigningOrderSection({ boardId }: { boardId: string }) {
  const q = useQuery(() => api.call('boards.getSigningOrder', { boardId }), [boardId]);
  return (
    <section className="card" aria-labelledby="signing-order-heading">
      <h2 id="signing-order-heading">{s.order.heading}</h2>
      <p className="help">{s.order.help}</p>
      {q.status === 'loading' && <Loading />}
      {q.status === 'error' && <ErrorText message={q.message} onRetry={q.reload} />}
      {q.status === 'ready' && <OrderForm boardId={boardId} initial={q.data.order} />}
    </section>
  );
}

function OrderForm({ boardId, initial }: { boardId: string; initial: SigningOrder }) {
  const [fixed, setFixed] = useState(initial !== null);
  const [order, setOrder] = useState<SigningRole[]>(initial ?? [...SIGNING_ROLES]);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);

  const move = (i: number, step: -1 | 1) => {
    setOrder(moveItem(order, i, step));
    setDone(null);
    // Keep focus on the same role's button after it moved (or its other button at an end).
    requestAnimationFrame(() => {
      const item = listRef.current?.children[i + step];
      const buttons = item?.querySelectorAll<HTMLButtonElement>('button');
      const b = buttons?.[step === -1 ? 0 : 1];
      (b !== undefined && !b.disabled ? b : buttons?.[step === -1 ? 1 : 0])?.focus();
    });
  };

  async function save() {
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const r = await api.call('boards.setSigningOrder', { boardId, order: fixed ? order : null });
      setDone(s.order.saved(orderText(r.order)));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <fieldset>
        <legend>{s.order.choice}</legend>
        <label className="inline-check">
          <input type="radio" name={`order-${boardId}`} checked={!fixed} onChange={() => setFixed(false)} />
          {s.order.any}
        </label>
        <label className="inline-check">
          <input type="radio" name={`order-${boardId}`} checked={fixed} onChange={() => setFixed(true)} />
          {s.order.fixed}
        </label>
      </fieldset>
      {fixed && (
        <ol ref={listRef} className="justering-order" aria-label={s.order.listLabel}>
          {order.map((role, i) => {
            const name = s.order.roles[role] ?? role;
            return (
              <li key={role}>
                {name}
                <span className="row-actions">
                  <button type="button" className="secondary small" aria-label={s.order.moveUp(name)} disabled={i === 0} onClick={() => move(i, -1)}>
                    {s.order.up}
                  </button>
                  <button type="button" className="secondary small" aria-label={s.order.moveDown(name)} disabled={i === order.length - 1} onClick={() => move(i, 1)}>
                    {s.order.down}
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => void save()}>
          {s.order.save}
        </button>
      </div>
      <p role="status" className="ok">
        {done}
      </p>
      {error !== null && <ErrorText message={error} />}
    </>
  );
}
