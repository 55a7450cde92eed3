import { join } from 'node:path';
import type { AppInfo } from '../../../shared/contract/app';
import { UNIT_TYPE_LABELS } from '../../../shared/profile-labels';
import { call, type CliCommand } from '../command';

export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'Thư mục dữ liệu, phiên bản lược đồ và thông tin đơn vị',
  usage: 'cchc info [--json]',
  async run(args, { core, io }) {
    const info = await call<AppInfo>(core, io, 'app/info', {});
    if (!info) return 1;
    if (args.includes('--json')) {
      io.out(JSON.stringify(info, null, 2));
      return 0;
    }
    io.out(`CCHC Desk ${info.appVersion}`);
    io.out(`Thư mục dữ liệu: ${info.dataDir}`);
    io.out(`Phiên bản lược đồ dữ liệu: ${info.schemaVersion}`);
    for (const line of startupLines(info)) io.out(line);
    const p = info.latestProfile;
    if (!p) {
      io.out('Đơn vị: chưa khai báo (mở ứng dụng để nhập thông tin đơn vị).');
      return 0;
    }
    io.out(`Đơn vị (năm ${p.year}): ${p.name} (${p.shortName})`);
    io.out(`Loại đơn vị: ${UNIT_TYPE_LABELS[p.unitType]}`);
    io.out(`Cơ quan chủ quản: ${p.parentBody}`);
    io.out(`Tỉnh/thành phố: ${p.province}`);
    io.out(`Cán bộ đầu mối: ${p.focalOfficerName}`);
    io.out(`Lãnh đạo: ${p.leaderTitle} ${p.leaderName}`);
    return 0;
  },
};

/** What this start-up cleaned or set aside, when it did anything (nothing printed otherwise). */
function startupLines(info: AppInfo): string[] {
  const s = info.startup;
  if (!s) return [];
  const lines: string[] = [];
  const interrupted = s.removedTempFiles.length + s.removedOrphans.length;
  if (interrupted) lines.push(`Khởi động: đã dọn ${interrupted} tệp dở dang của lần đính kèm bị gián đoạn.`);
  if (s.removedInterruptedWrites.length) {
    lines.push(`Khởi động: đã xoá ${s.removedInterruptedWrites.length} tệp tạm của lần xuất gói, sao lưu hoặc phục hồi bị gián đoạn:`);
    for (const path of s.removedInterruptedWrites) lines.push(`  - ${path}`);
  }
  if (s.quarantined.length && s.quarantineDir) {
    lines.push(
      `Khởi động: ${s.quarantined.length} tệp trong kho tài liệu không có trong cơ sở dữ liệu; đã chuyển (không xoá) vào ${join(info.dataDir, ...s.quarantineDir.split('/'))}:`,
    );
    for (const file of s.quarantined) lines.push(`  - ${file}`);
  }
  return lines;
}
