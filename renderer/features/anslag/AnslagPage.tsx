// The clerk's page: notices waiting and up, protokollsutdrag, the digital notice board, and the
// follow-up register.
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
  return (
    <div className="anslag-page">
      <h1>{s.title}</h1>
      <p>{s.intro}</p>
      <PendingNotices onPosted={() => setPosted((n) => n + 1)} />
      <PostedNotices refresh={posted} />
      <Extracts />
      <BoardExport />
      <FollowUps />
    </div>
  );
}
