import type { CriteriaSet } from '../../../shared/criteria/format';
import { formatPath, type CriteriaError } from './criteria-error';

/**
 * Warnings, not errors: a domain's declared number of tiêu chí (TC, its children) or tiêu chí
 * thành phần (TCTP, their children) differs from what the set actually holds. The decision's own
 * table may be what is wrong, so the set still imports; the warning names the domain and both
 * numbers so the author can check which side to fix. Computed from the stored content, so a stored
 * set shows the same warnings as its import did.
 */
export function declaredCountWarnings(set: CriteriaSet): CriteriaError[] {
  const warnings: CriteriaError[] = [];
  set.domains.forEach((domain, i) => {
    const declared = domain.declaredCounts;
    if (!declared) return;
    const criteria = domain.children.length;
    const subCriteria = domain.children.reduce((sum, c) => sum + c.children.length, 0);
    if (declared.criteria !== undefined && declared.criteria !== criteria) {
      warnings.push({
        where: formatPath(['domains', i, 'declaredCounts', 'criteria']),
        message: `Lĩnh vực ${domain.code} khai báo ${declared.criteria} tiêu chí (TC) nhưng nội dung có ${criteria} tiêu chí.`,
      });
    }
    if (declared.subCriteria !== undefined && declared.subCriteria !== subCriteria) {
      warnings.push({
        where: formatPath(['domains', i, 'declaredCounts', 'subCriteria']),
        message: `Lĩnh vực ${domain.code} khai báo ${declared.subCriteria} tiêu chí thành phần (TCTP) nhưng nội dung có ${subCriteria} tiêu chí thành phần.`,
      });
    }
  });
  return warnings;
}
