import type { Page } from '@playwright/test';
import type { UnitProfileInput } from '../../../src/shared/contract/profile';
import { sampleProfile } from '../../helpers/sample-profile';
import { AppShellPage } from '../pages/app-shell.page';
import { AuthPage, type AccountInput } from '../pages/auth.page';
import { ProfileFormPage } from '../pages/profile-form.page';

/** The administrator every e2e test starts with: one person holding every role. */
export const DEFAULT_ADMIN: AccountInput = {
  displayName: 'Nguyễn Thị Ặnh',
  username: 'quantri',
  password: 'matkhau2026',
  roles: ['officer', 'leader', 'submitter'],
};

/**
 * Gets a fresh app past the first start: creates the administrator account (by default holding
 * every role, signed in afterwards), then fills the unit profile with the sample department.
 */
export async function completeFirstStart(page: Page, options: { profile?: UnitProfileInput; account?: AccountInput } = {}): Promise<void> {
  await new AuthPage(page).createAdmin(options.account ?? DEFAULT_ADMIN);
  const form = new ProfileFormPage(page);
  await form.fill(options.profile ?? sampleProfile());
  await form.submit('Lưu và bắt đầu');
  await new AppShellPage(page).homeUnit().waitFor();
}

/** Signs in on the sign-in screen (after a restart, a sign-out, or as another person). */
export async function signIn(page: Page, username = DEFAULT_ADMIN.username, password = DEFAULT_ADMIN.password): Promise<void> {
  await new AuthPage(page).signIn(username, password);
  await new AuthPage(page).signedInUser().waitFor();
}
