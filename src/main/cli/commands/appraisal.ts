import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { AppraisalImportResult, OfficialScore } from '../../../shared/contract/appraisal';
import type { ExportedFile } from '../../../shared/contract/criteria';
import { formatPointsVi } from '../../../shared/text/vi';
import { percentText } from '../numbers';
import { flag, positional } from '../args';
import { call, type CliCommand } from '../command';

/** `cchc appraisal …`: Sở Nội vụ's appraisal file, the same checks and store as the «Thẩm định» page. */

const templateUsage = 'cchc appraisal template <năm> --format xlsx|json --out <tệp> [--round 1|2]';
const importUsage = 'cchc appraisal import <tệp .json|.xlsx> [--year <năm>]';

/** The official score in words: which total it is, always. */
export function officialScoreLines(score: OfficialScore): string[] {
  const lines = [`Điểm tự chấm (tạm tính): ${formatPointsVi(score.self.points)}/${formatPointsVi(score.self.max)} điểm`];
  if (!score.appraised) {
    lines.push('Chưa có kết quả thẩm định: chưa có Chỉ số chính thức.');
    lines.push(`Xếp loại tạm tính (chỉ phần tự chấm): ${score.selfBandProvisional}`);
    return lines;
  }
  lines.push(`Điểm thẩm định lần ${score.appraised.round}: ${formatPointsVi(score.appraised.points)}/${formatPointsVi(score.appraised.max)} điểm`);
  lines.push(score.survey ? `Điểm điều tra XHH: ${formatPointsVi(score.survey.points)}/${formatPointsVi(score.survey.max)} điểm` : 'Chưa có kết quả điều tra XHH: Chỉ số tính trên phần thẩm định, quy về thang 100.');
  const label = score.provisional ? 'Chỉ số (tạm tính, chưa phải kết quả cuối cùng)' : 'Chỉ số chính thức';
  lines.push(`${label}: ${percentText(score.index ?? 0)}; xếp loại: ${score.band ?? 'chưa xếp loại'}`);
  return lines;
}

export const appraisalCommands: CliCommand[] = [
  {
    name: 'appraisal template',
    summary: 'Xuất mẫu kết quả thẩm định (Excel hoặc JSON) có sẵn mã, tên, điểm tối đa và điểm tự chấm để gửi Sở Nội vụ',
    usage: templateUsage,
    async run(args, { core, io }) {
      const [yearText] = positional(args, ['--format', '--out', '--round']);
      const year = Number(yearText);
      const format = flag(args, '--format');
      const out = flag(args, '--out');
      const round = flag(args, '--round') === '2' ? 2 : 1;
      if (!Number.isInteger(year) || (format !== 'xlsx' && format !== 'json') || !out) {
        io.err(`Cách dùng: ${templateUsage}`);
        return 2;
      }
      const file = await call<ExportedFile>(core, io, 'appraisal/template', { year, format, round });
      if (!file) return 1;
      const target = resolve(out);
      writeFileSync(target, Buffer.from(file.contentBase64, 'base64'));
      io.out(`Đã ghi ${target}`);
      return 0;
    },
  },
  {
    name: 'appraisal import',
    summary: 'Nhập kết quả thẩm định (lần 1 hoặc 2, kể cả điểm điều tra XHH) của Sở Nội vụ; kiểm tra toàn bộ, có lỗi thì không lưu gì',
    usage: importUsage,
    async run(args, { core, io }) {
      const [file] = positional(args, ['--year']);
      if (!file) {
        io.err(`Thiếu đường dẫn tệp. Cách dùng: ${importUsage}`);
        return 2;
      }
      let contentBase64: string;
      try {
        contentBase64 = readFileSync(resolve(file)).toString('base64');
      } catch (error) {
        io.err(`Không đọc được tệp «${file}»: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
        return 1;
      }
      const yearFlag = flag(args, '--year');
      const result = await call<AppraisalImportResult>(core, io, 'appraisal/import', {
        fileName: basename(file),
        contentBase64,
        ...(yearFlag ? { year: Number(yearFlag) } : {}),
      });
      if (!result) return 1;
      io.out(`Đã nhập kết quả thẩm định lần ${result.round} năm ${result.year}${result.replaced ? ' (thay kết quả đã nhập trước)' : ''}: ${result.itemCount} tiêu chí, ${result.explanationRequested} tiêu chí yêu cầu giải trình.`);
      for (const line of officialScoreLines(result.score)) io.out(line);
      return 0;
    },
  },
];
