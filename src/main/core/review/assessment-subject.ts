import type { AssessmentSnapshotContent } from '../../../shared/contract/review';
import { flattenItems, selfScoredLeaves } from '../../../shared/criteria/tree';
import type { CoreContext } from '../context';
import { assessmentAccess } from './assessment-access';
import { evidenceAccess } from './evidence-access';
import { reportingAccess } from './reporting-access';
import type { ReviewSubjectProvider } from './subject-provider';

/** The year's self-assessment as a review subject (key '2026'), read through the assessment domain. */
export const assessmentSubject: ReviewSubjectProvider = {
  kind: 'assessment',
  keyProblem: (key) => (/^(20[1-9]\d|2100)$/.test(key) ? null : 'Mã hồ sơ tự đánh giá là năm đánh giá, ví dụ 2026.'),

  describe(ctx, key) {
    return assessmentAccess.hasAssessment(ctx, Number(key)) ? { title: `Tự đánh giá năm ${key}` } : null;
  },

  targets(ctx, key) {
    const view = assessmentAccess.getAssessmentView(ctx, Number(key));
    return view ? flattenItems(view.set).map(({ item }) => ({ code: item.code, title: item.title })) : [];
  },

  content(ctx: CoreContext, key: string): AssessmentSnapshotContent | null {
    const year = Number(key);
    const view = assessmentAccess.getAssessmentView(ctx, year);
    if (!view) return null;
    const leaves = selfScoredLeaves(view.set);
    const evidence = evidenceAccess.evidenceForItems(ctx.db, leaves.map((l) => assessmentAccess.itemEvidenceKey(year, l.item.code)));
    return {
      year,
      set: { id: view.setId, version: view.setVersion, name: view.setName },
      items: leaves.map(({ item }) => {
        const entry = view.entries[item.code]!;
        return {
          code: item.code,
          title: item.title,
          answer: entry.answer,
          points: view.score.items[item.code]?.points ?? 0,
          maxPoints: item.maxPoints,
          explanation: entry.explanation,
          status: entry.status,
          evidence: evidence[assessmentAccess.itemEvidenceKey(year, item.code)] ?? [],
        };
      }),
      domains: view.score.domains.map((d) => ({ code: d.code, title: d.title, kind: d.kind, points: d.points, max: d.max })),
      total: view.score.total,
      max: view.score.max,
      percent: view.score.percent,
      band: view.score.band,
    };
  },

  documents: (ctx, key) => reportingAccess.generateDossierDocuments(ctx, Number(key)),
};
