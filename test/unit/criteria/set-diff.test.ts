import { describe, expect, it } from 'vitest';
import { criteriaSetSchema } from '../../../src/shared/criteria/format';
import { diffSets } from '../../../src/shared/criteria/set-diff';
import { smallSetV1, smallSetV2 } from '../../fixtures/criteria/small-set-v2';

const parse = (raw: unknown) => criteriaSetSchema.parse(raw);

describe('what changed between two versions of a criteria set', () => {
  it('lists items added, removed, renamed, with a new maximum or a new rule, by item code', () => {
    const changes = diffSets(parse(smallSetV1()), parse(smallSetV2()));
    expect(changes.map((c) => [c.code, c.change])).toEqual([
      ['1.1', 'renamed'],
      ['1.2', 'rule-changed'],
      ['2.1', 'max-changed'],
      ['2.1', 'rule-changed'],
      ['2.3', 'added'],
      ['2.2', 'removed'],
    ]);
    expect(changes[0]).toMatchObject({ before: 'Ban hành kế hoạch CCHC năm', after: 'Ban hành và tổ chức thực hiện kế hoạch CCHC năm' });
    expect(changes[2]).toMatchObject({ before: 4, after: 3, title: 'Tỷ lệ hồ sơ TTHC giải quyết đúng hạn' });
    expect(changes[5]).toMatchObject({ title: 'Số phương án đơn giản hóa TTHC được đề xuất' });
  });

  it('finds nothing between a version and itself, whatever the key order of the file', () => {
    const v1 = parse(smallSetV1());
    // Every object's keys reversed: a rule written in another order is the same rule.
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(reverseKeys) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reverseKeys(x)])) : v;
    const reordered = parse(reverseKeys(smallSetV1()));
    expect(diffSets(v1, v1)).toEqual([]);
    expect(diffSets(v1, reordered)).toEqual([]);
  });

  it('counts who scores an item and whether «Không áp dụng» is allowed as part of its rule', () => {
    const v1 = parse(smallSetV1());
    const raw = smallSetV1();
    delete (raw.domains[1]!.children[1] as { notApplicable?: unknown }).notApplicable;
    expect(diffSets(v1, parse(raw))).toEqual([{ code: '2.2', change: 'rule-changed', title: 'Số phương án đơn giản hóa TTHC được đề xuất' }]);
  });
});
