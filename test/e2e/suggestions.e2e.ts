import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { AppShellPage } from './pages/app-shell.page';
import { AssessmentPage } from './pages/assessment.page';
import { completeFirstStart } from './support/first-start';
import { expect, test } from './support/fixtures';
import { shoot } from './support/screenshots';

test.use({ viewport: { width: 1366, height: 768 } });
test.slow();

test('last year’s answers are suggestions to confirm; last year’s evidence is offered, not linked', async ({ page, app }, testInfo) => {
  const shell = new AppShellPage(page);
  const assessment = new AssessmentPage(page);
  await app.launch();
  await completeFirstStart(page);
  // 2026 answered and carried into 2027 «Bắt đầu từ năm trước» (previous-year.script.ts).
  execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'support/previous-year.script.ts'), app.dataDir], { timeout: 120_000 });
  await page.reload();
  await shell.workingYear().selectOption('2027');
  await shell.goTo('Tự đánh giá');
  await assessment.openItem('2.1');
  const box = page.getByRole('region', { name: 'Gợi ý từ năm 2026' });
  await expect(box.getByTestId('suggested-answer')).toContainText('240/250');
  await expect(box.getByTestId('suggested-explanation')).toHaveText('10 hồ sơ trễ hạn do gián đoạn hệ thống một cửa.');
  // Not counted until confirmed.
  await expect(assessment.total()).toHaveText('0,00');
  await shoot(page, testInfo, 'suggestion');

  // The comparison with last year follows the score as it changes, without a reload.
  const compareTotal = page.locator('section.panel', { has: page.getByRole('heading', { name: 'So sánh năm 2027 với năm 2026' }) }).locator('tfoot th').nth(2);
  await expect(compareTotal).toContainText(/^0,00 /);
  await box.getByRole('button', { name: 'Dùng gợi ý' }).click();
  await expect(box).toHaveCount(0);
  await expect(assessment.total()).toHaveText('2,00');
  await expect(compareTotal).toContainText(/^2,00 /);
  await compareTotal.scrollIntoViewIfNeeded();
  await shoot(page, testInfo, 'comparison-after-suggestion');
  await expect(assessment.field(/^Thuyết minh/)).toHaveValue('10 hồ sơ trễ hạn do gián đoạn hệ thống một cửa.');

  await assessment.openItem('1.1');
  await page.getByRole('region', { name: 'Gợi ý từ năm 2026' }).getByRole('button', { name: 'Bỏ qua' }).click();
  await expect(page.getByRole('region', { name: 'Gợi ý từ năm 2026' })).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'Có', exact: true })).not.toBeChecked();
  // Last year's plan is offered with «Gắn», not linked.
  const offer = page.getByRole('region', { name: /Tài liệu kiểm chứng năm 2025|Tài liệu kiểm chứng năm 2026/ });
  await expect(offer).toContainText('Ke-hoach-CCHC-2026.txt');
  await expect(offer.getByRole('button', { name: 'Gắn' })).toBeVisible();
  await shoot(page, testInfo, 'suggestion-evidence-offer');
});
