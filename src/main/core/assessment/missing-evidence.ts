import type { MissingEvidenceDomain, MissingEvidenceReport } from '../../../shared/contract/assessment';
import { selfScoredLeaves } from '../../../shared/criteria/tree';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { getAssessmentView } from './assessment-service';

/**
 * Items of a year's assessment whose set asks for evidence ("Tài liệu kiểm chứng: …") and that
 * have no file linked yet, grouped by domain in the set's order. Items the officer marked not
 * applicable need nothing.
 */
export function missingEvidence(ctx: CoreContext, year: number): MissingEvidenceReport {
  const view = getAssessmentView(ctx, year);
  if (!view) throw new AppError('NOT_FOUND', `Chưa có bản tự đánh giá năm ${year}.`);
  const domains = new Map<string, MissingEvidenceDomain>(
    view.set.domains.map((d) => [d.code, { code: d.code, title: d.title, items: [] }] as const),
  );
  let requiredCount = 0;
  let missingCount = 0;
  for (const { item, domainCode } of selfScoredLeaves(view.set)) {
    if (!item.evidenceRequired.trim() || view.score.items[item.code]?.notApplicable) continue;
    requiredCount += 1;
    if ((view.evidenceCounts[item.code] ?? 0) > 0) continue;
    missingCount += 1;
    domains.get(domainCode)?.items.push({
      code: item.code,
      title: item.title,
      evidenceRequired: item.evidenceRequired,
      maxPoints: item.maxPoints,
      hasExplanation: !!view.entries[item.code]?.explanation.trim(),
    });
  }
  return { year, requiredCount, missingCount, domains: [...domains.values()].filter((d) => d.items.length > 0) };
}
