// Who chairs a § through the API (core/domain/chair.ts): import and export carry paragraphs[].chair,
// the workspace records it as one undoable edit and refuses someone who does not serve on the §,
// and the casting vote the workspace fills in for a tie is that of whoever chairs the §.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../electron/cli/main';
import type { Vote } from '../../core/format/meeting';
import { meetingProblems } from '../../core/domain/rules';
import { socialnamnd } from '../fixtures/meetings/socialnamnd';
import { rejection, rowCounts } from '../helpers/backend';
import { backendsPerTest } from '../helpers/backends-per-test';

const backend = backendsPerTest(new Date('2026-03-12T16:30:00+01:00'));

type Raw = ReturnType<typeof socialnamnd>;
/** The fixture with Karin Ek (chair) and, when `vice` is true, Per Olsson (vice) reporting jäv on § 33; its vote removed. */
function withJav(vice: boolean, change?: (d: Raw) => void): Raw {
  const d = socialnamnd();
  const p33 = d.paragraphs[2]!;
  p33.jav = [{ person: 'karin-ek' }, ...(vice ? [{ person: 'per-olsson' }] : [])];
  p33.motions = [{ by: 'anna-berg', text: 'bifall till förvaltningens förslag' }];
  p33.votes = [];
  p33.reservations = [];
  change?.(d);
  return d;
}

describe('paragraphs[].chair through import, export and the workspace', () => {
  it('a § nobody can chair imports, shows in the problem list, and is answered by recording a serving member — one undoable step', async () => {
    const t = backend();
    const { meetingId } = await t.api.call('meetings.import', { document: withJav(true) });
    let ws = await t.api.call('workspace.meetings.get', { meetingId });
    const name = (k: string) => ws.doc.people.find((p) => p.key === k)?.name ?? k;
    const key = (n: string) => ws.doc.people.find((p) => p.name === n)!.key;
    const missing = 'Ordföranden Karin Ek deltar inte i § 33 (jäv)';
    expect(meetingProblems(ws.doc, name).some((m) => m.startsWith(missing))).toBe(true);
    const id33 = ws.paragraphs.find((p) => p.number === 33)!.id;

    const r = await t.api.call('workspace.paragraphs.update', { paragraphId: id33, patch: { chair: key('Lars Lind') } });
    expect(r.paragraph.chair).toBe(key('Lars Lind'));
    expect(r.journal.undoLabel).toContain('Ordförande under paragrafen');
    ws = await t.api.call('workspace.meetings.get', { meetingId });
    expect(meetingProblems(ws.doc, name).some((m) => m.startsWith(missing))).toBe(false);

    const out = await t.api.call('meetings.export', { meetingId });
    expect(out.paragraphs.find((p) => p.number === 33)!.chair).toBe('lars-lind');
    const other = backend();
    const again = await other.api.call('meetings.import', { document: out });
    expect(JSON.stringify(await other.api.call('meetings.export', { meetingId: again.meetingId }))).toBe(JSON.stringify(out));

    await t.api.call('workspace.undo', { meetingId });
    ws = await t.api.call('workspace.meetings.get', { meetingId });
    expect(ws.doc.paragraphs.find((p) => p.number === 33)!.chair).toBeUndefined();
    await t.api.call('workspace.redo', { meetingId });
    ws = await t.api.call('workspace.meetings.get', { meetingId });
    expect(ws.doc.paragraphs.find((p) => p.number === 33)!.chair).toBe(key('Lars Lind'));
    const cleared = await t.api.call('workspace.paragraphs.update', { paragraphId: id33, patch: { chair: null } });
    expect(cleared.paragraph.chair).toBeUndefined();
  });

  it('refuses someone who does not serve on the §, and a chair where the meeting chair serves; nothing changes', async () => {
    const t = backend();
    const { meetingId } = await t.api.call('meetings.import', { document: withJav(true) });
    const ws = await t.api.call('workspace.meetings.get', { meetingId });
    const key = (n: string) => ws.doc.people.find((p) => p.name === n)!.key;
    const id = (n: number) => ws.paragraphs.find((p) => p.number === n)!.id;
    const before = rowCounts(t.backend);
    const official = await rejection(t.api.call('workspace.paragraphs.update', { paragraphId: id(33), patch: { chair: key('Gunilla Falk') } }));
    expect(official.message).toBe('Gunilla Falk tjänstgör inte på § 33 och kan inte vara ordförande under paragrafen. Välj en ledamot eller ersättare som tjänstgör på § 33, eller rätta närvaron.');
    expect(official.details).toEqual({ issues: [{ path: 'chair', message: official.message }] });
    const jav = await rejection(t.api.call('workspace.paragraphs.update', { paragraphId: id(33), patch: { chair: key('Per Olsson') } }));
    expect(jav.message).toContain('Per Olsson tjänstgör inte på § 33');
    const chairServes = await rejection(t.api.call('workspace.paragraphs.update', { paragraphId: id(31), patch: { chair: key('Per Olsson') } }));
    expect(chairServes.message).toBe('Karin Ek är sammanträdets ordförande och tjänstgör på § 31, och leder därför paragrafen. Ta bort valet av Per Olsson som ordförande under § 31.');
    expect(rowCounts(t.backend)).toEqual(before);
    const after = await t.api.call('workspace.meetings.get', { meetingId });
    expect(after.doc.paragraphs.map((p) => p.chair)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('import refuses a recorded chair who does not serve and writes nothing', async () => {
    const t = backend();
    const before = rowCounts(t.backend);
    const e = await rejection(t.api.call('meetings.import', { document: withJav(true, (d) => (d.paragraphs[2]!.chair = 'erik-sand')) }));
    expect(e.message).toContain('paragraphs[2].chair: Erik Sand tjänstgör inte på § 33 och kan inte vara ordförande under paragrafen.');
    expect(rowCounts(t.backend)).toEqual(before);
  });

  it('the casting vote filled in for a tie is that of the vice chair on a § where the chair has jäv', async () => {
    const t = backend();
    const { meetingId } = await t.api.call('meetings.import', { document: withJav(false) });
    const ws = await t.api.call('workspace.meetings.get', { meetingId });
    const key = (n: string) => ws.doc.people.find((p) => p.name === n)!.key;
    const id33 = ws.paragraphs.find((p) => p.number === 33)!.id;
    const side = (n: string) => (['Anna Berg', 'Eva Ström', 'Lena Viklund', 'Maria Holm'].includes(n) ? 'ja' : 'nej');
    const vote: Vote = {
      kind: 'open',
      jaMeans: 'bifall',
      nejMeans: 'avslag',
      votes: ['Anna Berg', 'Eva Ström', 'Lena Viklund', 'Maria Holm', 'Per Olsson', 'Lars Lind', 'Sofia Nord', 'Johan Ek'].map((n) => ({ person: key(n), vote: side(n) })),
    };
    const r = await t.api.call('workspace.paragraphs.update', { paragraphId: id33, patch: { votes: [vote] } });
    expect(r.paragraph.votes[0]?.kind === 'open' ? r.paragraph.votes[0].castingVote : null).toEqual({ person: key('Per Olsson'), side: 'nej' });
    // The meeting chair's casting vote is refused there.
    const refused = await rejection(t.api.call('workspace.paragraphs.update', { paragraphId: id33, patch: { votes: [{ ...vote, castingVote: { person: key('Karin Ek'), side: 'nej' } }] } }));
    expect(refused.message).toBe('Bara ordföranden under paragrafen (Per Olsson) har utslagsröst i § 33, inte Karin Ek.');
  });
});

describe('a § nobody can chair: freezing refuses it, the CLI warns', () => {
  it('freeze names the §; justera import warns in the problem list words; recording a chair lifts both', async () => {
    const t = backend();
    const doc = withJav(true, (d) => {
      d.adjustmentGroups = [];
    });
    const { meetingId } = await t.api.call('meetings.import', { document: doc });
    const e = await rejection(t.api.call('justering.freeze', { meetingId }));
    expect(e.message).toContain('Ordföranden Karin Ek deltar inte i § 33 (jäv) och varken vice ordföranden eller andre vice ordföranden tjänstgör där.');

    const dir = mkdtempSync(join(tmpdir(), 'justera-chair-'));
    try {
      const out: string[] = [];
      const err: string[] = [];
      const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s), cwd: dir, today: () => '2026-03-12', now: () => new Date('2026-03-12T16:30:00+01:00') };
      writeFileSync(join(dir, 'm.json'), JSON.stringify(doc));
      expect(await main(['import', 'm.json', '--db', 'j.db', '--json'], io)).toBe(0);
      expect(err.join('\n')).toContain('Varning: Ordföranden Karin Ek deltar inte i § 33 (jäv)');
      err.length = 0;
      writeFileSync(join(dir, 'chosen.json'), JSON.stringify(withJav(true, (d) => (d.paragraphs[2]!.chair = 'lars-lind'))));
      expect(await main(['import', 'chosen.json', '--db', 'k.db', '--json'], io)).toBe(0);
      expect(err.join('\n')).not.toContain('deltar inte i § 33');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
