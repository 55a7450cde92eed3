import { writeFileSync } from 'node:fs';
import { smallSetV2 } from '../fixtures/criteria/small-set-v2';
import { AppShellPage } from './pages/app-shell.page';
import { AssessmentPage } from './pages/assessment.page';
import { CriteriaPage } from './pages/criteria.page';
import { completeFirstStart } from './support/first-start';
import { expect, test } from './support/fixtures';
import { shoot } from './support/screenshots';
import { startSmallSetAssessment } from './support/small-set';

test.use({ viewport: { width: 1366, height: 768 } });
test.slow();

test('a newer version of the year’s set is announced with what changed, and one step switches to it', async ({ page, app }, testInfo) => {
  const shell = new AppShellPage(page);
  const assessment = new AssessmentPage(page);
  const criteria = new CriteriaPage(page);
  await app.launch();
  await completeFirstStart(page);
  await startSmallSetAssessment(page);
  await expect(page.getByTestId('set-name')).toHaveText('Bộ chỉ số thử nghiệm các sở năm 2026 — phiên bản 1');
  await assessment.openItem('1.1');
  await assessment.chooseRadio('Có');
  await expect(assessment.saved()).toHaveText('Đã lưu');
  await assessment.openItem('1.2');
  await assessment.chooseRadio('Đầy đủ nhưng có báo cáo trễ hạn');
  await expect(assessment.saved()).toHaveText('Đã lưu');

  // The province re-issues the set: the officer imports version 2.
  const v2 = testInfo.outputPath('bo-chi-so-v2.json');
  writeFileSync(v2, JSON.stringify(smallSetV2()));
  await shell.goTo('Bộ chỉ số');
  await criteria.chooseFile(v2);
  await criteria.confirm();
  await expect(criteria.status()).toContainText('Đã lưu');

  await shell.goTo('Tự đánh giá');
  const banner = page.getByRole('region', { name: 'Bộ chỉ số có phiên bản mới' });
  await expect(banner).toContainText('đã có phiên bản 2; bản tự đánh giá đang chấm theo phiên bản 1.');
  const changes = banner.getByTestId('set-changes');
  await expect(changes.locator('li[data-change="renamed"]')).toContainText('1.1 «Ban hành kế hoạch CCHC năm» → «Ban hành và tổ chức thực hiện kế hoạch CCHC năm»');
  await expect(changes.locator('li[data-change="max-changed"]')).toContainText('2.1 Tỷ lệ hồ sơ TTHC giải quyết đúng hạn: 4,00 → 3,00 điểm');
  await expect(changes.locator('li[data-change="added"]')).toContainText('2.3');
  await expect(changes.locator('li[data-change="removed"]')).toContainText('2.2');
  await expect(banner).toContainText('câu trả lời của 1 tiêu chí được giữ nguyên');
  await expect(banner.getByTestId('not-carried')).toContainText('1.2 Chất lượng báo cáo CCHC định kỳ — Câu trả lời cũ: Đầy đủ nhưng có báo cáo trễ hạn.');
  await shoot(page, testInfo, 'set-update-banner');

  await banner.getByRole('button', { name: 'Chuyển sang phiên bản 2' }).click();
  await expect(page.getByTestId('set-switch-result')).toContainText('Đã chuyển từ phiên bản 1 sang phiên bản 2; giữ câu trả lời của 1 tiêu chí.');
  await expect(page.getByTestId('set-name')).toHaveText('Bộ chỉ số thử nghiệm các sở năm 2026 — phiên bản 2');
  await expect(banner).toHaveCount(0);
  await assessment.openItem('1.1');
  await expect(assessment.itemTitle()).toContainText('Ban hành và tổ chức thực hiện kế hoạch CCHC năm');
  await expect(page.getByRole('radio', { name: 'Có', exact: true })).toBeChecked();
  await page.getByText('Lịch sử chuyển phiên bản bộ chỉ số').click();
  await shoot(page, testInfo, 'set-switched');
});

test('a whole set can be browsed item by item, read-only, from the criteria page', async ({ page, app }, testInfo) => {
  const shell = new AppShellPage(page);
  const criteria = new CriteriaPage(page);
  await app.launch();
  await completeFirstStart(page);
  await startSmallSetAssessment(page);
  await shell.goTo('Bộ chỉ số');
  await criteria.installedRow('Bộ chỉ số thử nghiệm các sở năm 2026').getByRole('button', { name: 'Xem từng tiêu chí' }).click();
  const browser = page.getByRole('region', { name: 'Bộ chỉ số thử nghiệm các sở năm 2026 — phiên bản 1' });
  const tree = browser.getByRole('navigation', { name: 'Cây tiêu chí' });
  await expect(tree.getByRole('button')).toHaveCount(6);
  await tree.getByRole('button', { name: /^2\.1 / }).click();
  await expect(browser.getByTestId('set-item-max')).toHaveText('4,00');
  await expect(browser.getByTestId('set-item-rule')).toHaveText(
    'Tỷ lệ = Số hồ sơ đúng hạn / Tổng số hồ sơ đã giải quyết. Từ 98% trở lên: 4,00 điểm; từ 90% trở lên: 2,00 điểm; thấp hơn: 0 điểm.',
  );
  await tree.getByRole('button', { name: /^1\.1 / }).click();
  await expect(browser.getByTestId('set-item-evidence')).toHaveText('Kế hoạch CCHC năm 2026 của đơn vị.');
  await expect(browser.getByRole('textbox')).toHaveCount(0);
  await shoot(page, testInfo, 'set-browser');
});
