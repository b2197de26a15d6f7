// Handlers for core/api/contracts/core.ts.
import type { HandlersFor } from '../../core/api/contract';
import type { coreContract } from '../../core/api/contracts/core';
import * as meetings from '../../core/app/meetings';
import type { HandlerContext } from './context';
import { APP_NAME, APP_VERSION } from '../version';

export function coreHandlers(ctx: HandlerContext): HandlersFor<keyof typeof coreContract> {
  const { deps } = ctx;
  return {
    'app.info': () => ({ name: APP_NAME, version: APP_VERSION, databasePath: ctx.databasePath, transport: ctx.transport }),
    'organisations.list': () => meetings.listOrganisations(deps),
    'boards.list': () => meetings.listBoards(deps),
    'meetings.list': (input) => meetings.listMeetings(deps, input),
    'meetings.get': (input) => meetings.getMeeting(deps, input.meetingId),
    'meetings.import': (input) => meetings.importMeeting(deps, input.document),
    'meetings.export': (input) => meetings.exportMeeting(deps, input.meetingId, { includeEmail: input.includeEmail }),
    'demo.load': () => meetings.loadDemo(deps),
  };
}
