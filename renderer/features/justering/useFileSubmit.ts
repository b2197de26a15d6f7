// A form around one chosen file: submitting without a file marks the field and focuses it;
// otherwise `run` gets the file as an action (components/async.tsx: busy flag, success line,
// refusal as the error to show). `errorAtField` focuses the file field after a refusal (the caller
// shows the error at the field).
import { useState, type FormEvent, type ReactNode } from 'react';
import { useAction } from '../../components/async';

export function useFileSubmit(
  run: (file: File) => Promise<ReactNode | void>,
  options: { errorAtField?: boolean } = {},
): {
  setFile: (file: File | null) => void;
  missing: boolean;
  error: string | null;
  done: ReactNode;
  busy: boolean;
  submit: (e: FormEvent<HTMLFormElement>) => Promise<void>;
} {
  const action = useAction();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>): Promise<void> {
    e.preventDefault();
    const input = e.currentTarget.querySelector<HTMLElement>('input[type="file"]');
    if (file === null) {
      action.clear();
      setMissing(true);
      input?.focus();
      return;
    }
    setMissing(false);
    const ok = await action.run(async () => (await run(file)) ?? null);
    if (!ok && options.errorAtField === true) input?.focus();
  }

  const choose = (f: File | null) => {
    // Another file: what was said about the last one no longer holds.
    action.clear();
    setMissing(false);
    setFile(f);
  };

  return { setFile: choose, missing, error: action.error, done: action.done, busy: action.busy, submit };
}
