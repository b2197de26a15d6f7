// Inställningar: the certificate revocation lists (CRLs) revocation is checked against, offline.
// The administrator imports the issuers' CRLs; an out-of-date one is marked (its certificates get
// "spärrstatus okänd"). Import refuses forged, stale and delta CRLs with the reason, at the field.
import type { TrustList } from '../../../core/app/trust';
import { api } from '../../api/transport';
import { fileToBase64 } from '../../api/files';
import { useQuery } from '../../api/useQuery';
import { ActionResult, DataTable, QuerySection, useAction } from '../../components/async';
import { TextField } from '../../components/fields';
import { formatDateTime } from '../../i18n';
import { useFileSubmit } from './useFileSubmit';
import { justeringStrings as s } from './strings';

export function CrlSection() {
  const q = useQuery(() => api.call('trust.list', {}), []);
  return (
    <QuerySection id="crl-heading" heading={s.crl.heading} help={s.crl.help} query={q}>
      {(list, reload) => <CrlBody crls={list.crls} reload={reload} />}
    </QuerySection>
  );
}

function CrlBody({ crls, reload }: { crls: TrustList['crls']; reload: () => void }) {
  const file = useFileSubmit(
    async (f) => {
      const r = await api.call('trust.addCrl', { crlBase64: await fileToBase64(f) });
      reload();
      return [r.added.length > 0 ? s.crl.added(r.added.length) : s.crl.already, ...r.notes].join(' ');
    },
    { errorAtField: true },
  );
  const action = useAction();

  const remove = (id: string, issuer: string) =>
    action.run(async () => {
      await api.call('trust.removeCrl', { id });
      reload();
      return s.crl.removed(issuer);
    });

  return (
    <>
      {crls.length === 0 ? (
        <p className="help">{s.crl.none}</p>
      ) : (
        <DataTable
          caption={s.crl.caption}
          columns={[s.crl.issuer, s.crl.thisUpdate, s.crl.nextUpdate, s.crl.revoked, s.crl.status, s.crl.actions]}
          items={crls}
          row={(c) => (
            <tr key={c.id}>
              <th scope="row" className="justering-subject">
                {c.issuer}
              </th>
              <td>{formatDateTime(c.thisUpdate)}</td>
              <td>{c.nextUpdate === null ? '–' : formatDateTime(c.nextUpdate)}</td>
              <td>{c.revokedCount}</td>
              <td>{c.stale ? <strong>{s.crl.stale}</strong> : s.crl.current}</td>
              <td>
                <button type="button" className="secondary small" aria-label={s.crl.removeFor(c.issuer)} disabled={action.busy} onClick={() => void remove(c.id, c.issuer)}>
                  {s.crl.remove}
                </button>
              </td>
            </tr>
          )}
        />
      )}
      <form onSubmit={(e) => void file.submit(e)} noValidate>
        <TextField
          label={s.crl.file}
          help={s.crl.fileHelp}
          error={file.missing ? s.crl.missingFile : file.error}
          type="file"
          accept=".crl,.pem,application/pkix-crl"
          onChange={(e) => {
            action.clear();
            file.setFile(e.target.files?.[0] ?? null);
          }}
        />
        <button type="submit" className="secondary" disabled={file.busy}>
          {s.crl.import}
        </button>
      </form>
      <ActionResult error={action.error} done={action.done ?? file.done} />
    </>
  );
}
