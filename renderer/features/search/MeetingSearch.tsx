// Type-ahead search within the meeting being drafted, in the § navigation.
import { useEffect, useId, useState } from 'react';
import { api } from '../../api/transport';
import { autosave } from '../../api/autosave';
import { t } from '../../i18n';
import { meetingHref } from '../../router';
import type { SearchHit } from '../../../core/app/workspace/types';
import { Snippet } from './Snippet';

export function MeetingSearch({ meetingId }: { meetingId: string }) {
  const id = useId();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  useEffect(() => {
    if (q.trim() === '') {
      setHits(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      // Search what has just been typed too.
      void autosave
        .flush()
        .then(() => api.call('workspace.search', { query: q, meetingId, limit: 30 }))
        .then(
          (r) => live && setHits(r),
          () => live && setHits([]),
        );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [q, meetingId]);
  return (
    <div className="meeting-search" role="search" aria-label={t('search.inMeeting')}>
      <label htmlFor={id}>{t('search.inMeeting')}</label>
      <input id={id} type="search" value={q} onChange={(e) => setQ(e.target.value)} aria-describedby={`${id}-count`} />
      <p id={`${id}-count`} className="help" aria-live="polite">
        {hits === null ? '' : hits.length === 0 ? t('search.noneShort') : t(hits.length === 1 ? 'search.countShortOne' : 'search.countShort', { n: hits.length })}
      </p>
      {hits !== null && hits.length > 0 && (
        <ul className="hits compact">
          {hits.map((h) => (
            <li key={h.paragraphId}>
              <a href={meetingHref(meetingId, h.number, q)}>
                <span className="para-number">§ {h.number}</span> {h.title}
              </a>
              <p className="snippet">
                <Snippet text={h.snippet} />
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
