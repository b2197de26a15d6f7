// "Skriv under med e-legitimation": the signing service does the e-ID step in the browser. The
// caller's `start` makes the request (justering.signEid, documents.signEid or
// justering.signPackageEid) — the protocol on the justering and package pages, the clerk's
// documents on the anslag page and in the Dokument view (`subject`); this panel opens the service's page (the desktop app has already
// opened it in the system browser; in a browser host it is a link to a new tab), waits with
// eid.status (each call at most 20 s, asked again until done), offers "Avbryt" (eid.cancel), and
// tells a failure in the catalogue's words: offline (with the package route), cancelled, another
// person, refused (the service's own message behind "Visa detaljer"). Offline, the protocol's
// alternative is the signing package; a document's is a certificate file or a card.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { EidOutcome, EidStarted } from '../../../core/app/justering/eid';
import type { SignServiceSetting } from '../../../core/app/justering/sign-services';
import { ApiError } from '../../../core/api/client';
import { errorMessage } from '../../api/errors';
import { api } from '../../api/transport';
import { useQuery } from '../../api/useQuery';
import { SelectField, TextField } from '../../components/fields';
import { formatDateTime } from '../../i18n';
import { justeringStrings as s } from './strings';

/** The configured signing services; e-legitimation is offered only when there is one. */
export function useSignServices(): SignServiceSetting[] | null {
  const q = useQuery(() => api.call('settings.signServices.list', {}), []);
  return q.status === 'ready' ? q.data.services : null;
}

/** Where e-legitimation would be, when no signing service is configured. */
export function EidSettingsHint() {
  return (
    <p className="muted">
      {s.eid.noService} <a href="#/installningar">{s.eid.settingsLink}</a>.
    </p>
  );
}

export interface EidSignProps {
  /** Who signs, for the texts: the protocol's signer, or the person a document names (documents.list nextSignature). */
  signerName: string;
  /** What is signed: the protocol (justering, package) or one of the clerk's documents; only the words differ. */
  subject?: 'protocol' | 'document';
  services: SignServiceSetting[];
  /** The package page: the signer gives their own personnummer (the package carries none). */
  askPersonnummer?: boolean;
  start: (o: { serviceId: string; personnummer?: string }) => Promise<EidStarted>;
  onDone: (outcome: EidOutcome) => void;
  onClose: () => void;
  /** Offered when the service cannot be reached: sign through a signing package instead (the protocol). */
  onPackageRoute?: (() => void) | undefined;
  /** Offered when the service cannot be reached: sign with a certificate file instead (a document). */
  onFileRoute?: (() => void) | undefined;
}

type Failure = { reason: string; message: string; serviceMessage: string | null };

function failureOf(e: unknown): Failure {
  const details = e instanceof ApiError ? e.details : undefined;
  const reason = typeof details?.['reason'] === 'string' ? details['reason'] : '';
  const serviceMessage = typeof details?.['serviceMessage'] === 'string' ? details['serviceMessage'] : null;
  return { reason, message: errorMessage(e), serviceMessage };
}

const WAIT_MS = 20_000;

export function EidSign({ signerName, subject = 'protocol', services, askPersonnummer = false, start, onDone, onClose, onPackageRoute, onFileRoute }: EidSignProps) {
  const [serviceId, setServiceId] = useState(services[0]?.id ?? '');
  const [personnummer, setPersonnummer] = useState('');
  const [missing, setMissing] = useState(false);
  const [phase, setPhase] = useState<'ready' | 'starting' | 'waiting'>('ready');
  const [started, setStarted] = useState<EidStarted | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [cancelledHere, setCancelledHere] = useState(false);
  const live = useRef(true);
  const pending = useRef<string | null>(null);

  // Closing the dialog (or leaving the page) while waiting stops the signature.
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      if (pending.current !== null) void api.call('eid.cancel', { pendingId: pending.current }).catch(() => {});
    };
  }, []);

  async function wait(pendingId: string): Promise<void> {
    for (;;) {
      const r = await api.call('eid.status', { pendingId, waitMs: WAIT_MS });
      if (!live.current) return;
      if (r.state === 'done') {
        pending.current = null;
        onDone(r.outcome);
        return;
      }
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (askPersonnummer && personnummer.trim() === '') {
      setMissing(true);
      (e.currentTarget as HTMLFormElement).querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setMissing(false);
    setFailure(null);
    setCancelledHere(false);
    setPhase('starting');
    try {
      const r = await start({ serviceId, ...(askPersonnummer ? { personnummer } : {}) });
      if (!live.current) {
        void api.call('eid.cancel', { pendingId: r.pendingId }).catch(() => {});
        return;
      }
      pending.current = r.pendingId;
      setStarted(r);
      setPhase('waiting');
      await wait(r.pendingId);
    } catch (err) {
      pending.current = null;
      if (!live.current) return;
      setFailure(failureOf(err));
      setStarted(null);
      setPhase('ready');
    }
  }

  function cancel() {
    if (pending.current === null) return;
    setCancelledHere(true);
    void api.call('eid.cancel', { pendingId: pending.current }).catch(() => {});
  }

  const failureText = (f: Failure): string => {
    switch (f.reason) {
      case 'eid_unreachable':
        return subject === 'document' ? s.eid.unreachableDocument : s.eid.unreachable;
      case 'eid_cancelled':
        return cancelledHere ? s.eid.cancelledHere : s.eid.cancelled;
      case 'eid_other_signer':
        return s.eid.otherSigner(signerName);
      case 'eid_refused':
        return s.eid.refused;
      case 'eid_timeout':
        return s.eid.timeout;
      default:
        return f.message;
    }
  };

  if (phase === 'waiting' && started !== null) {
    return (
      <div className="eid-waiting">
        <p role="status">{s.eid.waiting}</p>
        {started.opened ? (
          <p>{s.eid.opened}</p>
        ) : (
          <p>
            <a href={started.url} target="_blank" rel="noopener noreferrer" className="button">
              {s.eid.openLink}
            </a>{' '}
            <span className="muted">{s.eid.openHelp}</span>
          </p>
        )}
        <dl className="facts">
          <dt>{s.eid.service}</dt>
          <dd>{started.service}</dd>
          <dt>{s.eid.message}</dt>
          <dd>{started.signMessage}</dd>
        </dl>
        <p className="muted">{s.eid.expires(formatDateTime(started.expiresAt))}</p>
        <div className="actions">
          <button type="button" className="secondary" onClick={cancel}>
            {s.eid.cancel}
          </button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-busy={phase === 'starting'}>
      <p>{subject === 'document' ? s.eid.introDocument(signerName) : s.eid.intro(signerName)}</p>
      {services.length > 1 && (
        <SelectField label={s.eid.service} value={serviceId} onChange={(e) => setServiceId(e.target.value)}>
          {services.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </SelectField>
      )}
      {askPersonnummer && (
        <TextField
          label={s.eid.personnummer}
          help={s.eid.personnummerHelp}
          error={missing ? s.eid.missingPersonnummer : null}
          inputMode="numeric"
          autoComplete="off"
          value={personnummer}
          onChange={(e) => setPersonnummer(e.target.value)}
        />
      )}
      {failure !== null && (
        <div role="alert" className="error-box">
          <p>{failureText(failure)}</p>
          {failure.reason === 'eid_refused' && (
            <details>
              <summary>{s.eid.details}</summary>
              <p>{failure.serviceMessage ?? failure.message}</p>
            </details>
          )}
          {failure.reason === 'eid_unreachable' && onPackageRoute !== undefined && (
            <button type="button" className="secondary" onClick={onPackageRoute}>
              {s.eid.packageRoute}
            </button>
          )}
          {failure.reason === 'eid_unreachable' && onFileRoute !== undefined && (
            <button type="button" className="secondary" onClick={onFileRoute}>
              {s.eid.fileRoute}
            </button>
          )}
        </div>
      )}
      <div className="actions">
        <button type="submit" disabled={phase === 'starting'}>
          {phase === 'starting' ? s.eid.starting : failure === null ? s.eid.start : s.eid.tryAgain}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {s.sign.cancel}
        </button>
      </div>
      <p role="status" className="visually-hidden">
        {phase === 'starting' ? s.eid.starting : ''}
      </p>
    </form>
  );
}
