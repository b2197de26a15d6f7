// Headings stay with their text: no page of a long, flowing protocol ends on a heading.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProtocolData } from '../../core/documents';
import { renderProtocol, type RenderResult } from '../../templates/render';
import { generatedMeeting } from '../fixtures/documents/generate';
import { pdfText, tempDir, type TempDir } from './helpers/pdf-tools';

const HEADINGS = new Set([
  'Beslut',
  'Sammanfattning av ärendet',
  'Beskrivning av ärendet',
  'Ekonomiska konsekvenser',
  'Beslutsunderlag',
  'Expedieras till',
  'NÄRVAROLISTA',
  'Beslutande',
  'Övriga närvarande',
  'Tjänstgörande ledamöter',
  'Övriga',
]);
const FURNITURE =
  /^(STORSTADS KOMMUN SAMMANTRÄDESPROTOKOLL|Kommunstyrelsen 2025-10-14|\d+ \(\d+\)|Justerandes signatur|Beslutandes underskrift|\[Digitalt signerat, se sista sidan\]|Utdragsbestyrkande)$/;

let dir: TempDir;
let result: RenderResult;
let file: string;

beforeAll(async () => {
  dir = tempDir();
  const doc = generatedMeeting({ paragraphs: 24, textParagraphs: 60, wordsPerTextParagraph: 70, seed: 7 });
  result = await renderProtocol(buildProtocolData(doc, { generatedAt: '2025-10-20T12:00:00+02:00', paragraphsStartNewPage: false }));
  file = dir.file('flow.pdf', result.pdf);
});
afterAll(() => dir.remove());

describe('pagination of a flowing protocol', () => {
  it('never leaves a heading or a § label last on a page', () => {
    const pages = pdfText(file, undefined, 'raw')
      .split('\f')
      .filter((p) => p.trim() !== '');
    expect(pages.length).toBeGreaterThan(10);
    const lastLines = pages.slice(0, -1).map((page) => {
      const lines = page
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !FURNITURE.test(l));
      return lines[lines.length - 1] ?? '';
    });
    const orphans = lastLines.filter((line) => HEADINGS.has(line) || /^§ \d+$/.test(line));
    expect(orphans).toEqual([]);
  });

  it('keeps a § label with its title and first lines', () => {
    const pages = pdfText(file, undefined, 'raw').split('\f');
    for (const page of pages) {
      const lines = page
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !FURNITURE.test(l));
      const at = lines.findIndex((l) => /^§ \d+$/.test(l));
      if (at >= 0) expect(lines.length - at, page.slice(0, 80)).toBeGreaterThan(4);
    }
  });
});
