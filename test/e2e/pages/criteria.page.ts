import type { Locator, Page } from '@playwright/test';

/** "Bộ chỉ số": import (with preview), the installed list, exports. */
export class CriteriaPage {
  constructor(private readonly page: Page) {}

  async chooseFile(path: string): Promise<void> {
    await this.page.getByLabel('Nhập bộ chỉ số (JSON hoặc Excel)…').setInputFiles(path);
  }

  preview(): Locator {
    return this.page.getByLabel('Xem trước bộ chỉ số');
  }

  errors(): Locator {
    return this.page.getByRole('alert', { name: 'Tệp bộ chỉ số có lỗi — chưa lưu gì' });
  }

  async confirm(): Promise<void> {
    await this.page.getByRole('button', { name: 'Lưu bộ chỉ số này' }).click();
  }

  status(): Locator {
    return this.page.getByRole('status');
  }

  installedRow(name: string): Locator {
    return this.page.getByRole('row').filter({ hasText: name });
  }
}
