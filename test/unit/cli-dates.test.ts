import { describe, expect, it } from 'vitest';
import { AppError } from '../../core/api/errors';
import { datesCommand } from '../../electron/cli/commands/dates';
import type { CliArgs, CliIo } from '../../electron/cli/types';

function fakeIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    cwd: '/tmp',
    today: () => '2025-12-01',
    now: () => new Date('2025-12-01T09:00:00Z'),
  };
}

async function run(values: CliArgs['values']): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIo();
  const code = await datesCommand.run(io, { values, positionals: [] });
  return { code, out: io.stdout.join(''), err: io.stderr.join('') };
}

async function runError(values: CliArgs['values']): Promise<AppError> {
  try {
    await run(values);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  return expect.fail('expected an AppError');
}

describe('justera dates', () => {
  it('declares its options for the runner', () => {
    expect(datesCommand.name).toBe('dates');
    expect(Object.keys(datesCommand.options).sort()).toEqual(['adjusted', 'json', 'meeting', 'posted']);
    expect(datesCommand.options.posted?.type).toBe('string');
    expect(datesCommand.options.json?.type).toBe('boolean');
  });

  it('prints the appeal period in Swedish (seed check)', async () => {
    const { code, out, err } = await run({ posted: '2020-11-06' });
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toBe('Anslaget sätts upp: 2020-11-06 (fredag)\n' + 'Sista dag för överklagande: 2020-11-27 (fredag)\n' + 'Anslaget får tas ned: 2020-11-28 (lördag)\n');
  });

  it('says when and why the last day was moved', async () => {
    const { out } = await run({ posted: '2025-12-03' });
    expect(out).toBe(
      'Anslaget sätts upp: 2025-12-03 (onsdag)\n' +
        'Sista dag för överklagande: 2025-12-29 (måndag), flyttad från 2025-12-24 (julafton) enligt lagen (1930:173) om beräkning av lagstadgad tid\n' +
        'Anslaget får tas ned: 2025-12-30 (tisdag)\n',
    );
  });

  it('prints the appeal period as JSON', async () => {
    const { code, out } = await run({ posted: '2020-11-12', json: true });
    expect(code).toBe(0);
    expect(JSON.parse(out)).toEqual({ posted: '2020-11-12', lastAppealDay: '2020-12-03', takeDown: '2020-12-04' });
  });

  it('prints the justering deadline and the post-by date', async () => {
    const { out } = await run({ meeting: '2020-11-05', adjusted: '2020-11-06' });
    expect(out).toBe(
      'Sammanträdet hölls: 2020-11-05 (torsdag)\n' +
        'Sista dag för justering: 2020-11-19 (torsdag)\n' +
        'Protokollet justerades: 2020-11-06 (fredag)\n' +
        'Anslaget ska sättas upp senast: 2020-11-09 (måndag), flyttad från 2020-11-08 (söndag) enligt lagen (1930:173) om beräkning av lagstadgad tid\n',
    );
  });

  it('combines all three options in JSON with exactly the documented keys', async () => {
    const { out } = await run({ meeting: '2020-11-05', adjusted: '2020-11-12', posted: '2020-11-12', json: true });
    expect(JSON.parse(out)).toEqual({
      meeting: '2020-11-05',
      justeringDeadline: '2020-11-19',
      adjusted: '2020-11-12',
      postBy: '2020-11-16',
      posted: '2020-11-12',
      lastAppealDay: '2020-12-03',
      takeDown: '2020-12-04',
    });
  });

  it('names the moved-from holiday for a meeting deadline', async () => {
    const { out } = await run({ meeting: '2025-04-04' });
    expect(out).toContain('Sista dag för justering: 2025-04-22 (tisdag), flyttad från 2025-04-18 (Långfredagen)');
  });

  it('asks for an option when none is given', async () => {
    const e = await runError({ json: true });
    expect(e.code).toBe('validation');
    expect(e.message).toContain('--posted ÅÅÅÅ-MM-DD');
    expect(e.message).toContain('--meeting');
    expect(e.message).toContain('--adjusted');
  });

  it.each([
    ['posted', '2021-02-29'],
    ['meeting', '2020-13-01'],
    ['adjusted', '6/11 2020'],
  ])('rejects --%s %s with a message naming option, value and form', async (option, value) => {
    const e = await runError({ [option]: value });
    expect(e.code).toBe('validation');
    expect(e.message).toContain(`--${option}`);
    expect(e.message).toContain(value);
    expect(e.message).toContain('ÅÅÅÅ-MM-DD');
  });
});
