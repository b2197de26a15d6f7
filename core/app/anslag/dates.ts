// Calendar days as a Swedish clerk counts them: the day in Europe/Stockholm, whatever the
// machine's time zone, and the same day written as an instant for feeds (RFC 3339).
import { AppError } from '../../api/errors';

const ZONE = 'Europe/Stockholm';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

/** The date (ÅÅÅÅ-MM-DD) in Sweden at the instant given (a Date or an ISO 8601 date-time). */
export function stockholmDate(instant: Date | string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) {
    throw new AppError('validation', `Ogiltig tidpunkt: "${String(instant)}". Ange datum och tid enligt ISO 8601, t.ex. 2020-11-05T10:30:00+01:00.`);
  }
  const parts = dayFormat.formatToParts(date);
  return `${part(parts, 'year')}-${part(parts, 'month')}-${part(parts, 'day')}`;
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "2020-11-05 10:40": an instant as a Swedish reader expects it in a message (never raw UTC); the input when it is no instant. */
export function stockholmDateTime(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const parts = timeFormat.formatToParts(date);
  return `${stockholmDate(date)} ${part(parts, 'hour')}:${part(parts, 'minute')}`;
}

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' });

/** "+01:00" in winter, "+02:00" in summer: Sweden's offset from UTC at noon on that day. */
export function stockholmOffset(isoDate: string): string {
  const noon = new Date(`${isoDate}T12:00:00Z`);
  const name = part(offsetFormat.formatToParts(noon), 'timeZoneName'); // "GMT+01:00"
  const m = /GMT([+-]\d{2}:\d{2})?/.exec(name);
  return m?.[1] ?? '+00:00';
}

/** Midnight at the start of a Swedish day, e.g. "2020-11-06T00:00:00+01:00". */
export function stockholmMidnight(isoDate: string): string {
  return `${isoDate}T00:00:00${stockholmOffset(isoDate)}`;
}

/** Whole days from `a` to `b` (positive when b is later); both ÅÅÅÅ-MM-DD. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
