import type { Locator, Page } from '@playwright/test';

/** «Tài liệu kiểm chứng»: every stored file with its filters. */
export class EvidenceListPage {
  constructor(private readonly page: Page) {}

  filters(): Locator {
    return this.page.getByRole('group', { name: 'Lọc tài liệu' });
  }

  async filterYear(year: string): Promise<void> {
    await this.filters().getByLabel('Năm').selectOption({ label: year });
  }

  async filterType(type: string): Promise<void> {
    await this.filters().getByLabel('Loại văn bản').selectOption({ label: type });
  }

  async filterLinked(label: 'Tất cả' | 'Đã gắn' | 'Chưa gắn'): Promise<void> {
    await this.filters().getByLabel('Gắn với tiêu chí, báo cáo').selectOption({ label });
  }

  async unconfirmedOnly(on: boolean): Promise<void> {
    await this.filters().getByLabel('Chỉ tệp chưa xác nhận thông tin').setChecked(on);
  }

  count(): Locator {
    return this.page.getByTestId('evidence-list-count');
  }

  list(): Locator {
    return this.page.getByRole('list', { name: 'Danh sách tài liệu kiểm chứng' });
  }

  file(name: string): Locator {
    return this.list().getByRole('listitem', { name });
  }
}
