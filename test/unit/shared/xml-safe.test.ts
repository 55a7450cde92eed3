import { describe, expect, it } from 'vitest';
import { stripBidiControls, stripXmlForbidden, stripXmlForbiddenDeep } from '../../../src/shared/text/xml-safe';
import { unitProfileSchema } from '../../../src/shared/contract/profile';
import { evidenceMetaSchema } from '../../../src/shared/contract/evidence';

describe('characters XML forbids', () => {
  it('drops U+FFFE, U+FFFF, C0 controls and lone surrogates; keeps Vietnamese, tab, line breaks and emoji', () => {
    const typed = 'Thuyết minh\uFFFE đầy đủ\uFFFF\u0001\u0008\u000B\u000C\u001F\t(1)\r\n- Kế hoạch 📄 \uD800x\uDC00';
    expect(stripXmlForbidden(typed)).toBe('Thuyết minh đầy đủ\t(1)\r\n- Kế hoạch 📄 x');
    expect(stripXmlForbidden('Kế hoạch 📄')).toBe('Kế hoạch 📄');
  });

  it('cleans every string of plain data and leaves other objects and the input as they are', () => {
    const when = new Date(0);
    const model = { title: 'A\uFFFF', rows: [{ text: 'B\u0002', n: 1 }, 'C\uFFFE'], when };
    const clean = stripXmlForbiddenDeep(model);
    expect(clean).toEqual({ title: 'A', rows: [{ text: 'B', n: 1 }, 'C'], when });
    expect(clean.when).toBe(when);
    expect(model.title).toBe('A\uFFFF');
  });

  it('strips bidirectional controls that disguise an extension', () => {
    expect(stripBidiControls('hoá đơn\u202Efdp.exe')).toBe('hoá đơnfdp.exe');
    expect(stripBidiControls('a\u2066b\u2069c\u200Fd')).toBe('abcd');
  });

  it('is applied where typed text enters the contract', () => {
    const meta = evidenceMetaSchema.parse({
      docType: 'Kế hoạch\uFFFF',
      docNumber: '47',
      docSymbol: 'KH-UBND',
      issueDate: null,
      issuer: ' UBND tỉnh \uFFFE',
      summary: 'Trích yếu\u0007',
      period: '',
    });
    expect(meta).toMatchObject({ docType: 'Kế hoạch', issuer: 'UBND tỉnh', summary: 'Trích yếu' });
    // A required field made only of forbidden characters is as empty as it looks.
    const profile = unitProfileSchema.safeParse({
      year: 2026,
      name: '\uFFFF\uFFFE',
      shortName: 'SNV',
      unitType: 'so',
      parentBody: 'UBND tỉnh',
      province: 'Lâm Đồng',
      focalOfficerName: 'Nguyễn Văn A',
      leaderName: 'Trần Thị B',
      leaderTitle: 'Giám đốc',
    });
    expect(profile.success).toBe(false);
  });
});
