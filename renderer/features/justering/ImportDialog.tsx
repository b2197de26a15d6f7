// Taking back a PDF signed elsewhere (the signing package came back): the file is read in the
// browser and checked by justering.importSigned; a refusal keeps the dialog open.
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/fields';
import { fileToBase64 } from '../../api/files';
import { ErrorText } from '../../components/Status';
import { useFileSubmit } from './useFileSubmit';
import { justeringStrings as s } from './strings';

export function ImportDialog({ open, title, onClose, onImport }: { open: boolean; title: string; onClose: () => void; onImport: (pdfBase64: string) => Promise<void> }) {
  return (
    <Dialog open={open} title={title} onClose={onClose}>
      <ImportForm onCancel={onClose} onImport={onImport} />
    </Dialog>
  );
}

function ImportForm({ onCancel, onImport }: { onCancel: () => void; onImport: (pdfBase64: string) => Promise<void> }) {
  const { setFile, missing, error, busy, submit } = useFileSubmit(async (file) => onImport(await fileToBase64(file)));

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
