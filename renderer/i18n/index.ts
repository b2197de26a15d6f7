// t('key', { name: 'x' }) with {placeholders}; Swedish dates for display.
import { sv, type MessageKey } from './sv';

export type { MessageKey };

export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  return sv[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

const longDate = new Intl.DateTimeFormat('sv-SE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "torsdag 5 november 2020" from "2020-11-05". */
export function formatLongDate(iso: string): string {
  return longDate.format(new Date(`${iso}T00:00:00Z`));
}
