import { selfScoredLeaves } from '../../../shared/criteria/tree';
import { formatPointsVi } from '../../../shared/text/vi';
import { getAssessmentView } from '../assessment/assessment-service';
import type { CoreContext } from '../context';
import type { ReviewSubjectProvider } from './subject-provider';

/**
 * What the review domain asks of the reporting domain. TEMP until the reporting domain lands:
 * - generateDossierDocuments → its Decree-30 self-assessment report and tables (docx, xlsx);
 * - reportSubject → its ReviewSubjectProvider for periodic reports (key '2026:q1').
 */
export const reportingAccess = {
  /** TEMP: one CSV table of the self-scores (UTF-8 with BOM), so approval has a document to freeze. */
  async generateDossierDocuments(ctx: CoreContext, year: number): Promise<{ fileName: string; data: Buffer }[]> {
    const view = getAssessmentView(ctx, year);
    if (!view) return [];
    const lines = ['Mã,Tiêu chí,Điểm tự chấm,Điểm tối đa'];
    for (const { item } of selfScoredLeaves(view.set)) {
      const points = view.score.items[item.code]?.points ?? 0;
      lines.push([item.code, `"${item.title.replace(/"/g, '""')}"`, `"${formatPointsVi(points)}"`, `"${formatPointsVi(item.maxPoints)}"`].join(','));
    }
    lines.push(`,Tổng cộng,"${formatPointsVi(view.score.total)}","${formatPointsVi(view.score.max)}"`);
    return [{ fileName: `bang-tu-cham-diem-${year}.csv`, data: Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8') }];
  },

  /** TEMP: periodic reports are not on this branch; every report key is "not found". */
  reportSubject: {
    kind: 'report',
    keyProblem: (key) => (/^\d{4}:(q[1-4]|h1|9m|y)$/.test(key) ? null : 'Mã báo cáo phải có dạng năm:kỳ, ví dụ 2026:q1.'),
    describe: () => null,
    targets: () => [],
    content: () => null,
    documents: async () => [],
  } satisfies ReviewSubjectProvider,
};
