// Every `justera` sub-command, in the order `justera --help` lists them.
import type { CliCommand } from '../types';
import { demoCommand, exportCommand, importCommand, listCommand } from './data';
import { datesCommand } from './dates';
import { anslagCommands } from './anslag';
import { signCommand, verifyCommand } from './signing';
import { justeringCommands } from './justering';
import { justeringSettingsCommands } from './justering-settings';
import { searchCommand } from './search';
import { archiveCommands } from './archive';
import { trustCommands } from './trust';
import { signServiceCommands } from './signservice';
import { peopleCommands } from './people';
import { kallelseCommands } from './kallelse';

export const commands: CliCommand[] = [
  demoCommand,
  listCommand,
  searchCommand,
  importCommand,
  exportCommand,
  datesCommand,
  signCommand,
  verifyCommand,
  ...anslagCommands,
  ...justeringCommands,
  ...justeringSettingsCommands,
  ...archiveCommands,
  ...trustCommands,
  ...signServiceCommands,
  ...peopleCommands,
  ...kallelseCommands,
];
