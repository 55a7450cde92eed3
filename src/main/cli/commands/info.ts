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
