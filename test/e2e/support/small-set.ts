import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { AppShellPage } from '../pages/app-shell.page';
import { AssessmentPage } from '../pages/assessment.page';
import { CriteriaPage } from '../pages/criteria.page';
import { expect } from './fixtures';

/** The four-item criteria set the e2e tests score («Bộ chỉ số thử nghiệm các sở năm 2026»). */
export const SMALL_SET = resolve(import.meta.dirname, '../../fixtures/criteria/e2e-small-set.json');

/** Imports the small set on «Bộ chỉ số» and starts this year's self-assessment on it. */
export async function startSmallSetAssessment(page: Page): Promise<void> {
  const criteria = new CriteriaPage(page);
  const assessment = new AssessmentPage(page);
  await new AppShellPage(page).goTo('Bộ chỉ số');
  await criteria.chooseFile(SMALL_SET);
  await criteria.confirm();
  await expect(criteria.status()).toContainText('Đã lưu');
  await new AppShellPage(page).goTo('Tự đánh giá');
  await assessment.start('Bộ chỉ số thử nghiệm');
  await expect(assessment.itemTitle()).toBeVisible();
}
