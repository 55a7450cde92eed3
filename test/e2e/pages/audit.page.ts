import type { Locator, Page } from '@playwright/test';

/** «Nhật ký thay đổi»: the log table, verification and export. */
export class AuditLogPage {
  constructor(private readonly page: Page) {}

  async verify(): Promise<void> {
    await this.page.getByRole('button', { name: 'Kiểm tra chuỗi băm' }).click();
  }

  verifyResult(): Locator {
    return this.page.getByTestId('audit-verify');
  }

  rows(): Locator {
    return this.page.locator('table.audit-table tbody tr');
  }

  async exportCsv(): Promise<void> {
    await this.page.getByRole('button', { name: 'Xuất CSV (Excel)' }).click();
  }
}
