import type { UnitProfile } from '../../../shared/contract/profile';
import type { GeneratedDocument, ReportDocumentKind, ReportPeriodCode } from '../../../shared/contract/reports';
import { capitaliseVi, stripVietnameseMarks, todayInVietnam, toNfc } from '../../../shared/text/vi';
import type { AssessmentView } from '../../../shared/contract/assessment';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { getProfile } from '../profile/profile-store';
import { assessmentAccess } from './assessment-access';
import { appraisalAccess } from './appraisal-access';
import { reportOutline, statisticsIndicators } from './content-data';
import { evidenceAccess, evidenceNumber, type LinkedEvidence } from './evidence-access';
import { buildPeriodicReport } from './periodic-report';
import { findPeriod, loadPeriods } from './periods';
import { getReport } from './report-service';
import { buildSelfAssessmentReport } from './self-assessment-report';
import { buildSelfScoreModel, type EvidenceRef } from './self-score-model';
import { getReportRow, listStatisticValues } from './report-store';
import { planStatistics } from './plan-access';
import { resolveDocumentOptions } from './document-options';
import { loadOnFirstCall } from '../load-on-first-call';

// The document writers (docx, exceljs) load when a document is first made (see load-on-first-call.ts).
const writeDecree30Docx = loadOnFirstCall(() => import('./docx-writer').then((m) => m.writeDecree30Docx));
const writeSelfScoreWorkbook = loadOnFirstCall(() => import('./xlsx-writer').then((m) => m.writeSelfScoreWorkbook));
const writeStatisticsWorkbook = loadOnFirstCall(() => import('./xlsx-writer').then((m) => m.writeStatisticsWorkbook));

/** The four documents, each gathered from the stores and written by the pure builders. */

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface GeneratedFile {
  fileName: string;
  data: Buffer;
}

/**
 * "Báo cáo CCHC quý I năm 2026" → "Bao-cao-CCHC-quy-I-nam-2026.docx": ASCII letters and digits
 * joined by hyphens, portable on every file system. (evidence/safe-name's safeFileName is another
 * thing: it keeps an officer's own file name, diacritics and all, and only makes it legal.)
 */
export function asciiFileName(title: string, extension: 'docx' | 'xlsx'): string {
  const ascii = stripVietnameseMarks(title)
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${ascii || 'tai-lieu'}.${extension}`;
}

function requireProfile(ctx: CoreContext, year: number): UnitProfile {
  const profile = getProfile(ctx.db, year);
  if (!profile) throw new AppError('NOT_FOUND', `Chưa khai báo thông tin đơn vị cho năm ${year}. Hãy khai báo ở mục «Thông tin đơn vị».`);
  return profile;
}

function requireAssessment(ctx: CoreContext, year: number): AssessmentView {
  const view = assessmentAccess.getAssessmentView(ctx, year);
  if (!view) throw new AppError('NOT_FOUND', `Chưa có bản tự đánh giá năm ${year}; hãy tự chấm điểm trước khi lập hồ sơ.`);
  return view;
}


export async function periodicReportDocx(ctx: CoreContext, year: number, period: ReportPeriodCode): Promise<GeneratedFile> {
  const profile = requireProfile(ctx, year);
  const view = getReport(ctx, year, period);
  const outline = reportOutline().sections;
  const byCode = new Map(view.sections.map((s) => [s.code, s]));
  const options = resolveDocumentOptions(ctx, year, period);
  const model = buildPeriodicReport({
    profile,
    period: view.period,
    sections: outline.map((section) => ({ section, text: byCode.get(section.code)?.text ?? '', evidence: byCode.get(section.code)?.evidence ?? [] })),
    statistics: view.statistics,
    periodHeading: capitaliseVi(view.period.title),
    isoDate: options.isoDate,
    recipients: options.recipients,
  });
  return { fileName: asciiFileName(`Bao cao CCHC ${view.period.title} ${profile.shortName}`, 'docx'), data: await writeDecree30Docx(model) };
}

export async function statisticsXlsx(ctx: CoreContext, year: number, period: ReportPeriodCode): Promise<GeneratedFile> {
  const profile = requireProfile(ctx, year);
  const { title } = findPeriod(loadPeriods(ctx.dataDir), year, period, ctx.now());
  const indicators = statisticsIndicators();
  // Plan rows come from the plan, laid over whatever might be stored under their codes.
  const enteredFor = (y: number) => {
    const row = getReportRow(ctx.db, y, period);
    const stored = row ? listStatisticValues(ctx.db, row.id) : {};
    const plan = planStatistics(ctx, y, period);
    for (const i of indicators) if (i.source) delete stored[i.code];
    return { ...stored, ...plan };
  };
  const entered = enteredFor(year);
  // Reports compare with the same period of the year before ("so với cùng kỳ") when it was entered.
  const lastYear = enteredFor(year - 1);
  const compare = Object.keys(lastYear).length > 0;
  const data = await writeStatisticsWorkbook({
    title: `BIỂU SỐ LIỆU KẾT QUẢ CẢI CÁCH HÀNH CHÍNH ${title.toLocaleUpperCase('vi')}`,
    subtitle: toNfc(`(Kèm theo Báo cáo kết quả cải cách hành chính ${title} của ${profile.name})`),
    periods: compare ? [`Cùng kỳ năm ${year - 1}`, capitaliseVi(title)] : [capitaliseVi(title)],
    indicators: indicators.map((i) => ({
      ...i,
      values: compare ? [lastYear[i.code] ?? null, entered[i.code] ?? null] : [entered[i.code] ?? null],
    })),
  });
  return { fileName: asciiFileName(`Bieu so lieu CCHC ${title} ${profile.shortName}`, 'xlsx'), data };
}

export interface AnnualData {
  profile: UnitProfile;
  view: AssessmentView;
  explanations: Record<string, string>;
  evidence: Record<string, LinkedEvidence[]>;
  notApplicableReasons: Record<string, string>;
  difficulties: string;
  appraisal: ReturnType<typeof appraisalAccess.appraisalColumns>;
}

export function annualData(ctx: CoreContext, year: number): AnnualData {
  const profile = requireProfile(ctx, year);
  const view = requireAssessment(ctx, year);
  const codes = Object.keys(view.score.items);
  const byKey = evidenceAccess.listLinkedEvidence(ctx.db, codes.map((c) => assessmentAccess.itemEvidenceKey(year, c)));
  const evidence: Record<string, LinkedEvidence[]> = {};
  for (const code of codes) {
    const list = byKey[assessmentAccess.itemEvidenceKey(year, code)];
    if (list?.length) evidence[code] = list;
  }
  const explanations = Object.fromEntries(Object.values(view.entries).map((e) => [e.code, e.explanation]));
  const notApplicableReasons = Object.fromEntries(
    Object.values(view.entries).flatMap((e) => (e.answer?.kind === 'not-applicable' ? [[e.code, e.answer.reason]] : [])),
  );
  const difficulties = assessmentAccess.getAssessmentNote(ctx, year, 'kho-khan-kien-nghi');
  return { profile, view, explanations, evidence, notApplicableReasons, difficulties, appraisal: appraisalAccess.appraisalColumns(ctx, year) };
}

export function toEvidenceRefs(evidence: Readonly<Record<string, readonly LinkedEvidence[]>>): Record<string, EvidenceRef[]> {
  return Object.fromEntries(
    Object.entries(evidence).map(([code, list]) => [
      code,
      list.map((e) => ({ documentNumber: evidenceNumber(e), isoDate: e.issueDate ?? undefined, summary: e.summary, fileName: e.originalName })),
    ]),
  );
}

async function selfAssessmentFrom(d: AnnualData, isoDate: string): Promise<GeneratedFile> {
  const model = buildSelfAssessmentReport({
    profile: d.profile,
    set: d.view.set,
    score: d.view.score,
    explanations: d.explanations,
    evidence: d.evidence,
    isoDate,
    notApplicableReasons: d.notApplicableReasons,
    difficulties: d.difficulties,
    appraisal: d.appraisal,
  });
  return { fileName: asciiFileName(`Bao cao tu danh gia Chi so CCHC nam ${d.view.year} ${d.profile.shortName}`, 'docx'), data: await writeDecree30Docx(model) };
}

async function selfScoreFrom(d: AnnualData): Promise<GeneratedFile> {
  const model = buildSelfScoreModel(d.view.set, d.view.score, d.explanations, toEvidenceRefs(d.evidence), {
    unitName: d.profile.name,
    notApplicableReasons: d.notApplicableReasons,
    // Once appraised, the table gets its "Điểm thẩm định" column, as the .docx does.
    ...(d.appraisal ? { appraisal: { round: d.appraisal.round, points: d.appraisal.points } } : {}),
  });
  return { fileName: asciiFileName(`Bang tu cham diem Chi so CCHC nam ${d.view.year} ${d.profile.shortName}`, 'xlsx'), data: await writeSelfScoreWorkbook(model) };
}

/** The annual dossier: the self-assessment report (.docx) and the self-score table (.xlsx). */
export async function generateDossierDocuments(ctx: CoreContext, year: number): Promise<GeneratedFile[]> {
  const data = annualData(ctx, year);
  return [await selfAssessmentFrom(data, todayInVietnam(ctx.now())), await selfScoreFrom(data)];
}

export async function generateDocument(
  ctx: CoreContext,
  kind: ReportDocumentKind,
  year: number,
  period: ReportPeriodCode | undefined,
): Promise<GeneratedDocument> {
  const needPeriod = (): ReportPeriodCode => {
    if (!period) throw new AppError('INVALID_INPUT', 'Hãy chọn kỳ báo cáo (quý I, 6 tháng, quý III, 9 tháng hoặc năm).');
    return period;
  };
  let file: GeneratedFile;
  switch (kind) {
    case 'periodic-docx':
      file = await periodicReportDocx(ctx, year, needPeriod());
      break;
    case 'statistics-xlsx':
      file = await statisticsXlsx(ctx, year, needPeriod());
      break;
    case 'self-assessment-docx':
      file = await selfAssessmentFrom(annualData(ctx, year), todayInVietnam(ctx.now()));
      break;
    case 'self-score-xlsx':
      file = await selfScoreFrom(annualData(ctx, year));
      break;
  }
  return { fileName: file.fileName, mime: file.fileName.endsWith('.docx') ? DOCX_MIME : XLSX_MIME, base64: file.data.toString('base64') };
}
