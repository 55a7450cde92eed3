import { RECIPIENT_LINES_MAX, type ReportDocumentOptions, type ReportPeriodCode } from '../../../shared/contract/reports';
import type { UnitProfile } from '../../../shared/contract/profile';
import { foldVietnamese, formatDateVi, todayInVietnam, toNfc } from '../../../shared/text/vi';
import type { CoreContext } from '../context';
import type { Db } from '../db/open';
import { AppError } from '../errors';
import { getProfile } from '../profile/profile-store';
import { recipientLines } from './recipient-lines';
import { findPeriod, loadPeriods } from './periods';
import { ensureReport, getReportRow } from './report-store';
import { recordReportEdit } from './review-access';
import { defaultRecipients, drafterOf, reportRecipient } from './unit-header';

/**
 * A periodic report's own document date and Nơi nhận (table report_document_option of migration
 * 011). Unset, the report is dated the day it is generated and goes to the default Nơi nhận built
 * from the unit profile; the "Lưu: VT, …" line always comes from the profile's drafting unit.
 */

interface OptionRow {
  document_date: string | null;
  /** JSON array of lines, or null for the default. */
  recipients: string | null;
}

function readRow(db: Db, year: number, period: ReportPeriodCode): OptionRow | null {
  const report = getReportRow(db, year, period);
  if (!report) return null;
  return (db.prepare('SELECT document_date, recipients FROM report_document_option WHERE report_id = ?').get(report.id) as OptionRow | undefined) ?? null;
}

function storedRecipients(row: OptionRow | null): string[] | null {
  if (!row?.recipients) return null;
  const parsed: unknown = JSON.parse(row.recipients);
  return Array.isArray(parsed) ? parsed.filter((l): l is string => typeof l === 'string') : null;
}

/** Without a profile yet, a list that still reads right; the page asks for the profile anyway. */
function defaultsFor(profile: UnitProfile | null): string[] {
  return profile ? defaultRecipients(profile) : ['Như trên', 'Lãnh đạo đơn vị'];
}

/** "- Sở Tài chính;" → "Sở Tài chính": a line as the officer may type it, copied from a printed list. */
export function cleanRecipientLine(line: string): string {
  return toNfc(line)
    .trim()
    .replace(/^[-–—+•]\s*/u, '')
    .replace(/[;.,]+$/u, '')
    .trim();
}

const isFileCopyLine = (line: string) => /^luu\s*:/.test(foldVietnamese(line));

export function dateWarningFor(effectiveDate: string, dataCutoff: string): string | null {
  if (effectiveDate >= dataCutoff) return null;
  return (
    `Ngày văn bản ${formatDateVi(effectiveDate)} sớm hơn ngày chốt số liệu của kỳ (${formatDateVi(dataCutoff)}): ` +
    'báo cáo sẽ ghi ngày trước khi số liệu của kỳ kết thúc. Hãy chọn ngày văn bản từ ngày chốt số liệu trở đi, hoặc ghi rõ lý do trong báo cáo.'
  );
}

export interface ResolvedDocumentOptions {
  isoDate: string;
  recipients: string[];
}

export function getDocumentOptions(ctx: CoreContext, year: number, period: ReportPeriodCode): ReportDocumentOptions {
  const info = findPeriod(loadPeriods(ctx.dataDir), year, period, ctx.now());
  const row = readRow(ctx.db, year, period);
  const profile = getProfile(ctx.db, year);
  const defaults = defaultsFor(profile);
  const own = storedRecipients(row);
  const recipients = own ?? defaults;
  const effectiveDate = row?.document_date ?? todayInVietnam(ctx.now());
  const printedRecipients = recipientLines({
    kinhGui: profile ? [reportRecipient(profile)] : ['Sở Nội vụ'],
    recipients,
    drafter: profile ? drafterOf(profile) : drafterOf({ draftingUnit: '' }),
  });
  return {
    documentDate: row?.document_date ?? null,
    effectiveDate,
    dataCutoff: info.cutoffTo,
    dateWarning: dateWarningFor(effectiveDate, info.cutoffTo),
    recipients,
    recipientsDefault: own === null,
    defaultRecipients: defaults,
    printedRecipients,
  };
}

/**
 * What the periodic .docx uses: the date it carries and its Nơi nhận. Only the stored row and the
 * profile: not the periods file, the printed lines or the date warning the editor's panel shows.
 */
export function resolveDocumentOptions(ctx: CoreContext, year: number, period: ReportPeriodCode): ResolvedDocumentOptions {
  const row = readRow(ctx.db, year, period);
  return {
    isoDate: row?.document_date ?? todayInVietnam(ctx.now()),
    recipients: storedRecipients(row) ?? defaultsFor(getProfile(ctx.db, year)),
  };
}

export function saveDocumentOptions(
  ctx: CoreContext,
  year: number,
  period: ReportPeriodCode,
  input: { documentDate: string | null; recipients: string[] | null },
): ReportDocumentOptions {
  findPeriod(loadPeriods(ctx.dataDir), year, period, ctx.now());
  let lines: string[] | null = null;
  if (input.recipients !== null) {
    lines = input.recipients.map(cleanRecipientLine).filter(Boolean);
    const fileCopy = lines.find(isFileCopyLine);
    if (fileCopy) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Nơi nhận chưa được lưu: dòng «${fileCopy}» do ứng dụng tự ghi ở cuối từ tên viết tắt đơn vị soạn thảo (mục «Thông tin đơn vị»); hãy bỏ dòng này.`,
      );
    }
    if (lines.length === 0) throw new AppError('VALIDATION_FAILED', 'Nơi nhận chưa được lưu: danh sách trống. Hãy nhập ít nhất một nơi nhận, hoặc chọn «Dùng danh sách mặc định».');
    if (lines.length > RECIPIENT_LINES_MAX) throw new AppError('VALIDATION_FAILED', `Nơi nhận chưa được lưu: tối đa ${RECIPIENT_LINES_MAX} dòng (đang có ${lines.length}).`);
  }
  const before = readRow(ctx.db, year, period);
  const recipientsJson = lines ? JSON.stringify(lines) : null;
  const unchanged = (before?.document_date ?? null) === input.documentDate && (before?.recipients ?? null) === recipientsJson;
  if (!unchanged) {
    const nowIso = ctx.now().toISOString();
    ctx.db.transaction(() => {
      recordReportEdit(ctx, year, period, {
        action: 'report.document',
        old: { documentDate: before?.document_date ?? null, recipients: storedRecipients(before) },
        new: { documentDate: input.documentDate, recipients: lines },
      });
      const id = ensureReport(ctx.db, year, period, nowIso);
      ctx.db
        .prepare(
          `INSERT INTO report_document_option (report_id, document_date, recipients) VALUES (?, ?, ?)
           ON CONFLICT (report_id) DO UPDATE SET document_date = excluded.document_date, recipients = excluded.recipients`,
        )
        .run(id, input.documentDate, recipientsJson);
    })();
  }
  return getDocumentOptions(ctx, year, period);
}
