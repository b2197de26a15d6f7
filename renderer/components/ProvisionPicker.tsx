// Picks an OSL secrecy provision: the common ones from a list, any other as "N kap. N §".
// Loaded on demand (LazyProvisionPicker): it brings the provision list and its schema module.
import { useId, useState } from 'react';
import { OSL_PROVISION_PATTERN, commonOslProvisions } from '../../core/format/provision';
import { t } from '../i18n';

const OTHER = '__annan__';

export function provisionError(value: string): string | null {
  return OSL_PROVISION_PATTERN.test(value.trim()) ? null : t('provision.invalid');
}

export interface ProvisionPickerProps {
  value: string;
  /** `valid`: the text is a provision in the form "N kap. N §". */
  onChange: (v: string, valid: boolean) => void;
  label: string;
}

/** Controlled: `value` is the provision text ('' for none chosen yet). */
export default function ProvisionPicker({ value, onChange, label }: ProvisionPickerProps) {
  const id = useId();
  const known = commonOslProvisions.some((p) => p.provision === value);
  const [other, setOther] = useState(!known && value !== '');
  const error = other && value !== '' ? provisionError(value) : null;
  return (
    <div className="provision-picker">
      <div className="field">
        <label htmlFor={`${id}-select`}>{label}</label>
        <select
          id={`${id}-select`}
          value={other ? OTHER : value}
          onChange={(e) => {
            if (e.target.value === OTHER) {
              setOther(true);
              onChange('', false);
            } else {
              setOther(false);
              onChange(e.target.value, e.target.value !== '');
            }
          }}
        >
          <option value="">{t('provision.choose')}</option>
          {commonOslProvisions.map((p) => (
            <option key={p.provision} value={p.provision}>
              {p.provision} – {p.label}
            </option>
          ))}
          <option value={OTHER}>{t('provision.other')}</option>
        </select>
      </div>
      {other && (
        <div className="field">
          <label htmlFor={`${id}-text`}>{t('provision.otherLabel')}</label>
          <input
            id={`${id}-text`}
            value={value}
            onChange={(e) => onChange(e.target.value, provisionError(e.target.value) === null)}
            aria-invalid={error !== null}
            aria-describedby={`${id}-help${error ? ` ${id}-error` : ''}`}
            placeholder="21 kap. 7 §"
          />
          <p id={`${id}-help`} className="help">
            {t('provision.help')}
          </p>
          {error && (
            <p id={`${id}-error`} className="field-error">
              {error}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
