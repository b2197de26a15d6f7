// The preview's cache of typeset §-runs (templates/part-cache.ts): after an edit to one §, only
// the run holding it is typeset again, and the joined file is byte for byte the file a fresh
// render of the edited draft gives — also when the generation time differs, as it does for
// every preview. A change to the page frame (the board's name in the header) reuses nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { buildProtocolData, type ProtocolData } from '../../core/documents';
import type { MeetingDocument } from '../../core/format/meeting';
import { clearPartCache, partCacheStats } from '../../templates/part-cache';
import { planParts } from '../../templates/plan';
import { renderProtocol } from '../../templates/render';
import { generatedMeeting } from '../fixtures/documents/generate';

const draft = (): MeetingDocument => generatedMeeting({ paragraphs: 12, textParagraphs: 96, wordsPerTextParagraph: 150, seed: 7 });
const build = (doc: MeetingDocument, at: string): ProtocolData => buildProtocolData(doc, { generatedAt: at });
const runsOf = (data: ProtocolData) => planParts(data).filter((p) => p.kind === 'paragraphs').length;

beforeEach(() => clearPartCache());

describe('typeset §-runs reused by the preview', () => {
  it('typesets only the run with the edited § and gives the bytes of a fresh render', async () => {
    const before = build(draft(), '2025-10-20T12:00:00+02:00');
    const runs = runsOf(before);
    expect(runs).toBeGreaterThanOrEqual(3);
    await renderProtocol(before, { reuseParts: true });
    const first = partCacheStats();
    expect(first.misses).toBe(runs);
    expect(first.hits).toBe(0);

    const doc = draft();
    const edited = doc.paragraphs[6];
    if (edited === undefined) throw new Error('testdata saknar § 7');
    doc.paragraphs[6] = { ...edited, title: `${edited.title} (ändrad rubrik åäö)` };
    const after = build(doc, '2025-10-20T12:05:31+02:00');
    expect(runsOf(after)).toBe(runs);
    const reused = await renderProtocol(after, { reuseParts: true });
    const second = partCacheStats();
    expect(second.hits - first.hits).toBe(runs - 1);
    expect(second.misses - first.misses).toBe(1);

    const fresh = await renderProtocol(after);
    expect(partCacheStats().hits).toBe(second.hits);
    expect(reused.pageCount).toBe(fresh.pageCount);
    expect(Buffer.from(reused.pdf).equals(Buffer.from(fresh.pdf))).toBe(true);
  }, 120_000);

  it('reuses nothing when the page frame changes, and nothing unless asked', async () => {
    const data = build(draft(), '2025-10-20T12:00:00+02:00');
    const runs = runsOf(data);
    await renderProtocol(data);
    expect(partCacheStats().entries).toBe(0);
    await renderProtocol(data, { reuseParts: true });
    const doc = draft();
    doc.board = { ...doc.board, name: 'Kommunstyrelsens arbetsutskott' };
    const renamed = build(doc, '2025-10-20T12:00:00+02:00');
    const stats = partCacheStats();
    await renderProtocol(renamed, { reuseParts: true });
    expect(partCacheStats().hits).toBe(stats.hits);
    expect(partCacheStats().misses - stats.misses).toBe(runs);
  }, 120_000);
});
