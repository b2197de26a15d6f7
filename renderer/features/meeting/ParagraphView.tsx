// One § as the protocol reads: decision first, then the background, then the record of the vote.
import type { MeetingDocument, Paragraph } from '../../../core/format/meeting';
import type { Quorum, ServingSeat } from '../../../core/domain/presence';
import { RichText } from '../../components/RichText';
import { t } from '../../i18n';

interface Props {
  paragraph: Paragraph;
  doc: MeetingDocument;
  serving: ServingSeat[];
  quorum: Quorum | undefined;
}

export function ParagraphView({ paragraph: p, doc, serving, quorum }: Props) {
  const name = (key: string) => doc.people.find((x) => x.key === key)?.name ?? key;
  return (
    <article className="card paragraph" aria-labelledby={`p-${p.number}`}>
      <h2 id={`p-${p.number}`}>
        <span className="para-number">§ {p.number}</span> {p.title}
      </h2>
      {p.caseNumber && <p className="muted">{t('paragraph.caseNumber', { caseNumber: p.caseNumber })}</p>}
      <p className="tags">
        {p.immediatelyAdjusted && <span className="badge">{t('paragraph.immediatelyAdjusted')}</span>}
        {p.confidential && <span className="badge warn">{t('paragraph.confidential', { provision: p.confidential.provision })}</span>}
      </p>
      {quorum && !quorum.met && (
        <p role="alert" className="error-box">
          {t('meeting.quorum.missing', { number: p.number, serving: quorum.serving, required: quorum.required })}
        </p>
      )}
      {p.decision && (
        <section>
          <h3>{t('paragraph.decision')}</h3>
          {p.decision.numbered ? (
            <ol className="decision">
              {p.decision.points.map((point, i) => (
                <li key={i}>
                  <RichText blocks={point} />
                </li>
              ))}
            </ol>
          ) : (
            p.decision.points.map((point, i) => <RichText key={i} blocks={point} />)
          )}
        </section>
      )}
      {p.summary && p.summary.length > 0 && (
        <section>
          <h3>{t('paragraph.summary')}</h3>
          <RichText blocks={p.summary} />
        </section>
      )}
      {p.description && p.description.length > 0 && (
        <section>
          <h3>{t('paragraph.description')}</h3>
          <RichText blocks={p.description} />
        </section>
      )}
      {p.body && p.body.length > 0 && (
        <section>
          <RichText blocks={p.body} headingLevel={3} />
        </section>
      )}
      {p.decisionDocuments.length > 0 && (
        <section>
          <h3>{t('paragraph.decisionDocuments')}</h3>
          <ul>
            {p.decisionDocuments.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        </section>
      )}
      {p.motions.length > 0 && (
        <section>
          <h3>{t('paragraph.motions')}</h3>
          <ul>
            {p.motions.map((m, i) => (
              <li key={i}>
                {name(m.by)}: {m.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      {p.reservations.length > 0 && (
        <section>
          <h3>{t('paragraph.reservations')}</h3>
          <ul>
            {p.reservations.map((r, i) => (
              <li key={i}>
                {name(r.person)}
                {r.reason ? `: ${r.reason}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {p.protocolNotes.length > 0 && (
        <section>
          <h3>{t('paragraph.protocolNotes')}</h3>
          <ul>
            {p.protocolNotes.map((n, i) => (
              <li key={i}>
                {n.by ? `${name(n.by)}: ` : ''}
                {n.text}
              </li>
            ))}
          </ul>
        </section>
      )}
      {p.jav.length > 0 && (
        <section>
          <h3>{t('paragraph.jav')}</h3>
          <ul>
            {p.jav.map((j, i) => (
              <li key={i}>
                {name(j.person)}
                {j.note ? ` (${j.note})` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
      {p.distribution.length > 0 && (
        <section>
          <h3>{t('paragraph.distribution')}</h3>
          <ul>
            {p.distribution.map((d, i) => (
              <li key={i}>{d}</li>
            ))}
          </ul>
        </section>
      )}
      {p.attachments.length > 0 && (
        <section>
          <h3>{t('paragraph.attachments')}</h3>
          <ul>
            {p.attachments.map((a, i) => (
              <li key={i}>{a.title}</li>
            ))}
          </ul>
        </section>
      )}
      <details className="serving">
        <summary>
          {t('paragraph.serving')} ({quorum?.met ? t('meeting.quorum.ok', { serving: quorum.serving, seats: quorum.seats }) : serving.length})
        </summary>
        <ul>
          {serving.map((s) => (
            <li key={s.person}>
              {name(s.person)}
              {s.replaces ? ` (ersätter ${name(s.replaces)})` : ''}
            </li>
          ))}
        </ul>
      </details>
    </article>
  );
}
