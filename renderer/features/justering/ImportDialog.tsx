// Taking back a PDF signed elsewhere (the signing package came back): the file is read in the
// browser and checked by justering.importSigned; a refusal keeps the dialog open.
import { useState, type FormEvent } from 'react';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/fields';
import { fileToBase64 } from '../../api/files';
import { errorMessage, ErrorText } from '../../components/async';
import { justeringStrings as s } from './strings';

export function ImportDialog({ open, title, onClose, onImport }: { open: boolean; title: string; onClose: () => void; onImport: (pdfBase64: string) => Promise<void> }) {
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <ImportForm onCancel={onClose} onImport={onImport} />
    </Dialog>
  );
}

function ImportForm({ onCancel, onImport }: { onCancel: () => void; onImport: (pdfBase64: string) => Promise<void> }) {
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (file === null) {
      setMissing(true);
      e.currentTarget.querySelector<HTMLElement>('input[type="file"]')?.focus();
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      await onImport(await fileToBase64(file));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <TextField
        label={s.importDialog.file}
        help={s.importDialog.fileHelp}
        error={missing ? s.importDialog.missingFile : null}
        type="file"
        accept=".pdf,application/pdf"
        onChange={(e) => setFile(e.target.files?.[0] ?? null)}
      />
      {error !== null && <ErrorText message={error} />}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {s.importDialog.submit}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {s.sign.cancel}
        </button>
      </div>
    </form>
  );
}
