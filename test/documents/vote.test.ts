import { describe, expect, it } from 'vitest';
import { countVote, voteResultText } from '../../core/documents/vote';
import type { Vote } from '../../core/format/meeting';
import { AppError } from '../../core/api/errors';

const open = (votes: [string, 'ja' | 'nej' | 'avstar'][]): Vote => ({
  kind: 'open',
  jaMeans: 'bifall till ordförandens förslag',
  nejMeans: 'avslag',
  votes: votes.map(([person, vote]) => ({ person, vote })),
});

describe('countVote', () => {
  it.each([
    {
      votes: [
        ['a', 'ja'],
        ['b', 'ja'],
        ['c', 'nej'],
      ] as const,
      ja: 2,
      nej: 1,
      avstar: 0,
      winner: 'ja',
    },
    {
      votes: [
        ['a', 'nej'],
        ['b', 'nej'],
        ['c', 'ja'],
        ['d', 'avstar'],
      ] as const,
      ja: 1,
      nej: 2,
      avstar: 1,
      winner: 'nej',
    },
    {
      votes: [
        ['a', 'avstar'],
        ['b', 'ja'],
      ] as const,
      ja: 1,
      nej: 0,
      avstar: 1,
      winner: 'ja',
    },
  ])('counts an open vote by majority ($ja–$nej)', ({ votes, ja, nej, avstar, winner }) => {
    const outcome = countVote(open(votes.map(([p, v]) => [p, v])), 'a');
    expect(outcome).toEqual({ ja, nej, avstar, winner, decidedBy: 'majority' });
  });

  it('settles a tied open vote by the chair’s casting vote', () => {
    const v = open([
      ['chair', 'nej'],
      ['b', 'ja'],
      ['c', 'ja'],
      ['d', 'nej'],
      ['e', 'avstar'],
    ]);
    // Format version 2: the casting vote is recorded as data, and it is the chair's own vote.
    if (v.kind !== 'open') throw new Error('open');
    expect(countVote({ ...v, castingVote: { person: 'chair', side: 'nej' } }, 'chair')).toEqual({ ja: 2, nej: 2, avstar: 1, winner: 'nej', decidedBy: 'casting_vote' });
    expect(countVote({ ...v, castingVote: { person: 'b', side: 'ja' } }, 'b')).toMatchObject({ winner: 'ja', decidedBy: 'casting_vote' });
    // Without it, or with one that is not the chair's own vote, the tie is not settled.
    expect(() => countVote(v, 'chair')).toThrow(/utslagsröst/);
    expect(() => countVote({ ...v, castingVote: { person: 'chair', side: 'ja' } }, 'chair')).toThrow(/utslagsröst/);
  });

  it('refuses a tie when the chair did not vote ja or nej', () => {
    const v = open([
      ['chair', 'avstar'],
      ['b', 'ja'],
      ['c', 'nej'],
    ]);
    expect(() => countVote(v, 'chair')).toThrow(AppError);
    expect(() => countVote(v, 'nobody')).toThrow(/utslagsröst/);
  });

  it('refuses a person voting twice', () => {
    expect(() =>
      countVote(
        open([
          ['a', 'ja'],
          ['a', 'nej'],
        ]),
        'a',
      ),
    ).toThrow(/mer än en gång/);
  });

  it('counts a closed ballot and settles a tie by lot', () => {
    const closed: Vote = { kind: 'closed', jaMeans: 'A', nejMeans: 'B', ja: 3, nej: 3, avstar: 1, lotWinner: 'nej' };
    expect(countVote(closed, 'x')).toEqual({ ja: 3, nej: 3, avstar: 1, winner: 'nej', decidedBy: 'lot' });
    expect(countVote({ ...closed, ja: 4 }, 'x')).toMatchObject({ winner: 'ja', decidedBy: 'majority' });
    const { lotWinner: _lot, ...noLot } = closed;
    expect(() => countVote(noLot, 'x')).toThrow(/lottning/);
  });

  it('words the result in Swedish', () => {
    const v = open([
      ['chair', 'ja'],
      ['b', 'nej'],
      ['c', 'avstar'],
    ]);
    if (v.kind !== 'open') throw new Error('open');
    const settled: Vote = { ...v, castingVote: { person: 'chair', side: 'ja' } };
    const text = voteResultText(settled, countVote(settled, 'chair'), 'Nämnden');
    expect(text).toBe(
      'Omröstningen utfaller med 1 ja-röst mot 1 nej-röst och 1 som avstår. Då rösterna fallit lika avgör ordförandens utslagsröst (Ja). Nämnden har därmed beslutat enligt ja-förslaget: bifall till ordförandens förslag.',
    );
  });
});
