import { REPORT_PERIOD_CODES, type ReportPeriodCode } from '../../../shared/contract/reports';
// The key is reportSubjectKey(year, period) = "2026:q1".
import type { CoreContext } from '../context';
import { reportingAccess } from './reporting-access';
import type { ReviewSubjectProvider } from './subject-provider';

const KEY = new RegExp(`^(20[1-9]\\d|2100):(${REPORT_PERIOD_CODES.join('|')})$`);

function parseKey(key: string): { year: number; period: ReportPeriodCode } {
  const [year, period] = key.split(':');
  return { year: Number(year), period: period as ReportPeriodCode };
}

/** A started periodic report (key '2026:q1') as a review subject, read through the reporting domain. */
export const reportSubject: ReviewSubjectProvider = {
  kind: 'report',
  keyProblem: (key) => (KEY.test(key) ? null : `Mã báo cáo phải có dạng năm:kỳ (kỳ là ${REPORT_PERIOD_CODES.join(', ')}), ví dụ 2026:q1.`),

  describe(ctx, key) {
    const { year, period } = parseKey(key);
    // A period has a status once its report is started (the column is never null).
    const info = reportingAccess.listPeriods(ctx, year).find((p) => p.code === period);
    return info?.status ? { title: `Báo cáo kết quả CCHC ${info.title}` } : null;
  },

  targets(ctx, key) {
    const { year, period } = parseKey(key);
    return reportingAccess.getReport(ctx, year, period).sections.map((s) => ({ code: s.code, title: `${s.label}. ${s.title}` }));
  },

  /**
   * What the leader approved: every section's text, every row of the biểu số liệu, and the date
   * and Nơi nhận the approved .docx carries (taken in the same call that generates it; both are
   * locked while the report is with the leader).
   */
  content(ctx: CoreContext, key: string) {
    const { year, period } = parseKey(key);
    const view = reportingAccess.getReport(ctx, year, period);
    if (!view.started) return null;
    const printed = reportingAccess.resolveDocumentOptions(ctx, year, period);
    return {
      year,
      period,
      title: view.period.title,
      document: { date: printed.isoDate, recipients: printed.recipients },
      sections: view.sections.map((s) => ({ code: s.code, label: s.label, title: s.title, text: s.text, evidence: s.evidence })),
      statistics: view.statistics.map((r) => ({ code: r.code, label: r.label, unit: r.unit, value: r.value, computed: r.computed })),
    };
  },

  async documents(ctx, key) {
    const { year, period } = parseKey(key);
    return [await reportingAccess.periodicReportDocx(ctx, year, period), await reportingAccess.statisticsXlsx(ctx, year, period)];
  },
};
