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
 * - approved → opens the next version as a draft; the approved one stays frozen and readable;
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
        'Hãy chờ lãnh đạo trả lại hoặc duyệt; sau khi duyệt, sửa tiếp sẽ mở phiên bản mới.',
    );
  }
  if (latest.status === 'approved') {
    const versionNo = latest.version_no + 1;
    insertDraftVersion(db, subject.kind, subject.key, versionNo, actor, at);
    appendAudit(db, {
      at,
      actor,
      action: 'review.version-open',
      subject: id,
      old: { versionNo: latest.version_no, status: 'approved' },
      new: { versionNo, status: 'draft' },
    });
    return { versionNo };
  }
  return { versionNo: latest.version_no };
}
