// Signing the clerk's and secretary's own documents (tillkännagivande, anslagsbevis, utdrag) with a
// certificate file or a smart card, through the justering feature's signing dialog. The signed
// file replaces nothing: the signature is an incremental update of the stored PDF.
import { useMemo, useState } from 'react';
import { api } from '../../api/transport';
import { downloadPdf } from '../../api/files';
import { SignDialog, type Credential, type CredentialKind } from '../justering/SignDialog';
import { timestampText } from '../justering/format';
import { anslagStrings as s } from './strings';
import { formatDateTime } from '../../i18n';

export function SignDocument({ versionId, field, what, fileName }: { versionId: string; field: 'sig-anslag' | 'sig-anslagsbevis' | 'sig-utdragsbestyrkande'; what: string; fileName: string }) {
  const [open, setOpen] = useState<CredentialKind | null>(null);
  const [done, setDone] = useState<string[] | null>(null);
  // The signer reads the stored PDF in the dialog before signing it.
  const toRead = useMemo(() => ({ label: what, load: async () => (await api.call('documents.currentPdf', { versionId })).pdfBase64 }), [what, versionId]);

  async function sign(c: Credential): Promise<void> {
    const r = await api.call('documents.sign', { versionId, field, credential: c });
    setOpen(null);
    setDone([s.signing.done(what, r.signature.signerName, formatDateTime(r.signature.signedAt)), timestampText(r.timestamp)]);
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
        title={s.signing.title(what, open === 'pkcs11')}
        intro={s.signing.intro(what)}
        onClose={() => setOpen(null)}
        onSign={sign}
        document={toRead}
      />
    </div>
  );
}
