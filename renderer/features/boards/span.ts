// "§ 20" or "§§ 20-26" for the first and last § of a meeting (numbers run without holes).
export function paragraphSpan(first: number | null, last: number | null): string {
  if (first === null || last === null) return '';
  return first === last ? `§ ${first}` : `§§ ${first}-${last}`;
}
