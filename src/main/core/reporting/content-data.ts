import { z } from 'zod';
import { toNfc } from '../../../shared/text/vi';
import { toRoman } from './roman-numerals';
import type { StatisticsIndicator } from './statistics-model';
import { readResourceJson } from '../resources';

/**
 * The report outline (đề cương, domain brief §3.2) and the biểu số liệu indicator list (§3.3) are
 * data files in resources/reporting, checked here when first used: a broken file is a build
 * mistake, so it fails loudly rather than producing a half report.
 */

const codeSchema = z.string().regex(/^[a-z0-9-]{1,60}$/);

const leafSchema = z.strictObject({
  code: codeSchema,
  title: z.string().min(1).max(200),
  hint: z.string().max(500).default(''),
  /** Folded words that find the matching domain of a criteria set, for pre-filling from the self-assessment. */
  assessmentDomains: z.array(z.string().min(1).max(60)).max(10).default([]),
});
const outlineEntrySchema = leafSchema.extend({ children: z.array(leafSchema).max(20).optional() });
const outlineFileSchema = z.strictObject({
  formatVersion: z.literal(1),
  name: z.string().max(300),
  outline: z.array(outlineEntrySchema).min(1).max(30),
});

const formulaSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('sum'), of: z.array(codeSchema).min(1).max(50) }),
  z.strictObject({ op: z.literal('ratio'), numerator: codeSchema, denominator: codeSchema }),
]);
const indicatorSchema = z.strictObject({
  code: codeSchema,
  group: z.string().max(200).optional(),
  name: z.string().min(1).max(300),
  unit: z.enum(['count', 'percent']),
  unitLabel: z.string().max(40).optional(),
  formula: formulaSchema.optional(),
  note: z.string().max(300).optional(),
  /** Filled from the year's CCHC plan for the period (tasks due / done), never typed. */
  source: z.enum(['plan-due', 'plan-done']).optional(),
  /** Rows whose sum must equal this one (hồ sơ by channel = hồ sơ tiếp nhận); a mismatch is shown on the row. */
  checkSum: z.array(codeSchema).min(2).max(20).optional(),
});
const indicatorsFileSchema = z.strictObject({
  formatVersion: z.literal(1),
  name: z.string().max(300),
  indicators: z.array(indicatorSchema).min(1).max(300),
});

/** A section the officer writes, in outline order, with the heading it sits under. */
export interface OutlineSection {
  code: string;
  /** "I", "II.1". */
  label: string;
  title: string;
  hint: string;
  assessmentDomains: string[];
  parent: { code: string; label: string; title: string } | null;
}

export interface Outline {
  name: string;
  sections: OutlineSection[];
}

let outlineCache: Outline | null = null;
let indicatorsCache: StatisticsIndicator[] | null = null;

export function parseOutline(raw: unknown): Outline {
  const file = outlineFileSchema.parse(raw);
  const sections: OutlineSection[] = [];
  file.outline.forEach((entry, i) => {
    const label = toRoman(i + 1);
    if (entry.children?.length) {
      const parent = { code: entry.code, label, title: toNfc(entry.title) };
      entry.children.forEach((child, j) =>
        sections.push({ ...child, title: toNfc(child.title), hint: toNfc(child.hint), label: `${label}.${j + 1}`, parent }),
      );
    } else {
      sections.push({ code: entry.code, title: toNfc(entry.title), hint: toNfc(entry.hint), assessmentDomains: entry.assessmentDomains, label, parent: null });
    }
  });
  const codes = [...sections.map((s) => s.code), ...file.outline.filter((e) => e.children?.length).map((e) => e.code)];
  if (new Set(codes).size !== codes.length) throw new Error('Đề cương báo cáo có mã mục bị trùng.');
  return { name: toNfc(file.name), sections };
}

/** Checks references (every formula names an existing, earlier-or-later row, no cycles). */
export function parseIndicators(raw: unknown): StatisticsIndicator[] {
  const file = indicatorsFileSchema.parse(raw);
  const codes = new Set(file.indicators.map((i) => i.code));
  if (codes.size !== file.indicators.length) throw new Error('Biểu số liệu có mã chỉ tiêu bị trùng.');
  for (const ind of file.indicators) {
    const refs = !ind.formula ? [] : ind.formula.op === 'sum' ? ind.formula.of : [ind.formula.numerator, ind.formula.denominator];
    for (const ref of [...refs, ...(ind.checkSum ?? [])]) if (!codes.has(ref)) throw new Error(`Chỉ tiêu «${ind.code}» tham chiếu chỉ tiêu không có: «${ref}».`);
    if (ind.source && ind.formula) throw new Error(`Chỉ tiêu «${ind.code}» vừa lấy từ kế hoạch vừa có công thức.`);
  }
  return file.indicators.map((i) => ({ ...i, name: toNfc(i.name), group: i.group ? toNfc(i.group) : undefined }));
}

export function reportOutline(): Outline {
  outlineCache ??= parseOutline(readResourceJson('reporting', 'report-outline.json'));
  return outlineCache;
}

export function statisticsIndicators(): StatisticsIndicator[] {
  indicatorsCache ??= parseIndicators(readResourceJson('reporting', 'statistics-indicators.json'));
  return indicatorsCache;
}
