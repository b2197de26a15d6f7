// The signing dialog: a certificate file (.p12/.pfx, read in the browser as base64, with its
// password), a smart card (PKCS#11 module, the card chosen among the readers, PIN), or
// e-legitimation through the municipality's signing service (EidSign.tsx). The caller does the
// signing with the credential; an error keeps the dialog open and is announced.
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/fields';
import { fileToBase64 } from '../../api/files';
import { ErrorText } from '../../components/Status';
import { errorMessage } from '../../api/errors';
import { ModulePicker } from './ModulePicker';
import { SlotPicker } from './SlotPicker';
import { EidSign, type EidSignProps } from './EidSign';
import { justeringStrings as s } from './strings';
import type { Credential, CredentialKind } from '../../../core/api/contracts/credential';
import { DocumentToRead, type DocumentSource } from '../preview/DocumentToRead';

export type { Credential, CredentialKind };

export function SignDialog({
  open,
  kind,
  title,
  intro,
  onClose,
  onSign,
  document,
  eid,
}: {
  open: boolean;
  kind: CredentialKind | 'eid';
  title: string;
  intro: string;
  onClose: () => void;
  onSign: (c: Credential) => Promise<void>;
  /** The PDF being signed, shown whole before the credential is asked for. */
  document?: DocumentSource;
  /** What "Skriv under med e-legitimation" needs (kind 'eid'). */
  eid?: Omit<EidSignProps, 'onClose'> | undefined;
}) {
  return (
    <Dialog open={open} title={title} onClose={onClose} wide={document !== undefined}>
      {document !== undefined && <DocumentToRead source={document} />}
      {kind === 'eid' ? eid !== undefined && <EidSign {...eid} onClose={onClose} /> : <CredentialForm kind={kind} intro={intro} onCancel={onClose} onSign={onSign} />}
    </Dialog>
  );
}

type Errors = Partial<Record<'file' | 'password' | 'module' | 'pin', string>>;

function CredentialForm({ kind, intro, onCancel, onSign }: { kind: CredentialKind; intro: string; onCancel: () => void; onSign: (c: Credential) => Promise<void> }) {
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [moduleId, setModuleId] = useState('');
  const [tokenSerial, setTokenSerial] = useState('');
  const [pin, setPin] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: Errors = {};
    if (kind === 'p12') {
      if (file === null) next.file = s.sign.missingFile;
      if (password === '') next.password = s.sign.missingPassword;
    } else {
      if (moduleId === '') next.module = s.sign.missingModule;
      if (pin === '') next.pin = s.sign.missingPin;
    }
    setErrors(next);
    setError(null);
    if (Object.keys(next).length > 0) {
      const form = e.currentTarget as HTMLFormElement;
      form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setBusy(true);
    try {
      if (kind === 'p12' && file !== null) {
        await onSign({ kind: 'p12', p12Base64: await fileToBase64(file), password });
      } else {
        await onSign({ kind: 'pkcs11', moduleId, ...(tokenSerial === '' ? {} : { tokenSerial }), pin });
      }
    } catch (err) {
      setError(errorMessage(err));
      setPin('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <p>{intro}</p>
      {kind === 'p12' ? (
        <>
          <TextField label={s.sign.p12File} help={s.sign.p12FileHelp} error={errors.file} type="file" accept=".p12,.pfx,application/x-pkcs12" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          <TextField label={s.sign.password} error={errors.password} type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} />
        </>
      ) : (
        <>
          <ModulePicker value={moduleId} onChange={setModuleId} error={errors.module} />
          <SlotPicker moduleId={moduleId} value={tokenSerial} onChange={setTokenSerial} />
          <TextField label={s.sign.pin} error={errors.pin} type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value)} />
        </>
      )}
      {error !== null && <ErrorText message={error} />}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? s.sign.signing : s.sign.submit}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {s.sign.cancel}
        </button>
      </div>
      <p role="status" className="visually-hidden">
        {busy ? s.sign.signing : ''}
      </p>
    </form>
  );
}
