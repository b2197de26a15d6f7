// Handlers for core/api/contracts/anslag.ts: the clerk's use cases wired to SQLite
// (db/repos/anslag.ts), the templates (anslag-pdf.ts) and the notice-board folder writer.
import type { HandlersFor } from '../../core/api/contract';
import type { anslagContract } from '../../core/api/contracts/anslag';
import * as documents from '../../core/app/anslag/documents';
import * as extracts from '../../core/app/anslag/extracts';
import * as followUp from '../../core/app/anslag/followup-tasks';
import * as noticeboard from '../../core/app/anslag/noticeboard';
import * as notices from '../../core/app/anslag/notices';
import * as publicVersion from '../../core/app/anslag/public';
import type { AnslagDeps } from '../../core/app/anslag/ports';
import { createAnslagStore } from '../../db/repos/anslag';
import { fileSiteWriter } from '../services/noticeboard/writer';
import { anslagDocuments } from './anslag-pdf';
import type { HandlerContext } from './context';

export function anslagDeps(ctx: HandlerContext): AnslagDeps {
  const { deps, db } = ctx;
  return { ...deps, anslag: createAnslagStore(db, { clock: deps.clock, ids: deps.ids }), documents: anslagDocuments, siteWriter: fileSiteWriter };
}

export function anslagHandlers(ctx: HandlerContext): HandlersFor<keyof typeof anslagContract> {
  const deps = anslagDeps(ctx);
  return {
    'anslag.pending': (input) => notices.listPending(deps, input),
    'anslag.post': (input) => notices.postNotice(deps, input),
    'anslag.notices': (input) => notices.listNotices(deps, input),
    'anslag.takeDown': (input) => notices.takeDownNotice(deps, input),
    'anslag.documents': (input) => documents.listDocuments(deps, input.meetingId, input.kind),
    'anslag.document': (input) => documents.getDocument(deps, input.versionId),
    'anslag.publicVersion': async (input) => {
      const r = await publicVersion.ensurePublicVersion(deps, input.meetingId);
      return { ...r, pdfBase64: documents.getDocument(deps, r.document.id).pdfBase64 };
    },
    'noticeboard.export': (input) => noticeboard.exportNoticeBoard(deps, input),
    'noticeboard.address': (input) => noticeboard.noticeBoardAddress(deps, input),
    'noticeboard.setAddress': (input) => noticeboard.setNoticeBoardAddress(deps, input),
    'extracts.propose': (input) => extracts.proposeExtract(deps, input),
    'extracts.create': (input) => extracts.createExtract(deps, input),
    'extracts.list': (input) => extracts.listExtracts(deps, input.meetingId),
    'followUp.proposals': (input) => followUp.followUpProposals(deps, input.meetingId),
    'followUp.confirm': (input) => followUp.confirmFollowUp(deps, input),
    'followUp.update': (input) => followUp.updateFollowUp(deps, input),
    'followUp.list': (input) => followUp.listFollowUps(deps, input),
    'followUp.report': (input) => followUp.followUpReport(deps, input),
  };
}
