import type { Locator, Page } from '@playwright/test';

/** «Kế hoạch CCHC»: plan facts, rates, import, tasks; and the home page's due card. */
export class PlanPage {
  constructor(private readonly page: Page) {}

  async chooseImportFile(path: string): Promise<void> {
    await this.page.getByLabel('Chọn tệp kế hoạch (.xlsx, .json)…').setInputFiles(path);
  }

  importErrors(): Locator {
    return this.page.getByTestId('plan-import-errors');
  }

  async confirmImport(): Promise<void> {
    await this.page.getByRole('button', { name: 'Nhập vào kế hoạch' }).click();
  }

  rates(): Locator {
    return this.page.getByTestId('plan-rates');
  }

  rateRow(period: string): Locator {
    return this.rates().getByRole('row').filter({ has: this.page.getByRole('cell', { name: period, exact: true }) });
  }

  tasks(): Locator {
    return this.page.getByTestId('plan-tasks');
  }

  taskRow(code: string): Locator {
    return this.tasks().getByRole('row').filter({ has: this.page.getByRole('cell', { name: code, exact: true }) });
  }

  dueCard(): Locator {
    return this.page.getByTestId('plan-due-card');
  }

  field(label: string): Locator {
    return this.page.getByRole('form').getByLabel(label, { exact: true });
  }
}
