// One derivation of where a meeting's protocol stands, for every place that shows it (the
// workspace header and its badge): from the meeting's status and its adjustment groups' states,
// so the header can never say "Justerat" while a group is only locked for justering.
import type { MeetingStatus } from '../format/meeting';

export type GroupState = 'open' | 'frozen' | 'adjusted';
export type ProtocolState = 'planned' | 'held' | 'cancelled' | 'frozen' | 'partlyAdjusted' | 'adjusted';

/**
 * Cancelled stays cancelled. Otherwise the groups decide once any is locked: all adjusted →
 * adjusted, some adjusted → partly adjusted, some frozen → locked for justering. With every
 * group open the meeting is planned or held (a stored "adjusted" with no adjusted group counts
 * as held: nothing has been signed).
 */
export function protocolState(status: MeetingStatus, groups: readonly GroupState[]): ProtocolState {
  if (status === 'cancelled') return 'cancelled';
  const adjusted = groups.filter((g) => g === 'adjusted').length;
  if (adjusted > 0 && adjusted === groups.length) return 'adjusted';
  if (adjusted > 0) return 'partlyAdjusted';
  if (groups.some((g) => g === 'frozen')) return 'frozen';
  return status === 'planned' ? 'planned' : 'held';
}

/** Whether the state means the protocol can no longer be edited freely. */
export function isLockedState(s: ProtocolState): boolean {
  return s === 'frozen' || s === 'partlyAdjusted' || s === 'adjusted';
}
