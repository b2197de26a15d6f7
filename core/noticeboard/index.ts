// The digital notice board (anslagstavla) as a static site: pure generation from plain data.
export * from './types';
export { generateNoticeBoard, linkedDocuments, noticeState, placeNotices } from './site';
export { slugify } from './slug';
export { permanentId } from './atom';
export { OPARL_ENTRY, OPARL_PAGE_SIZE, OPARL_SCHEMA, electionYearOf, oparlFiles, oparlPaths } from './oparl';
