// Which page of the protocol a § starts on, from the text pdf.js reads out of each page. The
// template sets a §'s label ("§ 20") as a text item of its own; a reference in running text
// ("se § 23", "Bilaga till § 22") or a page range ("§§ 20-26") is never one on its own.

/** The 0-based page on which § `number` starts, or null when no page has it. */
export function findParagraphPage(pages: readonly (readonly string[])[], number: number): number | null {
  const label = new RegExp(`^§\\s*${number}$`);
  const lineStart = new RegExp(`^§\\s*${number}(?![\\d-–])`);
  const exact = pages.findIndex((items) => items.some((s) => label.test(s.trim())));
  if (exact >= 0) return exact;
  const loose = pages.findIndex((items) => items.some((s) => lineStart.test(s.trim())));
  return loose >= 0 ? loose : null;
}
