import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  REPORT_PERIOD_CODES,
  type GeneratedDocument,
  type ReportDocumentKind,
  type ReportPeriodCode,
  type ReportPeriodInfo,
  type ReportDocumentOptions,
} from '../../../shared/contract/reports';
import { formatDateVi, todayInVietnam } from '../../../shared/text/vi';
import { flag } from '../args';
import { call, type CliCommand } from '../command';

/** `cchc report …`: the documents of the «Báo cáo» page, through the same registry. */

/** The CLI names kinds in Vietnamese words officers use; the contract's names stay English. */
const KINDS: Record<string, { kind: ReportDocumentKind; label: string; periodic: boolean }> = {
  'bao-cao': { kind: 'periodic-docx', label: 'Báo cáo kết quả CCHC (.docx)', periodic: true },
  'tu-danh-gia': { kind: 'self-assessment-docx', label: 'Báo cáo tự đánh giá, chấm điểm Chỉ số CCHC (.docx)', periodic: false },
  'bang-diem': { kind: 'self-score-xlsx', label: 'Bảng tự chấm điểm (.xlsx)', periodic: false },
  'bieu-so-lieu': { kind: 'statistics-xlsx', label: 'Biểu số liệu (.xlsx)', periodic: true },
};

const generateUsage = `cchc report <${Object.keys(KINDS).join('|')}> --year <năm> [--period <${REPORT_PERIOD_CODES.join('|')}>] --out <tệp>`;

const isPeriod = (text: string | undefined): text is ReportPeriodCode => REPORT_PERIOD_CODES.includes(text as ReportPeriodCode);

/** The year given, else the current year in Vietnam. */
function yearOf(args: string[]): number | null {
  const text = flag(args, '--year');
  if (text === undefined) return Number(todayInVietnam().slice(0, 4));
  const year = Number(text);
  return Number.isInteger(year) ? year : null;
}

export const reportCommands: CliCommand[] = [
  {
    name: 'report periods',
    summary: 'Liệt kê các kỳ báo cáo CCHC của một năm: khoảng số liệu, hạn gửi, số ngày còn lại',
    usage: 'cchc report periods [--year <năm>]',
    async run(args, { core, io }) {
      const year = yearOf(args);
      if (year === null) {
        io.err('Năm không hợp lệ, ví dụ: --year 2026');
        return 2;
      }
      const periods = await call<ReportPeriodInfo[]>(core, io, 'reports/periods', { year });
      if (!periods) return 1;
      for (const p of periods) {
        const left = p.daysLeft < 0 ? `quá hạn ${-p.daysLeft} ngày` : p.daysLeft === 0 ? 'hạn là hôm nay' : `còn ${p.daysLeft} ngày`;
        io.out(
          `${p.code.padEnd(5)} ${p.name.padEnd(16)} số liệu ${formatDateVi(p.cutoffFrom)}–${formatDateVi(p.cutoffTo)}, hạn gửi ${formatDateVi(p.deadline)} (${left})${p.optional ? ' [tùy tỉnh]' : ''}${p.status ? ' — đã có bản nháp' : ''}`,
        );
      }
      return 0;
    },
  },
  {
    name: 'report',
    summary: 'Lập báo cáo CCHC (.docx), báo cáo tự đánh giá (.docx), bảng tự chấm điểm hoặc biểu số liệu (.xlsx)',
    usage: generateUsage,
    async run(args, { core, io }) {
      const name = args[0];
      const chosen = name ? KINDS[name] : undefined;
      if (!chosen) {
        io.err(`${name ? `Không có loại tài liệu «${name}».` : 'Thiếu loại tài liệu.'} Chọn một trong: ${Object.keys(KINDS).join(', ')}.\nCách dùng: ${generateUsage}`);
        return 2;
      }
      const year = yearOf(args);
      if (year === null) {
        io.err('Năm không hợp lệ, ví dụ: --year 2026');
        return 2;
      }
      const periodText = flag(args, '--period');
      if (periodText !== undefined && !isPeriod(periodText)) {
        io.err(`Không có kỳ báo cáo «${periodText}». Chọn một trong: ${REPORT_PERIOD_CODES.join(', ')} (quý I, 6 tháng, quý III, 9 tháng, năm).`);
        return 2;
      }
      if (chosen.periodic && !periodText) {
        io.err(`${chosen.label} cần kỳ báo cáo: --period ${REPORT_PERIOD_CODES.join('|')}`);
        return 2;
      }
      const out = flag(args, '--out');
      if (!out) {
        io.err(`Thiếu tệp kết quả (--out). Cách dùng: ${generateUsage}`);
        return 2;
      }
      const doc = await call<GeneratedDocument>(core, io, 'reports/generate', { kind: chosen.kind, year, period: chosen.periodic ? periodText : undefined });
      if (!doc) return 1;
      const target = resolve(out);
      try {
        writeFileSync(target, Buffer.from(doc.base64, 'base64'));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code ?? String(error);
        io.err(`Không ghi được tệp «${target}» (${code}). Hãy chọn thư mục có quyền ghi và còn chỗ trống.`);
        return 1;
      }
      io.out(`Đã lập ${chosen.label}: ${target}`);
      // Not silently: a report dated before its period's data end is said so here too.
      if (chosen.kind === 'periodic-docx' && periodText) {
        const options = await call<ReportDocumentOptions>(core, io, 'reports/document-options', { year, period: periodText });
        if (options?.dateWarning) io.err(`Lưu ý: ${options.dateWarning}`);
      }
      return 0;
    },
  },
];
