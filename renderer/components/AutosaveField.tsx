// A text field saved as you type (autosave): local state for the keystrokes, the save op read
// when the delay has passed, errors from the back end shown under the field.
import { useEffect, useRef, useState } from 'react';
import { autosave, observe, type AnySaveOp } from '../api/autosave';
import { TextArea, TextField } from './fields';
import type { InputHTMLAttributes } from 'react';

interface Props {
  label: string;
  initial: string;
  saveKey: string;
  /** The save for a value; null to skip (e.g. not valid yet — return an error via validate). */
  toOp: (value: string) => AnySaveOp | null;
  /** Checks before saving; the message is shown and nothing is saved. */
  validate?: (value: string) => string | null;
  onLocal?: (value: string) => void;
  help?: string;
  multiline?: boolean;
  rows?: number;
  type?: InputHTMLAttributes<HTMLInputElement>['type'];
  className?: string;
  disabled?: boolean;
  autoComplete?: string;
}

export function AutosaveField({ label, initial, saveKey, toOp, validate, onLocal, help, multiline, rows, type, className, disabled, autoComplete }: Props) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(value);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
      autosave.flushKey(saveKey);
    };
  }, [saveKey]);

  const produce = (): AnySaveOp | null => {
    const v = latest.current;
    const problem = validate?.(v) ?? null;
    if (live.current) setError(problem);
    if (problem !== null) return null;
    onLocal?.(v);
    const op = toOp(v);
    if (op === null) return null;
    return observe(
      op,
      () => live.current && setError(null),
      (e) => live.current && setError(e.message),
    );
  };
  const change = (v: string) => {
    latest.current = v;
    setValue(v);
    autosave.change(saveKey, produce);
  };
  const common = {
    label,
    help,
    error,
    className,
    disabled,
    value,
    onBlur: () => autosave.flushKey(saveKey),
  };
  return multiline ? (
    <TextArea {...common} rows={rows ?? 3} onChange={(e) => change(e.target.value)} />
  ) : (
    <TextField {...common} type={type ?? 'text'} autoComplete={autoComplete ?? 'off'} onChange={(e) => change(e.target.value)} />
  );
}
