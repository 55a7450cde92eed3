import type { Locator, Page } from '@playwright/test';

/** «Duyệt hồ sơ» and the leader's comment banner in the assessment item view. */
export class ReviewPage {
  constructor(private readonly page: Page) {}

  currentVersion(): Locator {
    return this.page.getByTestId('review-current-version');
  }

  currentStatus(): Locator {
    return this.page.getByTestId('review-current-status');
  }

  /** The dossier under review: the year's self-assessment or one of its periodic reports. */
  async chooseSubject(label: string): Promise<void> {
    await this.page.getByLabel('Hồ sơ cần duyệt').selectOption({ label });
  }

  async submit(): Promise<void> {
    await this.page.getByRole('button', { name: 'Trình lãnh đạo duyệt' }).click();
  }

  private leaderPanel(): Locator {
    return this.page.getByRole('region', { name: 'Ý kiến của lãnh đạo' });
  }

  async addComment(target: string, body: string): Promise<void> {
    const panel = this.leaderPanel();
    // Option values are the item codes.
    await panel.getByRole('combobox', { name: 'Mục', exact: true }).selectOption(target);
    await panel.getByLabel('Nội dung ý kiến').fill(body);
    await panel.getByRole('button', { name: 'Thêm ý kiến' }).click();
  }

  async returnDossier(): Promise<void> {
    await this.leaderPanel().getByRole('button', { name: 'Trả lại kèm ý kiến' }).click();
  }

  async approve(comment: string): Promise<void> {
    await this.leaderPanel().getByLabel('Ý kiến khi duyệt').fill(comment);
    await this.leaderPanel().getByRole('button', { name: 'Duyệt hồ sơ' }).click();
  }

  message(): Locator {
    return this.page.locator('.review-page > [role="status"], .review-page > [role="alert"]');
  }

  version(n: number): Locator {
    return this.page.getByRole('article', { name: `Phiên bản ${n}` });
  }

  async verifyVersion(n: number): Promise<void> {
    await this.version(n).getByRole('button', { name: 'Kiểm tra toàn vẹn' }).click();
  }

  async attachSigned(n: number, path: string): Promise<void> {
    await this.version(n).getByLabel('Đính kèm bản đã ký (PDF hoặc ảnh quét)…').setInputFiles(path);
  }

  /** The banner above an assessment item while the leader's comment on it is unresolved. */
  itemBanner(): Locator {
    return this.page.getByRole('region', { name: 'Ý kiến của lãnh đạo về tiêu chí này' });
  }

  async resolveFromBanner(): Promise<void> {
    await this.itemBanner().getByRole('button', { name: 'Đánh dấu đã xử lý' }).click();
  }
}
