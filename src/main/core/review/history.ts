import type { ReviewComment, ReviewRound, Stamp, SubjectKind } from '../../../shared/contract/review';
import { subjectId } from '../../../shared/review-labels';
import type { Db } from '../db/open';
import { commentOf, listVersions } from './version-store';

/**
 * Every submission round, read back from the audit log (which already holds each send, return and
 * approval with who and when) and the comments each return wrote. A version keeps one row and its
 * last decision; the rounds before it live only here.
 */

interface StepRow {
  at: string;
  actor_id: number | null;
  actor_name: string;
  action: 'review.submit' | 'review.return' | 'review.approve';
  new_json: string | null;
}

function stampOf(row: StepRow): Stamp {
  return { at: row.at, id: row.actor_id, name: row.actor_name };
}

function sameAccount(a: Stamp, b: Stamp): boolean {
  return a.id !== null && a.id === b.id;
}

export function reviewRounds(db: Db, kind: SubjectKind, key: string, titleOf: (code: string) => string): ReviewRound[] {
  const steps = db
    .prepare(
      `SELECT at, actor_id, actor_name, action, new_json FROM audit_log
       WHERE subject = ? AND action IN ('review.submit', 'review.return', 'review.approve') ORDER BY seq`,
    )
    .all(subjectId(kind, key)) as StepRow[];
  const versionIds = new Map(listVersions(db, kind, key).map((v) => [v.version_no, v.id]));
  const commentsAt = db.prepare('SELECT * FROM review_comment WHERE version_id = ? AND created_at = ? ORDER BY id');

  const rounds: ReviewRound[] = [];
  for (const step of steps) {
    const data = (step.new_json ? JSON.parse(step.new_json) : {}) as { versionNo?: number; note?: string; comment?: string };
    const versionNo = data.versionNo ?? 1;
    if (step.action === 'review.submit') {
      const round = rounds.filter((r) => r.versionNo === versionNo).length + 1;
      rounds.push({
        versionNo,
        round,
        submitted: stampOf(step),
        note: data.note ?? '',
        outcome: 'pending',
        decided: null,
        decisionComment: '',
        comments: [],
        sameSubmitterAndDecider: false,
      });
      continue;
    }
    const open = [...rounds].reverse().find((r) => r.versionNo === versionNo && r.outcome === 'pending');
    if (!open) continue;
    open.decided = stampOf(step);
    open.sameSubmitterAndDecider = sameAccount(open.submitted, open.decided);
    if (step.action === 'review.approve') {
      open.outcome = 'approved';
      open.decisionComment = data.comment ?? '';
    } else {
      open.outcome = 'returned';
      const versionId = versionIds.get(versionNo);
      const rows = versionId === undefined ? [] : (commentsAt.all(versionId, step.at) as Parameters<typeof commentOf>[0][]);
      open.comments = rows.map((r): ReviewComment => commentOf(r, versionNo, titleOf));
    }
  }
  return rounds;
}
