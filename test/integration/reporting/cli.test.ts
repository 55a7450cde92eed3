import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { reportCommands } from '../../../src/main/cli/commands/report';
import { populatedCore } from '../../fixtures/reporting/populated-core';
import { openCore } from '../../../src/main/core/app';
import { makeTempDir } from '../../helpers/temp-dir';
import { runCliCaptured } from '../../helpers/cli';

let temp: ReturnType<typeof makeTempDir>;

beforeEach(async () => {
  temp = makeTempDir('cchc-report-cli-');
  (await populatedCore(join(temp.dir, 'data'))).close();
});
afterEach(() => temp.cleanup());

async function cli(...args: string[]) {
  return runCliCaptured(args, { dataDir: join(temp.dir, 'data'), commands: reportCommands });
}

describe('cchc report', () => {
  it('says so on stderr when the report is dated before its period’s data cut-off', async () => {
    const core = openCore({ dataDir: join(temp.dir, 'data'), log: () => {} });
    const saved = await core.registry.invoke('reports/save-document-options', { year: 2026, period: 'q1', documentDate: '2026-03-10', recipients: null });
    core.close();
    expect(saved.ok).toBe(true);
    const file = join(temp.dir, 'bao-cao.docx');
    const r = await cli('report', 'bao-cao', '--year', '2026', '--period', 'q1', '--out', file);
    expect(r.code).toBe(0);
    expect(r.err).toContain('Lưu ý: Ngày văn bản 10/03/2026 sớm hơn ngày chốt số liệu của kỳ (14/03/2026)');
    expect(existsSync(file)).toBe(true);
  });

  it('writes each of the four documents', async () => {
    for (const [kind, extra, ext] of [
      ['bao-cao', ['--period', 'q1'], 'docx'],
      ['tu-danh-gia', [], 'docx'],
      ['bang-diem', [], 'xlsx'],
      ['bieu-so-lieu', ['--period', 'q1'], 'xlsx'],
    ] as const) {
      const file = join(temp.dir, `${kind}.${ext}`);
      const r = await cli('report', kind, '--year', '2026', ...extra, '--out', file);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      expect(r.out).toContain(file);
      expect(readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    }
  });

  it('names the problem: unknown kind, unknown or missing period, missing or unwritable output', async () => {
    const unknownKind = await cli('report', 'bao-cao-quy', '--year', '2026', '--out', join(temp.dir, 'x.docx'));
    expect(unknownKind.code).toBe(2);
    expect(unknownKind.err).toContain('Không có loại tài liệu «bao-cao-quy»');
    expect(unknownKind.err).toContain('bao-cao, tu-danh-gia, bang-diem, bieu-so-lieu');

    const unknownPeriod = await cli('report', 'bao-cao', '--year', '2026', '--period', 'q4', '--out', join(temp.dir, 'x.docx'));
    expect(unknownPeriod.code).toBe(2);
    expect(unknownPeriod.err).toContain('Không có kỳ báo cáo «q4»');

    const noPeriod = await cli('report', 'bieu-so-lieu', '--year', '2026', '--out', join(temp.dir, 'x.xlsx'));
    expect(noPeriod.err).toContain('cần kỳ báo cáo');

    const noOut = await cli('report', 'bang-diem', '--year', '2026');
    expect(noOut.err).toContain('Thiếu tệp kết quả (--out)');

    const target = join(temp.dir, 'khong-co-thu-muc', 'bc.docx');
    const unwritable = await cli('report', 'bao-cao', '--year', '2026', '--period', 'q1', '--out', target);
    expect(unwritable.code).toBe(1);
    expect(unwritable.err).toContain(`Không ghi được tệp «${target}» (ENOENT)`);
    expect(existsSync(target)).toBe(false);

    const noAssessment = await cli('report', 'tu-danh-gia', '--year', '2025', '--out', join(temp.dir, 'y.docx'));
    expect(noAssessment.code).toBe(1);
    expect(noAssessment.err).toContain('năm 2025');
  });

  it('lists the periods with days left', async () => {
    const r = await cli('report', 'periods', '--year', '2026');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/q1 +Quý I +số liệu 15\/12\/2025–14\/03\/2026, hạn gửi 20\/03\/2026 \((còn \d+ ngày|quá hạn \d+ ngày|hạn là hôm nay)\) — đã có bản nháp/);
    expect(r.out).toContain('[tùy tỉnh]');
  });
});
