// The meeting page's Kallelse section: when it was sent to whom, the board's rule (days before
// the meeting) with the deadline and a late warning, the recipients (and who has no e-mail
// address), the kallelse PDF, and sending it as e-mail messages opened in the mail program (the
// desktop app hands each .eml to the operating system; in the browser it is downloaded).
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { downloadPdf, saveBlob } from '../../api/files';
import { errorMessage } from '../../api/errors';
import { CheckField, TextField } from '../../components/fields';
import { ErrorText, Loading } from '../../components/Status';
import { formatDateTime, t, type MessageKey } from '../../i18n';
import { base64ToBytes } from '../../../core/format/base64';
import { isValidMailAddress } from '../../../core/format/mime';
import type { KallelseSending, KallelseStatus, SentMessage } from '../../../core/app/kallelse';

/** "2027-03-10 kl. 09.12", Swedish local time. */
export function sentWhen(iso: string): string {
  const [day, time] = formatDateTime(iso).split(' ');
  return `${day ?? ''} kl. ${(time ?? '').replace(':', '.')}`;
}

function sentLine(s: KallelseSending): string {
  const line = t('kallelse.sent', { when: sentWhen(s.sentAt), n: s.recipients.length });
  return s.late ? `${line} ${t('kallelse.sentLate', { deadline: s.deadline })}` : line;
}

/** Opens one message: in the mail program (desktop), else as a downloaded .eml file. */
async function openMessage(m: SentMessage): Promise<string> {
  const opened = await api.call('shell.openMail', { messageId: m.id });
  if (opened.available) return t('kallelse.opened', { path: opened.path ?? '' });
  const eml = await api.call('kallelse.message', { messageId: m.id });
  saveBlob(eml.fileName, new Blob([base64ToBytes(eml.emlBase64)], { type: 'message/rfc822' }));
  return t('kallelse.downloaded', { file: eml.fileName });
}

export function KallelseSection({ meetingId }: { meetingId: string }) {
  const q = useQuery(() => api.call('kallelse.status', { meetingId }), [meetingId]);
  return (
    <section className="card" aria-labelledby="kallelse-heading">
      <h2 id="kallelse-heading">{t('kallelse.heading')}</h2>
      {q.status === 'loading' && <Loading />}
      {q.status === 'error' && <ErrorText message={q.message} onRetry={q.reload} />}
      {q.status === 'ready' && <KallelseBody status={q.data} reload={q.reload} />}
    </section>
  );
}

function KallelseBody({ status, reload }: { status: KallelseStatus; reload: () => void }) {
  const [latest, ...earlier] = status.sendings;
  const missing = status.recipients.filter((r) => r.email === null);
  const [message, setMessage] = useState<string | null>(null);
  const [pdfError, setPdfError] = useState<string | null>(null);
  return (
    <>
      <p>{t('kallelse.intro')}</p>
      <p className={latest === undefined ? 'muted' : 'ok'}>
        <strong>{latest === undefined ? t('kallelse.notSent') : sentLine(latest)}</strong>
      </p>
      {earlier.length > 0 && (
        <details>
          <summary>{t('kallelse.earlier')}</summary>
          <ul>
            {earlier.map((s) => (
              <li key={s.id}>{sentLine(s)}</li>
            ))}
          </ul>
        </details>
      )}
      <p>{t('kallelse.rule', { days: status.daysBefore, deadline: status.deadline })}</p>
      {status.late && (
        <p className="warning">
          <strong>{t('kallelse.late', { deadline: status.deadline })}</strong>
        </p>
      )}
      <DaysRule status={status} onSaved={reload} />

      <h3>{t('kallelse.recipients')}</h3>
      {status.recipients.length === 0 ? (
        <p className="warning">{t('kallelse.noRecipients')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <caption className="visually-hidden">{t('kallelse.recipients.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('member.name')}</th>
                <th scope="col">{t('kallelse.role')}</th>
                <th scope="col">{t('kallelse.email')}</th>
              </tr>
            </thead>
            <tbody>
              {status.recipients.map((r) => (
                <tr key={r.personId}>
                  <th scope="row">{r.name}</th>
                  <td>{t(`role.${r.role}` as MessageKey)}</td>
                  <td>{r.email ?? <span className="warning-cell">{t('kallelse.noEmail')}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {missing.length > 0 && <p className="help">{t('kallelse.noEmailHelp', { n: missing.length })}</p>}
      {status.handlingar.length > 0 && (
        <>
          <h3>{t('kallelse.handlingar')}</h3>
          <ul>
            {status.handlingar.map((h, i) => (
              <li key={i}>
                {t('kallelse.handling', { n: h.paragraph, title: h.title, file: h.fileName })}
                {!h.attached && <strong> – {t('kallelse.handlingSecret', { provision: h.confidentialProvision ?? '' })}</strong>}
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <button
          type="button"
          className="secondary"
          onClick={async () => {
            setPdfError(null);
            try {
              const r = await api.call('kallelse.pdf', { meetingId: status.meetingId });
              downloadPdf(r.fileName, r.pdfBase64);
            } catch (e) {
              setPdfError(errorMessage(e));
            }
          }}
        >
          {t('kallelse.pdf')}
        </button>
      </p>
      {pdfError !== null && <ErrorText message={pdfError} />}
      <SendForm status={status} onSent={reload} />
      {latest !== undefined && latest.messages.length > 0 && (
        <>
          <h3>{t('kallelse.messages')}</h3>
          <ul className="kallelse-messages">
            {latest.messages.map((m) => (
              <li key={m.id}>
                {m.fileName}{' '}
                <button
                  type="button"
                  className="secondary small"
                  aria-label={t('kallelse.openFor', { to: m.to.join(', ') })}
                  onClick={async () => {
                    try {
                      setMessage(await openMessage(m));
                    } catch (e) {
                      setMessage(errorMessage(e));
                    }
                  }}
                >
                  {t('kallelse.open')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <p role="status">{message ?? ''}</p>
    </>
  );
}

function DaysRule({ status, onSaved }: { status: KallelseStatus; onSaved: () => void }) {
  const [days, setDays] = useState(String(status.daysBefore));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <form
      className="subform inline-form"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        setSaved(null);
        const n = Number(days.trim());
        if (!/^\d{1,2}$/.test(days.trim()) || n > 90) return setError(t('kallelse.days.invalid'));
        setError(null);
        try {
          const r = await api.call('kallelse.setDaysBefore', { boardId: status.boardId, daysBefore: n });
          setSaved(t('kallelse.days.saved', { days: r.daysBefore }));
          onSaved();
        } catch (err) {
          setError(errorMessage(err));
        }
      }}
    >
      <TextField label={t('kallelse.days')} help={t('kallelse.days.help')} inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} error={error} />
      <button type="submit" className="secondary">
        {t('kallelse.days.save')}
      </button>
      <p role="status" className="ok">
        {saved ?? ''}
      </p>
    </form>
  );
}

function SendForm({ status, onSent }: { status: KallelseStatus; onSent: () => void }) {
  const [from, setFrom] = useState(status.defaultFrom ?? '');
  const [mode, setMode] = useState<'per_recipient' | 'bcc'>('per_recipient');
  const [withHandlingar, setWithHandlingar] = useState(true);
  const [acceptLate, setAcceptLate] = useState(false);
  const [fromError, setFromError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fromRef = useRef<HTMLInputElement>(null);
  const modeName = useId();
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done !== null) doneRef.current?.focus();
  }, [done]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    setError(null);
    if (!isValidMailAddress(from.trim())) {
      setFromError(t('kallelse.from.missing'));
      fromRef.current?.focus();
      return;
    }
    setFromError(null);
    setBusy(true);
    try {
      const sent = await api.call('kallelse.send', { meetingId: status.meetingId, from: from.trim(), mode, includeHandlingar: withHandlingar, acceptLate });
      let line = `${sentLine(sent)}. ${t('kallelse.written', { n: sent.messages.length })}`;
      // One message (all in Bcc) is opened at once; many are listed to open one by one.
      const only = sent.messages.length === 1 ? sent.messages[0] : undefined;
      if (only !== undefined) line = `${line} ${await openMessage(only)}`;
      setDone(line);
      setAcceptLate(false);
      onSent();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="subform" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="kallelse-send-heading">
      <h3 id="kallelse-send-heading">{t('kallelse.send.heading')}</h3>
      <TextField ref={fromRef} label={t('kallelse.from')} help={t('kallelse.from.help')} type="email" autoComplete="email" value={from} onChange={(e) => setFrom(e.target.value)} error={fromError} />
      <fieldset>
        <legend>{t('kallelse.mode')}</legend>
        <label className="inline-check">
          <input type="radio" name={modeName} value="per_recipient" checked={mode === 'per_recipient'} onChange={() => setMode('per_recipient')} /> {t('kallelse.mode.per')}
        </label>
        <label className="inline-check">
          <input type="radio" name={modeName} value="bcc" checked={mode === 'bcc'} onChange={() => setMode('bcc')} /> {t('kallelse.mode.bcc')}
        </label>
      </fieldset>
      {status.handlingar.some((h) => h.attached) && <CheckField label={t('kallelse.includeHandlingar')} checked={withHandlingar} onChange={(e) => setWithHandlingar(e.target.checked)} />}
      {status.late && <CheckField label={t('kallelse.acceptLate')} checked={acceptLate} onChange={(e) => setAcceptLate(e.target.checked)} />}
      <button type="submit" disabled={busy}>
        {busy ? t('kallelse.sending') : t('kallelse.submit')}
      </button>
      {error !== null && <ErrorText message={error} />}
      <p role="status" className="ok" ref={doneRef} tabIndex={-1}>
        {done ?? ''}
      </p>
    </form>
  );
}
