import { describe, expect, it } from 'vitest';
import { criteriaSetSchema } from '../../../src/shared/criteria/format';
import { ruleInWords } from '../../../src/shared/criteria/rule-words';
import { findItem } from '../../../src/shared/criteria/tree';
import { smallSetV1 } from '../../fixtures/criteria/small-set-v2';

describe('a scoring rule in words, for browsing a set', () => {
  const set = criteriaSetSchema.parse(smallSetV1());
  const words = (code: string) => ruleInWords(findItem(set, code)!);

  it('reads each rule type as the decision would', () => {
    expect(words('1.1')).toBe('Có: 2,00 điểm; Không: 0,00 điểm.');
    expect(words('1.2')).toBe('Đầy đủ nội dung, số liệu, đúng hạn: 2,00 điểm; Đầy đủ nhưng có báo cáo trễ hạn: 1,00 điểm; Không báo cáo hoặc thiếu nội dung: 0,00 điểm.');
    expect(words('2.1')).toBe(
      'Tỷ lệ = Số hồ sơ đúng hạn / Tổng số hồ sơ đã giải quyết. Từ 98% trở lên: 4,00 điểm; từ 90% trở lên: 2,00 điểm; thấp hơn: 0 điểm.',
    );
    expect(words('2.2')).toBe('Mỗi phương án: 0,50 điểm, tối đa 2,00 điểm. Được chọn «Không áp dụng» (không tính vào điểm tối đa).');
    expect(words('1')).toBe('Tổng điểm các tiêu chí con, tối đa bằng điểm tối đa.');
  });

  it('says who scores an item the unit does not', () => {
    const item = { ...findItem(set, '1.1')!, assessedBy: 'survey' as const };
    expect(ruleInWords(item)).toBe('Chấm qua điều tra xã hội học.');
  });
});
