import { describe, expect, it } from 'vitest';
import { readAppraisalWorkbook } from '../../../src/main/core/appraisal/appraisal-xlsx';
import { readPlanXlsx } from '../../../src/main/core/plan/plan-xlsx';
import { blankCells } from '../../fixtures/criteria/hostile-workbooks';

/**
 * Every Excel file the officer imports, not only a criteria set, is measured before exceljs
 * builds it: 30,000 rows of styled blank cells (a few MB) would otherwise take gigabytes.
 */
describe('the workbook caps guard the plan and appraisal imports too', () => {
  it('a plan workbook over the cell limit is refused before parsing, in the plan’s words', async () => {
    const raw = await readPlanXlsx(await blankCells(30_000));
    expect(raw.tasks).toEqual([]);
    expect(raw.errors).toHaveLength(1);
    expect(raw.errors[0]!.message).toMatch(/^Tệp Excel quá lớn để là kế hoạch CCHC: có hơn 50\.000 ô dữ liệu/);
  });

  it('an appraisal workbook over the cell limit is refused before parsing, in the appraisal’s words', async () => {
    const read = await readAppraisalWorkbook(await blankCells(30_000));
    expect(read).toMatchObject({ error: expect.stringMatching(/^Tệp Excel quá lớn để là kết quả thẩm định: có hơn 50\.000 ô dữ liệu/) });
  });
});
