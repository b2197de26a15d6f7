// One derivation of where a meeting's protocol stands, for every place that shows it (the
// workspace header and its badge, the board page's meeting list, the API's meetings.list and
// `justera list`): from the meeting's status and its adjustment groups' states, so no place can
// say "Justerat" while a group is only locked for justering.
import { meetingStatuses, type MeetingStatus } from '../format/meeting';

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

/**
 * The state of a meeting from what is stored: its status and each §'s adjustment-group status
 * (null: the § is in no group yet, i.e. open). Every list and the workspace header call this.
 */
export function meetingProtocolState(status: string, paragraphGroupStatuses: readonly (string | null)[]): ProtocolState {
  const known = (meetingStatuses as readonly string[]).includes(status) ? (status as MeetingStatus) : 'held';
  return protocolState(
    known,
    paragraphGroupStatuses.map((g): GroupState => (g === 'frozen' || g === 'adjusted' ? g : 'open')),
  );
}

/** The Swedish words for each state, for the CLI (the UI's catalogue has the same words; a test keeps them equal). */
export const protocolStateLabels: Record<ProtocolState, string> = {
  planned: 'Planerat',
  held: 'Genomfört, ej justerat',
  cancelled: 'Inställt',
  frozen: 'Låst för justering',
  partlyAdjusted: 'Delvis justerat',
  adjusted: 'Justerat',
};
