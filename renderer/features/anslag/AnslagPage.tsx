// The clerk's page: notices waiting and up, protokollsutdrag, the digital notice board, and the
// follow-up register.
import { ActionScope } from '../../components/async';
import { useEffect, useState } from 'react';
import { BoardExport } from './BoardExport';
import { Extracts } from './Extracts';
import { FollowUps } from './FollowUps';
import { PendingNotices } from './PendingNotices';
import { PostedNotices } from './PostedNotices';
import { anslagStrings as s } from './strings';
import './anslag.css';

export function AnslagPage() {
  const [posted, setPosted] = useState(0);
  useEffect(() => {
    document.title = `${s.title} – Justera`;
  }, []);
  // One action scope: the latest action's message replaces every earlier one, in any section.
  return (
    <ActionScope>
      <div className="anslag-page">
        <h1>{s.title}</h1>
        <p>{s.intro}</p>
        <PendingNotices onPosted={() => setPosted((n) => n + 1)} />
        <PostedNotices refresh={posted} />
        <Extracts />
        <BoardExport />
        <FollowUps />
      </div>
    </ActionScope>
  );
}
