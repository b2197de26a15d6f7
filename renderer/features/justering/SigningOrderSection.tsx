// The board's signing order for justering (boards.getSigningOrder / setSigningOrder): any order,
// or sekreterare, ordförande and justerare in an order chosen with move up/down.
import { useRef, useState } from 'react';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { SIGNING_ROLES, type SigningOrder, type SigningRole } from '../../../core/app/justering/types';
import { ActionResult, QuerySection, useAction } from '../../components/async';
import { moveItem, orderText } from './format';
import { justeringStrings as s } from './strings';
import './justering.css';

export function SigningOrderSection({ boardId }: { boardId: string }) {
  const q = useQuery(() => api.call('boards.getSigningOrder', { boardId }), [boardId]);
  return (
    <QuerySection id="signing-order-heading" heading={s.order.heading} help={s.order.help} query={q}>
      {(data) => <OrderForm boardId={boardId} initial={data.order} />}
    </QuerySection>
  );
}

function OrderForm({ boardId, initial }: { boardId: string; initial: SigningOrder }) {
  const [fixed, setFixed] = useState(initial !== null);
  const [order, setOrder] = useState<SigningRole[]>(initial ?? [...SIGNING_ROLES]);
  const save = useAction();
  const listRef = useRef<HTMLOListElement>(null);

  // A changed choice or order is not saved yet: "Sparat: …" or a refusal no longer describes it.
  const choose = (f: boolean) => {
    setFixed(f);
    save.clear();
  };
  const move = (i: number, step: -1 | 1) => {
    setOrder(moveItem(order, i, step));
    save.clear();
    // Keep focus on the same role's button after it moved (or its other button at an end).
    requestAnimationFrame(() => {
      const item = listRef.current?.children[i + step];
      const buttons = item?.querySelectorAll<HTMLButtonElement>('button');
      const b = buttons?.[step === -1 ? 0 : 1];
      (b !== undefined && !b.disabled ? b : buttons?.[step === -1 ? 1 : 0])?.focus();
    });
  };

  const submit = () =>
    save.run(async () => {
      const r = await api.call('boards.setSigningOrder', { boardId, order: fixed ? order : null });
      return s.order.saved(orderText(r.order));
    });

  return (
    <>
      <fieldset>
        <legend>{s.order.choice}</legend>
        <label className="inline-check">
          <input type="radio" name={`order-${boardId}`} checked={!fixed} onChange={() => choose(false)} />
          {s.order.any}
        </label>
        <label className="inline-check">
          <input type="radio" name={`order-${boardId}`} checked={fixed} onChange={() => choose(true)} />
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
        <button type="button" disabled={save.busy} onClick={() => void submit()}>
          {s.order.save}
        </button>
      </div>
      <ActionResult error={save.error} done={save.done} />
    </>
  );
}
