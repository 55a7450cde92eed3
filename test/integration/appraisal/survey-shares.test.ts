import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppraisalImportResult, AppraisalView, OfficialScore } from '../../../src/shared/contract/appraisal';
import type { ExportedFile } from '../../../src/shared/contract/criteria';
import { openEvidenceCore, value, type EvidenceFixture } from '../evidence/helpers';
import { sampleProfile } from '../../helpers/sample-profile';

const FIXTURE = join(import.meta.dirname, '../../fixtures/criteria/survey-shares.json');

describe('a set with declared XHH shares, from the template to the official index', () => {
  let fx: EvidenceFixture;
  const call = (channel: string, input: unknown = {}) => fx.core.registry.invoke(channel, input);

  beforeEach(async () => {
    fx = openEvidenceCore();
    await value(call('profile/save', { profile: sampleProfile({ name: 'Sở Tư pháp', shortName: 'STP' }) }));
    const bytes = readFileSync(FIXTURE);
    await value(call('criteria/import', { fileName: 'bo.json', contentBase64: bytes.toString('base64') }));
    await value(call('assessment/open', { year: 2026, setId: 'bo-xhh-khai-bao' }));
    for (const [code, yes] of [['1.1', true], ['1.2', false], ['2.1', true]] as const) {
      await value(call('assessment/save-entry', { year: 2026, code, answer: { kind: 'yes-no', value: yes } }));
    }
  });
  afterEach(() => fx.cleanup());

  it('the JSON template has one line per share; filled in, the index is (thẩm định + XHH) / 100', async () => {
    const json = await value<ExportedFile>(call('appraisal/template', { year: 2026, format: 'json' }));
    const template = JSON.parse(Buffer.from(json.contentBase64, 'base64').toString('utf8'));
    expect(template.items.map((i: { code: string }) => i.code)).toEqual(['1.1', '1.2', '2.1', '1.XHH', 'XHH']);
    expect(template.items.find((i: { code: string }) => i.code === 'XHH')).toMatchObject({ assessedBy: 'survey', maxPoints: 20, selfPoints: null, points: null });

    const filled = { ...template, final: true, items: template.items.map((i: { code: string }) => ({ ...i, points: ({ '1.1': 15, '1.XHH': 8, XHH: 16.5 } as Record<string, number>)[i.code] ?? null })) };
    const imported = await value<AppraisalImportResult>(call('appraisal/import', { fileName: 'kq.json', contentBase64: Buffer.from(JSON.stringify(filled)).toString('base64') }));
    expect(imported.score).toMatchObject({ appraised: { round: 1, points: 45, max: 70 }, survey: { points: 24.5, max: 30 }, index: 69.5, band: 'Khá', provisional: false });

    const score = await value<OfficialScore>(call('appraisal/score', { year: 2026 }));
    expect(score.index).toBe(69.5);
    const view = await value<AppraisalView>(call('appraisal/get', { year: 2026 }));
    expect(view.items.find((i) => i.code === '1.XHH')).toMatchObject({ assessedBy: 'survey', maxPoints: 10, selfPoints: null, round1: { points: 8, effective: 8 } });
    expect(view.toExplain).not.toContain('1.XHH');
  });

  it('the Excel template carries the share lines too, read back with Vietnamese numbers', async () => {
    const xlsx = await value<ExportedFile>(call('appraisal/template', { year: 2026, format: 'xlsx' }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rowOf = (code: string) => {
      for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === code) return r;
      throw new Error(code);
    };
    expect(ws.getCell(rowOf('XHH'), 2).value).toBe('Điểm điều tra XHH (phần chung của bộ chỉ số)');
    ws.getCell(rowOf('XHH'), 6).value = '18,25';
    ws.getCell(rowOf('1.XHH'), 6).value = 9;
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const imported = await value<AppraisalImportResult>(call('appraisal/import', { fileName: 'kq.xlsx', contentBase64: bytes.toString('base64') }));
    // Appraised = self recognised (50/70); XHH 27,25/30 → 77,25.
    expect(imported.score).toMatchObject({ appraised: { points: 50, max: 70 }, survey: { points: 27.25, max: 30 }, index: 77.25 });

    ws.getCell(rowOf('XHH'), 6).value = 21;
    const broken = await call('appraisal/import', { fileName: 'x.xlsx', contentBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
    expect(JSON.stringify(broken)).toContain(`Trang «Kết quả thẩm định», dòng ${rowOf('XHH')}, cột F: Điểm 21,00 của tiêu chí XHH vượt điểm tối đa 20,00.`);
  });
});
