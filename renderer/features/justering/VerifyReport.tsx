// The verification report of a version's current file: one row per signature field (signer,
// certificate, time, PAdES level, valid or its problems, whether it covers the whole file), the
// file's own facts, and the verdict in words.
import type { Ref } from 'react';
import type { ValidationSummary } from '../../../core/app/justering/types';
import { fieldLabel, formatInstant, levelText, verdictText, trustText } from './format';
import { t } from '../../i18n';
import { justeringStrings as s } from './strings';

export type VerifyData = ValidationSummary & { sha256: string; signedFields: string[]; requiredFields: string[]; missing: number };

/** `heading` and `complete` replace the protocol's wording for other documents (an anslagsbevis is not "justerat"). */
export function VerifyReport({
  ref,
  versionNo,
  data,
  onClose,
  heading,
  complete,
}: {
  ref?: Ref<HTMLHeadingElement>;
  versionNo: number;
  data: VerifyData;
  onClose: () => void;
  heading?: string;
  complete?: string;
}) {
  const ok = data.accepted && !data.modifiedAfterLastSignature && data.signatures.every((x) => x.valid);
  const headingId = `verify-${versionNo}`;
  return (
    <section className={`justering-report ${ok ? 'ok' : 'bad'}`} aria-labelledby={headingId}>
      <h4 id={headingId} ref={ref} tabIndex={-1}>
        {heading ?? s.verify.heading(versionNo)}
      </h4>
      <p className="justering-verdict">
        <strong>{ok && data.missing === 0 && complete !== undefined ? complete : verdictText(data, data.missing)}</strong>
      </p>
      {data.signatures.length > 0 && (
        <div className="table-scroll">
          <table className="data">
            <caption>{s.verify.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{s.verify.field}</th>
                <th scope="col">{s.verify.signer}</th>
                <th scope="col">{s.verify.certificate}</th>
                <th scope="col">{s.verify.time}</th>
                <th scope="col">{s.verify.level}</th>
                <th scope="col">{s.verify.wholeFile}</th>
                <th scope="col">{s.verify.trust}</th>
                <th scope="col">{s.verify.result}</th>
              </tr>
            </thead>
            <tbody>
              {data.signatures.map((sig, i) => (
                <tr key={`${sig.field ?? ''}-${i}`}>
                  <th scope="row">{sig.field === null ? '–' : fieldLabel(sig.field)}</th>
                  <td>{sig.signerName ?? '–'}</td>
                  <td className="justering-subject">{sig.certificateSubject ?? '–'}</td>
                  <td>{sig.signedAt === null ? '–' : formatInstant(sig.signedAt)}</td>
                  <td>{levelText(sig.level)}</td>
                  <td>{sig.coversWholeFile ? s.verify.yes : s.verify.no}</td>
                  <td>
                    {trustText(sig)}
                    <br />
                    <span className="muted">{s.verify.checkedAt(formatInstant(sig.validityTime.at), sig.validityTime.source)}</span>
                    {sig.revocation !== undefined && sig.trusted === true && (
                      <>
                        <br />
                        <span className={sig.revocation.status === 'good' ? 'muted' : 'warning-cell'} title={sig.revocation.message}>
                          {s.verify.revocation(sig.revocation.status)}
                        </span>
                      </>
                    )}
                  </td>
                  <td>
                    <strong>{sig.valid ? s.verify.valid : s.verify.invalid}</strong>
                    {sig.problems.length > 0 && (
                      <ul>
                        {sig.problems.map((p, j) => (
                          <li key={j}>{p}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>{data.modifiedAfterLastSignature ? s.verify.modified : s.verify.notModified}</p>
      <details>
        <summary>{t('details.show')}</summary>
        <p className="muted justering-subject">{s.verify.fileFacts(data.fileLength, data.sha256)}</p>
      </details>
      {(data.warnings ?? []).length > 0 && (
        <>
          <h5>{s.verify.warnings}</h5>
          <ul>
            {(data.warnings ?? []).map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </>
      )}
      {data.problems.length > 0 && (
        <>
          <h5>{s.verify.problems}</h5>
          <ul>
            {data.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="secondary small" onClick={onClose}>
        {s.verify.close}
      </button>
    </section>
  );
}
