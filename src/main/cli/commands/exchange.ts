import { resolve } from 'node:path';
import type { ContinueSummary, ExchangeJob, OpenPackageOutcome } from '../../../shared/contract/exchange';
import { formatBytesVi as formatBytes, formatInstantVi, formatPointsVi } from '../../../shared/text/vi';
import { ZIP_PROBLEM_LABELS } from '../../../shared/exchange/problem-labels';
import { exportSubjectText } from '../../../shared/exchange/manifest';
import { resolveDataDir } from '../../core/data-dir';
import { isAppError } from '../../core/errors';
import { restoreBackup } from '../../core/exchange/backup';
import { waitForJob } from '../../core/exchange/jobs';
import { verifyPackage } from '../../core/exchange/package-verify';
import { flag } from '../args';
import { call, type CliCommand, type CliIo } from '../command';

/** Waits for a job, printing progress every tenth; undefined (after printing why) when it failed. */
async function follow(io: CliIo, job: ExchangeJob): Promise<ExchangeJob | undefined> {
  let shownTenth = -1;
  const done = await waitForJob(
    job.id,
    (current) => {
      if (current.total === 0 || (current.phase !== 'write' && current.phase !== 'verify')) return;
      const tenth = Math.floor((current.done / current.total) * 10);
      if (tenth === shownTenth) return;
      shownTenth = tenth;
      io.err(`${current.phase === 'write' ? 'Đang ghi' : 'Đang đọc lại từ ổ đĩa để kiểm tra'}: ${tenth * 10}% (${formatBytes(current.done)} / ${formatBytes(current.total)})`);
    },
    200,
  );
  if (done.state === 'failed') {
    io.err(`Lỗi (${done.error?.code}): ${done.error?.message}`);
    return undefined;
  }
  return done;
}

export const exchangeCommands: CliCommand[] = [
  {
    name: 'package export',
    summary: 'Xuất gói nộp hồ sơ (.zip) của phiên bản đã được duyệt',
    usage: 'cchc package export <năm> --out <tệp.zip> [--period <kỳ báo cáo> | --giai-trinh <lần thẩm định, 1 hoặc 2>] [--version <số>] [--overwrite]',
    async run(args, { core, io }) {
      const year = Number(args[0]);
      const out = flag(args, '--out');
      if (!Number.isInteger(year) || !out) {
        io.err('Cần ghi năm và nơi lưu gói, ví dụ: cchc package export 2026 --out goi-nop-2026.zip');
        return 2;
      }
      const period = flag(args, '--period');
      const version = flag(args, '--version');
      const giaiTrinh = flag(args, '--giai-trinh');
      if (giaiTrinh !== undefined && giaiTrinh !== '1' && giaiTrinh !== '2') {
        io.err('--giai-trinh nhận lần thẩm định 1 hoặc 2, ví dụ: cchc package export 2026 --giai-trinh 1 --out goi-giai-trinh-2026.zip');
        return 2;
      }
      // The giải trình dossier of an appraisal round, packaged like the self-assessment's.
      const subject = period ? { kind: 'report', year, period } : giaiTrinh ? { kind: 'assessment', year, giaiTrinhRound: Number(giaiTrinh) } : { kind: 'assessment', year };
      const job = await call<ExchangeJob>(core, io, 'package/export', {
        subject,
        outPath: resolve(out),
        replace: args.includes('--overwrite'),
        ...(version ? { version: Number(version) } : {}),
      });
      if (!job) return 1;
      const done = await follow(io, job);
      if (!done) return 1;
      io.out(`Đã xuất gói ${giaiTrinh ? 'hồ sơ giải trình' : 'nộp hồ sơ'}: ${done.outPath} (đã đọc lại và kiểm tra từng tệp).`);
      return 0;
    },
  },
  {
    name: 'package verify',
    summary: 'Kiểm tra một gói nộp hồ sơ: tệp thiếu, thừa, bị sửa, gói hỏng hoặc nguy hiểm (mã thoát 0 khi hợp lệ)',
    usage: 'cchc package verify <tệp.zip> [--json]',
    async runWithoutDataFolder(args, { io }) {
      const file = args.find((a) => !a.startsWith('--'));
      if (!file) {
        io.err('Cần ghi đường dẫn tới gói, ví dụ: cchc package verify goi-nop-2026.zip');
        return 2;
      }
      const report = await verifyPackage(resolve(file));
      if (args.includes('--json')) {
        io.out(JSON.stringify(report, null, 2));
        return report.ok ? 0 : 1;
      }
      const m = report.manifest;
      if (m) {
        const what = exportSubjectText(m.subject);
        io.out(`${m.unit.name} — ${what}, phiên bản ${m.version}, duyệt bởi ${m.approval.by} ngày ${formatInstantVi(m.approval.at)}.`);
      }
      if (report.ok) {
        io.out(`Gói hợp lệ: ${report.checkedFiles} tệp, mọi tệp khớp mã SHA-256 và dung lượng trong tệp kê khai.`);
        return 0;
      }
      io.out(`Gói KHÔNG hợp lệ — ${report.problems.length} vấn đề:`);
      for (const p of report.problems) io.out(`- [${ZIP_PROBLEM_LABELS[p.kind]}] ${p.message}`);
      return 1;
    },
  },
  {
    name: 'package continue',
    summary: 'Mở một gói nộp hồ sơ tự đánh giá (kiểm tra trước) và lập bản nháp năm đó từ gói trên máy này',
    usage: 'cchc package continue <tệp.zip>',
    async run(args, { core, io }) {
      const file = args.find((a) => !a.startsWith('--'));
      if (!file) {
        io.err('Cần ghi đường dẫn tới gói, ví dụ: cchc package continue goi-nop-2026.zip');
        return 2;
      }
      const opened = await call<OpenPackageOutcome>(core, io, 'package/open', { path: resolve(file) });
      if (!opened) return 1;
      if (!opened.ok) {
        io.err(`Gói KHÔNG hợp lệ, không mở — ${opened.problems.length} vấn đề:`);
        for (const p of opened.problems) io.err(`- [${ZIP_PROBLEM_LABELS[p.kind]}] ${p.message}`);
        return 1;
      }
      const s = await call<ContinueSummary>(core, io, 'package/continue', { id: opened.opened.id });
      if (!s) return 1;
      io.out(`Đã tạo bản tự đánh giá năm ${s.year} từ gói (bộ chỉ số «${s.set.name}»): ${s.itemsCarried} tiêu chí được chép sang, trạng thái «Đang làm».`);
      io.out(
        `Tài liệu kiểm chứng: ${s.evidence.imported} tệp mới lưu, ${s.evidence.alreadyStored} tệp đã có sẵn, ${s.evidence.linked} liên kết với tiêu chí.`,
      );
      io.out(`Tổng điểm tự chấm: ${formatPointsVi(s.total)} (bản đã duyệt: ${formatPointsVi(s.approvedTotal)}).`);
      if (s.notCarried.length) {
        io.out('Không chép được:');
        for (const n of s.notCarried) io.out(`- ${n.code}: ${n.reason}`);
      }
      if (s.missingFiles.length) {
        io.out('Gói thiếu tệp kiểm chứng:');
        for (const f of s.missingFiles) io.out(`- ${f.itemCode}: ${f.name}`);
      }
      return 0;
    },
  },
  {
    name: 'backup',
    summary: 'Sao lưu toàn bộ dữ liệu (cơ sở dữ liệu, tài liệu kiểm chứng, thiết lập) vào một tệp',
    usage: 'cchc backup <tệp.zip> [--overwrite]',
    async run(args, { core, io }) {
      const file = args[0];
      if (!file || !/\.zip$/i.test(file)) {
        io.err('Cần ghi tên tệp sao lưu (.zip), ví dụ: cchc backup /media/usb/cchc-sao-luu.zip');
        return 2;
      }
      const job = await call<ExchangeJob>(core, io, 'backup/create', { outPath: resolve(file), replace: args.includes('--overwrite') });
      if (!job) return 1;
      const done = await follow(io, job);
      if (!done) return 1;
      io.out(`Đã sao lưu vào ${done.outPath} (${formatBytes(done.total)} dữ liệu, đã đọc lại và kiểm tra).`);
      return 0;
    },
  },
  {
    name: 'restore',
    summary: 'Phục hồi một bản sao lưu vào thư mục dữ liệu mới (hoặc trống)',
    usage: 'cchc restore <tệp.zip> [--data-dir <thư mục trống>]',
    async runWithoutDataFolder(args, { io, env }) {
      const file = args[0];
      if (!file || file.startsWith('--')) {
        io.err('Cần ghi tệp sao lưu, ví dụ: cchc restore cchc-sao-luu.zip --data-dir /duong/dan/thu-muc-moi');
        return 2;
      }
      const target = flag(args, '--data-dir') ?? resolveDataDir(env);
      try {
        const result = await restoreBackup(resolve(file), target);
        io.out(`Đã phục hồi ${result.files} tệp vào ${result.dataDir} (bản sao lưu ngày ${formatInstantVi(result.backupCreatedAt)}, lược đồ ${result.schemaVersion}).`);
        io.out('Cơ sở dữ liệu đã qua kiểm tra toàn vẹn (integrity_check).');
        return 0;
      } catch (error) {
        io.err(isAppError(error) ? `Lỗi (${error.code}): ${error.message}` : `Lỗi: ${String(error)}`);
        return 1;
      }
    },
  },
];
