// The clerk's screens' own piece: a date with its weekday. The loading, error and action states
// are shared by every screen (renderer/components/async.tsx).
import { weekdayName } from '../../../core/domain/calendar';

/** "2020-11-06 (fredag)", the weekday muted, the date machine-readable. */
export function Day({ iso }: { iso: string }) {
  return (
    <>
      <time dateTime={iso}>{iso}</time> <span className="muted">({weekdayName(iso)})</span>
    </>
  );
}
