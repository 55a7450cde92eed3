import type { CliCommand } from '../command';
import { accountsCommands } from './accounts';
import { assessmentCommands } from './assessment';
import { criteriaCommands } from './criteria';
import { infoCommand } from './info';

/** Every `cchc` command; each domain adds its list here. */
export const commands: readonly CliCommand[] = [infoCommand, ...criteriaCommands, ...assessmentCommands, ...accountsCommands];
