// What became of the time stamp of a signature made in this app, in the words the user reads.
import type { TimestampOutcome } from '../../../core/app/justering/types';
import type { TimestampFailure } from '../signing';

/** What became of the time stamp; signPdf says why one is missing as data (reason and cause). */
export function timestampOutcome(tsaUrl: string | null, level: 'B-B' | 'B-T', failure: TimestampFailure | null): TimestampOutcome {
  if (tsaUrl === null) return { requested: false, added: false, message: null };
  if (level === 'B-T') return { requested: true, added: true, message: null };
  const what = failure === null ? 'kunde inte ge någon tidsstämpel' : `${failure.reason === 'tsa_unreachable' ? 'svarade inte' : 'gav inget giltigt svar'} (${failure.why})`;
  return {
    requested: true,
    added: false,
    message: `Tidsstämpeltjänsten ${tsaUrl} ${what}; underskriften saknar tidsstämpel (PAdES B-B). Kontrollera adressen till tidsstämpeltjänsten i inställningarna och nätverket.`,
  };
}
