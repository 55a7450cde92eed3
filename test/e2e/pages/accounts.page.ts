import type { Locator, Page } from '@playwright/test';
import { AuthPage, type AccountInput } from './auth.page';

/** "Tài khoản" (administrator only): the list, the create form and the lock minutes. */
export class AccountsPage {
  constructor(private readonly page: Page) {}

  async create(account: AccountInput): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Tạo tài khoản mới' });
    await new AuthPage(this.page).fillAccount(account, form, ['officer', 'leader', 'submitter', 'admin']);
    await form.getByRole('button', { name: 'Tạo tài khoản' }).click();
  }

  /** A field of the create form, by its label alone (hint and error are its description). */
  createField(label: string): Locator {
    return this.page.getByRole('form', { name: 'Tạo tài khoản mới' }).getByLabel(label, { exact: true });
  }

  row(username: string): Locator {
    return this.page.locator(`tr[data-username="${username}"]`);
  }

  async setLockMinutes(minutes: number): Promise<void> {
    const form = this.page.getByRole('form', { name: 'Tự khóa khi không thao tác' });
    await form.getByLabel('Số phút không thao tác trước khi tự khóa').fill(String(minutes));
    await form.getByRole('button', { name: 'Lưu' }).click();
  }

  status(): Locator {
    return this.page.getByRole('status');
  }
}
