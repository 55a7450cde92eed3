import type { Locator, Page } from '@playwright/test';

/** "Nộp hồ sơ" (verify, open read-only) and "Sao lưu" pages, and the home page's backup reminder. */
export class ExchangePage {
  constructor(private readonly page: Page) {}

  /**
   * Exports the latest approved version of the year's self-assessment; in the browser it arrives
   * as a download, saved here to `saveAs`. Returns the name the app suggested.
   */
  async exportAssessment(saveAs: string): Promise<string> {
    const panel = this.page.getByRole('group', { name: 'Xuất gói nộp hồ sơ' });
    return this.download(() => panel.getByRole('button', { name: 'Xuất gói nộp' }).click(), saveAs);
  }

  private async download(start: () => Promise<void>, saveAs: string): Promise<string> {
    const arrived = this.page.waitForEvent('download', { timeout: 30_000 });
    await start();
    const download = await arrived;
    await download.saveAs(saveAs);
    return download.suggestedFilename();
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

  /** Backs up now; the browser downloads the file, saved here to `saveAs`. Returns its suggested name. */
  /** Starts a backup without waiting for its download (to watch its progress or cancel it). */
  async startBackup(): Promise<void> {
    await this.page.getByRole('button', { name: 'Sao lưu ngay' }).click();
  }

  async backupTo(saveAs: string): Promise<string> {
    return this.download(() => this.page.getByRole('button', { name: 'Sao lưu ngay' }).click(), saveAs);
  }

  /** «Phục hồi từ bản sao lưu»: picks the backup file; the app verifies and restores it into a new folder. */
  async restoreFrom(path: string): Promise<void> {
    await this.page.getByLabel('Chọn tệp sao lưu để phục hồi…').setInputFiles(path);
  }

  restorePreview(): Locator {
    return this.page.getByLabel('Nội dung bản sao lưu');
  }

  /** «Chuyển sang dữ liệu này», then the confirmation. */
  async switchToRestored(): Promise<void> {
    await this.page.getByRole('button', { name: 'Chuyển sang dữ liệu này' }).click();
    await this.page.getByRole('alertdialog', { name: 'Chuyển sang dữ liệu đã phục hồi?' }).getByRole('button', { name: 'Chuyển sang', exact: true }).click();
  }

  status(): Locator {
    return this.page.getByRole('status');
  }
}
