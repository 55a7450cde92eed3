import type { AssessmentSnapshotContent } from '../../../shared/contract/review';
import type { ExportSubject } from '../../../shared/exchange/manifest';
import type { Db } from '../db/open';
import { evidenceFile, storedPathBySha } from '../evidence';
import { getProfile } from '../profile/profile-store';
import { approvedDossier } from '../review';
import { reportSubjectKey } from '../../../shared/contract/reports';
import { giaiTrinhSubjectKey } from '../../../shared/contract/appraisal';

/**
 * What the exchange domain asks of the review domain (the frozen approved version), the profile
 * (the unit as it was that year) and the evidence store (where each approved file lives).
 */

export interface ApprovedVersionForExport {
  subject: ExportSubject;
  unit: { name: string; shortName: string; unitType: string; parentBody: string; province: string };
  year: number;
  /** Kỳ báo cáo (q1, h1, q3, 9m, year) for a report, null for the yearly self-assessment. */
  period: string | null;
  version: number;
  approval: { by: string; at: string; comment: string };
  snapshotSha256: string;
  /** The approved snapshot's canonical JSON (its SHA-256 is snapshotSha256), carried in the package. */
  snapshotJson: string;
  /** The generated .docx and .xlsx of the approved version. */
  documents: { fileName: string; source: { kind: 'path'; path: string } | { kind: 'data'; data: Buffer } }[];
  /** The scanned signed copy, if one was attached. */
  signedCopy?: { fileName: string; path: string };
  /** Every evidence file linked to an item, with the hash the evidence store recorded. */
  evidence: { itemCode: string; fileName: string; path: string; sha256: string; size: number }[];
}

/** Report sections freeze their evidence by file id (see review/report-subject.ts). */
interface ReportSnapshotSections {
  sections: { code: string; evidence: { fileId: number; originalName: string }[] }[];
}

export const reviewAccess = {
  /** The given (or latest) approved version of an assessment year or a report period, as approved. */
  approvedVersion(db: Db, dataDir: string, subject: ExportSubject, version?: number): ApprovedVersionForExport | null {
    const key =
      subject.kind === 'report'
        ? reportSubjectKey(subject.year, subject.period)
        : subject.giaiTrinhRound
          ? giaiTrinhSubjectKey(subject.year, subject.giaiTrinhRound)
          : String(subject.year);
    const approved = approvedDossier(db, subject.kind, key, version);
    const profile = getProfile(db, subject.year);
    if (!approved || !profile) return null;

    const evidence: ApprovedVersionForExport['evidence'] = [];
    if (subject.kind === 'assessment') {
      // The snapshot names each file by hash: export exactly what the leader approved. A giải trình
      // snapshot lists its items the same way, with the tài liệu bổ sung as their evidence.
      for (const item of (approved.snapshot.content as AssessmentSnapshotContent).items) {
        for (const ref of item.evidence) {
          const path = storedPathBySha(db, dataDir, ref.sha256);
          evidence.push({ itemCode: item.code, fileName: ref.name, path: path ?? '', sha256: ref.sha256, size: ref.size });
        }
      }
    } else {
      for (const section of (approved.snapshot.content as ReportSnapshotSections).sections) {
        for (const ref of section.evidence) {
          const stored = evidenceFile(db, dataDir, ref.fileId);
          if (stored) evidence.push({ itemCode: section.code, fileName: ref.originalName, path: stored.storedPath, sha256: stored.sha256, size: stored.size });
        }
      }
    }
    const signed = approved.signedCopy ? evidenceFile(db, dataDir, approved.signedCopy.fileId) : null;

    return {
      subject,
      unit: { name: profile.name, shortName: profile.shortName, unitType: profile.unitType, parentBody: profile.parentBody, province: profile.province },
      year: subject.year,
      period: subject.kind === 'report' ? subject.period : null,
      version: approved.versionNo,
      approval: { by: approved.approvedBy, at: approved.approvedAt, comment: approved.comment },
      snapshotSha256: approved.snapshotSha256,
      snapshotJson: approved.snapshotJson,
      documents: approved.documents.map((d) => ({ fileName: d.fileName, source: { kind: 'data', data: d.data } })),
      ...(signed && approved.signedCopy ? { signedCopy: { fileName: approved.signedCopy.name, path: signed.storedPath } } : {}),
      evidence,
    };
  },
};
