import type { Locator, Page } from '@playwright/test';

/** "Nộp hồ sơ" (verify, open read-only) and "Sao lưu" pages, and the home page's backup reminder. */
export class ExchangePage {
  constructor(private readonly page: Page) {}

  /** Exports the latest approved version of the year's self-assessment to a path. */
  async exportAssessment(outPath: string): Promise<void> {
    const panel = this.page.getByRole('group', { name: 'Xuất gói nộp hồ sơ' });
    await panel.getByLabel(/^Lưu gói vào/).fill(outPath);
    await panel.getByRole('button', { name: 'Xuất gói nộp' }).click();
  }

  exportStatus(): Locator {
    return this.page.getByRole('group', { name: 'Xuất gói nộp hồ sơ' }).getByRole('status');
  }

  async uploadPackage(path: string): Promise<void> {
    await this.page.getByLabel('Chọn gói .zip để kiểm tra…').setInputFiles(path);
  }

  verifyResult(fileName: string): Locator {
    return this.page.getByRole('region', { name: `Kết quả kiểm tra «${fileName}»` });
  }

  problems(): Locator {
    return this.page.getByRole('alert', { name: /^Gói không hợp lệ/ });
  }

  async openForReview(): Promise<void> {
    await this.page.getByRole('button', { name: 'Mở gói này để xem (chỉ đọc)' }).click();
  }

  openedView(): Locator {
    return this.page.getByRole('region', { name: /^Gói Sở Nội vụ/ });
  }

  /** "Tiếp tục từ gói này", then the confirmation. */
  async continueFromPackage(): Promise<void> {
    await this.page.getByRole('button', { name: 'Tiếp tục từ gói này' }).click();
    const confirm = this.page.getByRole('alertdialog', { name: /^Tiếp tục bản tự đánh giá năm/ });
    await confirm.getByRole('button', { name: 'Tiếp tục', exact: true }).click();
  }

  continueReport(): Locator {
    return this.page.getByRole('region', { name: 'Tiếp tục từ gói này' });
  }

  async openContinuedAssessment(year: number): Promise<void> {
    await this.page.getByRole('button', { name: `Mở bản tự đánh giá năm ${year}` }).click();
  }

  openedList(): Locator {
    return this.page.getByRole('table', { name: 'Các gói đã mở (chỉ đọc)' });
  }

  backupReminder(): Locator {
    return this.page.getByTestId('backup-reminder');
  }

  lastBackup(): Locator {
    return this.page.getByTestId('backup-last');
  }

  async backupTo(path: string): Promise<void> {
    await this.page.getByLabel('Lưu bản sao lưu vào (đường dẫn đầy đủ tới tệp .zip)').fill(path);
    await this.page.getByRole('button', { name: 'Sao lưu ngay' }).click();
  }

  status(): Locator {
    return this.page.getByRole('status');
  }
}
