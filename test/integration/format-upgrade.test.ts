// Old exports still import (issue 15): stored version-1 and version-2 files of the social services
// board (test/fixtures/meetings/socialnamnd-v1.json, -v2.json, written from the socialnamnd
// fixture as those versions defined it) are brought up one version at a time and import.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { MEETING_FORMAT_VERSION, meetingDocumentSchema, upgradeMeetingDocument } from '../../core/format/meeting';
import { socialnamnd } from '../fixtures/meetings/socialnamnd';
import { backendsPerTest } from '../helpers/backends-per-test';

const stored = (version: 1 | 2): unknown => JSON.parse(readFileSync(new URL(`../fixtures/meetings/socialnamnd-v${version}.json`, import.meta.url), 'utf8'));

const backend = backendsPerTest(new Date('2026-03-12T16:30:00+01:00'));

describe('format upgrades 1 → 2 → 3', () => {
  it('the current version is 3', () => {
    expect(MEETING_FORMAT_VERSION).toBe(3);
  });

  it.each([1, 2] as const)('a stored version-%i file is upgraded to the current version without touching the input', (v) => {
    const input = stored(v);
    const before = JSON.stringify(input);
    const up = upgradeMeetingDocument(input) as { formatVersion: number };
    expect(up.formatVersion).toBe(MEETING_FORMAT_VERSION);
    expect(JSON.stringify(input)).toBe(before);
    expect(meetingDocumentSchema.safeParse(up).success).toBe(true);
  });

  it('a stored version-2 file means the same as the fixture written in the current version', () => {
    const up = meetingDocumentSchema.parse(upgradeMeetingDocument(stored(2)));
    expect(up).toEqual(meetingDocumentSchema.parse(socialnamnd()));
  });

  it('the version-1 file gets its casting vote from the chair’s Ja on the way', () => {
    const up = meetingDocumentSchema.parse(upgradeMeetingDocument(stored(1)));
    const p33 = up.paragraphs.find((p) => p.number === 33)!;
    expect(JSON.stringify(p33)).toContain('"castingVote":{"person":"karin-ek","side":"ja"}');
  });

  it('version 2 → 3: the single `vote` of a § becomes the only element of `votes`; a § without one gets none', () => {
    const up = upgradeMeetingDocument(stored(2)) as { paragraphs: Record<string, unknown>[] };
    const v2 = stored(2) as { paragraphs: Record<string, unknown>[] };
    expect(up.paragraphs[2]!.votes).toEqual([v2.paragraphs[2]!.vote]);
    expect('vote' in up.paragraphs[2]!).toBe(false);
    expect(up.paragraphs.filter((p) => p.votes === undefined).length + up.paragraphs.filter((p) => Array.isArray(p.votes) && p.votes.length === 0).length).toBe(4);
    // A version-3 file that still says `vote` is refused by name, not silently dropped.
    const wrong = { ...(up as object), paragraphs: v2.paragraphs };
    const r = meetingDocumentSchema.safeParse(wrong);
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('vote');
  });

  it('paragraph content stored before version 3 (a single `vote`) is read as `votes` by the workspace and the export', async () => {
    const t = backend();
    const { meetingId } = await t.api.call('meetings.import', { document: socialnamnd() });
    const before = await t.api.call('meetings.export', { meetingId });
    const db = t.backend.db.$client;
    const row = db.prepare('SELECT id, content FROM paragraphs WHERE number = 33').get() as { id: string; content: string };
    const content = JSON.parse(row.content) as Record<string, unknown>;
    const { votes, ...rest } = content as { votes: unknown[] };
    db.prepare('UPDATE paragraphs SET content = ? WHERE id = ?').run(JSON.stringify({ ...rest, vote: votes[0] }), row.id);
    const exported = await t.api.call('meetings.export', { meetingId });
    expect(JSON.parse(row.content)).not.toHaveProperty('vote');
    expect(JSON.parse((db.prepare('SELECT content FROM paragraphs WHERE id = ?').get(row.id) as { content: string }).content) as object).toHaveProperty('vote');
    expect(exported).toEqual(before);
    const ws = await t.api.call('workspace.meetings.get', { meetingId });
    expect(ws.doc.paragraphs.find((p) => p.number === 33)!.votes).toHaveLength(1);
    expect(meetingDocumentSchema.safeParse(exported).success).toBe(true);
  });

  it.each([1, 2] as const)('a stored version-%i file imports through the API and exports as the current version', async (v) => {
    const t = backend();
    const { meetingId } = await t.api.call('meetings.import', { document: stored(v) });
    const doc = await t.api.call('meetings.export', { meetingId });
    expect(doc.formatVersion).toBe(MEETING_FORMAT_VERSION);
    expect(doc.paragraphs.map((p) => p.number)).toEqual([31, 32, 33, 34, 35]);
  });

  it('versions that never existed are not upgraded; the schema names them', () => {
    for (const formatVersion of [0, 4, 2.5, '2']) {
      const d = { ...(stored(2) as object), formatVersion };
      expect(upgradeMeetingDocument(d)).toBe(d);
      expect(meetingDocumentSchema.safeParse(d).success).toBe(false);
    }
  });
});
