// Swedish statutory dates: public holidays (Lag (1989:253) om allmänna helgdagar), closed days
// and deadline counting (Lag (1930:173) om beräkning av lagstadgad tid), and the periods of
// justering (KL 5 kap. 69 §), posting the notice (KL 8 kap. 12 §) and appeal (KL 13 kap. 5 §).
//
// Dates are ISO strings 'YYYY-MM-DD'. Arithmetic goes through UTC day numbers so that no local
// time zone or daylight-saving shift can move a date. Supported years are 1583..9999: the
// Gregorian computus starts in 1583 and the string form has four year digits.
//
// The current holiday law is applied to every year; earlier rules (e.g. Annandag pingst before
// 2005, no holiday on 6 June before 2005) are not modelled, since protocols are handled
// close to their own time.

import { AppError } from '../api/errors';

export const MIN_YEAR = 1583;
export const MAX_YEAR = 9999;

/** KL 5 kap. 69 §: the protocol is adjusted at the latest 14 days after the meeting. */
export const JUSTERING_DAYS = 14;
/** KL 8 kap. 12 §: the notice is posted at the latest the second day after justering. */
export const POST_BY_DAYS = 2;
/** KL 13 kap. 5 §: three weeks from the day the notice was posted. */
export const APPEAL_DAYS = 21;

const MS_PER_DAY = 86_400_000;
const ISO_FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface Holiday {
  date: string;
  name: string;
}

export interface AppealPeriod {
  posted: string;
  /** Three weeks after posting, before moving past closed days. */
  nominalLastDay: string;
  lastAppealDay: string;
  /** The earliest day the notice may be taken down: the day after lastAppealDay. */
  takeDown: string;
}

/** The end of a statutory period: `nominal` as counted, `date` after moving past closed days. */
export interface PeriodEnd {
  nominal: string;
  date: string;
}

function invalidDate(value: string, field?: string): AppError {
  const what = field === undefined ? 'Ogiltigt datum' : `Ogiltigt datum för ${field}`;
  const message = `${what}: "${value}". Ange ett datum på formen ÅÅÅÅ-MM-DD mellan ${MIN_YEAR}-01-01 och ${MAX_YEAR}-12-31, t.ex. 2020-11-06.`;
  return new AppError('validation', message, field === undefined ? undefined : { issues: [{ path: field, message }] });
}

/** Day number (days since 1970-01-01) of a valid ISO date, or null. */
function toDayNumber(s: string): number | null {
  const m = ISO_FORMAT.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < MIN_YEAR || y > MAX_YEAR || mo < 1 || mo > 12 || d < 1) return null;
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls 2021-02-29 over to March; a round trip exposes it.
  if (new Date(ms).getUTCDate() !== d) return null;
  return ms / MS_PER_DAY;
}

function fromDayNumber(n: number): string {
  const date = new Date(n * MS_PER_DAY);
  const y = date.getUTCFullYear();
  if (y < MIN_YEAR || y > MAX_YEAR) {
    throw new AppError('validation', `Datumet hamnar utanför det som stöds (${MIN_YEAR}-01-01–${MAX_YEAR}-12-31).`);
  }
  return date.toISOString().slice(0, 10);
}

function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function dayNumber(iso: string, field?: string): number {
  const n = toDayNumber(iso);
  if (n === null) throw invalidDate(iso, field);
  return n;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new AppError('validation', `Ogiltigt år: ${year}. Ange ett heltal mellan ${MIN_YEAR} och ${MAX_YEAR}.`);
  }
}

/** True for a real calendar date written ÅÅÅÅ-MM-DD in the supported years. */
export function isValidIsoDate(s: string): boolean {
  return toDayNumber(s) !== null;
}

/** Throws AppError('validation') naming `field` when `s` is not a valid date. */
export function assertIsoDate(s: string, field?: string): void {
  dayNumber(s, field);
}

export function addDays(iso: string, n: number): string {
  if (!Number.isInteger(n)) throw new AppError('validation', `Antalet dagar måste vara ett heltal, inte ${n}.`);
  return fromDayNumber(dayNumber(iso) + n);
}

/** 0 = Monday … 6 = Sunday (Swedish weeks start on Monday). */
export function weekday(iso: string): number {
  // 1970-01-01 was a Thursday (3 when Monday is 0).
  return (((dayNumber(iso) + 3) % 7) + 7) % 7;
}

const WEEKDAY_NAMES = ['måndag', 'tisdag', 'onsdag', 'torsdag', 'fredag', 'lördag', 'söndag'] as const;

/** The Swedish weekday name in lower case, as written in running text: 'fredag'. */
export function weekdayName(iso: string): string {
  return WEEKDAY_NAMES[weekday(iso)] as string;
}

/** Negative, zero or positive like a sort comparator; ISO strings order as text once valid. */
export function compareIso(a: string, b: string): number {
  return Math.sign(dayNumber(a) - dayNumber(b));
}

/** Easter Sunday by the Gregorian computus (the anonymous algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  checkYear(year);
  const golden = year % 19; // position in the 19-year Metonic cycle
  const century = Math.floor(year / 100);
  const yearInCentury = year % 100;
  const leapSkips = Math.floor(century / 4);
  const lunarCorrection = Math.floor((century + 8) / 25);
  const solarCorrection = Math.floor((century - lunarCorrection + 1) / 3);
  // Days from 21 March to the paschal full moon (the epact, corrected).
  const fullMoon = (19 * golden + century - leapSkips - solarCorrection + 15) % 30;
  // Days from the full moon to the next Sunday.
  const toSunday = (32 + 2 * (century % 4) + 2 * Math.floor(yearInCentury / 4) - fullMoon - (yearInCentury % 4)) % 7;
  // Corrects the rare years where the rule would give 26 April or a too late 25 April.
  const exception = Math.floor((golden + 11 * fullMoon + 22 * toSunday) / 451);
  const offset = fullMoon + toSunday - 7 * exception + 114;
  return ymd(year, Math.floor(offset / 31), (offset % 31) + 1);
}

/** The first date on or after `from` with the given weekday (0 = Monday). */
function weekdayOnOrAfter(from: string, wd: number): string {
  return addDays(from, (wd - weekday(from) + 7) % 7);
}

const SATURDAY = 5;
const SUNDAY = 6;

/** Midsommardagen: the Saturday in 20–26 June. */
function midsummerDay(year: number): string {
  return weekdayOnOrAfter(ymd(year, 6, 20), SATURDAY);
}

/** Public holidays of a year under Lag (1989:253), sorted by date; Sundays are not listed. */
export function swedishPublicHolidays(year: number): Holiday[] {
  checkYear(year);
  const easter = easterSunday(year);
  const holidays: Holiday[] = [
    { date: ymd(year, 1, 1), name: 'Nyårsdagen' },
    { date: ymd(year, 1, 6), name: 'Trettondedag jul' },
    { date: addDays(easter, -2), name: 'Långfredagen' },
    { date: easter, name: 'Påskdagen' },
    { date: addDays(easter, 1), name: 'Annandag påsk' },
    { date: ymd(year, 5, 1), name: 'Första maj' },
    { date: addDays(easter, 39), name: 'Kristi himmelsfärdsdag' },
    { date: addDays(easter, 49), name: 'Pingstdagen' },
    { date: ymd(year, 6, 6), name: 'Sveriges nationaldag' },
    { date: midsummerDay(year), name: 'Midsommardagen' },
    { date: weekdayOnOrAfter(ymd(year, 10, 31), SATURDAY), name: 'Alla helgons dag' },
    { date: ymd(year, 12, 25), name: 'Juldagen' },
    { date: ymd(year, 12, 26), name: 'Annandag jul' },
  ];
  // Stable sort: holidays sharing a date (Första maj and Kristi himmelsfärdsdag in 2008,
  // Pingstdagen and Sveriges nationaldag in 2049) keep the order of this list.
  return holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** Midsommarafton: the Friday before Midsommardagen. */
export function midsummerEve(year: number): string {
  checkYear(year);
  return addDays(midsummerDay(year), -1);
}

// Computing a year's holidays is cheap, but deadline loops ask for the same year repeatedly.
const holidayCache = new Map<number, Holiday[]>();
function holidaysOf(year: number): Holiday[] {
  let list = holidayCache.get(year);
  if (!list) {
    list = swedishPublicHolidays(year);
    holidayCache.set(year, list);
  }
  return list;
}

/**
 * Why a deadline may not end on this day under Lag (1930:173), or null for an ordinary working
 * day. A named holiday wins over an eve, an eve over the weekend, so the reason is the most
 * specific one: holiday names as in swedishPublicHolidays (joined with " och " when two fall
 * together), otherwise 'midsommarafton', 'julafton', 'nyårsafton', 'lördag' or 'söndag'.
 */
export function closedDayReason(iso: string): string | null {
  assertIsoDate(iso);
  const year = Number(iso.slice(0, 4));
  const names = holidaysOf(year)
    .filter((h) => h.date === iso)
    .map((h) => h.name);
  if (names.length > 0) return names.join(' och ');
  if (iso === midsummerEve(year)) return 'midsommarafton';
  const monthDay = iso.slice(5);
  if (monthDay === '12-24') return 'julafton';
  if (monthDay === '12-31') return 'nyårsafton';
  const wd = weekday(iso);
  if (wd === SATURDAY) return 'lördag';
  if (wd === SUNDAY) return 'söndag';
  return null;
}

export function isClosedDay(iso: string): boolean {
  return closedDayReason(iso) !== null;
}

/** `iso` itself when it is a working day, otherwise the next day that is not closed. */
export function nextOpenDay(iso: string): string {
  let day = iso;
  while (isClosedDay(day)) day = addDays(day, 1);
  return day;
}

/**
 * The last day of a statutory period of `days` days counted from `start`. Lag (1930:173) 2 §
 * moves a period that ends on a closed day to the next working day; the law covers periods set
 * in statute, so it applies to all three KL periods below.
 */
export function periodEnd(start: string, days: number): PeriodEnd {
  const nominal = addDays(start, days);
  return { nominal, date: nextOpenDay(nominal) };
}

/** Last day for justering (KL 5 kap. 69 §), moved past closed days. */
export function justeringDeadline(meetingDate: string): string {
  return periodEnd(meetingDate, JUSTERING_DAYS).date;
}

/** Last day to post the notice after justering (KL 8 kap. 12 §), moved past closed days. */
export function noticePostByDate(adjustedDate: string): string {
  return periodEnd(adjustedDate, POST_BY_DAYS).date;
}

/**
 * The appeal period (KL 13 kap. 5 §): three weeks from posting end on the same weekday, moved
 * forward past closed days; the notice may come down the day after.
 */
export function appealPeriod(postedDate: string): AppealPeriod {
  const { nominal, date } = periodEnd(postedDate, APPEAL_DAYS);
  return { posted: postedDate, nominalLastDay: nominal, lastAppealDay: date, takeDown: addDays(date, 1) };
}

const stockholmDayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Swedish calendar day (ÅÅÅÅ-MM-DD) of an instant, or null when it is not a valid time. */
export function stockholmDay(instant: Date | string): string | null {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(date.getTime())) return null;
  const parts = stockholmDayFormat.formatToParts(date);
  const get = (t: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The year in Sweden at an instant: on New Year's Eve after 23:00 UTC it is already the next year there. */
export function stockholmYear(instant: Date): number {
  const day = stockholmDay(instant);
  return day === null ? instant.getUTCFullYear() : Number(day.slice(0, 4));
}
