// Clock times of arrival and departure on attendance periods, and breaks (ajournering), issue 15:
// within the meeting's time span and in order — refused at import and in the workspace with the
// same words — and printed as Swedish protocols do ("ansluter till sammanträdet kl. 14.20",
// "Sammanträdet ajourneras kl. 15.10–15.25.", "§§ 33-35, från kl. 14.20" in the närvarolista).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { meetingDocumentSchema } from '../../core/format/meeting';
import { buildProtocolData } from '../../core/documents/protocol';
import { socialnamnd } from '../fixtures/meetings/socialnamnd';
import { rejection, rowCounts } from '../helpers/backend';
import { backendsPerTest } from '../helpers/backends-per-test';

const backend = backendsPerTest(new Date('2026-03-12T16:30:00+01:00'));

type Raw = ReturnType<typeof socialnamnd>;
/** Maria Holm (attendance[4], from § 33) arrives 14.20; Olle Dahl serves § 32 only, leaving that seat 14.05; a break in § 33 and one after § 34. */
const timed = (change?: (d: Raw) => void): Raw => {
  const d = socialnamnd();
  d.attendance![4]!.fromTime = '14:20';
  d.attendance![9]!.toTime = '14:20';
  d.meeting.breaks = [
    { start: '15:10', end: '15:25', paragraph: 33, when: 'during' },
    { start: '15:40', end: '15:50', paragraph: 34, when: 'after' },
  ];
  change?.(d);
  return d;
};
const messages = (raw: Raw) => {
  const r = meetingDocumentSchema.safeParse(raw);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('rules: times inside the meeting and in order', () => {
  it('the timed fixture is lawful', () => {
    expect(messages(timed())).toEqual([]);
  });

  it('refuses an arrival before the meeting began, naming the person and the span', () => {
    expect(messages(timed((d) => (d.attendance![4]!.fromTime = '12:40')))).toEqual([
      'attendance.4.fromTime: Maria Holm: kl. 12.40 ligger utanför sammanträdets tid (kl. 13.00–16.10). Rätta klockslaget eller sammanträdets tider.',
    ]);
  });

  it('refuses a departure before the arrival in one period', () => {
    expect(messages(timed((d) => (d.attendance![4]!.toTime = '14:00')))).toContain('attendance.4.toTime: Maria Holm kan inte lämna kl. 14.00, före ankomsten kl. 14.20 i samma närvaroperiod.');
  });

  it('refuses one person’s later period with an earlier time', () => {
    // Nina Lund serves §§ 31–32 until 14.20, then is present from § 33: arriving again at 14.10 is earlier.
    expect(messages(timed((d) => (d.attendance![10]!.fromTime = '14:10')))).toEqual([
      'attendance.10.fromTime: Nina Lund: kl. 14.10 kommer före kl. 14.20 i en tidigare närvaroperiod. Klockslagen ska följa paragrafernas ordning.',
    ]);
  });

  it('refuses breaks that end before they start, lie outside the meeting, name a missing §, overlap or stand out of order', () => {
    const b = (xs: NonNullable<Raw['meeting']['breaks']>) => messages(timed((d) => (d.meeting.breaks = xs)));
    expect(b([{ start: '15:25', end: '15:10', paragraph: 33, when: 'during' }])).toEqual([
      'meeting.breaks.0.end: Ajourneringen kl. 15.25–15.10 slutar inte efter att den börjat. Ange när sammanträdet återupptogs.',
    ]);
    expect(b([{ start: '16:05', end: '16:30', paragraph: 35, when: 'during' }])).toEqual(['meeting.breaks.0: Ajourneringen kl. 16.05–16.30 ligger utanför sammanträdets tid (kl. 13.00–16.10).']);
    expect(b([{ start: '15:05', end: '15:10', paragraph: 36, when: 'after' }])).toEqual(['meeting.breaks.0.paragraph: Ajourneringen kl. 15.05–15.10: § 36 finns inte i sammanträdet.']);
    expect(
      b([
        { start: '15:10', end: '15:25', paragraph: 33, when: 'during' },
        { start: '15:20', end: '15:30', paragraph: 33, when: 'after' },
      ]),
    ).toEqual(['meeting.breaks.1.start: Ajourneringen kl. 15.20–15.30 börjar före den föregående ajourneringen (kl. 15.10–15.25) har slutat.']);
    expect(
      b([
        { start: '15:10', end: '15:25', paragraph: 34, when: 'during' },
        { start: '15:30', end: '15:35', paragraph: 33, when: 'after' },
      ]),
    ).toEqual(['meeting.breaks.1.paragraph: Ajourneringen kl. 15.30–15.35 (§ 33) står efter en ajournering i § 34. Ajourneringarna ska stå i den ordning de skedde.']);
  });

  it('property: any arrival time outside 13:00–16:10 is refused, any inside accepted', () => {
    const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    fc.assert(
      fc.property(time, (t) => {
        const got = messages(
          timed((d) => {
            d.attendance![4]!.fromTime = t;
            d.attendance![9]!.toTime = t < '13:00' || t > '16:10' ? '14:20' : t;
          }),
        );
        const inside = t >= '13:00' && t <= '16:10';
        return inside ? got.length === 0 : got.length === 1 && got[0]!.startsWith('attendance.4.fromTime: Maria Holm: kl.');
      }),
      { numRuns: 120 },
    );
  });
});

describe('the protocol prints times and breaks', () => {
  const data = () => buildProtocolData(meetingDocumentSchema.parse(timed()), { generatedAt: '2026-03-12T17:00:00+01:00' });

  it('the arrival and departure in the § where they happen', () => {
    const p33 = data().paragraphs.find((p) => p.number === 33)!;
    expect(p33.presenceNotes).toContain('Maria Holm (C) ansluter till sammanträdet kl. 14.20 och tjänstgör från och med § 33.');
  });

  it('breaks in their §: during, and after it', () => {
    const d = data();
    const text = (n: number) => JSON.stringify(d.paragraphs.find((p) => p.number === n)!.sections.filter((s) => s.kind === 'statements' && s.heading.startsWith('Ajournering')));
    expect(text(33)).toContain('Sammanträdet ajourneras kl. 15.10–15.25.');
    expect(text(34)).toContain('Sammanträdet ajourneras efter § 34, kl. 15.40–15.50.');
    expect(text(35)).toBe('[]');
  });

  it('the närvarolista gives the period with its clock times', () => {
    const rows = data().attendance.sections.flatMap((s) => s.groups.flatMap((g) => g.rows));
    expect(rows.find((r) => r.name === 'Maria Holm')?.remark).toBe('§§ 33-35, från kl. 14.20');
    expect(rows.find((r) => r.name === 'Nina Lund' && r.remark.includes('Ersätter'))?.remark).toBe('Ersätter Maria Holm; §§ 31-32, till kl. 14.20');
  });

  it('without times, the reference protocol text is unchanged (no "kl." in presence notes)', () => {
    const plain = buildProtocolData(meetingDocumentSchema.parse(socialnamnd()), { generatedAt: '2026-03-12T17:00:00+01:00' });
    expect(JSON.stringify(plain.paragraphs.map((p) => p.presenceNotes))).not.toContain('kl.');
  });
});

describe('import/export and the workspace', () => {
  it('export → import carries the times and breaks; import refuses a bad time and writes nothing', async () => {
    const t = backend();
    const { meetingId } = await t.api.call('meetings.import', { document: timed() });
    const out = await t.api.call('meetings.export', { meetingId });
    expect(out.meeting.breaks).toEqual(timed().meeting.breaks);
    expect(out.attendance.find((a) => a.person === 'maria-holm')).toMatchObject({ fromParagraph: 33, fromTime: '14:20' });
    const other = backend();
    const before = rowCounts(other.backend);
    const e = await rejection(other.api.call('meetings.import', { document: timed((d) => (d.attendance![4]!.fromTime = '17:00')) }));
    expect(e.message).toContain('attendance[4].fromTime: Maria Holm: kl. 17.00 ligger utanför sammanträdets tid (kl. 13.00–16.10).');
    expect(rowCounts(other.backend)).toEqual(before);
  });

  it('the workspace sets times on attendance rows and breaks on the meeting, with the same rules; the lock covers breaks', async () => {
    const t = backend();
    const { meetingId } = await t.api.call('meetings.import', { document: socialnamnd() });
    const ws = await t.api.call('workspace.meetings.get', { meetingId });
    const rows = ws.doc.attendance.map((a) => ({
      personId: a.person,
      capacity: a.capacity,
      replacesPersonId: a.replaces ?? null,
      fromParagraph: a.fromParagraph ?? null,
      toParagraph: a.toParagraph ?? null,
      note: a.note ?? null,
      fromTime: null as string | null,
    }));
    rows[4] = { ...rows[4]!, fromTime: '14:20' };
    await t.api.call('workspace.attendance.set', { meetingId, rows });
    const after = await t.api.call('workspace.meetings.get', { meetingId });
    expect(after.doc.attendance[4]).toMatchObject({ fromTime: '14:20' });
    rows[4] = { ...rows[4]!, fromTime: '12:00' };
    const bad = await rejection(t.api.call('workspace.attendance.set', { meetingId, rows }));
    expect(bad.message).toBe('Maria Holm: kl. 12.00 ligger utanför sammanträdets tid (kl. 13.00–16.10). Rätta klockslaget eller sammanträdets tider.');
    expect(bad.details).toEqual({ issues: [{ path: 'rows[4].fromTime', message: bad.message }] });

    const breaks = [{ start: '15:10', end: '15:25', paragraph: 33, when: 'during' as const }];
    await t.api.call('workspace.meetings.update', { meetingId, patch: { breaks } });
    expect((await t.api.call('workspace.meetings.get', { meetingId })).doc.meeting.breaks).toEqual(breaks);
    const badBreak = await rejection(t.api.call('workspace.meetings.update', { meetingId, patch: { breaks: [{ ...breaks[0]!, end: '15:00' }] } }));
    expect(badBreak.message).toBe('Ajourneringen kl. 15.10–15.00 slutar inte efter att den börjat. Ange när sammanträdet återupptogs.');
    // Moving the end of the meeting before the break is refused too.
    expect((await rejection(t.api.call('workspace.meetings.update', { meetingId, patch: { endTime: '15:00' } }))).message).toContain('ligger utanför sammanträdets tid (kl. 13.00–15.00)');
    const db = t.backend.db.$client;
    db.prepare("UPDATE adjustment_groups SET status = 'frozen' WHERE meeting_id = ?").run(meetingId);
    expect(() => db.prepare("UPDATE meetings SET breaks = '[]' WHERE id = ?").run(meetingId)).toThrow(/JUSTERA_LOCKED: meeting/);
  });
});
