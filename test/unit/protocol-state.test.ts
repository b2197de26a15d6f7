// Issue 16 (8): the workspace header's status and its badge come from one derivation of the
// meeting's status and its groups' states, so they can never disagree ("Justerat" beside
// "Låst för justering"): the state is locked exactly when some group is, and "adjusted" only when
// every group is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLockedState, meetingProtocolState, protocolState, protocolStateLabels, type GroupState } from '../../core/domain/protocol-state';
import { sv } from '../../renderer/i18n/sv';
import { meetingStatuses } from '../../core/format/meeting';

describe('protocolState', () => {
  it('names the cases a secretary meets', () => {
    expect(protocolState('held', [])).toBe('held');
    expect(protocolState('planned', ['open', 'open'])).toBe('planned');
    expect(protocolState('held', ['frozen', 'open'])).toBe('frozen');
    expect(protocolState('held', ['adjusted', 'frozen'])).toBe('partlyAdjusted');
    expect(protocolState('adjusted', ['adjusted', 'adjusted'])).toBe('adjusted');
    // A stored "adjusted" while a group is only frozen (a stale status): locked for justering, not adjusted.
    expect(protocolState('adjusted', ['frozen'])).toBe('frozen');
    expect(protocolState('adjusted', ['adjusted', 'open'])).toBe('partlyAdjusted');
    expect(protocolState('cancelled', ['open'])).toBe('cancelled');
  });

  it('is locked exactly when a group is, and adjusted exactly when every group is', () => {
    fc.assert(
      fc.property(fc.constantFrom(...meetingStatuses.filter((s) => s !== 'cancelled')), fc.array(fc.constantFrom<GroupState>('open', 'frozen', 'adjusted'), { maxLength: 6 }), (status, groups) => {
        const state = protocolState(status, groups);
        expect(isLockedState(state)).toBe(groups.some((g) => g !== 'open'));
        expect(state === 'adjusted').toBe(groups.length > 0 && groups.every((g) => g === 'adjusted'));
        if (state === 'frozen') expect(groups).not.toContain('adjusted');
      }),
    );
  });
});

describe('meetingProtocolState and its words', () => {
  it('reads §s in no group as open and an unknown stored status as held', () => {
    expect(meetingProtocolState('held', [null, 'frozen'])).toBe('frozen');
    expect(meetingProtocolState('planned', [null, null])).toBe('planned');
    expect(meetingProtocolState('adjusted', [null])).toBe('held');
    expect(meetingProtocolState('bogus', ['adjusted'])).toBe('adjusted');
  });

  it('has the same Swedish words for the CLI as the UI catalogue', () => {
    for (const [state, label] of Object.entries(protocolStateLabels)) expect(sv[`meeting.state.${state}` as keyof typeof sv]).toBe(label);
  });
});
