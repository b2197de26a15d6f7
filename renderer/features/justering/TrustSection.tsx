// Inställningar: the trust store. The root certificates every signature must chain to; the app
// ships none. A file is read and shown (subject, issuer, validity, SHA-256) before it is added,
// and the add names the fingerprints shown so a changed file is refused.
import { useState } from 'react';
import type { InspectedCertificate, TrustList } from '../../../core/app/trust';
import { api } from '../../api/transport';
import { errorMessage } from '../../api/errors';
import { fileToBase64 } from '../../api/files';
import { useQuery } from '../../api/useQuery';
import { TextField } from '../../components/fields';
import { ErrorBox, ErrorText, Loading } from '../../components/Status';
import { useFileSubmit } from './useFileSubmit';
import { justeringStrings as s } from './strings';

const day = (iso: string) => iso.slice(0, 10);

export function TrustSection() {
  const q = useQuery(() => api.call('trust.list', {}), []);
  return (
    <section className="card" aria-labelledby="trust-heading">
      <h2 id="trust-heading">{s.trust.heading}</h2>
      <p className="help">{s.trust.help}</p>
      {q.status === 'loading' && <Loading />}
      {q.status === 'error' && <ErrorBox message={q.message} onRetry={q.reload} />}
      {q.status === 'ready' && <TrustBody list={q.data} reload={q.reload} />}
    </section>
  );
}

function TrustBody({ list, reload }: { list: TrustList; reload: () => void }) {
  const [pending, setPending] = useState<{ base64: string; certificates: InspectedCertificate[] } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const {
    setFile,
    missing,
    error: readError,
    busy,
    submit,
  } = useFileSubmit(async (file) => {
    setDone(null);
    const base64 = await fileToBase64(file);
    const r = await api.call('trust.inspect', { certificateBase64: base64 });
    setPending({ base64, certificates: r.certificates });
  });

  async function add() {
    if (pending === null) return;
    setError(null);
    try {
      const r = await api.call('trust.add', { certificateBase64: pending.base64, expectSha256: pending.certificates.map((c) => c.sha256) });
      setPending(null);
      setDone(s.trust.added(r.added.length, r.alreadyTrusted.length));
      reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function remove(id: string, subject: string) {
    setError(null);
    try {
      await api.call('trust.remove', { id });
      setDone(s.trust.removed(subject));
      reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <>
      {list.emptyMessage !== null ? (
        <p className="warning" role="note">
          <strong>{list.emptyMessage}</strong>
        </p>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <caption>{s.trust.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{s.trust.subject}</th>
                <th scope="col">{s.trust.issuer}</th>
                <th scope="col">{s.trust.validity}</th>
                <th scope="col">{s.trust.fingerprint}</th>
                <th scope="col">{s.trust.actions}</th>
              </tr>
            </thead>
            <tbody>
              {list.anchors.map((a) => (
                <tr key={a.id}>
                  <th scope="row" className="justering-subject">
                    {a.subject}
                  </th>
                  <td className="justering-subject">{a.issuer}</td>
                  <td>
                    {day(a.notBefore)} – {day(a.notAfter)}
                  </td>
                  <td className="justering-subject">{a.sha256}</td>
                  <td>
                    <button type="button" className="secondary small" aria-label={s.trust.removeFor(a.subject)} onClick={() => void remove(a.id, a.subject)}>
                      {s.trust.remove}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={s.trust.file}
          help={s.trust.fileHelp}
          error={missing ? s.trust.missingFile : null}
          type="file"
          accept=".pem,.crt,.cer,.der,application/x-x509-ca-cert,application/pkix-cert"
          onChange={(e) => {
            setPending(null);
            setFile(e.target.files?.[0] ?? null);
          }}
        />
        <button type="submit" className="secondary" disabled={busy}>
          {s.trust.show}
        </button>
      </form>
      {readError !== null && <ErrorText message={readError} />}
      {pending !== null && (
        <section className="card" aria-labelledby="trust-pending">
          <h3 id="trust-pending">{s.trust.pendingHeading(pending.certificates.length)}</h3>
          {pending.certificates.map((c) => (
            <dl key={c.sha256} className="justering-facts">
              <dt>{s.trust.subject}</dt>
              <dd className="justering-subject">{c.subject}</dd>
              <dt>{s.trust.issuer}</dt>
              <dd className="justering-subject">{c.issuer}</dd>
              <dt>{s.trust.validity}</dt>
              <dd>
                {day(c.notBefore)} – {day(c.notAfter)}
                {c.notValidNow ? ` (${s.trust.notValidNow})` : ''}
              </dd>
              <dt>{s.trust.fingerprint}</dt>
              <dd className="justering-subject">{c.sha256}</dd>
              <dt>{s.trust.kind}</dt>
              <dd>
                {c.isCa ? s.trust.ca : s.trust.notCa}
                {c.selfSigned ? `, ${s.trust.selfSigned}` : ''}
                {c.alreadyTrusted ? `, ${s.trust.alreadyTrusted}` : ''}
              </dd>
            </dl>
          ))}
          <p className="help">{s.trust.compare}</p>
          <div className="actions">
            <button type="button" onClick={() => void add()}>
              {s.trust.add}
            </button>
            <button type="button" className="secondary" onClick={() => setPending(null)}>
              {s.trust.cancel}
            </button>
          </div>
        </section>
      )}
      <p role="status" className="ok">
        {done}
      </p>
      {error !== null && <ErrorText message={error} />}
    </>
  );
}
