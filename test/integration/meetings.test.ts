// Use cases through the typed client and the in-process transport (the same dispatch as IPC/HTTP).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { meetingDocumentSchema } from '../../core/format/meeting';
import reference from '../../core/reference/e-namnden-2020-11-05.json' with { type: 'json' };
import { referenceCopy, rowCounts, testBackend, type TestBackend, rejection } from '../helpers/backend';

let t: TestBackend;
beforeEach(() => {
  t = testBackend({ memory: true });
});
afterEach(() => t.dispose());

describe('demo and listing', () => {
  it('loads the reference meeting once and lists organisation, board and meeting', async () => {
    const first = await t.api.call('demo.load', {});
    expect(first.created).toBe(true);
    const again = await t.api.call('demo.load', {});
    expect(again).toEqual({ ...first, created: false });

    expect(await t.api.call('organisations.list', {})).toEqual([{ id: expect.any(String), name: 'Luleå kommun', kind: 'kommun' }]);
    const boards = await t.api.call('boards.list', {});
    expect(boards).toMatchObject([{ name: 'Norrbottens e-nämnd', seats: 14, meetingCount: 1, organisationName: 'Luleå kommun' }]);
    const meetings = await t.api.call('meetings.list', { boardId: boards[0]?.id, year: 2020 });
    expect(meetings).toMatchObject([{ date: '2020-11-05', startTime: '09:00', endTime: '10:30', place: 'Teams', paragraphCount: 7, firstParagraph: 20, lastParagraph: 26 }]);
    expect(await t.api.call('meetings.list', { year: 2021 })).toEqual([]);
  });

  it('derives who served on each § and that quorum was met', async () => {
    const { meetingId } = await t.api.call('demo.load', {});
    const view = await t.api.call('meetings.get', { meetingId });
    expect(view.paragraphs.map((p) => p.number)).toEqual([20, 21, 22, 23, 24, 25, 26]);
    expect(view.paragraphs.map((p) => p.groupIndex)).toEqual([0, 0, 0, 1, 1, 1, 1]);
    for (const n of [20, 26]) {
      expect(view.serving[n]).toHaveLength(12);
      expect(view.quorum[n]).toEqual({ seats: 14, required: 8, serving: 12, met: true });
    }
    expect(view.serving[20]?.find((s) => s.person === 'anders-josefsson')).toEqual({ person: 'anders-josefsson', capacity: 'substitute' });
    expect(view.problems).toEqual([]);
  });
});

describe('export and import', () => {
  it('exports the reference meeting exactly as the reference JSON', async () => {
    const { meetingId } = await t.api.call('demo.load', {});
    const exported = await t.api.call('meetings.export', { meetingId });
    expect(JSON.stringify(exported, null, 2)).toBe(JSON.stringify(meetingDocumentSchema.parse(reference), null, 2));
  });

  it('export → import into an empty database → export gives the same JSON', async () => {
    const { meetingId } = await t.api.call('demo.load', {});
    const first = await t.api.call('meetings.export', { meetingId });
    const other = testBackend({ memory: true });
    try {
      const imported = await other.api.call('meetings.import', { document: JSON.parse(JSON.stringify(first)) });
      const second = await other.api.call('meetings.export', { meetingId: imported.meetingId });
      expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    } finally {
      other.dispose();
    }
  });

  it('imports a second meeting of the same board, reusing the board and its people', async () => {
    await t.api.call('demo.load', {});
    const next = referenceCopy();
    next.meeting.date = '2020-12-10';
    next.paragraphs = next.paragraphs.slice(0, 2).map((p, i) => ({ ...p, number: 27 + i, immediatelyAdjusted: false }));
    next.adjustmentGroups = [{ paragraphs: [27, 28], immediate: false }];
    const before = rowCounts(t.backend);
    await t.api.call('meetings.import', { document: next });
    const after = rowCounts(t.backend);
    expect(after.boards).toBe(before.boards);
    expect(after.persons).toBe(before.persons);
    expect(after.assignments).toBe(before.assignments);
    expect(after.meetings).toBe((before.meetings ?? 0) + 1);
    expect(await t.api.call('boards.list', {})).toMatchObject([{ meetingCount: 2 }]);
  });

  it('records the import in the audit log', async () => {
    const { meetingId } = await t.api.call('demo.load', {});
    const log = t.backend.db.$client.prepare('SELECT actor, action, entity, entity_id AS entityId, at FROM audit_log').all();
    expect(log).toEqual([{ actor: 'test', action: 'meeting.imported', entity: 'meeting', entityId: meetingId, at: '2020-11-05T09:45:00.000Z' }]);
  });
});

describe('bad input is rejected with a Swedish message naming the field, and nothing is written', () => {
  const cases: { name: string; mutate: (d: ReturnType<typeof referenceCopy>) => void; code: string; path: string; text: RegExp }[] = [
    {
      name: 'a date that does not exist',
      mutate: (d) => {
        d.meeting.date = '2021-02-29';
      },
      code: 'validation',
      path: 'meeting.date',
      text: /datum som finns/,
    },
    {
      name: 'an unknown board member',
      mutate: (d) => {
        (d.attendance[3] as { person: string }).person = 'okand-person';
      },
      code: 'validation',
      path: 'attendance[3].person',
      text: /"okand-person" finns inte/,
    },
    {
      name: 'a duplicate § number',
      mutate: (d) => {
        (d.paragraphs[2] as { number: number }).number = 21;
      },
      code: 'validation',
      path: 'paragraphs[2].number',
      text: /§ 21 förekommer redan/,
    },
    {
      name: 'a wrong type',
      mutate: (d) => {
        (d.paragraphs[0] as { title: unknown }).title = 42;
      },
      code: 'validation',
      path: 'paragraphs[0].title',
      text: /Ska vara text/,
    },
    {
      name: 'an unknown field',
      mutate: (d) => {
        (d.meeting as Record<string, unknown>).plats = 'Teams';
      },
      code: 'validation',
      path: 'meeting',
      text: /Okänt fält "plats"/,
    },
    {
      name: 'a bad time',
      mutate: (d) => {
        d.meeting.startTime = '9.00';
      },
      code: 'validation',
      path: 'meeting.startTime',
      text: /TT:MM/,
    },
    {
      name: 'a bad OSL provision',
      mutate: (d) => {
        (d.paragraphs[0] as Record<string, unknown>).confidential = { provision: 'OSL 21:7' };
      },
      code: 'validation',
      path: 'paragraphs[0].confidential.provision',
      text: /N kap\. N §/,
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const doc = referenceCopy();
      c.mutate(doc);
      const before = rowCounts(t.backend);
      const e = await rejection(t.api.call('meetings.import', { document: doc }));
      expect(e.code).toBe(c.code);
      expect(e.message).toMatch(c.text);
      expect(e.details?.issues?.map((i) => i.path)).toContain(c.path);
      expect(rowCounts(t.backend)).toEqual(before);
    });
  }

  it('a § number the board already used that year (conflict), leaving the database unchanged', async () => {
    await t.api.call('demo.load', {});
    const doc = referenceCopy();
    doc.meeting.date = '2020-12-10';
    const before = rowCounts(t.backend);
    const e = await rejection(t.api.call('meetings.import', { document: doc }));
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('paragraphs[0].number: § 20 används redan av sammanträdet 2020-11-05');
    expect(rowCounts(t.backend)).toEqual(before);
  });

  it('the same numbers in another year are fine', async () => {
    await t.api.call('demo.load', {});
    const doc = referenceCopy();
    doc.meeting.date = '2021-11-04';
    await expect(t.api.call('meetings.import', { document: doc })).resolves.toMatchObject({ meetingId: expect.any(String) });
  });

  it('a failure in the middle of writing rolls everything back', async () => {
    const doc = referenceCopy();
    // Passes the schema, but the database fails half-way through (after §§ 20–24 are written).
    t.backend.db.$client.exec("CREATE TRIGGER fail_late BEFORE INSERT ON paragraphs WHEN NEW.number = 25 BEGIN SELECT RAISE(ABORT, 'simulated disk error'); END;");
    const before = rowCounts(t.backend);
    const e = await rejection(t.api.call('meetings.import', { document: doc }));
    expect(e.code).toBe('internal');
    expect(e.message).not.toMatch(/simulated|\n\s+at |\.ts:/);
    expect(rowCounts(t.backend)).toEqual(before);
  });

  it('unknown methods and bad method input are rejected by dispatch', async () => {
    const unknown = await t.backend.dispatch('meetings.drop', {});
    expect(unknown).toEqual({ ok: false, error: { code: 'not_found', message: 'Okänd åtgärd "meetings.drop".' } });
    const bad = await t.backend.dispatch('meetings.get', { meetingId: 5 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.details?.issues?.[0]?.path).toBe('meetingId');
    const missing = await rejection(t.api.call('meetings.get', { meetingId: 'nope' }));
    expect(missing.code).toBe('not_found');
  });
});
