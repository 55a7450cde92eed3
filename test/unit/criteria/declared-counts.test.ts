import { describe, expect, it } from 'vitest';
import { validateCriteriaSet } from '../../../src/main/core/criteria/validate';
import { exportSetToXlsx, importSetFromXlsx } from '../../../src/main/core/criteria/xlsx-io';
import { overviewOf } from '../../../src/main/core/criteria/overview';
import type { CriteriaSet } from '../../../src/shared/criteria/format';
import { leaf, makeSet, node } from './helpers';

const yesNo = { type: 'yes-no', noPoints: 0 } as const;

/** Domain 1: 2 TC, 3 TCTP; domain 2: 1 TC, 0 TCTP. */
function setWith(declared1: CriteriaSet['domains'][number]['declaredCounts'], declared2?: CriteriaSet['domains'][number]['declaredCounts']): CriteriaSet {
  return makeSet([
    node('1', 60, [node('1.1', 30, [leaf('1.1.1', 10, yesNo), leaf('1.1.2', 20, yesNo)]), node('1.2', 30, [leaf('1.2.1', 30, yesNo)])], declared1 ? { declaredCounts: declared1 } : {}),
    node('2', 40, [leaf('2.1', 40, yesNo)], declared2 ? { declaredCounts: declared2 } : {}),
  ]);
}

describe('declared TC/TCTP counts per domain', () => {
  it('matching counts give no warning; the set is valid and keeps what it declared', () => {
    const result = validateCriteriaSet(setWith({ criteria: 2, subCriteria: 3 }, { criteria: 1, subCriteria: 0 }));
    expect(result.ok, JSON.stringify(!result.ok && result.errors)).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.set.domains[0]!.declaredCounts).toEqual({ criteria: 2, subCriteria: 3 });
  });

  it('a mismatch is a warning naming the domain and both numbers, not an error', () => {
    const result = validateCriteriaSet(setWith({ criteria: 6, subCriteria: 24 }, { subCriteria: 2 }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([
      { where: 'domains[0].declaredCounts.criteria', message: 'Lĩnh vực 1 khai báo 6 tiêu chí (TC) nhưng nội dung có 2 tiêu chí.' },
      { where: 'domains[0].declaredCounts.subCriteria', message: 'Lĩnh vực 1 khai báo 24 tiêu chí thành phần (TCTP) nhưng nội dung có 3 tiêu chí thành phần.' },
      { where: 'domains[1].declaredCounts.subCriteria', message: 'Lĩnh vực 2 khai báo 2 tiêu chí thành phần (TCTP) nhưng nội dung có 0 tiêu chí thành phần.' },
    ]);
    // Stored sets show the same warnings: the overview recomputes them from the content.
    expect(overviewOf(result.set).warnings.map((w) => w.message)).toEqual(result.warnings.map((w) => w.message));
  });

  it('refuses counts below a domain, and counts that are not whole numbers', () => {
    const set = setWith(undefined);
    const raw = JSON.parse(JSON.stringify(set));
    raw.domains[0].children[0].declaredCounts = { criteria: 2 };
    raw.domains[1].declaredCounts = { criteria: 1.5 };
    const result = validateCriteriaSet(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const wheres = result.errors.map((e) => e.where);
    expect(wheres).toContain('domains[0].children[0].declaredCounts');
    expect(wheres.some((w) => w.startsWith('domains[1].declaredCounts.criteria'))).toBe(true);
  });

  it('goes through the Excel route unchanged, and its warnings point at the cells', async () => {
    const checked = validateCriteriaSet(setWith({ criteria: 6, subCriteria: 3 }));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const back = await importSetFromXlsx(await exportSetToXlsx(checked.set));
    expect(back.ok, JSON.stringify(!back.ok && back.errors)).toBe(true);
    if (!back.ok) return;
    expect(back.set).toEqual(checked.set);
    // Domain 1 is row 2; "Số TC theo quyết định" is column 23 (W).
    expect(back.warnings).toEqual([{ where: 'Trang «Tiêu chí», dòng 2, cột «Số TC theo quyết định»', ref: 'Tiêu chí!W2', message: 'Lĩnh vực 1 khai báo 6 tiêu chí (TC) nhưng nội dung có 2 tiêu chí.' }]);
  });
});
