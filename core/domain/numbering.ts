// § numbers: they run on per board and calendar year, never repeat, and print as ranges.

/** "20-22, 24, 26-27" from any set of numbers. */
export function formatRanges(numbers: readonly number[]): string {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const start = sorted[i] as number;
    let end = start;
    while (i + 1 < sorted.length && sorted[i + 1] === end + 1) {
      end += 1;
      i += 1;
    }
    parts.push(start === end ? `${start}` : `${start}-${end}`);
    i += 1;
  }
  return parts.join(', ');
}

/** "§ 20" or "§§ 20-22" – how documents name one or more paragraphs. */
export function paragraphLabel(numbers: readonly number[]): string {
  const text = formatRanges(numbers);
  return numbers.length === 1 ? `§ ${text}` : `§§ ${text}`;
}

/** Parses "20-22", "20,21,23-24" or "20" into numbers; null when the text is not such a list. */
export function parseRanges(text: string): number[] | null {
  const out: number[] = [];
  for (const raw of text.split(',')) {
    const part = raw.trim();
    const m = /^(\d{1,4})(?:\s*[-–]\s*(\d{1,4}))?$/.exec(part);
    if (m === null) return null;
    const a = Number(m[1]);
    const b = m[2] === undefined ? a : Number(m[2]);
    if (b < a || b - a > 9999) return null;
    for (let n = a; n <= b; n += 1) out.push(n);
  }
  return [...new Set(out)].sort((x, y) => x - y);
}

/** The first § of a new meeting: one after the highest number the board used that year. */
export function nextParagraphNumber(usedThisYear: readonly number[]): number {
  return usedThisYear.length === 0 ? 1 : Math.max(...usedThisYear) + 1;
}

/** A § number a board has used, and the meeting (and its date) that used it. */
export interface UsedNumber {
  number: number;
  meetingId: string;
  meetingDate: string;
}

/**
 * Where a meeting's §§ fit in the board-year: after every § of earlier meetings and before every §
 * of later ones (numbers run on in date order). Meetings on the same day may come in either order.
 */
export function numberSlot(used: readonly UsedNumber[], meetingId: string | null, date: string): { next: number; lastBefore: UsedNumber | null; firstAfter: UsedNumber | null } {
  let lastBefore: UsedNumber | null = null;
  let firstAfter: UsedNumber | null = null;
  for (const u of used) {
    if (u.meetingId === meetingId) continue;
    if (u.meetingDate < date && (lastBefore === null || u.number > lastBefore.number)) lastBefore = u;
    if (u.meetingDate > date && (firstAfter === null || u.number < firstAfter.number)) firstAfter = u;
  }
  const others = used.filter((u) => u.meetingId !== meetingId && u.meetingDate === date).map((u) => u.number);
  const next = Math.max(lastBefore === null ? 0 : lastBefore.number, ...others) + 1;
  return { next, lastBefore, firstAfter };
}

/**
 * Why `numbers` cannot be a meeting's §§ on `date`, or null: a number used by another meeting of
 * the year, below an earlier meeting's or above a later meeting's. Says which number is next.
 */
export function numberOrderProblem(used: readonly UsedNumber[], meetingId: string | null, date: string, numbers: readonly number[]): string | null {
  if (numbers.length === 0) return null;
  const slot = numberSlot(used, meetingId, date);
  const taken = used.find((u) => u.meetingId !== meetingId && numbers.includes(u.number));
  if (taken !== undefined) {
    return `§ ${taken.number} används redan av sammanträdet ${taken.meetingDate}. Paragrafnummer löper över året och får aldrig användas två gånger; nästa lediga nummer är ${slot.next}.`;
  }
  const low = Math.min(...numbers);
  const high = Math.max(...numbers);
  if (slot.lastBefore !== null && low <= slot.lastBefore.number) {
    return `§ ${low} bryter numreringen: det tidigare sammanträdet ${slot.lastBefore.meetingDate} har redan § ${slot.lastBefore.number}, och paragrafnumren löper i datumordning över året. Nästa lediga nummer är ${slot.next}.`;
  }
  if (slot.firstAfter !== null && high >= slot.firstAfter.number) {
    const room = slot.firstAfter.number - slot.next;
    return `§ ${high} bryter numreringen: det senare sammanträdet ${slot.firstAfter.meetingDate} börjar på § ${slot.firstAfter.number}, och paragrafnumren löper i datumordning över året. Nästa lediga nummer är ${slot.next}${room < numbers.length ? `, men bara ${Math.max(0, room)} nummer är lediga före det senare sammanträdet: numrera om det först` : ''}.`;
  }
  return null;
}

/**
 * "20-26, varav 20-22 omedelbart justerade": the "Justerade paragrafer" line of the first page.
 */
export function adjustedParagraphsLine(all: readonly number[], immediate: readonly number[]): string {
  const whole = formatRanges(all);
  if (immediate.length === 0) return whole;
  if (immediate.length === all.length) return `${whole}, samtliga omedelbart justerade`;
  return `${whole}, varav ${formatRanges(immediate)} omedelbart ${immediate.length === 1 ? 'justerad' : 'justerade'}`;
}
