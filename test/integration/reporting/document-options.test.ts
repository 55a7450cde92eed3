import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/main/core/app';
import type { GeneratedDocument, ReportDocumentOptions } from '../../../src/shared/contract/reports';
import type { UnitProfile } from '../../../src/shared/contract/profile';
import { part, plainText, zipParts } from '../../fixtures/reporting/ooxml';
import { ok } from '../../helpers/registry';
import { makeTempDir } from '../../helpers/temp-dir';
import { sampleProfile } from '../../helpers/sample-profile';

/** A periodic report's own document date and Nơi nhận: stored per report, printed by the .docx. */

describe('report document options', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let core: Core;
  let clock: Date;

  beforeEach(async () => {
    clock = new Date('2026-03-10T03:00:00Z');
    temp = makeTempDir();
    core = openCore({ dataDir: temp.dir, now: () => clock });
    await ok(core.registry.invoke('profile/save', { profile: sampleProfile({ name: 'Sở Tư pháp', shortName: 'STP', draftingUnit: 'VP' }) }));
  });
  afterEach(() => {
    core.close();
    temp.cleanup();
  });

  const invoke = (channel: string, input: Record<string, unknown>) => core.registry.invoke(channel, input);
  const options = (period = 'q1') => ok<ReportDocumentOptions>(invoke('reports/document-options', { year: 2026, period }));
  const save = (input: { documentDate: string | null; recipients: string[] | null }, period = 'q1') =>
    invoke('reports/save-document-options', { year: 2026, period, ...input });
  async function docxText(period = 'q1'): Promise<string> {
    const doc = await ok<GeneratedDocument>(invoke('reports/generate', { kind: 'periodic-docx', year: 2026, period }));
    return plainText(part(await zipParts(Buffer.from(doc.base64, 'base64')), 'word/document.xml'));
  }

  it('keeps the drafting unit in the profile and prints it in "Lưu: VT, …"', async () => {
    const profile = await ok<UnitProfile>(invoke('profile/get', { year: 2026 }));
    expect(profile.draftingUnit).toBe('VP');
    const o = await options();
    expect(o.printedRecipients.at(-1)).toBe('- Lưu: VT, VP.');
    expect(await docxText()).toContain('- Lưu: VT, VP.');
    // A profile saved without it (older callers) still saves, and the documents fall back.
    await ok(invoke('profile/save', { profile: sampleProfile({ name: 'Sở Tư pháp', shortName: 'STP' }) }));
    expect((await ok<UnitProfile>(invoke('profile/get', { year: 2026 }))).draftingUnit).toBe('');
    expect((await options()).printedRecipients.at(-1)).toBe('- Lưu: VT, CCHC.');
  });

  it('refuses a drafting unit that is not an abbreviation, naming the field', async () => {
    const result = await invoke('profile/save', { profile: sampleProfile({ draftingUnit: 'Văn phòng Sở' }) });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/đơn vị soạn thảo/i);
  });

  it('starts from the default Nơi nhận and prints exactly the officer’s own list once saved', async () => {
    const before = await options();
    expect(before.recipientsDefault).toBe(true);
    expect(before.recipients).toEqual(['Như trên', 'UBND tỉnh Lâm Đồng (b/c)', 'Lãnh đạo Sở']);
    expect(before.printedRecipients).toEqual(['- Như trên;', '- UBND tỉnh Lâm Đồng (b/c);', '- Lãnh đạo Sở;', '- Lưu: VT, VP.']);
    expect(await docxText()).toContain('- UBND tỉnh Lâm Đồng (b/c);');

    // Typed as printed, with dashes and semicolons and blank lines: stored clean.
    const saved = await ok<ReportDocumentOptions>(
      save({ documentDate: null, recipients: ['- Như trên;', '', '  - Giám đốc, các Phó Giám đốc Sở;', 'Trung tâm Phục vụ hành chính công tỉnh.'] }),
    );
    expect(saved.recipientsDefault).toBe(false);
    expect(saved.recipients).toEqual(['Như trên', 'Giám đốc, các Phó Giám đốc Sở', 'Trung tâm Phục vụ hành chính công tỉnh']);
    const text = await docxText();
    expect(text).toContain('- Giám đốc, các Phó Giám đốc Sở;');
    expect(text).toContain('- Trung tâm Phục vụ hành chính công tỉnh;');
    expect(text).not.toContain('(b/c)');
    // Another period keeps its own (default) list.
    expect((await options('h1')).recipientsDefault).toBe(true);

    // Back to the default.
    const reset = await ok<ReportDocumentOptions>(save({ documentDate: null, recipients: null }));
    expect(reset.recipientsDefault).toBe(true);
    expect(await docxText()).toContain('- UBND tỉnh Lâm Đồng (b/c);');
  });

  it('refuses an empty list or a "Lưu" line of the officer’s, saving nothing', async () => {
    const empty = await save({ documentDate: '2026-03-16', recipients: [' ', '-'] });
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.message).toMatch(/Nơi nhận chưa được lưu: danh sách trống/);
    const fileCopy = await save({ documentDate: null, recipients: ['Như trên', '- Lưu: VT, TCHC.'] });
    expect(fileCopy.ok).toBe(false);
    if (!fileCopy.ok) expect(fileCopy.error.message).toContain('«Lưu: VT, TCHC»');
    const o = await options();
    expect([o.documentDate, o.recipientsDefault]).toEqual([null, true]);
  });

  it('prints the set document date and warns when it precedes the data cut-off', async () => {
    // Today (10/03) is before Quý I's cut-off (14/03): the default date already deserves the warning.
    const today = await options();
    expect(today.documentDate).toBeNull();
    expect([today.effectiveDate, today.dataCutoff]).toEqual(['2026-03-10', '2026-03-14']);
    expect(today.dateWarning).toContain('10/03/2026 sớm hơn ngày chốt số liệu của kỳ (14/03/2026)');

    const set = await ok<ReportDocumentOptions>(save({ documentDate: '2026-03-16', recipients: null }));
    expect([set.documentDate, set.effectiveDate, set.dateWarning]).toEqual(['2026-03-16', '2026-03-16', null]);
    const text = await docxText();
    expect(text).toContain('Lâm Đồng, ngày 16 tháng 3 năm 2026');
    // The appendix names the same date.
    expect(text).toContain('ngày 16/03/2026 của Sở Tư pháp');

    // On the cut-off day itself: no warning; one day before: warned.
    expect((await ok<ReportDocumentOptions>(save({ documentDate: '2026-03-14', recipients: null }))).dateWarning).toBeNull();
    expect((await ok<ReportDocumentOptions>(save({ documentDate: '2026-03-13', recipients: null }))).dateWarning).toMatch(/^Ngày văn bản 13\/03\/2026 sớm hơn/);

    const bad = await save({ documentDate: '2026-02-30', recipients: null });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/Ngày văn bản phải là ngày có thật/);
  });

  it('audits the change and refuses it while the report is with the leader', async () => {
    await ok(invoke('reports/save-section', { year: 2026, period: 'q1', code: 'chi-dao', text: 'Nội dung.' }));
    await ok(save({ documentDate: '2026-03-16', recipients: null }));
    const audit = core.db.prepare("SELECT action FROM audit_log WHERE action = 'report.document'").all();
    expect(audit).toHaveLength(1);
    // Saving the same again is no edit.
    await ok(save({ documentDate: '2026-03-16', recipients: null }));
    expect(core.db.prepare("SELECT action FROM audit_log WHERE action = 'report.document'").all()).toHaveLength(1);

    await ok(invoke('review/submit', { kind: 'report', key: '2026:q1' }));
    const refused = await save({ documentDate: '2026-03-17', recipients: null });
    expect(refused.ok).toBe(false);
    expect((await options()).documentDate).toBe('2026-03-16');
  });
});
