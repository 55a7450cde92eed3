import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { REPORT_PERIOD_CODES, type ReportPeriodCode, type ReportPeriodInfo } from '../../../shared/contract/reports';
import { todayInVietnam, toNfc } from '../../../shared/text/vi';
import { AppError } from '../errors';
import { describeIssues } from '../validation-messages';
import { readResourceJson } from '../resources';

/**
 * Reporting periods are data, not code: the bundled regime (BNV 581, Nghị định 09/2019) can be
 * replaced per province by `<data folder>/reporting/periods.json` in the same shape, since each
 * province sets its own sending deadline and some ask for a 9-month report.
 */

const DAYS_IN_MONTH_MAX = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const monthDay = z
  .strictObject({
    /** -1: the month-day falls in the previous year (cut-off starting 15/12 of the year before). */
    yearOffset: z.number().int().min(-1).max(0).default(0),
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
  })
  .refine((d) => d.day <= (DAYS_IN_MONTH_MAX[d.month - 1] ?? 31), { message: 'Ngày không có trong tháng đó.' });

export const periodDefinitionSchema = z.strictObject({
  code: z.enum(REPORT_PERIOD_CODES),
  name: z.string().trim().min(1).max(60),
  /** "{year}" is replaced by the year: "quý I năm {year}". */
  title: z.string().trim().min(1).max(100).includes('{year}', { message: 'Tiêu đề kỳ phải có «{year}».' }),
  optional: z.boolean().default(false),
  cutoff: z.strictObject({ from: monthDay, to: monthDay }),
  deadline: monthDay,
});

export const periodsFileSchema = z
  .strictObject({
    formatVersion: z.literal(1),
    name: z.string().max(300),
    note: z.string().max(2000).optional(),
    periods: z.array(periodDefinitionSchema).min(1).max(REPORT_PERIOD_CODES.length),
  })
  .refine((f) => new Set(f.periods.map((p) => p.code)).size === f.periods.length, { message: 'Mỗi kỳ báo cáo chỉ được khai báo một lần.' });

export type PeriodDefinition = z.output<typeof periodDefinitionSchema>;
export type PeriodsFile = z.output<typeof periodsFileSchema>;

/** Validates period data; the message names what is wrong, in Vietnamese. */
export function parsePeriodsFile(raw: unknown, source: string): PeriodsFile {
  const parsed = periodsFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('VALIDATION_FAILED', `Tệp kỳ báo cáo «${source}» không hợp lệ. ${describeIssues(parsed.error.issues).join(' ')}`);
  }
  return parsed.data;
}

export const PERIODS_OVERRIDE_FILE = join('reporting', 'periods.json');

/** The province's periods when its file is in the data folder, else the bundled regime. */
export function loadPeriods(dataDir: string): PeriodsFile {
  const override = join(dataDir, PERIODS_OVERRIDE_FILE);
  if (existsSync(override)) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(override, 'utf8'));
    } catch (error) {
      throw new AppError('VALIDATION_FAILED', `Tệp kỳ báo cáo «${override}» không đọc được (không phải JSON hợp lệ).`, error);
    }
    return parsePeriodsFile(raw, override);
  }
  // The bundled file never changes while the app runs: checked once. A province's file is read on
  // every call, so an edit to it applies without a restart.
  bundledParsed ??= parsePeriodsFile(readResourceJson('reporting', 'periods-default.json'), 'periods-default.json');
  return bundledParsed;
}

let bundledParsed: PeriodsFile | undefined;

function isoOf(year: number, d: z.output<typeof monthDay>): string {
  const y = year + d.yearOffset;
  // 29/02 in a common year becomes 28/02 rather than an impossible date.
  const last = new Date(Date.UTC(y, d.month, 0)).getUTCDate();
  return `${y}-${String(d.month).padStart(2, '0')}-${String(Math.min(d.day, last)).padStart(2, '0')}`;
}

const DAY_MS = 86_400_000;

/** Whole days from `todayIso` to `isoDate` (negative when past). */
export function daysBetween(todayIso: string, isoDate: string): number {
  return Math.round((Date.parse(`${isoDate}T00:00:00Z`) - Date.parse(`${todayIso}T00:00:00Z`)) / DAY_MS);
}

export type ResolvedPeriod = Omit<ReportPeriodInfo, 'status' | 'updatedAt' | 'sent' | 'approved'>;

export function resolvePeriod(def: PeriodDefinition, year: number, now: Date): ResolvedPeriod {
  const deadline = isoOf(year, def.deadline);
  return {
    code: def.code,
    year,
    name: toNfc(def.name),
    title: toNfc(def.title.replace('{year}', String(year))),
    optional: def.optional,
    cutoffFrom: isoOf(year, def.cutoff.from),
    cutoffTo: isoOf(year, def.cutoff.to),
    deadline,
    daysLeft: daysBetween(todayInVietnam(now), deadline),
  };
}

/** The year's periods in the order of their cut-off end, then as the file lists them: Quý I … Năm. */
export function resolvePeriods(file: PeriodsFile, year: number, now: Date): ResolvedPeriod[] {
  return file.periods.map((def) => resolvePeriod(def, year, now)).sort((a, b) => a.cutoffTo.localeCompare(b.cutoffTo));
}

export function findPeriod(file: PeriodsFile, year: number, code: ReportPeriodCode, now: Date): ResolvedPeriod {
  const def = file.periods.find((p) => p.code === code);
  if (!def) throw new AppError('NOT_FOUND', `Chế độ báo cáo đang dùng không có kỳ «${code}».`);
  return resolvePeriod(def, year, now);
}
