import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { criteriaCommands } from '../../../src/main/cli/commands/criteria';
import { exportSetToXlsx } from '../../../src/main/core/criteria/xlsx-io';
import { validateCriteriaSet } from '../../../src/main/core/criteria/validate';
import { runCliCaptured } from '../../helpers/cli';

const FIXTURES = join(import.meta.dirname, '../../fixtures/criteria');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cchc-declared-counts-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...args: string[]) {
  return runCliCaptured(args, { dataDir: join(dir, 'data'), commands: criteriaCommands });
}

/** valid-small.json with domain 1 declaring one TC more than it has. */
function mismatched(): { raw: Record<string, unknown>; criteria: number } {
  const raw = JSON.parse(readFileSync(join(FIXTURES, 'valid-small.json'), 'utf8'));
  const criteria = raw.domains[0].children.length as number;
  raw.domains[0].declaredCounts = { criteria: criteria + 1 };
  return { raw, criteria };
}

describe('declared TC/TCTP counts: warnings on import, kept with the stored set', () => {
  it('validate and import succeed, print the warning, and the stored set lists it', async () => {
    const { raw, criteria } = mismatched();
    const file = join(dir, 'bo.json');
    writeFileSync(file, JSON.stringify(raw));
    const expected = `Lĩnh vực 1 khai báo ${criteria + 1} tiêu chí (TC) nhưng nội dung có ${criteria} tiêu chí.`;

    const checked = await cli('criteria', 'validate', file);
    expect(checked.code).toBe(0);
    expect(checked.err).toContain('Cảnh báo (1, vẫn nhập được):');
    expect(checked.err).toContain(`domains[0].declaredCounts.criteria: ${expected}`);

    const imported = await cli('criteria', 'import', file);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('Đã nhập bộ chỉ số:');
    expect(imported.err).toContain(expected);

    const list = await cli('criteria', 'list', '--json');
    const stored = (JSON.parse(list.out) as { id: string; warnings: { message: string }[] }[]).find((s) => s.id === raw.id);
    expect(stored?.warnings.map((w) => w.message)).toEqual([expected]);
  });

  it('an Excel file names the cell of the declared count', async () => {
    const { raw } = mismatched();
    const valid = validateCriteriaSet(raw);
    expect(valid.ok).toBe(true);
    if (!valid.ok) return;
    const file = join(dir, 'bo.xlsx');
    writeFileSync(file, await exportSetToXlsx(valid.set));
    const checked = await cli('criteria', 'validate', file);
    expect(checked.code).toBe(0);
    expect(checked.err).toMatch(/Trang «Tiêu chí», dòng 2, cột «Số TC theo quyết định»: Lĩnh vực 1 khai báo/);
  });
});
