// `justera dates`: the statutory dates for justering, posting the notice and appeal.

import { AppError } from '../../../core/api/errors';
import { JUSTERING_DAYS, POST_BY_DAYS, appealPeriod, assertIsoDate, closedDayReason, periodEnd, weekdayName, type PeriodEnd } from '../../../core/domain/calendar';
import type { CliArgs, CliCommand, CliIo } from '../types';

function dateOption(args: CliArgs, name: string): string | undefined {
  const value = args.values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw new AppError('validation', `--${name} ska ha ett datum på formen ÅÅÅÅ-MM-DD.`);
  }
  assertIsoDate(value, `--${name}`);
  return value;
}

function day(iso: string): string {
  return `${iso} (${weekdayName(iso)})`;
}

/** The period's last day, saying which closed day it was moved from and under which law. */
function deadline(end: PeriodEnd): string {
  if (end.date === end.nominal) return day(end.date);
  return `${day(end.date)}, flyttad från ${end.nominal} (${closedDayReason(end.nominal)}) enligt lagen (1930:173) om beräkning av lagstadgad tid`;
}

export const datesCommand: CliCommand = {
  name: 'dates',
  summary: 'Räknar ut sista dag för justering, anslag och överklagande.',
  usage: ['justera dates --posted ÅÅÅÅ-MM-DD [--json]', 'justera dates --meeting ÅÅÅÅ-MM-DD [--adjusted ÅÅÅÅ-MM-DD] [--posted ÅÅÅÅ-MM-DD] [--json]'].join('\n'),
  details: [
    `Justering ska ske senast ${JUSTERING_DAYS} dagar efter sammanträdet (KL 5 kap. 69 §).`,
    `Anslaget ska sättas upp senast ${POST_BY_DAYS} dagar efter justeringen (KL 8 kap. 12 §).`,
    'Överklagandetiden är tre veckor från den dag anslaget sattes upp (KL 13 kap. 5 §).',
    'Slutar en tid på lördag, söndag, helgdag, midsommarafton, julafton eller nyårsafton',
    'flyttas den till nästa vardag (lagen (1930:173) om beräkning av lagstadgad tid).',
    '',
    'Exempel:',
    '  justera dates --posted 2020-11-06',
    '  justera dates --meeting 2020-11-05 --adjusted 2020-11-12 --json',
  ].join('\n'),
  options: {
    meeting: { type: 'string', valueName: 'ÅÅÅÅ-MM-DD', description: 'Sammanträdesdagen; visar sista dag för justering.' },
    adjusted: { type: 'string', valueName: 'ÅÅÅÅ-MM-DD', description: 'Dagen protokollet justerades; visar sista dag för anslag.' },
    posted: { type: 'string', valueName: 'ÅÅÅÅ-MM-DD', description: 'Dagen anslaget sattes upp; visar sista dag för överklagande och när anslaget får tas ned.' },
    json: { type: 'boolean', description: 'Skriv resultatet som JSON.' },
  },

  async run(io: CliIo, args: CliArgs): Promise<number> {
    const meeting = dateOption(args, 'meeting');
    const adjusted = dateOption(args, 'adjusted');
    const posted = dateOption(args, 'posted');
    if (meeting === undefined && adjusted === undefined && posted === undefined) {
      throw new AppError(
        'validation',
        'Ange minst ett datum: --posted ÅÅÅÅ-MM-DD (dagen anslaget sattes upp), --meeting ÅÅÅÅ-MM-DD (sammanträdesdagen) eller --adjusted ÅÅÅÅ-MM-DD (justeringsdagen).',
      );
    }

    const json: Record<string, string> = {};
    const lines: string[] = [];
    if (meeting !== undefined) {
      const end = periodEnd(meeting, JUSTERING_DAYS);
      Object.assign(json, { meeting, justeringDeadline: end.date });
      lines.push(`Sammanträdet hölls: ${day(meeting)}`, `Sista dag för justering: ${deadline(end)}`);
    }
    if (adjusted !== undefined) {
      const end = periodEnd(adjusted, POST_BY_DAYS);
      Object.assign(json, { adjusted, postBy: end.date });
      lines.push(`Protokollet justerades: ${day(adjusted)}`, `Anslaget ska sättas upp senast: ${deadline(end)}`);
    }
    if (posted !== undefined) {
      const period = appealPeriod(posted);
      Object.assign(json, { posted, lastAppealDay: period.lastAppealDay, takeDown: period.takeDown });
      lines.push(
        `Anslaget sätts upp: ${day(posted)}`,
        `Sista dag för överklagande: ${deadline({ nominal: period.nominalLastDay, date: period.lastAppealDay })}`,
        `Anslaget får tas ned: ${day(period.takeDown)}`,
      );
    }

    io.out(args.values.json === true ? `${JSON.stringify(json, null, 2)}\n` : `${lines.join('\n')}\n`);
    return 0;
  },
};
