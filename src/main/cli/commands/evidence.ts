import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  itemTargetKey,
  type EvidenceAttachResult,
  type EvidenceFileView,
  type EvidenceMetaSuggestions,
  type EvidenceSearchResult,
  type EvidenceVerifyReport,
  type LocalImportStarted,
} from '../../../shared/contract/evidence';
import { formatBytesVi, formatDateVi, todayInVietnam } from '../../../shared/text/vi';
import type { AssessmentView } from '../../../shared/contract/assessment';
import type { CriteriaSetSummary } from '../../../shared/contract/criteria';
import type { CriteriaItem, CriteriaSet } from '../../../shared/criteria/format';
import type { Core } from '../../core/app';
import { isAppError } from '../../core/errors';
import { waitForLocalImport, type LocalImportOutcome } from '../../core/evidence/local-imports';
import { flag, positional } from '../args';
import { call, type CliCommand, type CliIo } from '../command';

/** `cchc evidence …`: the same imports, store and checks as the window's «Tài liệu kiểm chứng». */

function yearOf(args: string[], io: CliIo): number | null {
  const text = flag(args, '--year') ?? todayInVietnam().slice(0, 4);
  const year = Number(text);
  if (!Number.isInteger(year) || year < 2015 || year > 2100) {
    io.err(`Năm «${text}» không hợp lệ (từ 2015 đến 2100).`);
    return null;
  }
  return year;
}

export function describeSuggestions(s: EvidenceMetaSuggestions): string {
  const parts: string[] = [];
  if (s.docType) parts.push(`loại: ${s.docType.value}`);
  if (s.docNumber || s.docSymbol) parts.push(`số: ${[s.docNumber?.value, s.docSymbol?.value].filter(Boolean).join('/')}`);
  if (s.issueDate?.value) parts.push(`ngày: ${formatDateVi(s.issueDate.value)}`);
  if (s.issuer) parts.push(`cơ quan: ${s.issuer.value}`);
  if (s.summary) parts.push(`trích yếu: ${s.summary.value}`);
  if (s.period) parts.push(`kỳ: ${s.period.value}`);
  return parts.join('; ');
}

function describeFile(io: CliIo, f: EvidenceFileView): void {
  const m = f.meta;
  const reference = [m.docNumber, m.docSymbol].filter(Boolean).join('/');
  const meta = [m.docType, reference && `số ${reference}`, m.issueDate && `ngày ${formatDateVi(m.issueDate)}`, m.issuer, m.summary]
    .filter(Boolean)
    .join(', ');
  io.out(`#${f.id}  ${f.originalName}  (${formatBytesVi(f.size)})`);
  if (meta) io.out(`  ${meta}${f.metaConfirmed ? '' : ' (chưa xác nhận)'}`);
  if (f.links.length) io.out(`  Kiểm chứng cho: ${f.links.map((l) => l.key + (l.location ? ` (${l.location})` : '')).join(', ')}`);
}

/**
 * Imports one file from where it lies, as the desktop window does with a picked file: the CLI is
 * trusted, so it grants itself the path, and main streams it into the store (hash, copy, fsync)
 * at disk speed. A failure leaves nothing half-stored.
 */
async function importFile(core: Core, io: CliIo, path: string, targets: { type: 'item'; key: string }[]): Promise<EvidenceAttachResult | undefined> {
  const absolute = resolve(path);
  try {
    if (!(await stat(absolute)).isFile()) {
      io.err(`Lỗi: «${path}» không phải là tệp (có thể là thư mục).`);
      return undefined;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err(code === 'ENOENT' ? `Lỗi: không tìm thấy tệp «${path}».` : `Lỗi: không mở được tệp «${path}» (${code ?? String(error)}).`);
    return undefined;
  }
  const [grant] = core.grantLocalFiles([absolute]);
  const started = await call<LocalImportStarted>(core, io, 'evidence/local-import-begin', { grant, targets });
  if (!started) return undefined;
  let outcome: LocalImportOutcome;
  try {
    outcome = await waitForLocalImport(core.db, started.importId, 20);
  } catch (error) {
    if (!isAppError(error)) throw error;
    // Printed as `call` prints a refusal of the local-import-status channel.
    io.err(`Lỗi (${error.code}): ${error.message}`);
    return undefined;
  }
  if (outcome.state === 'done') return outcome.result;
  io.err(`Lỗi: ${outcome.message}`);
  return undefined;
}

const addUsage = 'cchc evidence add <tệp…> --item <mã tiêu chí> [--year N]';

/**
 * A file linked to an item the year does not have would be stored and shown nowhere. The codes
 * are those of the year's assessment, or, before it is started, of every set stored for the year;
 * a year with no set has no items at all, so nothing can be linked there yet.
 */
async function unknownItemProblem(core: Core, year: number, code: string): Promise<string | null> {
  const codes = new Set<string>();
  const assessment = await core.registry.invoke('assessment/get', { year });
  const collect = (items: CriteriaItem[]) => items.forEach((i) => (codes.add(i.code), collect(i.children)));
  if (assessment.ok && assessment.value) collect((assessment.value as AssessmentView).set.domains);
  else {
    const sets = await core.registry.invoke('criteria/list', {});
    for (const s of sets.ok ? (sets.value as CriteriaSetSummary[]).filter((x) => x.year === year) : []) {
      const set = await core.registry.invoke('criteria/get', { id: s.id, version: s.version });
      if (set.ok) collect((set.value as CriteriaSet).domains);
    }
  }
  if (codes.size === 0) {
    return `Năm ${year} chưa có bộ chỉ số nào nên không có tiêu chí «${code}»; không đính kèm tệp nào. Hãy nhập bộ chỉ số của năm (cchc criteria import <tệp>) hoặc chọn năm khác (--year).`;
  }
  if (codes.has(code)) return null;
  return `Không có tiêu chí «${code}» trong bộ chỉ số năm ${year}; không đính kèm tệp nào. Mã tiêu chí xem ở trang «Bộ chỉ số» hoặc trong tệp của «cchc criteria export».`;
}

export const evidenceCommands: CliCommand[] = [
  {
    name: 'evidence add',
    summary: 'Đính kèm tài liệu kiểm chứng cho một tiêu chí (lưu một lần theo nội dung)',
    usage: addUsage,
    async run(args, { core, io }) {
      const files = positional(args, ['--item', '--year']);
      const code = flag(args, '--item');
      const year = yearOf(args, io);
      if (!files.length || !code || year === null) {
        if (year !== null) io.err(`Thiếu ${files.length ? 'mã tiêu chí (--item)' : 'tệp cần đính kèm'}. Cách dùng: ${addUsage}`);
        return 1;
      }
      const unknown = await unknownItemProblem(core, year, code);
      if (unknown) {
        io.err(unknown);
        return 1;
      }
      const target = { type: 'item' as const, key: itemTargetKey(year, code) };
      let failed = 0;
      for (const file of files) {
        const result = await importFile(core, io, file, [target]);
        if (!result) {
          failed += 1;
          continue;
        }
        const f = result.file;
        io.out(
          result.duplicate
            ? `Trùng nội dung với tài liệu #${f.id} «${f.originalName}» đã lưu; không sao chép lại${result.linksAdded ? `, đã gắn với ${target.key}` : ', đã gắn từ trước'}.`
            : `Đã lưu #${f.id} «${f.originalName}» (${formatBytesVi(f.size)}), gắn với ${target.key}.`,
        );
        for (const notice of result.nameNotices) io.out(`  Lưu ý: ${notice}`);
        const suggestions = describeSuggestions(f.suggestions);
        if (suggestions && !f.metaConfirmed) io.out(`  Gợi ý thông tin văn bản: ${suggestions}`);
      }
      if (failed) io.err(`${failed}/${files.length} tệp chưa được lưu.`);
      return failed ? 1 : 0;
    },
  },
  {
    name: 'evidence list',
    summary: 'Liệt kê tài liệu kiểm chứng của một tiêu chí',
    usage: 'cchc evidence list --item <mã tiêu chí> [--year N] [--json]',
    async run(args, { core, io }) {
      const code = flag(args, '--item');
      const year = yearOf(args, io);
      if (!code || year === null) {
        if (year !== null) io.err('Thiếu mã tiêu chí. Cách dùng: cchc evidence list --item <mã tiêu chí> [--year N]');
        return 1;
      }
      const files = await call<EvidenceFileView[]>(core, io, 'evidence/links', { target: { type: 'item', key: itemTargetKey(year, code) } });
      if (!files) return 1;
      if (args.includes('--json')) io.out(JSON.stringify(files, null, 2));
      else if (!files.length) io.out(`Tiêu chí ${code} năm ${year} chưa có tài liệu kiểm chứng.`);
      else for (const f of files) describeFile(io, f);
      return 0;
    },
  },
  {
    name: 'evidence search',
    summary: 'Tìm tài liệu theo tên, số ký hiệu, trích yếu và nội dung (gõ có hoặc không dấu)',
    usage: 'cchc evidence search <từ khoá…> [--limit N] [--json]',
    async run(args, { core, io }) {
      const words = positional(args, ['--limit']);
      if (!words.length) {
        io.err('Hãy nhập từ cần tìm. Cách dùng: cchc evidence search <từ khoá…>');
        return 1;
      }
      const limit = Number(flag(args, '--limit') ?? 20);
      const result = await call<EvidenceSearchResult>(core, io, 'evidence/search', { query: words.join(' '), limit });
      if (!result) return 1;
      if (args.includes('--json')) {
        io.out(JSON.stringify(result, null, 2));
        return 0;
      }
      io.out(result.total ? `Tìm thấy ${result.total} tài liệu${result.total > result.hits.length ? ` (hiện ${result.hits.length})` : ''}:` : 'Không tìm thấy tài liệu nào.');
      for (const hit of result.hits) {
        describeFile(io, hit.file);
        io.out(`  «${hit.snippet.map((p) => (p.match ? `[${p.text}]` : p.text)).join('')}»`);
      }
      return 0;
    },
  },
  {
    name: 'evidence verify',
    summary: 'Kiểm tra tài liệu: tính lại SHA-256 mọi tệp trong kho, báo tệp mất hoặc bị thay đổi',
    usage: 'cchc evidence verify [--json]',
    async run(args, { core, io }) {
      const report = await call<EvidenceVerifyReport>(core, io, 'evidence/verify', {});
      if (!report) return 1;
      if (args.includes('--json')) io.out(JSON.stringify(report, null, 2));
      else {
        io.out(`Đã kiểm tra ${report.checkedFiles} tệp (${formatBytesVi(report.checkedBytes)}): ${report.okFiles} tệp nguyên vẹn.`);
        for (const f of report.missing) io.out(`  MẤT: #${f.id} «${f.originalName}» (kiểm chứng cho ${f.linkCount} mục)`);
        for (const f of report.altered) io.out(`  BỊ THAY ĐỔI: #${f.id} «${f.originalName}» (kiểm chứng cho ${f.linkCount} mục)`);
      }
      return report.missing.length || report.altered.length ? 1 : 0;
    },
  },
];
