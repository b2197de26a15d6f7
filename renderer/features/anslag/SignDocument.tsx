// Signing the clerk's and secretary's own documents (tillkännagivande, anslagsbevis, utdrag) with a
// certificate file, a smart card or — when the municipality's signing service is set — with
// e-legitimation (documents.signEid, the person the document names signs: documents.list's
// nextSignature), through the justering feature's signing dialog. The signed file replaces
// nothing: the signature is an incremental update of the stored PDF.
import { useMemo, useState } from 'react';
import { api } from '../../api/transport';
import { downloadPdf } from '../../api/files';
import { useQuery } from '../../api/useQuery';
import type { DocumentSignResult } from '../../../core/app/justering/documents';
import { SignDialog, type Credential, type CredentialKind } from '../justering/SignDialog';
import { timestampText } from '../justering/format';
import { anslagStrings as s } from './strings';
import { formatDateTime } from '../../i18n';

/** The signing services and who must sign this document, when e-legitimation can be offered. */
function useEidSigner(meetingId: string, versionId: string) {
  const q = useQuery(async () => {
    const { services } = await api.call('settings.signServices.list', {});
    if (services.length === 0) return null;
    const list = await api.call('documents.list', { meetingId });
    const signer = list.meetings.flatMap((m) => m.documents).find((d) => d.versionId === versionId)?.nextSignature ?? null;
    return signer === null ? null : { services, signerName: signer.name };
  }, [meetingId, versionId]);
  return q.status === 'ready' ? q.data : null;
}

export function SignDocument({
  meetingId,
  versionId,
  field,
  what,
  fileName,
}: {
  meetingId: string;
  versionId: string;
  field: 'sig-anslag' | 'sig-anslagsbevis' | 'sig-utdragsbestyrkande';
  what: string;
  fileName: string;
}) {
  const [open, setOpen] = useState<CredentialKind | 'eid' | null>(null);
  const eid = useEidSigner(meetingId, versionId);
  const [done, setDone] = useState<string[] | null>(null);
  // The signer reads the stored PDF in the dialog before signing it.
  const toRead = useMemo(() => ({ label: what, load: async () => (await api.call('documents.currentPdf', { versionId })).pdfBase64 }), [what, versionId]);

  function signed(r: DocumentSignResult): void {
    setOpen(null);
    setDone([s.signing.done(what, r.signature.signerName, formatDateTime(r.signature.signedAt)), timestampText(r.timestamp)]);
  }

  async function sign(c: Credential): Promise<void> {
    signed(await api.call('documents.sign', { versionId, field, credential: c }));
  }

  async function downloadSigned(): Promise<void> {
    const d = await api.call('documents.currentPdf', { versionId });
    downloadPdf(fileName, d.pdfBase64);
  }

  return (
    <div className="actions">
      {done === null ? (
        <>
          <button type="button" className="secondary" onClick={() => setOpen('p12')}>
            {s.signing.withFile(what)}
          </button>
          <button type="button" className="secondary" onClick={() => setOpen('pkcs11')}>
            {s.signing.withCard(what)}
          </button>
          {eid !== null && (
            <button type="button" className="secondary" onClick={() => setOpen('eid')}>
              {s.signing.withEid(what)}
            </button>
          )}
        </>
      ) : (
        <>
          {/* Shown inside the posting result, itself a live region that announces it. */}
          <div>
            {done.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
          <button type="button" className="secondary" onClick={() => void downloadSigned()}>
            {s.signing.downloadSigned(what)}
          </button>
        </>
      )}
      <SignDialog
        open={open !== null}
        kind={open ?? 'p12'}
        title={open === 'eid' && eid !== null ? s.signing.titleEid(what, eid.signerName) : s.signing.title(what, open === 'pkcs11')}
        intro={s.signing.intro(what)}
        onClose={() => setOpen(null)}
        onSign={sign}
        document={toRead}
        eid={
          eid === null
            ? undefined
            : {
                signerName: eid.signerName,
                subject: 'document',
                services: eid.services,
                start: ({ serviceId }) => api.call('documents.signEid', { versionId, field, serviceId }),
                onDone: (outcome) => {
                  if (outcome.kind === 'document') signed(outcome.result);
                },
                onFileRoute: () => setOpen('p12'),
              }
        }
      />
    </div>
  );
}
