import { describe, expect, it } from 'vitest';
import { breakHeaderName } from '../../../src/main/core/reporting/header-lines';
import { HEADER_LEFT, LAYOUT_CELL_PADDING, SIZE } from '../../../src/main/core/reporting/decree30-layout';

const box = HEADER_LEFT - 2 * LAYOUT_CELL_PADDING;

describe('header names never break a word pair', () => {
  it('breaks before "VÀ" rather than inside "THỂ THAO"', () => {
    expect(breakHeaderName('SỞ VĂN HÓA VÀ THỂ THAO', box, SIZE.issuer, true)).toBe('SỞ VĂN HÓA\nVÀ THỂ THAO');
    expect(breakHeaderName('SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG', box, SIZE.issuer, true)).toBe('SỞ NÔNG NGHIỆP\nVÀ MÔI TRƯỜNG');
  });

  it('keeps a short name on one line and the officer\'s own breaks', () => {
    expect(breakHeaderName('SỞ NỘI VỤ', box, SIZE.issuer, true)).toBe('SỞ NỘI VỤ');
    expect(breakHeaderName('SỞ GIÁO DỤC\nVÀ ĐÀO TẠO', box, SIZE.issuer, true)).toBe('SỞ GIÁO DỤC\nVÀ ĐÀO TẠO');
  });

  it('without a joining word, breaks between pairs after the head word', () => {
    const broken = breakHeaderName('BAN QUẢN LÝ KHU KINH TẾ CỬA KHẨU QUỐC TẾ', box, SIZE.issuer, true);
    const [first] = broken.split('\n');
    expect((first!.split(' ').length - 1) % 2).toBe(0);
  });
});
