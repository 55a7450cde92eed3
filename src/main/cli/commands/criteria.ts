import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { CriteriaError, CriteriaImportResult, CriteriaPreview, CriteriaSetSummary, ExportedFile } from '../../../shared/contract/criteria';
import { UNIT_TYPE_LABELS } from '../../../shared/profile-labels';
import { formatDateVi } from '../../../shared/text/vi';
import { flag, positional } from '../args';
import { call, type CliCommand, type CliIo } from '../command';
import { pointsText } from '../numbers';

/** `cchc criteria …`: the same checks and store as the window's «Bộ chỉ số» page. */

function readInput(io: CliIo, file: string | undefined, usage: string): { fileName: string; contentBase64: string } | null {
  if (!file) {
    io.err(`Thiếu đường dẫn tệp. Cách dùng: ${usage}`);
    return null;
  }
  try {
    return { fileName: basename(file), contentBase64: readFileSync(resolve(file)).toString('base64') };
  } catch (error) {
    io.err(`Không đọc được tệp «${file}»: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return null;
  }
}

function describeSet(io: CliIo, s: Pick<CriteriaSetSummary, 'id' | 'version' | 'name' | 'year' | 'unitType' | 'itemCount' | 'selfScoredCount' | 'decision'>): void {
  io.out(`${s.name}`);
  io.out(`  Mã: ${s.id}, phiên bản ${s.version}; năm ${s.year}; ${UNIT_TYPE_LABELS[s.unitType]}`);
  if (s.decision) io.out(`  Quyết định ${s.decision.number} ngày ${formatDateVi(s.decision.date)} của ${s.decision.issuer}`);
  io.out(`  ${s.itemCount} mục, ${s.selfScoredCount} tiêu chí đơn vị tự chấm`);
}

/** Warnings go to stderr with their place, like errors, but the command still succeeds. */
function printWarnings(io: CliIo, warnings: readonly CriteriaError[]): void {
  if (warnings.length === 0) return;
  io.err(`Cảnh báo (${warnings.length}, vẫn nhập được):`);
  for (const w of warnings) io.err(`  ${w.where}: ${w.message}`);
}

const validateUsage = 'cchc criteria validate <tệp .json|.xlsx>';
const importUsage = 'cchc criteria import <tệp .json|.xlsx>';
const exportUsage = 'cchc criteria export <mã bộ chỉ số> --format json|xlsx [--version N] [--out tệp]';
const templateUsage = 'cchc criteria template --out <tệp .xlsx>';

export const criteriaCommands: CliCommand[] = [
  {
    name: 'criteria list',
    summary: 'Liệt kê các bộ chỉ số đã có (mọi phiên bản)',
    usage: 'cchc criteria list [--json]',
    async run(args, { core, io }) {
      const list = await call<CriteriaSetSummary[]>(core, io, 'criteria/list', {});
      if (!list) return 1;
      if (args.includes('--json')) io.out(JSON.stringify(list, null, 2));
      else for (const s of list) io.out(`${s.id}  v${s.version}${s.isLatest ? '' : ' (cũ)'}  ${s.year}  ${s.isSample ? '[mẫu] ' : ''}${s.name}`);
      return 0;
    },
  },
  {
    name: 'criteria validate',
    summary: 'Kiểm tra một tệp bộ chỉ số (JSON hoặc Excel), liệt kê mọi lỗi; không lưu gì',
    usage: validateUsage,
    async run(args, { core, io }) {
      const input = readInput(io, positional(args, [])[0], validateUsage);
      if (!input) return 1;
      const preview = await call<CriteriaPreview>(core, io, 'criteria/preview', input);
      if (!preview) return 1;
      if (!preview.ok || !preview.set) {
        io.err(`Tệp «${input.fileName}» có ${preview.errors.length} lỗi:`);
        for (const e of preview.errors) io.err(`  ${e.where}: ${e.message}`);
        return 1;
      }
      io.out(`Hợp lệ (${preview.format === 'xlsx' ? 'Excel' : 'JSON'}):`);
      describeSet(io, preview.set);
      printWarnings(io, preview.warnings);
      for (const d of preview.domains) io.out(`  ${d.code}. ${d.title}: ${pointsText(d.maxPoints)} điểm, ${d.itemCount} mục`);
      return 0;
    },
  },
  {
    name: 'criteria import',
    summary: 'Nhập một bộ chỉ số; nội dung đổi thì thành phiên bản mới, trùng thì không ghi thêm',
    usage: importUsage,
    async run(args, { core, io }) {
      const input = readInput(io, positional(args, [])[0], importUsage);
      if (!input) return 1;
      const result = await call<CriteriaImportResult>(core, io, 'criteria/import', input);
      if (!result) return 1;
      io.out(result.created ? 'Đã nhập bộ chỉ số:' : 'Bộ chỉ số này đã có (cùng nội dung), không ghi thêm:');
      describeSet(io, result.summary);
      printWarnings(io, result.warnings);
      return 0;
    },
  },
  {
    name: 'criteria export',
    summary: 'Xuất một bộ chỉ số ra JSON hoặc Excel',
    usage: exportUsage,
    async run(args, { core, io }) {
      const id = positional(args, ['--format', '--out', '--version'])[0];
      const format = flag(args, '--format');
      const versionText = flag(args, '--version');
      const version = versionText === undefined ? undefined : Number(versionText);
      if (!id || (format !== 'json' && format !== 'xlsx') || (version !== undefined && !Number.isInteger(version))) {
        io.err(`Cách dùng: ${exportUsage}`);
        return 2;
      }
      const file = await call<ExportedFile>(core, io, 'criteria/export', { id, format, ...(version !== undefined ? { version } : {}) });
      if (!file) return 1;
      const bytes = Buffer.from(file.contentBase64, 'base64');
      const out = flag(args, '--out');
      if (!out && format === 'json') {
        io.out(bytes.toString('utf8').trimEnd());
        return 0;
      }
      const target = resolve(out ?? file.fileName);
      writeFileSync(target, bytes);
      io.out(`Đã ghi ${target}`);
      return 0;
    },
  },
  {
    name: 'criteria template',
    summary: 'Tạo tệp Excel mẫu để tỉnh điền bộ chỉ số',
    usage: templateUsage,
    async run(args, { core, io }) {
      const out = flag(args, '--out');
      if (!out) {
        io.err(`Cách dùng: ${templateUsage}`);
        return 2;
      }
      const file = await call<ExportedFile>(core, io, 'criteria/template', {});
      if (!file) return 1;
      writeFileSync(resolve(out), Buffer.from(file.contentBase64, 'base64'));
      io.out(`Đã ghi ${resolve(out)}`);
      return 0;
    },
  },
];
