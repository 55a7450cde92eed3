import { ROLE_LABELS } from '../../../shared/contract/access';
import type { AccountInfo } from '../../../shared/contract/auth';
import { call, type CliCommand } from '../command';

/**
 * Accounts from the command line. The CLI is the trusted local system (whoever can run it can
 * read the database file anyway), so this is also the way back in when the only administrator
 * has forgotten the password.
 */
export const accountsCommands: CliCommand[] = [
  {
    name: 'accounts list',
    summary: 'Liệt kê tài khoản: tên đăng nhập, họ tên, vai trò, trạng thái',
    usage: 'cchc accounts list [--json]',
    async run(args, { core, io }) {
      const accounts = await call<AccountInfo[]>(core, io, 'accounts/list', {});
      if (!accounts) return 1;
      if (args.includes('--json')) {
        io.out(JSON.stringify(accounts, null, 2));
        return 0;
      }
      if (accounts.length === 0) io.out('Chưa có tài khoản nào (mở ứng dụng để tạo tài khoản quản trị).');
      for (const a of accounts) {
        io.out(`${a.username}\t${a.displayName}\t${a.roles.map((r) => ROLE_LABELS[r]).join(', ')}\t${a.disabled ? 'đã vô hiệu hóa' : 'đang hoạt động'}`);
      }
      return 0;
    },
  },
  {
    name: 'accounts reset-password',
    summary: 'Đặt lại mật khẩu một tài khoản (mật khẩu mới đọc từ đầu vào chuẩn, không ghi trên dòng lệnh)',
    usage: 'cchc accounts reset-password <tên đăng nhập>   (rồi gõ mật khẩu mới, hoặc: echo … | cchc accounts reset-password <tên>)',
    async run(args, { core, io }) {
      const username = args[0];
      if (!username) {
        io.err('Cần ghi tên đăng nhập, ví dụ: cchc accounts reset-password quantri');
        return 2;
      }
      const accounts = await call<AccountInfo[]>(core, io, 'accounts/list', {});
      if (!accounts) return 1;
      const account = accounts.find((a) => a.username.toLowerCase() === username.toLowerCase());
      if (!account) {
        io.err(`Không có tài khoản «${username}».`);
        return 1;
      }
      const password = await io.readLine?.('Mật khẩu mới: ');
      if (!password) {
        io.err('Chưa nhận được mật khẩu mới (đầu vào chuẩn trống).');
        return 2;
      }
      if ((await call(core, io, 'accounts/reset-password', { id: account.id, newPassword: password })) === undefined) return 1;
      io.out(`Đã đặt lại mật khẩu của «${account.username}».`);
      return 0;
    },
  },
];
