// The secretary's workspace (issue 3): every method the drafting UI calls. Split by area.
import { workspaceBoardsContract } from './workspace-boards';
import { workspaceMeetingsContract } from './workspace-meetings';
import { workspaceParagraphsContract } from './workspace-paragraphs';

export const workspaceContract = {
  ...workspaceBoardsContract,
  ...workspaceMeetingsContract,
  ...workspaceParagraphsContract,
} as const;
