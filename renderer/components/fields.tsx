// Labelled form fields with help and error text wired for screen readers.
import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface Common {
  label: string;
  help?: string;
  error?: string | null;
}

function describedBy(id: string, help?: string, error?: string | null): string | undefined {
  const ids = [help ? `${id}-help` : null, error ? `${id}-error` : null].filter((x): x is string => x !== null);
  return ids.length === 0 ? undefined : ids.join(' ');
}

function Extra({ id, help, error }: { id: string; help?: string; error?: string | null }) {
  return (
    <>
      {help && (
        <p className="help" id={`${id}-help`}>
          {help}
        </p>
      )}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

export function TextField({ label, help, error, className, ...rest }: Common & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  const id = useId();
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, help, error)} {...rest} />
      <Extra id={id} help={help} error={error} />
    </div>
  );
}

export function TextArea({ label, help, error, className, ...rest }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, help, error)} {...rest} />
      <Extra id={id} help={help} error={error} />
    </div>
  );
}

export function SelectField({ label, help, error, className, children, ...rest }: Common & SelectHTMLAttributes<HTMLSelectElement> & { children: ReactNode; ref?: Ref<HTMLSelectElement> }) {
  const id = useId();
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, help, error)} {...rest}>
        {children}
      </select>
      <Extra id={id} help={help} error={error} />
    </div>
  );
}

export function CheckField({ label, help, className, ...rest }: { label: string; help?: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className={`field check ${className ?? ''}`}>
      <input id={id} type="checkbox" aria-describedby={help ? `${id}-help` : undefined} {...rest} />
      <label htmlFor={id}>{label}</label>
      {help && (
        <p className="help" id={`${id}-help`}>
          {help}
        </p>
      )}
    </div>
  );
}
