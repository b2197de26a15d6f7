// One version of a group's protocol: its required signers and who has signed, the actions for
// each one still to sign (certificate file, card, e-legitimation when a signing service is set,
// signing package out and back), the PDF, and the verification report.
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api } from '../../api/transport';
import type { GroupJustering, SignerState, SignResult, VersionSummary } from '../../../core/app/justering/types';
import { downloadPdf, downloadText } from '../../api/files';
import { useAction } from '../../components/async';
import { ErrorText } from '../../components/Status';
import { SignDialog, type Credential } from './SignDialog';
import { EidSettingsHint, useSignServices } from './EidSign';
import { ImportDialog } from './ImportDialog';
import { VerifyReport, type VerifyData } from './VerifyReport';
import { formatInstant, joinNames, signResultLines } from './format';
import { justeringStrings as s } from './strings';

type Open = { kind: 'p12' | 'pkcs11' | 'eid' | 'import'; signer: SignerState } | null;

export function ResultLines({ lines }: { lines: string[] }) {
  return (
    <>
      {lines.map((l, i) => (
        <p key={i}>{l}</p>
      ))}
    </>
  );
}

export function VersionSection({ group, version, announce }: { group: GroupJustering; version: VersionSummary; announce: (node: ReactNode) => void }) {
  const [open, setOpen] = useState<Open>(null);
  // The dialogs stay mounted after closing, so the native <dialog> gives focus back to the button.
  const [target, setTarget] = useState<Open>(null);
  const show = (o: NonNullable<Open>) => {
    setTarget(o);
    setOpen(o);
  };
  const [report, setReport] = useState<VerifyData | null>(null);
  const reportRef = useRef<HTMLHeadingElement>(null);
  const action = useAction();
  const services = useSignServices();
  useEffect(() => {
    if (report !== null) reportRef.current?.focus();
  }, [report]);
  const headingId = `version-${version.id}`;
  // Signing is possible on the current version of a frozen group, or a rättelse of an adjusted one.
  const signable = version.isCurrent && !version.complete && (group.status === 'frozen' || (group.status === 'adjusted' && version.versionNo > 1));
  const missing = version.signers.filter((x) => x.signature === null).length;
  // The signer reads the version's PDF as it stands now in the sign dialog.
  const toRead = useMemo(
    () => ({ label: `${group.label}, ${s.version.heading(version.versionNo)}`, load: async () => (await api.call('justering.currentPdf', { versionId: version.id })).pdfBase64 }),
    [group.label, version.id, version.versionNo],
  );

  async function sign(signer: SignerState, c: Credential): Promise<void> {
    const r: SignResult = await api.call('justering.sign', { versionId: version.id, field: signer.field, credential: c });
    setOpen(null);
    setReport(null);
    announce(<ResultLines lines={signResultLines(r)} />);
  }

  async function importSigned(signer: SignerState, pdfBase64: string): Promise<void> {
    const r = await api.call('justering.importSigned', { versionId: version.id, field: signer.field, pdfBase64 });
    setOpen(null);
    setReport(null);
    announce(<ResultLines lines={[s.result.imported(signer.name), ...signResultLines(r, true)]} />);
  }

  const exportPackage = (signer: SignerState) =>
    action.run(async () => {
      const r = await api.call('justering.exportPackage', { versionId: version.id, field: signer.field });
      downloadText(r.fileName, r.content);
      return s.version.packageSaved(r.fileName, signer.name);
    });

  const download = () =>
    action.run(async () => {
      const r = await api.call('justering.currentPdf', { versionId: version.id });
      downloadPdf(r.fileName, r.pdfBase64);
      return null;
    });

  const verify = () =>
    action.run(async () => {
      const r = await api.call('justering.verify', { versionId: version.id });
      setReport({ ...r, missing });
      return null;
    });

  const dialogTitle = (o: NonNullable<Open>) =>
    o.kind === 'p12'
      ? s.sign.p12Title(o.signer.role, o.signer.name)
      : o.kind === 'pkcs11'
        ? s.sign.cardTitle(o.signer.role, o.signer.name)
        : o.kind === 'eid'
          ? s.eid.title(o.signer.role, o.signer.name)
          : s.importDialog.title(o.signer.role, o.signer.name);

  return (
    <section className="justering-version" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {s.version.heading(version.versionNo)} <span className={`badge${version.isCurrent ? '' : ' muted'}`}>{version.isCurrent ? s.version.current : s.version.superseded}</span>
      </h3>
      <p className="muted">
        {s.version.created(formatInstant(version.createdAt))}
        {version.reason !== null && (
          <>
            {' · '}
            {s.version.reason}: {version.reason}
          </>
        )}
      </p>
      <p>{version.complete ? s.version.complete : s.version.incomplete(missing)}</p>
      <div className="table-scroll">
        <table className="data">
          <caption className="visually-hidden">{s.version.signersCaption(version.versionNo)}</caption>
          <thead>
            <tr>
              <th scope="col">{s.version.role}</th>
              <th scope="col">{s.version.name}</th>
              <th scope="col">{s.version.signed}</th>
              {signable && <th scope="col">{s.version.actions}</th>}
            </tr>
          </thead>
          <tbody>
            {version.signers.map((signer) => (
              <tr key={signer.field}>
                <td>{signer.role}</td>
                <th scope="row">{signer.name}</th>
                <td>
                  {signer.signature !== null ? (
                    <>
                      {s.version.signedAt(formatInstant(signer.signature.signedAt))}
                      {signer.signature.via === 'import' && <span className="muted"> ({s.version.viaPackage})</span>}
                      {signer.signature.identity === 'name-only' && <span className="muted"> – {s.version.nameOnly}</span>}
                      {signer.signature.identity === 'identifier' && <span className="muted"> – {s.version.identified}</span>}
                    </>
                  ) : (
                    <>
                      {s.version.waiting}
                      {signer.waitingFor.length > 0 && <span className="muted"> – {s.version.waitingFor(joinNames(signer.waitingFor))}</span>}
                    </>
                  )}
                </td>
                {signable && (
                  <td>
                    {signer.signature === null && (
                      <div className="row-actions">
                        <ActionButton text={s.version.signP12} signer={signer} onClick={() => show({ kind: 'p12', signer })} />
                        <ActionButton text={s.version.signCard} signer={signer} onClick={() => show({ kind: 'pkcs11', signer })} />
                        {services !== null && services.length > 0 && <ActionButton text={s.eid.button} signer={signer} onClick={() => show({ kind: 'eid', signer })} />}
                        <ActionButton text={s.version.exportPackage} signer={signer} secondary disabled={action.busy} onClick={() => void exportPackage(signer)} />
                        <ActionButton text={s.version.importSigned} signer={signer} secondary onClick={() => show({ kind: 'import', signer })} />
                      </div>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {signable && services !== null && services.length === 0 && <EidSettingsHint />}
      <div className="actions">
        <button type="button" className="secondary" aria-label={s.version.downloadFor(version.versionNo)} disabled={action.busy} onClick={() => void download()}>
          {s.version.download}
        </button>
        <button type="button" className="secondary" aria-label={s.version.verifyFor(version.versionNo)} disabled={action.busy} onClick={() => void verify()}>
          {s.version.verify}
        </button>
      </div>
      <div role="status">{typeof action.done === 'string' ? <p>{action.done}</p> : null}</div>
      {action.error !== null && <ErrorText message={action.error} />}
      {report !== null && <VerifyReport ref={reportRef} versionNo={version.versionNo} data={report} onClose={() => setReport(null)} />}
      {target !== null && (
        <>
          <SignDialog
            open={open !== null && open.kind !== 'import'}
            kind={target.kind === 'import' ? 'p12' : target.kind}
            title={dialogTitle(target)}
            intro={s.sign.intro(target.signer.role, target.signer.name, group.label)}
            onClose={() => setOpen(null)}
            onSign={(c) => sign(target.signer, c)}
            document={toRead}
            eid={{
              signerName: target.signer.name,
              services: services ?? [],
              start: ({ serviceId }) => api.call('justering.signEid', { versionId: version.id, field: target.signer.field, serviceId }),
              onDone: (outcome) => {
                setOpen(null);
                setReport(null);
                if (outcome.kind === 'protocol') announce(<ResultLines lines={signResultLines(outcome.result)} />);
              },
              onPackageRoute: () => {
                setOpen(null);
                void exportPackage(target.signer);
              },
            }}
          />
          <ImportDialog open={open !== null && open.kind === 'import'} title={dialogTitle(target)} onClose={() => setOpen(null)} onImport={(pdf) => importSigned(target.signer, pdf)} />
        </>
      )}
    </section>
  );
}

function ActionButton({ text, signer, onClick, secondary, disabled }: { text: string; signer: SignerState; onClick: () => void; secondary?: boolean; disabled?: boolean }) {
  return (
    <button type="button" className={`small${secondary ? ' secondary' : ''}`} aria-label={s.version.actionFor(text, signer.role, signer.name)} disabled={disabled} onClick={onClick}>
      {text}
    </button>
  );
}
