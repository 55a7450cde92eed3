import type { Locator, Page } from '@playwright/test';

/** The leader's item-by-item review, the pre-send check and the approved state. */
export class ItemReviewPage {
  constructor(private readonly page: Page) {}

  private nav(): Locator {
    return this.page.getByRole('navigation', { name: 'Các tiêu chí cần xem' });
  }

  async openItem(code: string): Promise<void> {
    await this.nav().getByRole('button', { name: new RegExp(`^${code.replace(/\./g, '\\.')} `) }).click();
  }

  navItem(code: string): Locator {
    return this.nav().getByRole('button', { name: new RegExp(`^${code.replace(/\./g, '\\.')} `) });
  }

  async filter(label: RegExp): Promise<void> {
    const select = this.nav().getByLabel('Lọc');
    const value = await select.locator('option', { hasText: label }).getAttribute('value');
    await select.selectOption(value!);
  }

  filterOption(label: RegExp): Locator {
    return this.nav().getByLabel('Lọc').locator('option', { hasText: label });
  }

  title(): Locator {
    return this.page.locator('#review-item-title');
  }

  answer(): Locator {
    return this.page.getByTestId('review-answer');
  }

  points(): Locator {
    return this.page.getByTestId('review-points');
  }

  explanation(): Locator {
    return this.page.getByTestId('review-explanation');
  }

  previousYear(): Locator {
    return this.page.getByTestId('review-previous');
  }

  commentBox(): Locator {
    return this.page.getByLabel('Ý kiến về tiêu chí này (chưa gửi)');
  }

  draftState(): Locator {
    return this.page.getByTestId('draft-state');
  }

  rounds(): Locator {
    return this.page.getByTestId('review-round');
  }

  check(title = 'Kiểm tra trước khi trình'): Locator {
    return this.page.getByRole('region', { name: title });
  }

  approvedState(): Locator {
    return this.page.getByTestId('approved-state');
  }

  async openNewVersion(reason: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Mở phiên bản mới để sửa' }).click();
    await this.page.getByLabel('Lý do mở phiên bản mới (ghi vào nhật ký)').fill(reason);
    await this.page.getByRole('button', { name: 'Mở phiên bản mới', exact: true }).click();
  }
}
