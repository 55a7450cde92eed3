import type { CliCommand } from '../command';
import { assessmentCommands } from './assessment';
import { criteriaCommands } from './criteria';
import { exchangeCommands } from './exchange';
import { infoCommand } from './info';

/** Every `cchc` command; each domain adds its list here. */
export const commands: readonly CliCommand[] = [infoCommand, ...criteriaCommands, ...assessmentCommands, ...exchangeCommands];
