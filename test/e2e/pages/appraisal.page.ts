import type { Locator, Page } from '@playwright/test';

/** «Thẩm định, giải trình». */
export class AppraisalPage {
  constructor(private readonly page: Page) {}

  async importFile(path: string): Promise<void> {
    await this.page.getByLabel('Chọn tệp kết quả thẩm định (.xlsx, .json)').setInputFiles(path);
  }

  errors(): Locator {
    return this.page.getByTestId('appraisal-errors');
  }

  score(which: 'self' | 'appraised' | 'survey' | 'index' | 'band'): Locator {
    return this.page.getByTestId(`score-${which}`);
  }

  row(code: string): Locator {
    return this.page.getByTestId(`appraisal-row-${code}`);
  }

  async openItem(code: string): Promise<void> {
    await this.row(code).getByRole('button').click();
  }

  giaiTrinh(code: string): Locator {
    return this.page.getByTestId(`giai-trinh-${code}`);
  }

  reviewStatus(): Locator {
    return this.page.getByTestId('giai-trinh-status');
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Trình lãnh đạo duyệt giải trình' }).click();
  }

  deadlineLeft(): Locator {
    return this.page.getByTestId('appraisal-deadline-left');
  }
}
