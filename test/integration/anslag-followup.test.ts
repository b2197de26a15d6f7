// The follow-up register: the heuristics on the reference decisions (pure), then confirming,
// listing overdue tasks, updating and the yearly report through the API.
import { describe, expect, it, afterEach } from 'vitest';
import { ApiError } from '../../core/api/client';
import { dueDateIn, proposeFollowUps, readTask, sentences } from '../../core/app/anslag/followup';
import { meetingDocumentSchema } from '../../core/format/meeting';
import reference from '../../core/reference/e-namnden-2020-11-05.json' with { type: 'json' };
import { readAudit } from '../../db/repos/audit';
import { pdfText, tempDir } from '../documents/helpers/pdf-tools';
import { anslagFixture, type AnslagFixture } from './anslag-fixture';

describe('reading tasks from decisions (heuristics)', () => {
  const doc = meetingDocumentSchema.parse(reference);
  const proposals = proposeFollowUps(doc);

  it('finds the chair’s mandates in §§ 20–22 (no date) and the working group’s report in § 23 (2021-12-31)', () => {
    expect(proposals.map((p) => [p.paragraph, p.decisionPoint, p.source, p.responsible, p.dueOn])).toEqual([
      [20, 2, 'beslut', 'Nämndens ordförande', null],
      [20, 3, 'beslut', 'E-nämndens ordförande', null],
      [21, 2, 'beslut', 'E-nämndens ordförande', null],
      [21, 3, 'beslut', 'E-nämndens ordförande', null],
      [22, 2, 'beslut', 'Nämndens ordförande', null],
      [22, 3, 'beslut', 'E-nämndens ordförande', null],
      [23, null, 'sammanfattning', 'Arbetsgruppen', '2021-12-31'],
    ]);
    expect(proposals[0]?.description).toBe('Underteckna ramavtal efter tiden för avtalsspärr enligt 20 kap. 1 § LOU har löpt ut');
    expect(proposals[1]?.description).toBe('Ta beslut om ev förlängningar enligt gällande avtal');
    expect(proposals[6]?.description).toBe('Rapporterar till nämnden från beslut till 2021-12-31');
    expect(proposals[6]?.sentence).toBe('Arbetsgruppen leds av ordförande och rapporterar till nämnden från beslut till 2021-12-31');
  });

  it('leaves out decisions the board takes itself, start dates and prose without a date', () => {
    // § 25: "Nämnden beslutar utse … fr.o.m. 2020-11-30" and "Dataskyddsombudet ska rapportera direkt …".
    expect(proposals.some((p) => p.paragraph === 24 || p.paragraph === 25)).toBe(false);
    expect(readTask('Nämnden beslutar att köpa en egen diarie-enhet.')).toBeNull();
    expect(readTask('Per 2020-09-30 redovisar nämnden ett överskott på 132 092 SEK.')).toBeNull();
    expect(readTask('Paragrafen anses omedelbart justerad.')).toBeNull();
  });

  it.each([
    ['Nämnden ger förvaltningen i uppdrag att ta fram en handlingsplan senast 2021-06-30.', 'Förvaltningen', 'Ta fram en handlingsplan senast 2021-06-30', '2021-06-30'],
    ['Kommunstyrelsen uppdrar åt kommundirektören att utreda frågan till den 15 mars 2022.', 'Kommundirektören', 'Utreda frågan till den 15 mars 2022', '2022-03-15'],
    ['Socialchefen får i uppdrag att återrapportera till nämnden före 2021-02-01.', 'Socialchefen', 'Återrapportera till nämnden före 2021-02-01', '2021-02-01'],
    ['Förvaltningen ska återkomma till nämnden med en redovisning.', 'Förvaltningen', 'Återkomma till nämnden med en redovisning', null],
  ])('%s', (sentence, responsible, description, dueOn) => {
    expect(readTask(sentence)).toEqual({ responsible, description, dueOn });
  });

  it('takes the due date, not a start date', () => {
    expect(dueDateIn('gäller fr.o.m. 2020-11-30 och rapporteras till nämnden senast 2021-03-31')).toBe('2021-03-31');
    expect(dueDateIn('utses fr.o.m. 2020-11-30')).toBeNull();
    expect(dueDateIn('klart till 2021-02-30')).toBeNull(); // no such day
    expect(sentences('Enligt 20 kap. 1 § LOU gäller spärr. Ordförande ges i uppdrag att skriva under.')).toEqual([
      'Enligt 20 kap. 1 § LOU gäller spärr.',
      'Ordförande ges i uppdrag att skriva under.',
    ]);
  });
});

describe('the register through the API', () => {
  let f: AnslagFixture | undefined;
  afterEach(() => {
    f?.dispose();
    f = undefined;
  });

  it('confirms proposals, lists overdue tasks first, updates status and writes the yearly report', async () => {
    f = await anslagFixture({ now: '2020-11-12T10:00:00+01:00' });
    const proposals = await f.api.call('followUp.proposals', { meetingId: f.meetingId });
    expect(proposals).toHaveLength(7);
    expect(proposals.every((p) => !p.registered)).toBe(true);
    const report23 = proposals.find((p) => p.paragraph === 23);
    expect(report23?.paragraphTitle).toBe('Beslut om tillfällig arbetsgrupp');

    const task23 = await f.api.call('followUp.confirm', {
      meetingId: f.meetingId,
      paragraph: 23,
      decisionPoint: null,
      responsible: report23?.responsible as string,
      description: report23?.description as string,
      dueOn: report23?.dueOn ?? null,
    });
    expect(task23).toMatchObject({
      paragraph: 23,
      responsible: 'Arbetsgruppen',
      dueOn: '2021-12-31',
      status: 'open',
      statusText: 'Pågår',
      overdue: false,
      boardName: 'Norrbottens e-nämnd',
      meetingDate: '2020-11-05',
    });
    const sign20 = proposals[0];
    await f.api.call('followUp.confirm', {
      meetingId: f.meetingId,
      paragraph: 20,
      decisionPoint: 2,
      responsible: 'Anders Lundkvist (ordförande)',
      description: sign20?.description as string,
      dueOn: '2020-12-01',
      note: 'Avtalsspärren löper ut 2020-11-16.',
    });
    expect((await f.api.call('followUp.proposals', { meetingId: f.meetingId })).filter((p) => p.registered).map((p) => [p.paragraph, p.decisionPoint])).toEqual([
      [20, 2],
      [23, null],
    ]);

    const bad = await f.api.call('followUp.confirm', { meetingId: f.meetingId, paragraph: 20, decisionPoint: 9, responsible: 'X', description: 'Y' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(ApiError);
    expect((bad as ApiError).message).toContain('beslutspunkterna 1–4');

    // A month later the signing task is overdue and comes first.
    f.at('2020-12-10T10:00:00+01:00');
    const list = await f.api.call('followUp.list', {});
    expect(list.map((t) => [t.paragraph, t.overdue, t.statusText])).toEqual([
      [20, true, 'Försenad'],
      [23, false, 'Pågår'],
    ]);
    expect((await f.api.call('followUp.list', { overdueOnly: true })).map((t) => t.paragraph)).toEqual([20]);

    const done = await f.api.call('followUp.update', { taskId: list[0]?.id as string, status: 'done', doneOn: '2020-12-08' });
    expect(done).toMatchObject({ status: 'done', doneOn: '2020-12-08', statusText: 'Klar 2020-12-08', overdue: false, note: 'Avtalsspärren löper ut 2020-11-16.' });
    const early = await f.api.call('followUp.update', { taskId: task23.id, status: 'done', doneOn: '2020-11-01' }).catch((e: unknown) => e);
    expect((early as ApiError).message).toContain('kan inte ha blivit klart före det');
    expect(await f.api.call('followUp.list', { overdueOnly: true })).toEqual([]);

    const boards = await f.api.call('boards.list', {});
    const report = await f.api.call('followUp.report', { boardId: boards[0]?.id as string, year: 2020 });
    expect(report).toMatchObject({ fileName: 'uppfoljning-norrbottens-e-namnd-2020.pdf', tasks: 2 });
    const dir = tempDir();
    try {
      const text = pdfText(dir.file('rapport.pdf', Buffer.from(report.pdfBase64, 'base64'))).replace(/\s+/g, ' ');
      expect(text).toContain('Uppföljning av uppdrag 2020');
      expect(text).toContain('10 kap. 7–9 §§ kommunallagen');
      expect(text).toContain('§ 23');
      expect(text).toContain('Uppdrag 2 Klara 1 Pågår 1 Försenade 0');
      expect(text).toContain('Arbetsgruppen');
      expect(text).toContain('2021-12-31');
      expect(text).toContain('Klar 2020-12-08');
    } finally {
      dir.remove();
    }
    const empty = await f.api.call('followUp.report', { boardId: boards[0]?.id as string, year: 2021 });
    expect(empty.tasks).toBe(0);

    expect(readAudit(f.backend.db, { entity: 'follow_up_task' }).map((a) => a.action)).toEqual(['followup.confirmed', 'followup.confirmed', 'followup.updated']);
  });
});
