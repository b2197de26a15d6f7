// File names for the generated site: lower-case ASCII, Swedish letters folded (å, ä → a; ö → o).

export function slugify(text: string): string {
  const folded = text
    .toLocaleLowerCase('sv-SE')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss');
  const slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.length === 0 ? 'namnd' : slug.slice(0, 60).replace(/-+$/, '');
}
