import type { Page } from '@playwright/test';
import { sampleProfile } from '../../helpers/sample-profile';
import { AppShellPage } from '../pages/app-shell.page';
import { ProfileFormPage } from '../pages/profile-form.page';

/** Gets a fresh app past the first-start screen with the sample department. */
export async function completeFirstStart(page: Page): Promise<void> {
  const form = new ProfileFormPage(page);
  await form.fill(sampleProfile());
  await form.submit('Lưu và bắt đầu');
  await new AppShellPage(page).homeUnit().waitFor();
}
