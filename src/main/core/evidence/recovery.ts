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
 * files and blobs its journal names, journal rows of dead processes), moves any other file
 * without a row to quarantine, and logs it. `removedInterruptedWrites` (what start-up removed of
 * killed exports, backups and restores) joins the same report. Never stops the app from
 * starting: a failure is logged and the store is left as it was.
 */
export function initEvidence(db: Db, dataDir: string, log: Logger, removedInterruptedWrites: string[] = []): EvidenceRecoveryReport | null {
  try {
    const ranAt = new Date();
    const cleaned = recoverEvidenceStore(db, dataDir, ranAt);
    // Uploads and imports share the temp folder: every removed temp file was one unfinished transfer.
    const report: EvidenceRecoveryReport = {
      ranAt: ranAt.toISOString(),
      ...cleaned,
      abandonedUploads: cleaned.removedTempFiles.length,
      removedInterruptedWrites,
    };
    reports.set(db, report);
    if (report.removedTempFiles.length || report.removedOrphans.length || report.clearedJournalEntries) {
      log('evidence: cleaned leftovers of an interrupted import', report);
    }
    if (report.quarantined.length) {
      log(`evidence: ${report.quarantined.length} stored file(s) without a row moved to ${report.quarantineDir} (not deleted)`, report.quarantined);
    }
    if (removedInterruptedWrites.length) log('removed the temp files of an interrupted export, backup or restore', removedInterruptedWrites);
    return report;
  } catch (error) {
    log('evidence: start-up clean-up failed; the store was left as it was', error);
    return null;
  }
}
