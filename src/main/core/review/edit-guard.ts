import type { SubjectKind } from '../../../shared/contract/review';
import { subjectId, subjectLabel } from '../../../shared/review-labels';
import type { Actor } from '../auth/session';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { appendAudit } from './audit-log';
import { insertDraftVersion, latestVersion } from './version-store';

export interface ReviewSubjectRef {
  kind: SubjectKind;
  key: string;
}

/**
 * Asked by the owning domain before it changes a dossier's content, inside the same transaction
 * as the change:
 * - nothing written yet → opens version 1 as a draft;
 * - submitted → refused: the leader is reviewing exactly this content;
 * - approved → refused: the officer opens the next version on purpose («Mở phiên bản mới để sửa»);
 * - draft or returned → the edit goes into the current version.
 * Returns the version number the edit belongs to.
 */
export function beforeEdit(db: Db, subject: ReviewSubjectRef, actor: Actor, at: Date = new Date()): { versionNo: number } {
  const latest = latestVersion(db, subject.kind, subject.key);
  const id = subjectId(subject.kind, subject.key);
  if (!latest) {
    insertDraftVersion(db, subject.kind, subject.key, 1, actor, at);
    appendAudit(db, { at, actor, action: 'review.version-open', subject: id, new: { versionNo: 1, status: 'draft' } });
    return { versionNo: 1 };
  }
  if (latest.status === 'submitted') {
    throw new AppError(
      'CONFLICT',
      `${subjectLabel(id)} (phiên bản ${latest.version_no}) đang trình lãnh đạo duyệt nên chưa sửa được. ` +
        'Hãy chờ lãnh đạo trả lại hoặc duyệt.',
    );
  }
  if (latest.status === 'approved') {
    // Approval is a state the officer sees, not one a keystroke leaves: the next version is
    // opened only on purpose, with a reason (openNewVersion in workflow.ts).
    throw new AppError(
      'CONFLICT',
      `${subjectLabel(id)} (phiên bản ${latest.version_no}) đã được duyệt nên chỉ xem. ` +
        'Muốn sửa, hãy bấm «Mở phiên bản mới để sửa» và ghi lý do; phiên bản đã duyệt được giữ nguyên.',
    );
  }
  return { versionNo: latest.version_no };
}

/**
 * Why beforeEdit would refuse an edit now (with the leader, or approved), without writing
 * anything: for a page that announces an action before the officer takes it. Null when allowed.
 */
export function editRefusal(db: Db, subject: ReviewSubjectRef): string | null {
  const latest = latestVersion(db, subject.kind, subject.key);
  const label = subjectLabel(subjectId(subject.kind, subject.key));
  if (latest?.status === 'submitted') return `${label} (phiên bản ${latest.version_no}) đang trình lãnh đạo duyệt; hãy chờ lãnh đạo trả lại hoặc duyệt.`;
  if (latest?.status === 'approved') {
    return `${label} (phiên bản ${latest.version_no}) đã được duyệt; hãy bấm «Mở phiên bản mới để sửa» và ghi lý do trước, phiên bản đã duyệt được giữ nguyên.`;
  }
  return null;
}
