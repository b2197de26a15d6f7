// "#/meetings/ID/justering": each adjustment group with its state, locking it for justering,
// its versions and their signers, and the result of the last action (announced and focused).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { ErrorBox, Loading } from '../../components/Status';
import { ActionScope, useScopedMessage } from '../../components/async';
import { t } from '../../i18n';
import { boardHref, meetingHref } from '../../router';
import { GroupSection } from './GroupSection';
import { orderText } from './format';
import { justeringStrings as s } from './strings';
import './justering.css';

export function JusteringPage({ meetingId }: { meetingId: string }) {
  // One scope for the page: the latest action's message replaces every earlier one, in any group.
  return (
    <ActionScope>
      <JusteringPageBody meetingId={meetingId} />
    </ActionScope>
  );
}

function JusteringPageBody({ meetingId }: { meetingId: string }) {
  const q = useQuery(async () => {
    const [view, status] = await Promise.all([api.call('workspace.meetings.get', { meetingId }), api.call('justering.status', { meetingId })]);
    return { view, status };
  }, [meetingId]);
  const result = useScopedMessage<{ node: ReactNode; n: number }>();
  const [count, setCount] = useState(0);
  const resultRef = useRef<HTMLDivElement>(null);
  // Focus moves to the result after the children's effects ran (a closing dialog gives focus back
  // to its button first, which may be gone now that the signer has signed).
  useEffect(() => {
    if (count > 0) resultRef.current?.focus();
  }, [count]);
  const title = q.status === 'ready' ? s.page.title(q.data.view.doc.board.name, q.data.view.doc.meeting.date) : null;
  useEffect(() => {
    if (title !== null) document.title = `${title} – Justera`;
  }, [title]);

  if (q.status === 'loading') return <Loading />;
  if (q.status === 'error') return <ErrorBox message={q.message} onRetry={q.reload} />;
  const { view, status } = q.data;
  const doc = view.doc;

  /** Shows what an action did, moves focus there (its button may be gone), and reloads. */
  const announce = (node: ReactNode) => {
    result.show({ node, n: count + 1 });
    setCount((n) => n + 1);
    q.reload();
  };

  return (
    <div className="justering-page">
      <p className="breadcrumb">
        <a href="#/">{t('app.backToBoards')}</a> › <a href={boardHref(view.boardId)}>{doc.board.name}</a> › <a href={meetingHref(meetingId)}>{s.page.back}</a>
      </p>
      <h1>{title}</h1>
      <p>{s.page.intro}</p>
      <p className="muted">{status.signingOrder === null ? s.page.anyOrder : s.page.order(orderText(status.signingOrder))}</p>
      {status.deadline !== null && <p>{s.page.deadline(status.deadline)}</p>}
      <div ref={resultRef} tabIndex={-1} role="status" className="justering-result">
        {result.current?.node}
      </div>
      {status.groups.length === 0 ? (
        <GroupSection meetingId={meetingId} doc={doc} group={null} announce={announce} />
      ) : (
        status.groups.map((g) => <GroupSection key={g.groupId} meetingId={meetingId} doc={doc} group={g} announce={announce} deadline={status.deadline} />)
      )}
    </div>
  );
}
