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

/**
 * "20-26, varav 20-22 omedelbart justerade": the "Justerade paragrafer" line of the first page.
 */
export function adjustedParagraphsLine(all: readonly number[], immediate: readonly number[]): string {
  const whole = formatRanges(all);
  if (immediate.length === 0) return whole;
  if (immediate.length === all.length) return `${whole}, samtliga omedelbart justerade`;
  return `${whole}, varav ${formatRanges(immediate)} omedelbart ${immediate.length === 1 ? 'justerad' : 'justerade'}`;
}
