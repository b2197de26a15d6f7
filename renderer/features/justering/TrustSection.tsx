// Inställningar: the trust store. The root certificates every signature must chain to; the app
// ships none. A file is read and shown (subject, issuer, validity, SHA-256) before it is added,
// and the add names the fingerprints shown so a changed file is refused.
import { useState } from 'react';
import type { InspectedCertificate, TrustList } from '../../../core/app/trust';
import { api } from '../../api/transport';
import { fileToBase64 } from '../../api/files';
import { useQuery } from '../../api/useQuery';
import { ActionResult, DataTable, QuerySection, useAction } from '../../components/async';
import { TextField } from '../../components/fields';
import { useFileSubmit } from './useFileSubmit';
import { justeringStrings as s } from './strings';

const day = (iso: string) => iso.slice(0, 10);

export function TrustSection() {
  const q = useQuery(() => api.call('trust.list', {}), []);
  return (
    <QuerySection id="trust-heading" heading={s.trust.heading} help={s.trust.help} query={q}>
      {(list, reload) => <TrustBody list={list} reload={reload} />}
    </QuerySection>
  );
}

function TrustBody({ list, reload }: { list: TrustList; reload: () => void }) {
  const [pending, setPending] = useState<{ base64: string; certificates: InspectedCertificate[] } | null>(null);
  // Reading a file is refused at its field; adding and removing say what they did below the section.
  // In Inställningar (an ActionScope) only the latest step's message is shown.
  const file = useFileSubmit(
    async (f) => {
      const base64 = await fileToBase64(f);
      const r = await api.call('trust.inspect', { certificateBase64: base64 });
      setPending({ base64, certificates: r.certificates });
    },
    { errorAtField: true },
  );
  const action = useAction();

  const add = (p: NonNullable<typeof pending>) =>
    action.run(async () => {
      const r = await api.call('trust.add', { certificateBase64: p.base64, expectSha256: p.certificates.map((c) => c.sha256) });
      setPending(null);
      reload();
      return s.trust.added(r.added.length, r.alreadyTrusted.length);
    });

  const remove = (id: string, subject: string) =>
    action.run(async () => {
      await api.call('trust.remove', { id });
      reload();
      return s.trust.removed(subject);
    });

  return (
    <>
      {list.emptyMessage !== null ? (
        <p className="warning" role="note">
          <strong>{list.emptyMessage}</strong>
        </p>
      ) : (
        <DataTable
          caption={s.trust.caption}
          columns={[s.trust.subject, s.trust.issuer, s.trust.validity, s.trust.fingerprint, s.trust.actions]}
          items={list.anchors}
          row={(a) => (
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
                <button type="button" className="secondary small" aria-label={s.trust.removeFor(a.subject)} disabled={action.busy} onClick={() => void remove(a.id, a.subject)}>
                  {s.trust.remove}
                </button>
              </td>
            </tr>
          )}
        />
      )}
      <form onSubmit={(e) => void file.submit(e)} noValidate>
        <TextField
          label={s.trust.file}
          help={s.trust.fileHelp}
          error={file.missing ? s.trust.missingFile : file.error}
          type="file"
          accept=".pem,.crt,.cer,.der,application/x-x509-ca-cert,application/pkix-cert"
          onChange={(e) => {
            // Another file: what was shown or said about the last one no longer holds.
            setPending(null);
            action.clear();
            file.setFile(e.target.files?.[0] ?? null);
          }}
        />
        <button type="submit" className="secondary" disabled={file.busy}>
          {s.trust.show}
        </button>
      </form>
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
            <button type="button" disabled={action.busy} onClick={() => void add(pending)}>
              {s.trust.add}
            </button>
            <button type="button" className="secondary" onClick={() => setPending(null)}>
              {s.trust.cancel}
            </button>
          </div>
        </section>
      )}
      <ActionResult error={action.error} done={action.done} />
    </>
  );
}
