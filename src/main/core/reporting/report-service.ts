import type {
  PrefillResult,
  ReportEvidenceRef,
  ReportPeriodCode,
  ReportPeriodInfo,
  ReportSection,
  ReportSendingRecord,
  ReportStatisticRow,
  ReportView,
  StartFromPreviousResult,
} from '../../../shared/contract/reports';
import { toNfc } from '../../../shared/text/vi';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { reportOutline, statisticsIndicators, type OutlineSection } from './content-data';
import { evidenceAccess, evidenceNumber, reportSectionEvidenceKey, type LinkedEvidence } from './evidence-access';
import { findPeriod, loadPeriods, resolvePeriods, type ResolvedPeriod } from './periods';
import {
  ensureReport,
  getReportRow,
  listReportRows,
  listSectionRows,
  listStatisticValues,
  reportHasContent,
  setStatisticValue,
  upsertSection,
  type ReportRow,
  type SectionRow,
} from './report-store';
import { statisticRows, statisticsProblems } from './statistics-rows';
import { recordReportEdit } from './review-access';
import { planAccess, planStatistics } from './plan-access';
import { planSectionText, remediationSectionText, SECTION_STATISTICS_GROUP, statisticsSectionText } from './period-prefill';
import { markSent, sendingRecord, unmarkSent, withSending } from './report-sending';

/** Report content for a period: the outline sections the officer writes and the biểu số liệu. */

export function listPeriods(ctx: CoreContext, year: number): ReportPeriodInfo[] {
  const rows = new Map(listReportRows(ctx.db, [year]).map((r) => [r.period_code, r]));
  const periods = resolvePeriods(loadPeriods(ctx.dataDir), year, ctx.now()).map((p) => {
    const row = rows.get(p.code);
    return { ...p, status: row?.status ?? null, updatedAt: row?.updated_at ?? null };
  });
  return withSending(ctx.db, year, periods);
}

function periodInfo(ctx: CoreContext, year: number, period: ReportPeriodCode, row: ReportRow | null): ReportPeriodInfo {
  const p = { ...findPeriod(loadPeriods(ctx.dataDir), year, period, ctx.now()), status: row?.status ?? null, updatedAt: row?.updated_at ?? null };
  return withSending(ctx.db, year, [p])[0]!;
}

export function recordSent(ctx: CoreContext, year: number, period: ReportPeriodCode, input: Parameters<typeof markSent>[3]): ReportPeriodInfo {
  markSent(ctx, year, period, input);
  return periodInfo(ctx, year, period, getReportRow(ctx.db, year, period));
}

export function clearSent(ctx: CoreContext, year: number, period: ReportPeriodCode): ReportPeriodInfo {
  unmarkSent(ctx, year, period);
  return periodInfo(ctx, year, period, getReportRow(ctx.db, year, period));
}

export function yearSendingRecord(ctx: CoreContext, year: number): ReportSendingRecord {
  return sendingRecord(listPeriods(ctx, year), year);
}

function evidenceRef(e: LinkedEvidence): ReportEvidenceRef {
  return { fileId: e.fileId, originalName: e.originalName, docNumber: evidenceNumber(e), issueDate: e.issueDate, summary: e.summary };
}

/** One section as the officer sees it: the outline entry, its saved row (if any) and its evidence. */
function sectionOf(
  s: OutlineSection,
  year: number,
  period: ReportPeriodCode,
  saved: SectionRow | undefined,
  evidence: Readonly<Record<string, LinkedEvidence[]>>,
): ReportSection {
  const key = reportSectionEvidenceKey(year, period, s.code);
  return {
    code: s.code,
    label: s.label,
    title: s.title,
    parentTitle: s.parent?.title ?? null,
    hint: s.hint,
    text: saved?.text ?? '',
    draft: saved?.is_draft === 1,
    evidenceKey: key,
    evidence: (evidence[key] ?? []).map(evidenceRef),
    updatedAt: saved?.updated_at ?? null,
  };
}

export function getReport(ctx: CoreContext, year: number, period: ReportPeriodCode): ReportView {
  const row = getReportRow(ctx.db, year, period);
  const info = periodInfo(ctx, year, period, row);
  const stored = new Map((row ? listSectionRows(ctx.db, row.id) : []).map((s) => [s.section_code, s]));
  const outline = reportOutline().sections;
  const keys = outline.map((s) => reportSectionEvidenceKey(year, period, s.code));
  const evidence = evidenceAccess.listLinkedEvidence(ctx.db, keys);
  const sections = outline.map((s) => sectionOf(s, year, period, stored.get(s.code), evidence));
  const statistics = statisticRows(statisticsIndicators(), row ? listStatisticValues(ctx.db, row.id) : {}, planStatistics(ctx, year, period));
  return { year, period: info, started: !!row, sections, statistics };
}

function requireSection(code: string): OutlineSection {
  const section = reportOutline().sections.find((s) => s.code === code);
  if (!section) throw new AppError('NOT_FOUND', `Đề cương báo cáo không có mục «${code}».`);
  return section;
}

/** Autosave of one section; the text stops being a carried draft once the officer edits it. */
export function saveSection(ctx: CoreContext, year: number, period: ReportPeriodCode, code: string, text: string): ReportSection {
  const outline = requireSection(code);
  findPeriod(loadPeriods(ctx.dataDir), year, period, ctx.now());
  const nowIso = ctx.now().toISOString();
  const before = getReportRow(ctx.db, year, period);
  const stored = before ? listSectionRows(ctx.db, before.id).find((s) => s.section_code === code) : undefined;
  const oldText = stored?.text ?? '';
  const newText = toNfc(text);
  // Autosave sends the same text again on blur; an unchanged text is neither an edit nor news.
  const unchanged = oldText === newText && !!before;
  ctx.db.transaction(() => {
    if (unchanged) return;
    recordReportEdit(ctx, year, period, { action: 'report.section', target: code, old: oldText, new: newText });
    const id = ensureReport(ctx.db, year, period, nowIso);
    upsertSection(ctx.db, id, code, newText, false, nowIso);
  })();
  // The section as getReport shows it, without building the whole report: the row as it was, or as just written.
  const saved: SectionRow | undefined = unchanged ? stored : { section_code: code, text: newText, is_draft: 0, updated_at: nowIso };
  const key = reportSectionEvidenceKey(year, period, code);
  return sectionOf(outline, year, period, saved, evidenceAccess.listLinkedEvidence(ctx.db, [key]));
}

/** Saves entered values all or nothing; returns every row recomputed. */
export function saveStatistics(
  ctx: CoreContext,
  year: number,
  period: ReportPeriodCode,
  values: { code: string; value: number | null }[],
): ReportStatisticRow[] {
  findPeriod(loadPeriods(ctx.dataDir), year, period, ctx.now());
  const indicators = statisticsIndicators();
  const row = getReportRow(ctx.db, year, period);
  const previous: Record<string, number> = row ? listStatisticValues(ctx.db, row.id) : {};
  const merged: Record<string, number> = { ...previous };
  for (const { code, value } of values) {
    if (value === null) {
      if (!indicators.some((i) => i.code === code)) throw new AppError('NOT_FOUND', `Biểu số liệu không có chỉ tiêu mã «${code}».`);
      delete merged[code];
    } else {
      merged[code] = value;
    }
  }
  const problems = statisticsProblems(indicators, merged);
  if (problems.length) throw new AppError('VALIDATION_FAILED', `Số liệu chưa được lưu. ${problems.join(' ')}`);
  const nowIso = ctx.now().toISOString();
  const changed = values.filter(({ code, value }) => (previous[code] ?? null) !== value);
  ctx.db.transaction(() => {
    if (changed.length === 0) return;
    recordReportEdit(ctx, year, period, {
      action: 'report.statistics',
      old: Object.fromEntries(changed.map(({ code }) => [code, previous[code] ?? null])),
      new: Object.fromEntries(changed.map(({ code, value }) => [code, value])),
    });
    const id = ensureReport(ctx.db, year, period, nowIso);
    for (const { code, value } of changed) setStatisticValue(ctx.db, id, code, value);
  })();
  return statisticRows(indicators, merged, planStatistics(ctx, year, period));
}

/** The nearest earlier report that exists: the one whose data window ends last before this one's. */
function previousReport(ctx: CoreContext, target: ResolvedPeriod): { row: ReportRow; period: ResolvedPeriod } | null {
  const file = loadPeriods(ctx.dataDir);
  const candidates = listReportRows(ctx.db, [target.year, target.year - 1])
    .map((row) => {
      const def = file.periods.find((p) => p.code === row.period_code);
      return def ? { row, period: findPeriod(file, row.year, row.period_code, ctx.now()) } : null;
    })
    .filter((c): c is { row: ReportRow; period: ResolvedPeriod } => !!c && c.period.cutoffTo < target.cutoffTo)
    .sort((a, b) => b.period.cutoffTo.localeCompare(a.period.cutoffTo));
  return candidates[0] ?? null;
}

export function startFromPrevious(ctx: CoreContext, year: number, period: ReportPeriodCode, numbers: 'clear' | 'carry'): StartFromPreviousResult {
  const target = findPeriod(loadPeriods(ctx.dataDir), year, period, ctx.now());
  const existing = getReportRow(ctx.db, year, period);
  if (existing && reportHasContent(ctx.db, existing.id)) {
    throw new AppError('CONFLICT', `Báo cáo ${target.title} đã có nội dung; không chép đè lên nội dung đã nhập.`);
  }
  const previous = previousReport(ctx, target);
  if (!previous) throw new AppError('NOT_FOUND', `Chưa có báo cáo kỳ nào trước ${target.title} để chép sang.`);
  const sections = listSectionRows(ctx.db, previous.row.id).filter((s) => s.text.trim());
  const known = new Set(reportOutline().sections.map((s) => s.code));
  const indicators = statisticsIndicators();
  const entered = new Set(indicators.filter((i) => !i.formula).map((i) => i.code));
  const values = numbers === 'carry' ? Object.entries(listStatisticValues(ctx.db, previous.row.id)).filter(([code]) => entered.has(code)) : [];
  const nowIso = ctx.now().toISOString();
  let sectionsCarried = 0;
  ctx.db.transaction(() => {
    recordReportEdit(ctx, year, period, {
      action: 'report.carry-over',
      new: { from: `${previous.row.year}:${previous.row.period_code}`, numbers },
    });
    const id = ensureReport(ctx.db, year, period, nowIso);
    for (const s of sections) {
      if (!known.has(s.section_code)) continue;
      upsertSection(ctx.db, id, s.section_code, s.text, true, nowIso);
      sectionsCarried++;
    }
    for (const [code, value] of values) setStatisticValue(ctx.db, id, code, value);
  })();
  return {
    view: getReport(ctx, year, period),
    from: { year: previous.row.year, period: previous.row.period_code, title: previous.period.title },
    sectionsCarried,
    statisticsCarried: values.length,
  };
}

/**
 * Fills the report's empty sections with a draft from what belongs to the period: the CCHC plan
 * (Section I.1 Kế hoạch, I.6 khắc phục) and the period's biểu số liệu (kiểm tra and each reform
 * area). Never the self-assessed annual scores. Text already written is never overwritten.
 */
export function prefillFromAssessment(ctx: CoreContext, year: number, period: ReportPeriodCode): PrefillResult {
  findPeriod(loadPeriods(ctx.dataDir), year, period, ctx.now());
  const view = getReport(ctx, year, period);
  const plan = planAccess.getPlanView(ctx, year);
  const fills: { code: string; text: string }[] = [];
  for (const section of view.sections) {
    if (section.text.trim()) continue;
    let text = '';
    if (section.code === 'chi-dao') text = planSectionText(plan, view.period);
    else if (section.code === 'khac-phuc') text = remediationSectionText(plan);
    else if (SECTION_STATISTICS_GROUP[section.code]) text = statisticsSectionText(view.statistics, SECTION_STATISTICS_GROUP[section.code]!);
    if (text) fills.push({ code: section.code, text });
  }
  if (fills.length) {
    const nowIso = ctx.now().toISOString();
    ctx.db.transaction(() => {
      recordReportEdit(ctx, year, period, { action: 'report.prefill', new: Object.fromEntries(fills.map((f) => [f.code, f.text])) });
      const id = ensureReport(ctx.db, year, period, nowIso);
      for (const f of fills) upsertSection(ctx.db, id, f.code, toNfc(f.text), true, nowIso);
    })();
  }
  return { view: getReport(ctx, year, period), filledSections: fills.map((f) => f.code) };
}
