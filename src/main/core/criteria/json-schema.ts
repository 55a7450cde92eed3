import { z } from 'zod';
import { criteriaSetSchema } from '../../../shared/criteria/format';

/**
 * The criteria format as JSON Schema (draft 2020-12), for editors and for provinces' own tools.
 * Generated from the zod schema so the two cannot disagree; the cross-field rules (codes nest,
 * points fit…) are beyond JSON Schema and are checked only by validateCriteriaSet.
 */
export function criteriaJsonSchemaText(): string {
  const schema = z.toJSONSchema(criteriaSetSchema, { io: 'input', unrepresentable: 'any' });
  const documented = {
    ...schema,
    $id: 'https://cchc-desk.local/schemas/criteria-set.schema.json',
    title: 'Bộ chỉ số CCHC (CCHC Desk, định dạng 1)',
    description: 'Bộ chỉ số xác định Chỉ số CCHC: lĩnh vực → tiêu chí → tiêu chí thành phần, cách tính điểm và xếp loại. Xem docs/criteria-format.md.',
  };
  return `${JSON.stringify(documented, null, 2)}\n`;
}
