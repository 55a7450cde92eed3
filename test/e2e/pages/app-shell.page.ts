import type { Locator, Page } from '@playwright/test';

/** The first-start screen and the main layout with its navigation. */
export class AppShellPage {
  constructor(private readonly page: Page) {}

  firstStartHeading(): Locator {
    return this.page.getByRole('heading', { name: 'Chào mừng đến với CCHC Desk' });
  }

  async goTo(section: string): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('button', { name: section }).click();
  }

  homeUnit(): Locator {
    return this.page.getByTestId('home-unit');
  }

  /** The topbar's year picker (shown once there are profiles for two years or more). */
  workingYear(): Locator {
    return this.page.getByRole('banner').getByLabel('Năm làm việc');
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { name });
  }
}
