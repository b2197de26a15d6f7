// Finding Swedish personal identity numbers (personnummer, samordningsnummer) in free text, so
// the public version can remove them. A match needs a real date and a correct Luhn check digit,
// which keeps organisation numbers (month 20+) and most other digit runs out.

export interface IdentityNumberMatch {
  index: number;
  length: number;
  text: string;
  kind: 'personnummer' | 'samordningsnummer';
}

// Separators as people (and word processors) actually write them: the hyphen-minus and "+", but
// also the Unicode dashes a word processor substitutes (en and em dash, minus sign, hyphen,
// non-breaking hyphen, figure dash) and spaces of every kind (no-break, thin, figure, narrow
// no-break), with or without space around the dash ("19121212 -1212"), and spaces inside the
// date ("1912 12 12-1212").
const SPACE = '[ \\t\\u00A0\\u2007\\u2009\\u202F]';
const DASH = '[-+\\u2010\\u2011\\u2012\\u2013\\u2014\\u2212\\uFE63\\uFF0D]';
// Optional century, YY MM DD, optional separator, 4 digits; not inside a longer number.
const CANDIDATE = new RegExp(`(?<![\\d\\-\\u2010-\\u2014\\u2212])(?:(18|19|20)${SPACE}?)?(\\d{2})${SPACE}?(\\d{2})${SPACE}?(\\d{2})(${SPACE}{0,2}${DASH}?${SPACE}{0,2})(\\d{4})(?!\\d)`, 'g');

export function luhnValid(tenDigits: string): boolean {
  if (!/^\d{10}$/.test(tenDigits)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i += 1) {
    let d = Number(tenDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

function daysInMonth(month: number, year: number | null): number {
  if (month === 2) return year === null || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function findIdentityNumbers(text: string): IdentityNumberMatch[] {
  const found: IdentityNumberMatch[] = [];
  for (const m of text.matchAll(CANDIDATE)) {
    const [whole, century = '', yy = '', mm = '', dd = '', , last4 = ''] = m;
    const month = Number(mm);
    let day = Number(dd);
    const kind = day > 60 ? 'samordningsnummer' : 'personnummer';
    if (kind === 'samordningsnummer') day -= 60;
    const fullYear = century === '' ? null : Number(`${century}${yy}`);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(month, fullYear)) continue;
    if (!luhnValid(`${yy}${mm}${dd}${last4}`)) continue;
    found.push({ index: m.index ?? 0, length: whole.length, text: whole, kind });
  }
  return found;
}

export const IDENTITY_NUMBER_REMOVED = '[personnummer borttaget]';

export function removeIdentityNumbers(text: string): string {
  const matches = findIdentityNumbers(text);
  if (matches.length === 0) return text;
  let out = '';
  let at = 0;
  for (const m of matches) {
    out += text.slice(at, m.index) + IDENTITY_NUMBER_REMOVED;
    at = m.index + m.length;
  }
  return out + text.slice(at);
}
