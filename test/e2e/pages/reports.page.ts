import type { Download, Locator, Page } from '@playwright/test';

/** "Báo cáo": the periods dashboard, a period's report editor, the biểu số liệu and the generate panel. */
export class ReportsPage {
  constructor(private readonly page: Page) {}

  periodCard(name: string): Locator {
    return this.page.getByRole('article', { name, exact: true });
  }

  periodDeadline(name: string): Locator {
    return this.periodCard(name).getByTestId('deadline');
  }

  periodDaysLeft(name: string): Locator {
    return this.periodCard(name).getByTestId('days-left');
  }

  async openPeriod(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Mở báo cáo ${title}` }).click();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  async openSection(title: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Đề cương báo cáo' }).getByRole('button', { name: title }).click();
  }

  sectionTitle(): Locator {
    return this.page.locator('#report-section-title');
  }

  sectionText(): Locator {
    return this.page.getByLabel('Nội dung', { exact: true });
  }

  saveState(): Locator {
    return this.page.getByTestId('report-save-state');
  }

  async statisticsTab(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Biểu số liệu' }).click();
  }

  async contentTab(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Nội dung báo cáo' }).click();
  }

  statistic(name: string): Locator {
    return this.page.getByRole('textbox', { name, exact: true });
  }

  computed(name: string): Locator {
    return this.page.getByRole('status', { name, exact: true });
  }

  statisticRow(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name }) });
  }

  rowMessages(name: string): Locator {
    return this.statisticRow(name).getByRole('alert');
  }

  /** Chooses the document (and period) in "Tạo văn bản" and returns the file the browser receives. */
  async generate(kind: string, period?: string): Promise<Download> {
    const panel = this.page.getByRole('region', { name: 'Tạo văn bản' });
    await panel.getByLabel('Loại văn bản').selectOption({ label: kind });
    if (period) await panel.getByLabel('Kỳ báo cáo').selectOption({ label: period });
    const download = this.page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Tạo và lưu tệp' }).click();
    return download;
  }

  generateStatus(): Locator {
    return this.page.getByRole('region', { name: 'Tạo văn bản' }).getByRole('status');
  }
}
