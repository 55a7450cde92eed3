import { evidenceFile } from '../evidence';

/** What the plan domain asks of the evidence domain: whether a file it names is in the store. */
export const evidenceAccess = { evidenceFile };
