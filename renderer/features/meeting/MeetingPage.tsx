// One meeting: its header facts, the närvarolista and each § readable on screen.
import { useEffect, useRef } from 'react';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { ErrorBox, Loading } from '../../components/Status';
import { formatLongDate, t, type MessageKey } from '../../i18n';
import { meetingHref } from '../../router';
import { adjustedParagraphsLine } from '../../../core/domain/numbering';
import { AttendanceTable } from './AttendanceTable';
import { ParagraphView } from './ParagraphView';

export function MeetingPage({ meetingId, paragraph }: { meetingId: string; paragraph: number | null }) {
  const q = useQuery(() => api.call('meetings.get', { meetingId }), [meetingId]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (paragraph !== null) headingRef.current?.focus();
  }, [paragraph, q.status]);

  if (q.status === 'loading') return <Loading />;
  if (q.status === 'error') return <ErrorBox message={q.message} onRetry={q.reload} />;
  const view = q.data;
  const doc = view.document;
  const name = (key: string) => doc.people.find((p) => p.key === key)?.name ?? key;
  const numbers = doc.paragraphs.map((p) => p.number);
  const immediate = doc.paragraphs.filter((p) => p.immediatelyAdjusted).map((p) => p.number);
  const selected = doc.paragraphs.find((p) => p.number === paragraph) ?? null;
  const index = selected === null ? -1 : doc.paragraphs.indexOf(selected);
  const prev = index > 0 ? doc.paragraphs[index - 1] : undefined;
  const next = index >= 0 ? doc.paragraphs[index + 1] : undefined;

  return (
    <div className="meeting-layout">
      <nav className="paragraph-nav" aria-label={t('meeting.paragraphs')}>
        <h2>{t('meeting.paragraphs')}</h2>
        <ol>
          <li>
            <a href={meetingHref(view.id)} aria-current={selected === null ? 'page' : undefined}>
              {t('meeting.facts')}
            </a>
          </li>
          {doc.paragraphs.map((p) => (
            <li key={p.number}>
              <a href={meetingHref(view.id, p.number)} aria-current={p.number === paragraph ? 'page' : undefined}>
                <span className="para-number">§ {p.number}</span> {p.title}
                {view.quorum[p.number]?.met === false && <span className="badge warn"> !</span>}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <div className="meeting-main">
        <p className="breadcrumb">
          <a href="#/">{t('app.backToBoards')}</a>
        </p>
        <h1 ref={headingRef} tabIndex={-1}>
          {t('meeting.title', { board: doc.board.name, date: doc.meeting.date })}
        </h1>
        <p className="muted">
          {formatLongDate(doc.meeting.date)} · {t(`meeting.status.${doc.meeting.status}` as MessageKey)}
        </p>
        {selected === null ? (
          <>
            <section aria-labelledby="facts-heading" className="card">
              <h2 id="facts-heading">{t('meeting.facts')}</h2>
              <dl className="facts">
                <dt>{t('meeting.placeAndTime')}</dt>
                <dd>
                  {doc.meeting.place}, {doc.meeting.startTime}
                  {doc.meeting.endTime ? `-${doc.meeting.endTime}` : ''}, {doc.meeting.date}
                </dd>
                <dt>{t('meeting.decisionMakers')}</dt>
                <dd>{t('meeting.accordingToList')}</dd>
                <dt>{t('meeting.othersPresent')}</dt>
                <dd>{t('meeting.accordingToList')}</dd>
                <dt>{t('meeting.justerare')}</dt>
                <dd>{doc.meeting.justerare.map(name).join(', ') || '–'}</dd>
                <dt>{t('meeting.adjustmentTimePlace')}</dt>
                <dd>{doc.meeting.adjustmentTimePlace ?? '–'}</dd>
                <dt>{t('meeting.adjustedParagraphs')}</dt>
                <dd>{adjustedParagraphsLine(numbers, immediate)}</dd>
                <dt>{t('meeting.secretary')}</dt>
                <dd>{name(doc.meeting.secretary)}</dd>
                <dt>{t('meeting.chair')}</dt>
                <dd>{name(doc.meeting.chair)}</dd>
                <dt>{t('meeting.storagePlace')}</dt>
                <dd>{doc.board.storagePlace}</dd>
              </dl>
            </section>
            {view.problems.length > 0 && (
              <section className="card warn" aria-labelledby="problems-heading">
                <h2 id="problems-heading">{t('meeting.problems')}</h2>
                <ul>
                  {view.problems.map((p, i) => (
                    <li key={i}>{p.message}</li>
                  ))}
                </ul>
              </section>
            )}
            <AttendanceTable doc={doc} />
          </>
        ) : (
          <>
            <ParagraphView paragraph={selected} doc={doc} serving={view.serving[selected.number] ?? []} quorum={view.quorum[selected.number]} />
            <nav className="pager" aria-label={t('meeting.paragraphs')}>
              {prev && <a href={meetingHref(view.id, prev.number)}>← {t('paragraph.previous')} (§ {prev.number})</a>}
              {next && <a href={meetingHref(view.id, next.number)}>{t('paragraph.next')} (§ {next.number}) →</a>}
            </nav>
          </>
        )}
      </div>
    </div>
  );
}
