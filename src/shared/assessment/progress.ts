import type { AssessmentEntry } from '../contract/assessment';
import type { CriteriaItem, CriteriaSet } from '../criteria/format';
import type { ItemScore, SetScore } from '../criteria/score-types';
import { selfScoredLeaves } from '../criteria/tree';

/**
 * When an item counts as done — the one definition the workspace, the home page and the dashboard
 * all use, so "đã xong" means the same everywhere:
 * - answered (the engine has an answer to score);
 * - tài liệu kiểm chứng linked where the set asks for it, or a reason in the thuyết minh;
 * - a thuyết minh where the points are below the maximum (how they were reached).
 * The officer's own status overrides it: «Xong» counts as done, «Cần bổ sung» as not done.
 */
export function itemDone(item: CriteriaItem, entry: AssessmentEntry | undefined, score: ItemScore | undefined, evidenceCount: number): boolean {
  if (entry?.status === 'xong') return true;
  if (entry?.status === 'can-bo-sung') return false;
  if (!score?.answered) return false;
  const explained = !!entry?.explanation.trim();
  const partial = score.effectiveMax > 0 && score.points < score.effectiveMax;
  const missingEvidence = !!item.evidenceRequired && evidenceCount === 0 && !score.notApplicable;
  return explained || (!partial && !missingEvidence);
}

export interface Progress {
  done: number;
  total: number;
  /** Per domain code. */
  domains: Record<string, { done: number; total: number }>;
}

export function assessmentProgress(view: { set: CriteriaSet; entries: Record<string, AssessmentEntry>; score: SetScore; evidenceCounts: Record<string, number> }): Progress {
  const progress: Progress = { done: 0, total: 0, domains: {} };
  for (const { item, domainCode } of selfScoredLeaves(view.set)) {
    const done = itemDone(item, view.entries[item.code], view.score.items[item.code], view.evidenceCounts[item.code] ?? 0);
    const domain = (progress.domains[domainCode] ??= { done: 0, total: 0 });
    domain.total += 1;
    progress.total += 1;
    if (done) {
      domain.done += 1;
      progress.done += 1;
    }
  }
  return progress;
}
