import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ProvinceSelect } from '../../../src/renderer/src/components/province-select';
import { PROVINCES } from '../../../src/shared/provinces';

/** The profile's province picker: the 34 of 2025 to choose from; what was stored before still loads. */
const render = (value: string) => renderToStaticMarkup(createElement(ProvinceSelect, { label: 'Tỉnh, thành phố', value, onChange: () => undefined }));
const options = (html: string) => [...html.matchAll(/<option value="([^"]*)"( selected="")?>([^<]*)<\/option>/g)].map((m) => ({ value: m[1], selected: !!m[2], text: m[3] }));

describe('ProvinceSelect', () => {
  it('offers the 34 provinces and cities, the six cities first, the provinces in Vietnamese order', () => {
    const html = render('');
    const list = options(html).filter((o) => o.value);
    expect(list).toHaveLength(34);
    expect(new Set(list.map((o) => o.value))).toEqual(new Set(PROVINCES.map((p) => p.name)));
    expect(html).toContain('<optgroup label="Thành phố trực thuộc trung ương">');
    expect(list.slice(0, 6).map((o) => o.value)).toEqual(['Hà Nội', 'Hồ Chí Minh', 'Hải Phòng', 'Đà Nẵng', 'Cần Thơ', 'Huế']);
    const provinces = list.slice(6).map((o) => o.value ?? '');
    expect(provinces).toEqual([...provinces].sort(new Intl.Collator('vi').compare));
    // Đắk Lắk sorts after Cao Bằng and before Gia Lai (đ is its own letter after d).
    expect(provinces.indexOf('Đắk Lắk')).toBeGreaterThan(provinces.indexOf('Cao Bằng'));
    // Nothing chosen yet: a prompt, not a province picked silently.
    expect(options(html)[0]).toEqual({ value: '', selected: true, text: '— Chọn tỉnh, thành phố —' });
  });

  it('selects a stored value however it was written', () => {
    expect(options(render('Lâm Đồng')).find((o) => o.selected)?.value).toBe('Lâm Đồng');
    expect(options(render('Tỉnh Lâm Đồng')).find((o) => o.selected)?.value).toBe('Lâm Đồng');
    expect(options(render('Thành phố Hà Nội')).find((o) => o.selected)?.value).toBe('Hà Nội');
    expect(options(render('Lâm Đồng')).some((o) => o.value === '')).toBe(false);
  });

  it('keeps an earlier year’s province that is no longer on the list as its own, selected option', () => {
    const list = options(render('Thừa Thiên Huế'));
    expect(list.find((o) => o.selected)).toEqual({
      value: 'Thừa Thiên Huế',
      selected: true,
      text: 'Thừa Thiên Huế (tên đã lưu, không có trong danh sách 34 tỉnh, thành phố)',
    });
    expect(list).toHaveLength(35);
  });
});
