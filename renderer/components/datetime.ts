// Swedish date and time entry: typed as ÅÅÅÅ-MM-DD and TT:MM whatever the browser's locale (a
// native date picker would show the operating system's format, e.g. 11/05/2020 on an English one).
import { isValidIsoDate } from '../../core/domain/calendar';
import { t } from '../i18n';

export const dateProps = { inputMode: 'numeric' as const, placeholder: 'ÅÅÅÅ-MM-DD', autoComplete: 'off', maxLength: 10 };
export const timeProps = { inputMode: 'numeric' as const, placeholder: 'TT:MM', autoComplete: 'off', maxLength: 5 };

export function dateError(v: string, required = true): string | null {
  if (v.trim() === '') return required ? t('date.missing') : null;
  return isValidIsoDate(v.trim()) ? null : t('date.invalid');
}

export function timeError(v: string, required = true): string | null {
  if (v.trim() === '') return required ? t('time.missing') : null;
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(v.trim()) ? null : t('time.invalid');
}
