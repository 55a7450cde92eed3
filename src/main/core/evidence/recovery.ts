import type { EvidenceRecoveryReport } from '../../../shared/contract/evidence';
import type { Db } from '../db/open';
import type { Logger } from '../registry';
import { recoverEvidenceStore } from './file-store';

/** The report of the last start-up clean-up, per open database (shown by evidence/status). */
const reports = new WeakMap<Db, EvidenceRecoveryReport>();

export function lastRecovery(db: Db): EvidenceRecoveryReport | null {
  return reports.get(db) ?? null;
}

/**
 * Start-up work of the evidence domain: removes what an interrupted import left (half-copied temp
 * files, blobs without a row, journal rows of dead processes) and logs it. Never stops the app
 * from starting: a failure is logged and the store is left as it was.
 */
export function initEvidence(db: Db, dataDir: string, log: Logger): EvidenceRecoveryReport | null {
  try {
    const cleaned = recoverEvidenceStore(db, dataDir);
    // Uploads and imports share the temp folder: every removed temp file was one unfinished transfer.
    const report: EvidenceRecoveryReport = { ranAt: new Date().toISOString(), ...cleaned, abandonedUploads: cleaned.removedTempFiles.length };
    reports.set(db, report);
    if (report.removedTempFiles.length || report.removedOrphans.length || report.clearedJournalEntries) {
      log('evidence: cleaned leftovers of an interrupted import', report);
    }
    return report;
  } catch (error) {
    log('evidence: start-up clean-up failed; the store was left as it was', error);
    return null;
  }
}
