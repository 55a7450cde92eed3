/**
 * "Biểu số liệu": the indicator table attached to periodic CCHC reports (domain brief §3.1, §3.3).
 * Raw indicators carry values per period; derived ones are a sum of others or a ratio
 * (numerator ÷ denominator, shown as %). evaluateStatistics is the one place derived values are
 * computed; the workbook writes the same rule as a formula and this value as its cached result.
 */

/** What a value without data prints as, in the .docx and the .xlsx: never 0, never an empty cell. */
export const BLANK_VALUE = '—';

export type StatisticsFormula =
  | { op: 'sum'; of: string[] }
  /** numerator ÷ denominator, as a percentage; empty when the denominator is 0 or missing. */
  | { op: 'ratio'; numerator: string; denominator: string };

export interface StatisticsIndicator {
  /** Stable code other indicators refer to: "hs-tiep-nhan". */
  code: string;
  name: string;
  /** count: a number of things (unitLabel says which); percent: 0–100. */
  unit: 'count' | 'percent';
  unitLabel?: string;
  /** Heading row printed above the first indicator of each group. */
  group?: string;
  /** One value per period (null: no data). Ignored when `formula` is set. */
  values?: (number | null)[];
  formula?: StatisticsFormula;
  note?: string;
  /** Taken from the CCHC plan (tasks due / done in the period), not typed. */
  source?: 'plan-due' | 'plan-done';
  /** Codes whose sum must equal this row's value. */
  checkSum?: string[];
}

export interface StatisticsModel {
  title: string;
  subtitle?: string;
  /** Column headings: "Quý I/2026", "6 tháng đầu năm 2026". */
  periods: string[];
  indicators: StatisticsIndicator[];
}

/** Every indicator's value per period, derived ones included. Throws on unknown codes and cycles. */
export function evaluateStatistics(model: StatisticsModel): Record<string, (number | null)[]> {
  const byCode = new Map(model.indicators.map((i) => [i.code, i]));
  if (byCode.size !== model.indicators.length) throw new Error('Mã chỉ tiêu bị trùng trong biểu số liệu.');
  const done = new Map<string, (number | null)[]>();
  const visiting = new Set<string>();
  const periods = model.periods.length;

  const valueOf = (code: string): (number | null)[] => {
    const cached = done.get(code);
    if (cached) return cached;
    const ind = byCode.get(code);
    if (!ind) throw new Error(`Chỉ tiêu "${code}" không có trong biểu số liệu.`);
    if (visiting.has(code)) throw new Error(`Công thức của chỉ tiêu "${code}" tham chiếu vòng.`);
    visiting.add(code);
    let result: (number | null)[];
    const f = ind.formula;
    if (!f) {
      result = Array.from({ length: periods }, (_, p) => ind.values?.[p] ?? null);
    } else if (f.op === 'sum') {
      const parts = f.of.map(valueOf);
      result = Array.from({ length: periods }, (_, p) => {
        const present = parts.map((v) => v[p]).filter((v): v is number => v !== null && v !== undefined);
        return present.length ? present.reduce((s, v) => s + v, 0) : null;
      });
    } else {
      const num = valueOf(f.numerator);
      const den = valueOf(f.denominator);
      result = Array.from({ length: periods }, (_, p) => {
        const n = num[p];
        const d = den[p];
        return n === null || n === undefined || !d ? null : (n / d) * 100;
      });
    }
    visiting.delete(code);
    done.set(code, result);
    return result;
  };
  return Object.fromEntries(model.indicators.map((i) => [i.code, valueOf(i.code)]));
}
