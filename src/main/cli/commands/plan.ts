import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { TASK_SOURCE_LABELS, TASK_STATUS_LABELS, type PlanFile, type PlanImportResult, type PlanView } from '../../../shared/contract/plan';
import { formatDateVi } from '../../../shared/text/vi';
import { percentText } from '../numbers';
import { flag, positional } from '../args';
import { call, type CliCommand } from '../command';

/** `cchc plan …`: the year's Kế hoạch CCHC, through the same registry as the «Kế hoạch» page. */

const importUsage = 'cchc plan import <tệp .json|.xlsx> [--year <năm>] [--preview]';
const listUsage = 'cchc plan list <năm> [--json]';
const templateUsage = 'cchc plan template [--out <tệp .xlsx>]';

function yearArg(text: string | undefined): number | null {
  const year = Number(text);
  return text !== undefined && Number.isInteger(year) ? year : null;
}

const rateText = (rate: number | null) => (rate === null ? '—' : percentText(rate));

export const planCommands: CliCommand[] = [
  {
    name: 'plan template',
    summary: 'Ghi tệp Excel mẫu kế hoạch CCHC (có ví dụ) để điền nhiệm vụ',
    usage: templateUsage,
    async run(args, { core, io }) {
      const file = await call<PlanFile>(core, io, 'plan/template', {});
      if (!file) return 1;
      const target = resolve(flag(args, '--out') ?? file.fileName);
      try {
        writeFileSync(target, Buffer.from(file.contentBase64, 'base64'));
      } catch (error) {
        io.err(`Không ghi được tệp «${target}» (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
        return 1;
      }
      io.out(`Đã ghi tệp mẫu kế hoạch: ${target}`);
      return 0;
    },
  },
  {
    name: 'plan import',
    summary: 'Nhập nhiệm vụ của kế hoạch CCHC từ tệp JSON hoặc Excel; liệt kê mọi lỗi, có lỗi thì không lưu gì',
    usage: importUsage,
    async run(args, { core, io }) {
      const path = positional(args, ['--year'])[0];
      if (!path) {
        io.err(`Thiếu đường dẫn tệp. Cách dùng: ${importUsage}`);
        return 2;
      }
      const yearText = flag(args, '--year');
      const year = yearArg(yearText);
      if (yearText !== undefined && year === null) {
        io.err('Năm không hợp lệ, ví dụ: --year 2026');
        return 2;
      }
      let contentBase64: string;
      try {
        contentBase64 = readFileSync(resolve(path)).toString('base64');
      } catch (error) {
        io.err(`Không đọc được tệp «${path}»: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
        return 1;
      }
      const preview = args.includes('--preview');
      const r = await call<PlanImportResult>(core, io, 'plan/import', { fileName: basename(path), contentBase64, ...(year !== null ? { year } : {}), ...(preview ? { preview } : {}) });
      if (!r) return 1;
      if (!r.ok) {
        io.err(`Tệp «${basename(path)}» có ${r.errors.length} lỗi, chưa lưu gì:`);
        for (const e of r.errors) io.err(`  ${e.where}${e.ref ? ` (${e.ref})` : ''}: ${e.message}`);
        return 1;
      }
      io.out(`${r.saved ? 'Đã nhập' : 'Kiểm tra (chưa lưu)'} kế hoạch năm ${r.year}: ${r.created.length} nhiệm vụ mới, ${r.updated.length} cập nhật, ${r.unchanged.length} không đổi.`);
      for (const u of r.updated) io.out(`  Cập nhật ${u.code}: ${u.fields.join(', ')}`);
      if (r.planChanged.length) io.out(`  Thông tin kế hoạch đổi: ${r.planChanged.join(', ')}`);
      if (r.notInFile.length) io.out(`  Không có trong tệp (giữ nguyên): ${r.notInFile.join(', ')}`);
      for (const n of r.notes) io.out(`  Lưu ý: ${n}`);
      return 0;
    },
  },
  {
    name: 'plan list',
    summary: 'Liệt kê nhiệm vụ của kế hoạch CCHC một năm và tỷ lệ hoàn thành theo kỳ',
    usage: listUsage,
    async run(args, { core, io }) {
      const year = yearArg(positional(args, [])[0]);
      if (year === null) {
        io.err(`Thiếu hoặc sai năm. Cách dùng: ${listUsage}`);
        return 2;
      }
      const v = await call<PlanView>(core, io, 'plan/get', { year });
      if (!v) return 1;
      if (args.includes('--json')) {
        io.out(JSON.stringify(v, null, 2));
        return 0;
      }
      const p = v.plan;
      io.out(p.number || p.title ? `Kế hoạch ${p.number}${p.date ? ` ngày ${formatDateVi(p.date)}` : ''}: ${p.title}` : `Chưa có thông tin kế hoạch CCHC năm ${year}.`);
      for (const t of v.tasks) {
        const due = t.due ? formatDateVi(t.due) : 'không hạn';
        const done = t.doneDate ? `, xong ${formatDateVi(t.doneDate)}` : '';
        const source = t.source === 'own' ? '' : ` [${TASK_SOURCE_LABELS[t.source]}${t.sourceRef ? ` ${t.sourceRef}` : ''}]`;
        io.out(`${t.code.padEnd(6)} ${TASK_STATUS_LABELS[t.status].padEnd(16)} hạn ${due}${done} — ${t.title}${t.lead ? ` (${t.lead})` : ''}${source}`);
      }
      io.out(`Cả năm: hoàn thành ${v.year.done}/${v.year.due} (${rateText(v.year.rate)}), đúng hạn ${v.year.doneOnTime}/${v.year.due} (${rateText(v.year.onTimeRate)}), quá hạn ${v.year.overdue}.`);
      for (const c of v.periods) {
        io.out(`${c.name} (${formatDateVi(c.cutoffFrom)}–${formatDateVi(c.cutoffTo)}): đến hạn ${c.due}, hoàn thành ${c.done} (${rateText(c.rate)})`);
      }
      return 0;
    },
  },
];
