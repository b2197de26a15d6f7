// Document view models: what each template renders, built from one meeting.
export * from './types';
export { buildProtocolData, type ProtocolOptions, type NoticePosting } from './protocol';
export { draftProtocolData } from './draft';
export { buildKallelseData, type KallelseOptions } from './kallelse';
export { buildExtractData, restrictTo, type ExtractOptions } from './extract';
export { buildNoticeData, type NoticeOptions } from './notice';
export { countVote, voteResultText, type VoteOutcome, type VoteSide } from './vote';
export { DIGITALLY_SIGNED } from './common';
