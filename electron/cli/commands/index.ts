// Every `justera` sub-command, in the order `justera --help` lists them.
import type { CliCommand } from '../types';
import { demoCommand, exportCommand, importCommand, listCommand } from './data';
import { datesCommand } from './dates';
import { anslagCommands } from './anslag';
import { signCommand, verifyCommand } from './signing';
import { justeringCommands } from './justering';

export const commands: CliCommand[] = [demoCommand, listCommand, importCommand, exportCommand, datesCommand, signCommand, verifyCommand, ...anslagCommands, ...justeringCommands];
