import type { SetStatus, SetSwitchResult, NotCarriedEntry } from '../../../shared/contract/set-version';
import type { AnswerSuggestion } from '../../../shared/contract/suggestions';
import type { SavedEntry } from '../../../shared/contract/assessment';
import { SET_CHANGE_LABELS, setChangeDetail, type SetItemChange } from '../../../shared/criteria/set-diff';
import { formatInstantVi, formatPointsVi } from '../../../shared/text/vi';
import { flag, positional } from '../args';
import { call, type CliCommand, type CliIo } from '../command';

/**
 * `cchc assessment set-status | switch-set | suggestions`: the criteria set's newer version and
 * last year's suggestions, as the assessment page offers them (same channels, same rules: only an
 * officer switches or confirms, and main checks it).
 */

function changeLine(c: SetItemChange): string {
  return `  ${c.code.padEnd(8)} ${SET_CHANGE_LABELS[c.change]}: ${setChangeDetail(c)}`;
}

function notCarriedLines(entries: readonly NotCarriedEntry[]): string[] {
  return entries.map((n) => `  ${n.code.padEnd(8)} ${n.title} — câu trả lời cũ: ${n.answerText || '—'}. ${n.reason}`);
}

function yearOf(args: string[], usage: string, io: CliIo): number | null {
  const year = Number(positional(args, ['--to', '--use', '--dismiss'])[0]);
  if (Number.isInteger(year)) return year;
  io.err(`Cần ghi năm đánh giá. Cách dùng: ${usage}`);
  return null;
}

const statusUsage = 'cchc assessment set-status <năm> [--json]';
const switchUsage = 'cchc assessment switch-set <năm> --to <phiên bản>';
const suggestionsUsage = 'cchc assessment suggestions <năm> [--use <mã tiêu chí>|--use-all|--dismiss <mã tiêu chí>]';

export const setVersionCommands: CliCommand[] = [
  {
    name: 'assessment set-status',
    summary: 'Phiên bản bộ chỉ số đang dùng, phiên bản mới hơn (nếu có) với những gì thay đổi, và lịch sử chuyển',
    usage: statusUsage,
    async run(args, { core, io }) {
      const year = yearOf(args, statusUsage, io);
      if (year === null) return 2;
      const status = await call<SetStatus | null>(core, io, 'assessment/set-status', { year });
      if (status === undefined) return 1;
      if (status === null) {
        io.err(`Chưa có bản tự đánh giá năm ${year}.`);
        return 1;
      }
      if (args.includes('--json')) {
        io.out(JSON.stringify(status, null, 2));
        return 0;
      }
      io.out(`Năm ${year}: bộ chỉ số «${status.setName}», phiên bản ${status.version}.`);
      const u = status.update;
      if (!u) io.out('Đang dùng phiên bản mới nhất đã có trong máy.');
      else {
        io.out(`Đã có phiên bản ${u.newestVersion}. Những gì thay đổi:`);
        for (const c of u.changes) io.out(changeLine(c));
        io.out(`Khi chuyển, câu trả lời của ${u.willCarry.length} tiêu chí được giữ nguyên theo mã tiêu chí.`);
        if (u.willNotCarry.length > 0) {
          io.out(`${u.willNotCarry.length} câu trả lời không chuyển được (được lưu lại trong lịch sử chuyển phiên bản, không mất):`);
          for (const line of notCarriedLines(u.willNotCarry)) io.out(line);
        }
        io.out(u.refusal ? `Chưa chuyển được lúc này: ${u.refusal}` : `Chuyển: cchc assessment switch-set ${year} --to ${u.newestVersion}`);
      }
      for (const h of status.history) {
        io.out(`Đã chuyển phiên bản ${h.fromVersion} → ${h.toVersion}, ${formatInstantVi(h.switchedAt)}, ${h.actor}${h.notCarried.length ? `; ${h.notCarried.length} câu trả lời không chuyển` : ''}.`);
      }
      return 0;
    },
  },
  {
    name: 'assessment switch-set',
    summary: 'Chuyển bản tự đánh giá của năm sang phiên bản mới hơn của bộ chỉ số (giữ câu trả lời theo mã tiêu chí)',
    usage: switchUsage,
    async run(args, { core, io }) {
      const year = yearOf(args, switchUsage, io);
      const toVersion = Number(flag(args, '--to'));
      if (year === null) return 2;
      if (!Number.isInteger(toVersion)) {
        io.err(`Cần ghi phiên bản muốn chuyển sang (--to). Cách dùng: ${switchUsage}`);
        return 2;
      }
      const result = await call<SetSwitchResult>(core, io, 'assessment/switch-set-version', { year, toVersion });
      if (!result) return 1;
      io.out(`Đã chuyển từ phiên bản ${result.fromVersion} sang phiên bản ${result.toVersion}; giữ câu trả lời của ${result.carried.length} tiêu chí.`);
      if (result.notCarried.length > 0) {
        io.out('Không chuyển được (đã lưu trong lịch sử chuyển phiên bản):');
        for (const line of notCarriedLines(result.notCarried)) io.out(line);
      }
      return 0;
    },
  },
  {
    name: 'assessment suggestions',
    summary: 'Gợi ý từ năm trước còn chờ xác nhận; --use/--use-all để dùng, --dismiss để bỏ qua',
    usage: suggestionsUsage,
    async run(args, { core, io }) {
      const year = yearOf(args, suggestionsUsage, io);
      if (year === null) return 2;
      const use = flag(args, '--use');
      const dismiss = flag(args, '--dismiss');
      if (use || dismiss) {
        const code = (use ?? dismiss)!;
        if (use) {
          const saved = await call<SavedEntry>(core, io, 'assessment/use-suggestion', { year, code });
          if (!saved) return 1;
          io.out(`Đã dùng gợi ý cho tiêu chí ${code}: ${formatPointsVi(saved.score.items[code]?.points ?? 0)} điểm; tổng tự chấm ${formatPointsVi(saved.score.total)}.`);
        } else {
          if (!(await call<AnswerSuggestion[]>(core, io, 'assessment/dismiss-suggestion', { year, code }))) return 1;
          io.out(`Đã bỏ qua gợi ý cho tiêu chí ${code}.`);
        }
        return 0;
      }
      const open = await call<AnswerSuggestion[]>(core, io, 'assessment/suggestions', { year });
      if (!open) return 1;
      if (open.length === 0) {
        io.out(`Không còn gợi ý nào chờ xác nhận cho năm ${year}.`);
        return 0;
      }
      if (args.includes('--use-all')) {
        let total = 0;
        for (const s of open) {
          const saved = await call<SavedEntry>(core, io, 'assessment/use-suggestion', { year, code: s.code });
          if (!saved) return 1;
          total = saved.score.total;
        }
        io.out(`Đã dùng ${open.length} gợi ý; tổng tự chấm ${formatPointsVi(total)}.`);
        return 0;
      }
      io.out(`${open.length} gợi ý từ năm trước chờ xác nhận (chưa tính điểm):`);
      for (const s of open) io.out(`  ${s.code.padEnd(8)} năm ${s.fromYear}: ${s.answerText || '—'}${s.explanation ? ` — ${s.explanation}` : ''}`);
      io.out(`Dùng: cchc assessment suggestions ${year} --use <mã tiêu chí> (hoặc --use-all); bỏ qua: --dismiss <mã tiêu chí>.`);
      return 0;
    },
  },
];
