// t('key', { name: 'x' }) with {placeholders}; Swedish by default, English as a second catalogue
// (chosen in the header, remembered in localStorage). Dates and times are always Swedish.
import { sv, type MessageKey } from './sv';
import { en } from './en';

export type { MessageKey };
export type Language = 'sv' | 'en';

const catalogues: Record<Language, Record<MessageKey, string>> = { sv, en };

function initialLanguage(): Language {
  try {
    return localStorage.getItem('justera.lang') === 'en' ? 'en' : 'sv';
  } catch {
    return 'sv';
  }
}

let language: Language = initialLanguage();

export function currentLanguage(): Language {
  return language;
}

/** Switches the catalogue and reloads the page so every screen renders in it. */
export function setLanguage(lang: Language): void {
  try {
    localStorage.setItem('justera.lang', lang);
  } catch {
    // Not remembered; still switch for this page.
  }
  language = lang;
  window.location.reload();
}

export function t(key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text = catalogues[language][key] ?? sv[key];
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

const longDate = new Intl.DateTimeFormat('sv-SE', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const dayMonth = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "torsdag 5 november 2020" from "2020-11-05". */
export function formatLongDate(iso: string): string {
  return longDate.format(new Date(`${iso}T00:00:00Z`));
}

/** "5 november 2020". */
export function formatDate(iso: string): string {
  return dayMonth.format(new Date(`${iso}T00:00:00Z`));
}

/** "09:00–10:30" or "09:00". */
export function formatTimes(start: string, end: string | undefined | null): string {
  return end ? `${start}–${end}` : start;
}

const stockholmDateTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** "2020-11-05 10:40", Swedish local time, from an ISO instant ("2020-11-05T09:40:00.000Z"); the input when it is no date. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = Object.fromEntries(stockholmDateTime.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`;
}
