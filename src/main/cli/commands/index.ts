import type { CliCommand } from '../command';
import { accountsCommands } from './accounts';
import { appraisalCommands } from './appraisal';
import { assessmentCommands } from './assessment';
import { criteriaCommands } from './criteria';
import { evidenceCommands } from './evidence';
import { exchangeCommands } from './exchange';
import { infoCommand } from './info';
import { reportCommands } from './report';
import { reviewCommands } from './review';
import { planCommands } from './plan';
import { setVersionCommands } from './set-version';

/** Every `cchc` command; each domain adds its list here. */
export const commands: readonly CliCommand[] = [infoCommand, ...criteriaCommands, ...assessmentCommands, ...setVersionCommands, ...evidenceCommands, ...reportCommands, ...reviewCommands, ...exchangeCommands, ...accountsCommands, ...appraisalCommands, ...planCommands];
