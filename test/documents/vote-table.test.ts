// A long open vote runs over a page break (issue 14): the "Summa" row never stands alone on the
// new page — the last rows stay with it — and the table header is repeated on the page the
// table continues on. The break is moved through the table by lengthening the text before it.
import { describe, expect, it } from 'vitest';
import { buildProtocolData } from '../../core/documents';
import { meetingDocumentSchema, type MeetingDocument, type MeetingDocumentInput } from '../../core/format/meeting';
import { para } from '../../core/format/richtext';
import { renderProtocol } from '../../templates/render';
import { ROWS_WITH_FOOTER } from '../../templates/components/Table';
import { execFileSync } from 'node:child_process';
import { tempDir } from './helpers/pdf-tools';

/** `pdftotext -layout`, one string per page: table rows stay rows. */
const layoutPages = (file: string) =>
  execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((t) => t.trim() !== '');

const VOTERS = 41;
/** A row of the vote table (name, party, one X); the närvarolista has the names without X. */
const VOTE_ROW = /Röstare\d\d Efternamn\s+[SMCV]\s+X\s*$/;
const name = (i: number) => `Röstare${String(i + 1).padStart(2, '0')} Efternamn`;

function bigVote(fillerLines: number): MeetingDocument {
  const term = { termStart: '2023-01-01', termEnd: '2026-12-31' };
  const keys = Array.from({ length: VOTERS }, (_, i) => `m${i}`);
  const input: MeetingDocumentInput = {
    format: 'justera-meeting',
    formatVersion: 3,
    organisation: { name: 'Storby kommun', kind: 'kommun' },
    board: { name: 'Kommunfullmäktige', kind: 'fullmaktige', seats: VOTERS, storagePlace: 'Kommunarkivet' },
    people: [...keys.map((key, i) => ({ key, name: name(i) })), { key: 'sekr', name: 'Siri Sekreterare' }],
    members: keys.map((person, i) => ({ person, role: i === 0 ? ('ordforande' as const) : ('ledamot' as const), party: ['S', 'M', 'C', 'V'][i % 4] ?? 'S', ...term })),
    officials: [{ person: 'sekr', title: 'Kommunsekreterare', organisation: 'Storby kommun' }],
    meeting: { date: '2025-10-14', startTime: '09:00', place: 'Stadshuset', status: 'held', secretary: 'sekr', chair: 'm0', justerare: ['m1', 'm2'] },
    attendance: [...keys.map((person) => ({ person, capacity: 'member' as const })), { person: 'sekr', capacity: 'official' as const }],
    paragraphs: [
      {
        number: 1,
        title: 'Budget 2026',
        decision: { numbered: false, points: [[para('Fullmäktige fastställer budgeten.')]] },
        summary: Array.from({ length: fillerLines }, (_, i) => para(`Stycke ${i + 1} före omröstningen, en rad text som fyller ut sidan.`)),
        votes: [{ kind: 'open', jaMeans: 'bifall', nejMeans: 'avslag', votes: keys.map((person, i) => ({ person, vote: i % 3 === 0 ? ('nej' as const) : ('ja' as const) })) }],
      },
    ],
    adjustmentGroups: [],
  };
  return meetingDocumentSchema.parse(input);
}

describe('an open vote over a page break', () => {
  it('keeps the last rows with "Summa" and repeats the header, wherever the break falls', async () => {
    const dir = tempDir();
    let broken = 0;
    try {
      for (const filler of [0, 4, 8, 12, 16, 20, 24, 28]) {
        const result = await renderProtocol(buildProtocolData(bigVote(filler), { generatedAt: '2025-10-20T12:00:00+02:00' }));
        const pages = layoutPages(dir.file(`vote-${filler}.pdf`, result.pdf));
        const withVoters = pages.map((text, i) => ({ i, text, voters: text.split('\n').filter((l) => VOTE_ROW.test(l)).length })).filter((p) => p.voters > 0);
        if (withVoters.length > 1) broken += 1;
        for (const p of withVoters) {
          const lines = p.text.split('\n');
          const firstVoter = lines.findIndex((l) => VOTE_ROW.test(l));
          const head = lines.findIndex((l) => /Namn\s+Parti\s+Ja\s+Nej\s+Avstår/.test(l));
          expect(head, `sida ${p.i + 1} (utfyllnad ${filler}): tabellhuvud före första raden`).toBeGreaterThanOrEqual(0);
          expect(head).toBeLessThan(firstVoter);
        }
        const sumPage = pages.findIndex((t) => /^\s*Summa\b/m.test(t));
        expect(sumPage, `utfyllnad ${filler}`).toBeGreaterThanOrEqual(0);
        const onSumPage = withVoters.find((p) => p.i === sumPage)?.voters ?? 0;
        expect(onSumPage, `utfyllnad ${filler}: rader på sidan med Summa`).toBeGreaterThanOrEqual(ROWS_WITH_FOOTER);
      }
      // The fillers move the break through the table: most cases do break it.
      expect(broken).toBeGreaterThanOrEqual(4);
    } finally {
      dir.remove();
    }
  }, 300_000);
});
