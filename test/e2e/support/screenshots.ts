import type { Page, TestInfo } from '@playwright/test';

/** Screenshots at the two sizes officers' screens have, for looking at, not comparing. */
export async function shoot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const [width, height] of [
    [1366, 768],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
}
