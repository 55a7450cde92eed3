import type { Download, Locator, Page } from '@playwright/test';

/** "Báo cáo": the periods dashboard, a period's report editor, the biểu số liệu and the generate panel. */
export class ReportsPage {
  constructor(private readonly page: Page) {}

  /** The home page's "Hạn báo cáo gần nhất" panel. */
  nextDeadline(): Locator {
    return this.page.getByRole('region', { name: 'Hạn báo cáo gần nhất' });
  }

  periodCard(name: string): Locator {
    return this.page.getByRole('article', { name, exact: true });
  }

  periodDeadline(name: string): Locator {
    return this.periodCard(name).getByTestId('deadline');
  }

  periodDaysLeft(name: string): Locator {
    return this.periodCard(name).getByTestId('days-left');
  }

  /** "Soạn báo cáo" on a fresh period's card, "Tiếp tục soạn báo cáo" once something is written. */
  async openPeriod(title: string): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`^(Soạn|Tiếp tục soạn) báo cáo ${title}$`) }).click();
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  async backToPeriods(): Promise<void> {
    await this.page.getByRole('button', { name: '← Các kỳ báo cáo' }).click();
  }

  /** "Bắt đầu từ báo cáo kỳ trước…", choosing what happens to the numbers, then confirming. */
  async startFromPrevious(numbers: 'Để trống, nhập số liệu mới của kỳ này' | 'Giữ số liệu kỳ trước để sửa'): Promise<void> {
    await this.page.getByRole('button', { name: 'Bắt đầu từ báo cáo kỳ trước…' }).click();
    const dialog = this.page.getByRole('alertdialog', { name: 'Bắt đầu từ báo cáo kỳ trước' });
    await dialog.getByRole('radio', { name: numbers }).check();
    await dialog.getByRole('button', { name: 'Chép nội dung' }).click();
  }

  async prefillFromAssessment(): Promise<void> {
    await this.page.getByRole('button', { name: 'Điền sẵn từ kế hoạch và số liệu kỳ…' }).click();
    await this.page.getByRole('alertdialog', { name: 'Điền sẵn từ Kế hoạch CCHC và số liệu của kỳ' }).getByRole('button', { name: 'Điền sẵn' }).click();
  }

  /** The message after a bulk change (carry, pre-fill). */
  notice(): Locator {
    return this.page.getByRole('status').filter({ hasText: /^Đã / });
  }

  /** Why a carry or pre-fill was refused (shown under the actions). */
  actionError(): Locator {
    return this.page.locator('.report-editor > [role="alert"]');
  }

  sectionButton(title: string): Locator {
    return this.page.getByRole('navigation', { name: 'Đề cương báo cáo' }).getByRole('button', { name: title });
  }

  async openSection(title: string): Promise<void> {
    await this.sectionButton(title).click();
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

  /** From the selected "Nội dung báo cáo" tab to "Biểu số liệu" with the arrow key. */
  async statisticsTabByKeyboard(): Promise<void> {
    await this.page.getByRole('tab', { name: 'Nội dung báo cáo' }).focus();
    await this.page.keyboard.press('ArrowRight');
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

  private generatePanel(): Locator {
    return this.page.getByRole('region', { name: 'Tạo văn bản' });
  }

  /** Chooses the document (and period) in "Tạo văn bản" and asks for it, without waiting for a file. */
  async requestDocument(kind: string, period?: string): Promise<void> {
    const panel = this.generatePanel();
    await panel.getByLabel('Loại văn bản').selectOption({ label: kind });
    if (period) await panel.getByLabel('Kỳ báo cáo').selectOption({ label: period });
    await panel.getByRole('button', { name: 'Tạo và lưu tệp' }).click();
  }

  /** As requestDocument, returning the file the browser receives. */
  async generate(kind: string, period?: string): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.requestDocument(kind, period);
    return download;
  }

  generateStatus(): Locator {
    return this.generatePanel().getByRole('status');
  }

  generateError(): Locator {
    return this.generatePanel().getByRole('alert');
  }

  /** Chooses a document in "Tạo văn bản" without asking for it (the check before generating shows). */
  async chooseDocument(kind: string): Promise<void> {
    await this.generatePanel().getByLabel('Loại văn bản').selectOption({ label: kind });
  }

  /** The one list shown before a document is generated. */
  generateCheck(): Locator {
    return this.page.getByRole('region', { name: 'Kiểm tra trước khi tạo văn bản' });
  }
}
