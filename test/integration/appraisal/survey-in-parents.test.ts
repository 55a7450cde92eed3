import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GeneratedDocument } from '../../../src/shared/contract/reports';
import { openEvidenceCoreWithAssessment, value, type EvidenceFixture } from '../evidence/helpers';
import { ooxmlErrors, part, zipParts } from '../../fixtures/reporting/ooxml';
import { sampleProfile } from '../../helpers/sample-profile';

/** Criterion 3.3 of the sample set is scored by the survey (3.3.1, 3.3.2, 2 points each). */
const round1 = {
  formatVersion: 1,
  kind: 'appraisal',
  year: 2026,
  unit: 'STP',
  round: 1,
  items: [
    { code: '3.2.1', points: 2 },
    { code: '3.3.1', points: 1.5 },
    { code: '3.3.2', points: 2 },
  ],
};

describe('survey points in the parent rows of the report’s appraised column', () => {
  let fx: EvidenceFixture;
  const call = (channel: string, input: unknown = {}) => fx.core.registry.invoke(channel, input);

  beforeEach(async () => {
    fx = await openEvidenceCoreWithAssessment();
    await value(call('profile/save', { profile: sampleProfile({ name: 'Sở Tư pháp', shortName: 'STP' }) }));
    await value(call('assessment/save-entry', { year: 2026, code: '3.2.1', answer: { kind: 'ratio', numerator: 245, denominator: 250 } }));
    await value(call('appraisal/import', { fileName: 'kq.json', contentBase64: Buffer.from(JSON.stringify(round1)).toString('base64') }));
  });
  afterEach(() => fx.cleanup());

  it('the .docx: criterion 3.3 shows its survey leaves’ 3,50; domain 3 its appraised 2,00 plus 3,50', async () => {
    const doc = await value<GeneratedDocument>(call('reports/generate', { kind: 'self-assessment-docx', year: 2026 }));
    const text = part(await zipParts(Buffer.from(doc.base64, 'base64')), 'word/document.xml').replace(/<[^>]+>/g, '');
    expect(text).toMatch(/3\.3\D+?4,000,003,50/);
    expect(text).toMatch(/\b3\.1\D+?4,000,000,00/);
    // Both the per-domain table and Phụ lục I.
    expect(text.match(/một cửa liên thông1[26],003,005,50Điểm thẩm định gồm 3,50 điểm điều tra XHH/g)).toHaveLength(2);
  });

  it('the .xlsx: a live "Điểm thẩm định" column whose parents sum their children, survey leaves included', async () => {
    const doc = await value<GeneratedDocument>(call('reports/generate', { kind: 'self-score-xlsx', year: 2026 }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(doc.base64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rowOf = (code: string) => {
      for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === code) return r;
      throw new Error(code);
    };
    expect(ws.getCell(5, 7).value).toBe('Điểm thẩm định lần 1');
    const g = (code: string) => ws.getCell(rowOf(code), 7).value as number | { formula: string; result: number };
    expect(g('3.3.1')).toBe(1.5);
    expect(g('3.3')).toEqual({ formula: `ROUND(MIN(SUM(G${rowOf('3.3.1')},G${rowOf('3.3.2')}),C${rowOf('3.3')}),2)`, result: 3.5 });
    expect(g('3')).toEqual({ formula: `ROUND(MIN(SUM(G${rowOf('3.1')},G${rowOf('3.2')},G${rowOf('3.3')}),C${rowOf('3')}),2)`, result: 5.5 });
    // The added column keeps the workbook valid.
    expect(await ooxmlErrors(Buffer.from(doc.base64, 'base64'), 'xlsx')).toEqual([]);
  }, 120_000);
});
