import type { Locator, Page } from '@playwright/test';
import type { UnitProfileInput } from '../../../src/shared/contract/profile';

/** The unit-profile form (first start and "Thông tin đơn vị"): selectors live here only. */
export class ProfileFormPage {
  constructor(private readonly page: Page) {}

  field(label: string): Locator {
    return this.page.getByLabel(new RegExp(`^${label}`));
  }

  async fill(profile: UnitProfileInput): Promise<void> {
    await this.field('Năm đánh giá').fill(String(profile.year));
    await this.field('Loại đơn vị').selectOption(profile.unitType);
    await this.field('Tên đơn vị').fill(profile.name);
    await this.field('Tên viết tắt').fill(profile.shortName);
    await this.field('Cơ quan chủ quản').fill(profile.parentBody);
    // Picked from the 34 provinces and cities, not typed.
    await this.field('Tỉnh, thành phố').selectOption(profile.province);
    await this.field('Cán bộ đầu mối CCHC').fill(profile.focalOfficerName);
    await this.field('Điện thoại').fill(profile.focalOfficerPhone ?? '');
    await this.field('Thư điện tử').fill(profile.focalOfficerEmail ?? '');
    await this.field('Lãnh đạo ký văn bản').fill(profile.leaderName);
    await this.field('Chức vụ lãnh đạo').fill(profile.leaderTitle);
    if (profile.draftingUnit !== undefined) await this.field('Đơn vị soạn thảo').fill(profile.draftingUnit);
  }

  async submit(label: string): Promise<void> {
    await this.page.getByRole('button', { name: label }).click();
  }

  error(): Locator {
    return this.page.getByRole('alert');
  }
}
