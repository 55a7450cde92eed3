import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ExportedFile } from '../../../shared/contract/criteria';
import type { AuditVerifyResult, ReviewStatus } from '../../../shared/contract/review';
import { formatDateTimeVi, VERSION_STATUS_LABELS } from '../../../shared/review-labels';
import { flag } from '../args';
import { call, type CliCommand } from '../command';

/** `cchc audit …` and `cchc review …`: the same log and workflow as the window's pages. */

const exportUsage = 'cchc audit export --format csv|json --out <tệp>';

export const reviewCommands: CliCommand[] = [
  {
    name: 'audit verify',
    summary: 'Kiểm tra chuỗi băm của nhật ký thay đổi; báo dòng đầu tiên bị sửa, xóa hoặc đổi thứ tự',
    usage: 'cchc audit verify [--json]',
    async run(args, { core, io }) {
      const result = await call<AuditVerifyResult>(core, io, 'audit/verify', {});
      if (!result) return 1;
      if (args.includes('--json')) io.out(JSON.stringify(result, null, 2));
      else if (result.ok) io.out(`Nhật ký toàn vẹn: đã kiểm tra ${result.checked} dòng${result.head ? `, dòng cuối số ${result.head.seq} (${result.head.hash.slice(0, 16)}…)` : ''}.`);
      else io.err(`Nhật ký KHÔNG toàn vẹn (đã đọc ${result.checked} dòng): ${result.problem!.message}`);
      return result.ok ? 0 : 1;
    },
  },
  {
    name: 'audit export',
    summary: 'Xuất nhật ký thay đổi ra CSV (mở bằng Excel) hoặc JSON (kèm mã băm để kiểm tra lại)',
    usage: exportUsage,
    async run(args, { core, io }) {
      const format = flag(args, '--format');
      const out = flag(args, '--out');
      if ((format !== 'csv' && format !== 'json') || !out) {
        io.err(`Cách dùng: ${exportUsage}`);
        return 2;
      }
      const file = await call<ExportedFile>(core, io, 'audit/export', { format });
      if (!file) return 1;
      const target = resolve(out);
      writeFileSync(target, Buffer.from(file.contentBase64, 'base64'));
      io.out(`Đã ghi ${target}`);
      return 0;
    },
  },
  {
    name: 'review status',
    summary: 'Trạng thái duyệt hồ sơ tự đánh giá của một năm: các phiên bản, người duyệt, ý kiến chưa xử lý',
    usage: 'cchc review status <năm> [--json]',
    async run(args, { core, io }) {
      const year = args.find((a) => !a.startsWith('--'));
      if (!year || !/^\d{4}$/.test(year)) {
        io.err('Cần ghi năm đánh giá, ví dụ: cchc review status 2026');
        return 2;
      }
      const status = await call<ReviewStatus>(core, io, 'review/status', { kind: 'assessment', key: year });
      if (!status) return 1;
      if (args.includes('--json')) {
        io.out(JSON.stringify(status, null, 2));
        return 0;
      }
      io.out(`${status.subject.title}: phiên bản ${status.current.versionNo} — ${VERSION_STATUS_LABELS[status.current.status]}`);
      for (const v of status.versions) {
        const parts = [`  Phiên bản ${v.versionNo}: ${VERSION_STATUS_LABELS[v.status]}`];
        if (v.submitted) parts.push(`trình ${formatDateTimeVi(v.submitted.at)} bởi ${v.submitted.name}`);
        if (v.status === 'approved' && v.decided) parts.push(`duyệt ${formatDateTimeVi(v.decided.at)} bởi ${v.decided.name}`);
        io.out(parts.join('; '));
        if (v.decisionComment) io.out(`    Ý kiến: ${v.decisionComment}`);
        if (v.snapshotSha256) io.out(`    SHA-256: ${v.snapshotSha256}`);
        if (v.signedCopy) io.out(`    Bản đã ký: ${v.signedCopy.name}`);
      }
      const open = status.comments.filter((c) => !c.resolved);
      if (open.length) {
        io.out(`Ý kiến chưa xử lý (${open.length}):`);
        for (const c of open) io.out(`  [${c.target === '*' ? 'chung' : c.target}] ${c.body} — ${c.created.name}`);
      }
      return 0;
    },
  },
  {
    name: 'review reopen',
    summary: 'Mở phiên bản mới để sửa hồ sơ tự đánh giá đã duyệt, ghi lý do vào nhật ký (bản đã duyệt giữ nguyên)',
    usage: 'cchc review reopen <năm> --reason "<lý do>"',
    async run(args, { core, io }) {
      const year = args.find((a) => !a.startsWith('--') && /^\d{4}$/.test(a));
      const reason = flag(args, '--reason');
      if (!year || !reason?.trim()) {
        io.err('Cách dùng: cchc review reopen <năm> --reason "<lý do>"');
        return 2;
      }
      const status = await call<ReviewStatus>(core, io, 'review/open-version', { kind: 'assessment', key: year, reason });
      if (!status) return 1;
      io.out(`Đã mở phiên bản ${status.current.versionNo} để sửa; phiên bản đã duyệt được giữ nguyên.`);
      return 0;
    },
  },
];
