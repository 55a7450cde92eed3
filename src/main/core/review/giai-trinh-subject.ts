import { parseGiaiTrinhSubjectKey } from '../../../shared/contract/appraisal';
import { appraisalAccess } from './appraisal-access';
import { evidenceAccess } from './evidence-access';
import type { ReviewSubjectProvider } from './subject-provider';

/**
 * The giải trình round of a year (kind 'assessment', key '2026:giai-trinh-1'), read through the
 * appraisal domain: the same review, approval and lock as the self-assessment, its own versions.
 */
export const giaiTrinhSubject: ReviewSubjectProvider = {
  kind: 'assessment',
  keyProblem: (key) => (parseGiaiTrinhSubjectKey(key) ? null : 'Mã hồ sơ giải trình có dạng năm:giai-trinh-1, ví dụ 2026:giai-trinh-1.'),

  describe(ctx, key) {
    const parsed = parseGiaiTrinhSubjectKey(key)!;
    const view = appraisalAccess.getAppraisalView(ctx, parsed.year);
    return view?.rounds.some((r) => r.round === parsed.round) ? { title: `Giải trình kết quả thẩm định lần ${parsed.round} năm ${parsed.year}` } : null;
  },

  targets(ctx, key) {
    const { year } = parseGiaiTrinhSubjectKey(key)!;
    const view = appraisalAccess.getAppraisalView(ctx, year);
    return view ? view.items.filter((i) => view.toExplain.includes(i.code)).map((i) => ({ code: i.code, title: i.title })) : [];
  },

  content(ctx, key) {
    const { year, round } = parseGiaiTrinhSubjectKey(key)!;
    const view = appraisalAccess.getAppraisalView(ctx, year);
    if (!view) return null;
    const items = view.items.filter((i) => view.toExplain.includes(i.code));
    const evidence = evidenceAccess.evidenceForItems(ctx.db, items.map((i) => i.giaiTrinh.evidenceKey));
    return {
      year,
      round,
      items: items.map((i) => ({
        code: i.code,
        title: i.title,
        selfPoints: i.selfPoints,
        appraisedPoints: i.round1?.effective ?? null,
        appraisalNote: i.round1?.note ?? '',
        text: i.giaiTrinh.text,
        evidence: evidence[i.giaiTrinh.evidenceKey] ?? [],
      })),
    };
  },

  async documents(ctx, key) {
    const { year } = parseGiaiTrinhSubjectKey(key)!;
    return [await appraisalAccess.giaiTrinhDocx(ctx, year)];
  },
};
