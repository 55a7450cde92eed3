import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { areaOf, checkWorkbookSize } from '../../../src/main/core/criteria/xlsx-guard';
import { importSetFromXlsx } from '../../../src/main/core/criteria/xlsx-io';
import {
  bigButAllowed,
  blankCells,
  columnPastExcel,
  definedNameOverSheet,
  incompressible,
  mergeOverColumns,
  sampleWorkbook,
  validationOverWholeColumn,
} from '../../fixtures/criteria/hostile-workbooks';
import { makeTempDir } from '../../helpers/temp-dir';

/**
 * A 2.3 MB criteria workbook once took 3.6 GB of memory (and was accepted). The limit: under
 * 300 MB at peak for any input up to 20 MB. Measured in a child process (peak RSS is per
 * process), which gets a 512 MB heap so a regression fails quickly instead of eating the machine.
 */

const root = resolve(import.meta.dirname, '../../..');
const PEAK_BOUND = 300 * 1024 * 1024;

interface Measured {
  results: { file: string; ok: boolean; errors: string[] }[];
  peakBytes: number;
}

function measure(files: string[]): Measured {
  const run = spawnSync(process.execPath, ['--max-old-space-size=512', '--import', 'tsx', join(root, 'test/fixtures/criteria/measure-import.ts'), ...files], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(run.status, `the import child failed: ${run.stderr.slice(-2000)}`).toBe(0);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Measured;
}

describe('criteria workbooks are measured before exceljs parses them', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  it('accepts the real template untouched (far below every limit)', async () => {
    const sample = await sampleWorkbook();
    expect(await checkWorkbookSize(sample)).toBeNull();
    expect((await importSetFromXlsx(sample)).ok).toBe(true);
  });

  it('counts the cells a range covers, whole columns and rows included', () => {
    expect(areaOf('A1')).toBe(1);
    expect(areaOf('T2:T1000')).toBe(999);
    expect(areaOf('$A$1:$C$3 E5')).toBe(10);
    expect(areaOf('B:C')).toBe(2 * 1_048_576);
    expect(areaOf('2:3')).toBe(2 * 16_384);
  });

  it('refuses hostile workbooks with a message naming the limit, and no input up to 20 MB peaks over 300 MB', async () => {
    const cases: { name: string; data: Buffer; refusal: string | null }[] = [
      // The reported case: ~2 MB of styled blank cells, 660,000 of them.
      { name: 'o-trong.xlsx', data: await blankCells(30_000), refusal: 'có hơn 50.000 ô dữ liệu' },
      { name: 'kiem-tra-ca-cot.xlsx', data: await validationOverWholeColumn(), refusal: 'phủ hơn 50.000 ô' },
      { name: 'gop-o.xlsx', data: await mergeOverColumns(), refusal: 'phủ hơn 50.000 ô' },
      { name: 'ten-vung.xlsx', data: await definedNameOverSheet(), refusal: 'phủ hơn 50.000 ô' },
      { name: 'cot-qua-xa.xlsx', data: await columnPastExcel(), refusal: 'sheet «Tiêu chí» khai báo cột thứ 50000000' },
      // Just under the limits: parsed (its blank-code rows are reported), within the bound.
      { name: 'lon-nhung-hop-le.xlsx', data: await bigButAllowed(3_300), refusal: null },
      // 20 MB that deflate cannot shrink: parsed, within the bound.
      { name: 'hai-muoi-mb.xlsx', data: await incompressible(19_900_000), refusal: null },
    ];
    expect(cases[0]!.data.length).toBeLessThan(3_000_000);
    expect(cases.at(-1)!.data.length).toBeLessThanOrEqual(20_000_000);
    const files = cases.map((c) => {
      const path = join(temp.dir, c.name);
      writeFileSync(path, c.data);
      return path;
    });

    const measured = measure(files);
    cases.forEach((c, i) => {
      const result = measured.results[i]!;
      if (c.refusal) {
        expect(result, c.name).toMatchObject({ ok: false, errors: [expect.stringMatching(/^\(tệp\): Tệp Excel quá lớn để là bộ chỉ số: /)] });
        expect(result.errors[0], c.name).toContain(c.refusal);
      } else {
        expect(result.errors.join(' '), c.name).not.toContain('quá lớn');
      }
    });
    expect(measured.peakBytes).toBeLessThan(PEAK_BOUND);
  }, 180_000);
});
