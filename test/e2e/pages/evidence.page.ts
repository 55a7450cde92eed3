import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Locator, Page } from '@playwright/test';

/** The evidence panel inside the assessment item view. */
export class EvidencePanelPage {
  constructor(private readonly page: Page) {}

  panel(): Locator {
    return this.page.getByRole('region', { name: 'Tài liệu kiểm chứng' });
  }

  async attach(...paths: string[]): Promise<void> {
    await this.panel().getByLabel('Đính kèm tệp…').setInputFiles(paths);
  }

  /**
   * Drops files onto the panel the way a file manager does: a DataTransfer holding File objects,
   * delivered through dragenter, dragover and drop.
   */
  async drop(...paths: string[]): Promise<void> {
    const files = paths.map((p) => ({ name: basename(p), base64: readFileSync(p).toString('base64') }));
    const dataTransfer = await this.page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
      return dt;
    }, files);
    for (const type of ['dragenter', 'dragover', 'drop']) await this.panel().dispatchEvent(type, { dataTransfer });
  }

  progress(): Locator {
    return this.panel().getByRole('group', { name: 'Tiến độ đính kèm' });
  }

  fileProgress(name: string): Locator {
    return this.progress().getByRole('progressbar', { name: `Tiến độ tệp ${name}` });
  }

  overallProgress(): Locator {
    return this.progress().getByRole('progressbar', { name: 'Tiến độ chung' });
  }

  async stopUpload(): Promise<void> {
    await this.progress().getByRole('button', { name: 'Dừng đính kèm' }).click();
  }

  async setLocation(name: string, location: string): Promise<void> {
    const form = this.file(name).getByRole('form', { name: `Vị trí kiểm chứng trong «${name}»` });
    await form.getByLabel('Vị trí trong tài liệu').fill(location);
    await form.getByRole('button', { name: 'Lưu vị trí' }).click();
  }

  location(name: string): Locator {
    return this.file(name).getByLabel('Vị trí trong tài liệu');
  }

  /** The message of a file that could not be attached, in the progress list. */
  uploadError(name: string): Locator {
    return this.progress().getByRole('alert').filter({ hasText: `«${name}»` });
  }

  file(name: string): Locator {
    return this.panel().getByRole('listitem', { name });
  }

  files(): Locator {
    return this.panel().locator('.evidence-files > li');
  }

  metaForm(): Locator {
    return this.panel().getByRole('form', { name: 'Thông tin văn bản' });
  }

  metaField(label: string): Locator {
    return this.metaForm().getByLabel(label);
  }

  /** The field's label, which carries the «gợi ý» mark while it holds a recognised value. */
  metaLabel(label: string): Locator {
    return this.metaForm().locator('label', { hasText: label });
  }

  async confirmMeta(): Promise<void> {
    await this.metaForm().getByRole('button', { name: 'Xác nhận' }).click();
  }

  async unlink(name: string): Promise<void> {
    await this.file(name).getByRole('button', { name: 'Bỏ gắn' }).click();
    await this.file(name).getByRole('alertdialog').getByRole('button', { name: 'Đồng ý bỏ gắn' }).click();
  }

  async preview(name: string): Promise<Locator> {
    await this.file(name).getByRole('button', { name: 'Xem trước' }).click();
    return this.file(name).getByRole('region', { name: `Xem trước: ${name}` });
  }

  async linkExisting(query: string, name: string): Promise<void> {
    await this.panel().getByRole('button', { name: 'Gắn tệp đã có…' }).click();
    const picker = this.panel().getByRole('region', { name: 'Gắn một tệp đã có trong kho' });
    await picker.getByLabel('Tìm tệp đã có').fill(query);
    await picker.getByRole('button', { name: 'Tìm' }).click();
    await picker.getByRole('button', { name: `Gắn vào tiêu chí này: ${name}` }).click();
  }

  status(): Locator {
    return this.panel().getByRole('status');
  }

  alerts(): Locator {
    return this.panel().getByRole('alert');
  }

  /** The item's entry in the domain list, which carries its evidence marker ("1 tệp", "thiếu TLKC"). */
  itemInList(code: string): Locator {
    return this.page.getByRole('navigation', { name: 'Các lĩnh vực' }).getByRole('button', { name: new RegExp(`^${code.replace(/\./g, '\\.')} `) });
  }

  /** "Đã gắn n tài liệu kiểm chứng." in the item's guidance (the count the assessment keeps). */
  itemCount(): Locator {
    return this.page.getByText(/(Đã gắn \d+|Chưa gắn) tài liệu kiểm chứng/).first();
  }
}

/** The header search and its results page. */
export class EvidenceSearchPage {
  constructor(private readonly page: Page) {}

  async search(query: string): Promise<void> {
    const box = this.page.getByRole('search', { name: 'Tìm tài liệu kiểm chứng' });
    await box.getByRole('searchbox').fill(query);
    await box.getByRole('button', { name: 'Tìm' }).click();
  }

  /** The keyboard way: Ctrl+K from anywhere focuses the header field, Enter searches. */
  async searchWithShortcut(query: string): Promise<void> {
    await this.page.keyboard.press('Control+k');
    await this.page.keyboard.type(query);
    await this.page.keyboard.press('Enter');
  }

  count(): Locator {
    return this.page.getByTestId('search-count');
  }

  hit(name: string): Locator {
    return this.page.getByRole('list', { name: 'Kết quả tìm kiếm' }).getByRole('listitem', { name });
  }

  async openItem(name: string, code: string): Promise<void> {
    await this.hit(name).getByRole('button', { name: `Mở tiêu chí ${code}` }).click();
  }
}

/** "Kiểm tra tài liệu": file check and the items lacking evidence. */
export class EvidenceVerifyPage {
  constructor(private readonly page: Page) {}

  async run(): Promise<void> {
    await this.page.getByRole('main').getByRole('button', { name: 'Kiểm tra tài liệu' }).click();
  }

  storeStatus(): Locator {
    return this.page.getByTestId('store-status');
  }

  summary(): Locator {
    return this.page.getByTestId('verify-summary');
  }

  problemRow(name: string): Locator {
    return this.page.getByRole('row').filter({ hasText: name });
  }

  missingSummary(): Locator {
    return this.page.getByTestId('missing-summary');
  }

  domain(name: string): Locator {
    return this.page.getByRole('region', { name });
  }
}
