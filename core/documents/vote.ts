// Counting a vote (omröstning): totals and which side won. In an open vote a tie is settled by
// the chair's casting vote (utslagsröst); a tied closed ballot is settled by lot.
import { AppError } from '../api/errors';
import type { Vote } from '../format/meeting';
import { tieMessage, voteWinner } from '../domain/rules';

export type VoteSide = 'ja' | 'nej';

export interface VoteOutcome {
  ja: number;
  nej: number;
  avstar: number;
  winner: VoteSide;
  decidedBy: 'majority' | 'casting_vote' | 'lot';
}

/**
 * Counts `vote`. `chair` is the person key of the chair, whose Ja or Nej decides a tied open
 * vote. Throws AppError('validation') when the data cannot decide the vote: a person voting
 * twice, or a tie with no casting vote or lot recorded.
 */
export function countVote(vote: Vote, chair: string, paragraph?: number, which: { index: number; count: number } = { index: 0, count: 1 }): VoteOutcome {
  switch (vote.kind) {
    case 'open':
      return countOpen(vote, chair, paragraph, which);
    case 'closed':
      return countClosed(vote, paragraph, which);
    default: {
      const never: never = vote;
      return never;
    }
  }
}

type Which = { index: number; count: number };

function countOpen(vote: Extract<Vote, { kind: 'open' }>, chair: string, paragraph: number | undefined, which: Which): VoteOutcome {
  const seen = new Set<string>();
  const totals = { ja: 0, nej: 0, avstar: 0 };
  for (const v of vote.votes) {
    if (seen.has(v.person)) {
      throw new AppError('validation', `"${v.person}" har röstat mer än en gång i omröstningen. Varje tjänstgörande ledamot har en röst.`);
    }
    seen.add(v.person);
    totals[v.vote] += 1;
  }
  if (totals.ja !== totals.nej) return { ...totals, winner: totals.ja > totals.nej ? 'ja' : 'nej', decidedBy: 'majority' };
  const settled = voteWinner(vote, chair);
  if (settled !== null) return { ...totals, winner: settled.winner, decidedBy: 'casting_vote' };
  if (paragraph !== undefined) throw new AppError('validation', tieMessage(vote, paragraph, which.index, which.count));
  throw new AppError('validation', 'Omröstningen slutade lika men ordföranden har inte röstat ja eller nej. Vid lika röstetal avgör ordförandens utslagsröst; registrera ordförandens röst.');
}

function countClosed(vote: Extract<Vote, { kind: 'closed' }>, paragraph: number | undefined, which: Which): VoteOutcome {
  const totals = { ja: vote.ja, nej: vote.nej, avstar: vote.avstar };
  if (vote.ja !== vote.nej) return { ...totals, winner: vote.ja > vote.nej ? 'ja' : 'nej', decidedBy: 'majority' };
  if (vote.lotWinner !== undefined) return { ...totals, winner: vote.lotWinner, decidedBy: 'lot' };
  if (paragraph !== undefined) throw new AppError('validation', tieMessage(vote, paragraph, which.index, which.count));
  throw new AppError('validation', 'Den slutna omröstningen slutade lika. Vid lika röstetal avgörs valet genom lottning; registrera lottningens utfall.');
}

/** The sentence a protocol prints under the vote table. */
export function voteResultText(vote: Vote, outcome: VoteOutcome, boardShortName: string): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts = [count(outcome.ja, 'ja-röst', 'ja-röster'), count(outcome.nej, 'nej-röst', 'nej-röster')];
  const abstained = outcome.avstar > 0 ? ` och ${outcome.avstar} som avstår` : '';
  const means = outcome.winner === 'ja' ? vote.jaMeans : vote.nejMeans;
  const tie = tieText(outcome);
  return `Omröstningen utfaller med ${parts.join(' mot ')}${abstained}.${tie} ${boardShortName} har därmed beslutat enligt ${outcome.winner}-förslaget: ${means}.`;
}

function tieText(outcome: VoteOutcome): string {
  switch (outcome.decidedBy) {
    case 'majority':
      return '';
    case 'casting_vote':
      return ` Då rösterna fallit lika avgör ordförandens utslagsröst (${outcome.winner === 'ja' ? 'Ja' : 'Nej'}).`;
    case 'lot':
      return ' Då rösterna fallit lika har valet avgjorts genom lottning.';
    default: {
      const never: never = outcome.decidedBy;
      return never;
    }
  }
}
