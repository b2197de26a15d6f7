// Inställningar: the certificate revocation lists (CRLs) revocation is checked against, offline.
// The administrator imports the issuers' CRLs; an out-of-date one is marked (its certificates get
// "spärrstatus okänd"). Import refuses forged, stale and delta CRLs with the reason.
import { useState } from 'react';
import type { TrustList } from '../../../core/app/trust';
import { api } from '../../api/transport';
import { errorMessage } from '../../api/errors';
import { fileToBase64 } from '../../api/files';
import { useQuery } from '../../api/useQuery';
import { TextField } from '../../components/fields';
import { ErrorBox, ErrorText, Loading } from '../../components/Status';
import { formatDateTime } from '../../i18n';
import { useFileSubmit } from './useFileSubmit';
import { justeringStrings as s } from './strings';

export function CrlSection() {
  const q = useQuery(() => api.call('trust.list', {}), []);
  return (
    <section className="card" aria-labelledby="crl-heading">
      <h2 id="crl-heading">{s.crl.heading}</h2>
      <p className="help">{s.crl.help}</p>
      {q.status === 'loading' && <Loading />}
      {q.status === 'error' && <ErrorBox message={q.message} onRetry={q.reload} />}
      {q.status === 'ready' && <CrlBody crls={q.data.crls} reload={q.reload} />}
    </section>
  );
}

function CrlBody({ crls, reload }: { crls: TrustList['crls']; reload: () => void }) {
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const {
    setFile,
    missing,
    error: importError,
    busy,
    submit,
  } = useFileSubmit(async (file) => {
    setDone(null);
    const r = await api.call('trust.addCrl', { crlBase64: await fileToBase64(file) });
    setDone([r.added.length > 0 ? s.crl.added(r.added.length) : s.crl.already, ...r.notes].join(' '));
    reload();
  });

  async function remove(id: string, issuer: string) {
    setError(null);
    try {
      await api.call('trust.removeCrl', { id });
      setDone(s.crl.removed(issuer));
      reload();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <>
      {crls.length === 0 ? (
        <p className="help">{s.crl.none}</p>
      ) : (
        <div className="table-scroll">
          <table className="data">
            <caption>{s.crl.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{s.crl.issuer}</th>
                <th scope="col">{s.crl.thisUpdate}</th>
                <th scope="col">{s.crl.nextUpdate}</th>
                <th scope="col">{s.crl.revoked}</th>
                <th scope="col">{s.crl.status}</th>
                <th scope="col">{s.crl.actions}</th>
              </tr>
            </thead>
            <tbody>
              {crls.map((c) => (
                <tr key={c.id}>
                  <th scope="row" className="justering-subject">
                    {c.issuer}
                  </th>
                  <td>{formatDateTime(c.thisUpdate)}</td>
                  <td>{c.nextUpdate === null ? '–' : formatDateTime(c.nextUpdate)}</td>
                  <td>{c.revokedCount}</td>
                  <td>{c.stale ? <strong>{s.crl.stale}</strong> : s.crl.current}</td>
                  <td>
                    <button type="button" className="secondary small" aria-label={s.crl.removeFor(c.issuer)} onClick={() => void remove(c.id, c.issuer)}>
                      {s.crl.remove}
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
          label={s.crl.file}
          help={s.crl.fileHelp}
          error={missing ? s.crl.missingFile : null}
          type="file"
          accept=".crl,.pem,application/pkix-crl"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <button type="submit" className="secondary" disabled={busy}>
          {s.crl.import}
        </button>
      </form>
      {importError !== null && <ErrorText message={importError} />}
      <p role="status" className="ok">
        {done}
      </p>
      {error !== null && <ErrorText message={error} />}
    </>
  );
}
