import { evidenceFile } from '../evidence';

/** What the plan domain asks of the evidence domain: whether a file it names is in the store. */
// A call, not a copied reference: evidence also asks the plan (which files it names), so the two load in a cycle.
export const evidenceAccess = { evidenceFile: (...args: Parameters<typeof evidenceFile>) => evidenceFile(...args) };
