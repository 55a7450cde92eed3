import type { ReportStatisticRow } from '../../../shared/contract/reports';
import { formatNumberVi } from '../../../shared/text/vi';
import { evaluateStatistics, type StatisticsIndicator } from './statistics-model';

/**
 * The biểu số liệu of one period as the screen shows it, and the checks on what the officer
 * enters. Derived values come from evaluateStatistics, the same function the workbook uses; rows
 * taken from the CCHC plan come in as `fromPlan` and are never typed.
 */

const rowNumber = (indicators: StatisticsIndicator[], code: string) => `(${indicators.findIndex((i) => i.code === code) + 1})`;

export const FROM_PLAN_TEXT = '(lấy từ Kế hoạch CCHC)';

export function formulaText(indicators: StatisticsIndicator[], ind: StatisticsIndicator): string {
  if (ind.source) return FROM_PLAN_TEXT;
  const f = ind.formula;
  if (!f) return '';
  if (f.op === 'sum') return `= ${f.of.map((c) => rowNumber(indicators, c)).join(' + ')}`;
  return `= ${rowNumber(indicators, f.numerator)} ÷ ${rowNumber(indicators, f.denominator)} × 100%`;
}

const nameOf = (indicators: StatisticsIndicator[], code: string) => {
  const i = indicators.findIndex((x) => x.code === code);
  return `(${i + 1}) «${indicators[i]?.name ?? code}»`;
};

/** Entered values with the plan's values laid over them (a plan row is never an entered one). */
function withPlan(indicators: StatisticsIndicator[], entered: Readonly<Record<string, number>>, fromPlan: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = { ...entered };
  for (const ind of indicators) {
    if (!ind.source) continue;
    const v = fromPlan[ind.code];
    if (v === undefined) delete out[ind.code];
    else out[ind.code] = v;
  }
  return out;
}

/** Every indicator's value for one period: entered values plus the derived ones. */
export function evaluateOnePeriod(
  indicators: StatisticsIndicator[],
  entered: Readonly<Record<string, number>>,
  fromPlan: Readonly<Record<string, number>> = {},
): Record<string, number | null> {
  const merged = withPlan(indicators, entered, fromPlan);
  const model = { title: '', periods: [''], indicators: indicators.map((i) => ({ ...i, values: [merged[i.code] ?? null] })) };
  const all = evaluateStatistics(model);
  return Object.fromEntries(Object.entries(all).map(([code, v]) => [code, v[0] ?? null]));
}

/**
 * Problems with a set of entered values, one Vietnamese sentence each, naming the row: values on
 * computed or plan rows, negative or fractional counts, entered percentages outside 0–100, and a
 * percentage whose numerator exceeds its denominator.
 */
export function statisticsProblems(indicators: StatisticsIndicator[], entered: Readonly<Record<string, number>>): string[] {
  const problems: string[] = [];
  const byCode = new Map(indicators.map((i) => [i.code, i]));
  for (const [code, value] of Object.entries(entered)) {
    const ind = byCode.get(code);
    if (!ind) {
      problems.push(`Biểu số liệu không có chỉ tiêu mã «${code}».`);
      continue;
    }
    const name = nameOf(indicators, code);
    if (ind.source) problems.push(`Chỉ tiêu ${name} được lấy từ Kế hoạch CCHC, không nhập trực tiếp.`);
    else if (ind.formula) problems.push(`Chỉ tiêu ${name} được tính tự động, không nhập trực tiếp.`);
    else if (ind.unit === 'count' && value < 0) problems.push(`Chỉ tiêu ${name}: số lượng không được âm (đã nhập ${formatNumberVi(value)}).`);
    else if (ind.unit === 'count' && !Number.isInteger(value)) problems.push(`Chỉ tiêu ${name}: số lượng phải là số nguyên (đã nhập ${formatNumberVi(value)}).`);
    else if (ind.unit === 'percent' && (value < 0 || value > 100)) problems.push(`Chỉ tiêu ${name}: tỷ lệ phải từ 0 đến 100% (đã nhập ${formatNumberVi(value)}).`);
  }
  if (problems.length) return problems;
  const values = evaluateOnePeriod(indicators, entered);
  for (const ind of indicators) {
    if (ind.formula?.op !== 'ratio') continue;
    const n = values[ind.formula.numerator];
    const d = values[ind.formula.denominator];
    if (n !== null && n !== undefined && d !== null && d !== undefined && n > d) {
      problems.push(
        `Chỉ tiêu ${nameOf(indicators, ind.code)}: tử số ${nameOf(indicators, ind.formula.numerator)} (${formatNumberVi(n)}) lớn hơn mẫu số ${nameOf(indicators, ind.formula.denominator)} (${formatNumberVi(d)}).`,
      );
    }
  }
  return problems;
}

/** "Tổng các dòng (20), (21), (22) là 95, khác (19) là 100." when parts and total disagree; null otherwise. */
function sumMismatch(indicators: StatisticsIndicator[], ind: StatisticsIndicator, values: Record<string, number | null>): string | null {
  const total = values[ind.code];
  if (!ind.checkSum || total === null || total === undefined) return null;
  const parts = ind.checkSum.map((c) => values[c]);
  if (parts.every((v) => v === null || v === undefined)) return null;
  const sum = parts.reduce<number>((s, v) => s + (v ?? 0), 0);
  if (sum === total) return null;
  const rows = ind.checkSum.map((c) => rowNumber(indicators, c)).join(', ');
  return `Tổng các dòng ${rows} là ${formatNumberVi(sum, 0)}, khác số ở dòng này (${formatNumberVi(total, 0)}).`;
}

export function statisticRows(
  indicators: StatisticsIndicator[],
  entered: Readonly<Record<string, number>>,
  fromPlan: Readonly<Record<string, number>> = {},
): ReportStatisticRow[] {
  const values = evaluateOnePeriod(indicators, entered, fromPlan);
  return indicators.map((ind) => {
    let message: string | null = sumMismatch(indicators, ind, values);
    if (ind.formula?.op === 'ratio') {
      const n = values[ind.formula.numerator];
      const d = values[ind.formula.denominator];
      if (n !== null && n !== undefined && (d === 0 || d === null || d === undefined)) {
        message = `Chưa tính được tỷ lệ: mẫu số ${nameOf(indicators, ind.formula.denominator)} ${d === 0 ? 'bằng 0' : 'chưa có số liệu'}.`;
      } else if (n !== null && n !== undefined && d !== null && d !== undefined && n > d) {
        message = `Tử số lớn hơn mẫu số (${formatNumberVi(n)} > ${formatNumberVi(d)}).`;
      }
    }
    return {
      code: ind.code,
      group: ind.group ?? null,
      label: ind.name,
      unit: ind.unit,
      unitLabel: ind.unit === 'percent' ? '%' : (ind.unitLabel ?? ''),
      value: values[ind.code] ?? null,
      computed: !!ind.formula || !!ind.source,
      formulaText: formulaText(indicators, ind),
      message,
      note: ind.note ?? '',
    };
  });
}
