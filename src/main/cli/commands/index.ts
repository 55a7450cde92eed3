import type { CliCommand } from '../command';
import { infoCommand } from './info';

/** Every `cchc` command; each domain adds its list here. */
export const commands: readonly CliCommand[] = [infoCommand];
