import type { Locator, Page } from '@playwright/test';
import type { Role } from '../../../src/shared/contract/define';

const ROLE_CHOICE: Record<Role, RegExp> = {
  officer: /^Cán bộ đầu mối/,
  leader: /^Lãnh đạo/,
  submitter: /^Người nộp hồ sơ/,
  admin: /^Quản trị/,
};

export interface AccountInput {
  displayName: string;
  username: string;
  password: string;
  roles: Role[];
}

/** First-start account step, sign-in, the lock screen and the signed-in user bar. */
export class AuthPage {
  constructor(private readonly page: Page) {}

  accountStepHeading(): Locator {
    return this.page.getByRole('heading', { name: 'Bước 1/2 — Tài khoản quản trị' });
  }

  /** Fills an account form (first start or the accounts page) inside `scope`. */
  async fillAccount(account: AccountInput, scope: Locator | Page = this.page, offered: Role[] = ['officer', 'leader', 'submitter']): Promise<void> {
    await scope.getByLabel('Họ và tên', { exact: true }).fill(account.displayName);
    await scope.getByLabel('Tên đăng nhập', { exact: true }).fill(account.username);
    await scope.getByLabel('Mật khẩu', { exact: true }).fill(account.password);
    await scope.getByLabel('Nhập lại mật khẩu', { exact: true }).fill(account.password);
    for (const role of offered) await scope.getByRole('checkbox', { name: ROLE_CHOICE[role] }).setChecked(account.roles.includes(role));
  }

  async createAdmin(account: AccountInput): Promise<void> {
    await this.fillAccount(account);
    await this.page.getByRole('button', { name: 'Tạo tài khoản và tiếp tục' }).click();
  }

  signInHeading(): Locator {
    return this.page.getByRole('heading', { name: 'Đăng nhập' });
  }

  async signIn(username: string, password: string): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Đăng nhập' });
    await form.getByLabel('Tên đăng nhập', { exact: true }).fill(username);
    await form.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await form.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  }

  lockHeading(): Locator {
    return this.page.getByRole('heading', { name: 'Ứng dụng đang khóa' });
  }

  async unlock(password: string): Promise<void> {
    // The page underneath stays mounted (hidden) and may have its own password fields.
    const form = this.page.getByRole('form', { name: 'Ứng dụng đang khóa' });
    await form.getByLabel('Mật khẩu', { exact: true }).fill(password);
    await form.getByRole('button', { name: 'Mở khóa' }).click();
  }

  signedInUser(): Locator {
    return this.page.getByTestId('signed-in-user');
  }

  signedInRoles(): Locator {
    return this.page.getByTestId('signed-in-roles');
  }

  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: 'Khóa', exact: true }).click();
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: 'Đăng xuất' }).click();
  }

  error(): Locator {
    return this.page.getByRole('alert');
  }
}
