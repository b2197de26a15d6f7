// A form around one chosen file: submitting without a file marks the field and focuses it;
// otherwise `run` gets the file, with a busy flag, and a refusal is kept as the error to show.
import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../api/errors';

export function useFileSubmit(run: (file: File) => Promise<void>): {
  setFile: (file: File | null) => void;
  missing: boolean;
  error: string | null;
  busy: boolean;
  submit: (e: FormEvent<HTMLFormElement>) => Promise<void>;
} {
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>): Promise<void> {
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
      await run(file);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return { setFile, missing, error, busy, submit };
}
