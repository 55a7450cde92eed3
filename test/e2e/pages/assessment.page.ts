import type { Locator, Page } from '@playwright/test';

/** "Tự đánh giá": starting the year, the item editor and the totals. */
export class AssessmentPage {
  constructor(private readonly page: Page) {}

  async start(setName: string): Promise<void> {
    const select = this.page.getByLabel('Chọn bộ chỉ số');
    const value = await select.locator('option', { hasText: setName }).getAttribute('value');
    await select.selectOption(value!);
    await this.page.getByRole('button', { name: 'Bắt đầu tự đánh giá' }).click();
  }

  async openItem(code: string): Promise<void> {
    const nav = this.page.getByRole('navigation', { name: 'Các lĩnh vực' });
    const item = nav.getByRole('button', { name: new RegExp(`^${code.replace(/\./g, '\\.')} `) });
    if (!(await item.isVisible())) await nav.locator('summary').filter({ hasText: new RegExp(`^${code.split('.')[0]} `) }).click();
    await item.click();
  }

  itemTitle(): Locator {
    return this.page.locator('#item-title');
  }

  async chooseRadio(label: string): Promise<void> {
    await this.page.getByRole('radio', { name: label }).check();
  }

  field(label: string | RegExp): Locator {
    return this.page.getByLabel(label);
  }

  itemPoints(): Locator {
    return this.page.getByTestId('item-points');
  }

  total(): Locator {
    return this.page.getByTestId('total-points');
  }

  band(): Locator {
    return this.page.getByTestId('band');
  }

  saved(): Locator {
    return this.page.getByTestId('save-state');
  }

  async summaryTab(): Promise<void> {
    await this.page.getByRole('button', { name: 'Tổng hợp', exact: true }).click();
  }

  async next(): Promise<void> {
    await this.page.getByRole('button', { name: 'Tiêu chí tiếp →' }).click();
  }
}
