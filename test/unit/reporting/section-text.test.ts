import { describe, expect, it } from 'vitest';
import { sectionTextToBlocks } from '../../../src/main/core/reporting/section-text';

describe('section text → document blocks', () => {
  it('splits paragraphs on blank lines and joins wrapped lines', () => {
    expect(sectionTextToBlocks('Dòng một\ncòn tiếp.\n\n\nĐoạn hai.')).toEqual([
      { type: 'paragraph', runs: ['Dòng một còn tiếp.'] },
      { type: 'paragraph', runs: ['Đoạn hai.'] },
    ]);
  });

  it('turns "- " and "+ " lines into bullet lists of their level, ending the paragraph before them', () => {
    expect(sectionTextToBlocks('Gồm:\n- Một;\n- Hai;\n+ hai a;\n+ hai b;\n- Ba.\nSau danh sách.')).toEqual([
      { type: 'paragraph', runs: ['Gồm:'] },
      { type: 'bullets', marker: '-', items: [['Một;'], ['Hai;']] },
      { type: 'bullets', marker: '+', items: [['hai a;'], ['hai b;']] },
      { type: 'bullets', marker: '-', items: [['Ba.']] },
      { type: 'paragraph', runs: ['Sau danh sách.'] },
    ]);
  });

  it('keeps a dash that is part of the text, handles Windows line ends and stores NFC', () => {
    const nfd = 'Ặ ỹ Đ'.normalize('NFD');
    expect(sectionTextToBlocks(`-5% so với cùng kỳ\r\n${nfd}`)).toEqual([{ type: 'paragraph', runs: ['-5% so với cùng kỳ Ặ ỹ Đ'] }]);
    expect(sectionTextToBlocks('  \n\n ')).toEqual([]);
  });
});

describe('enumerated lines', () => {
  it('keeps the officer\'s "a) … b) … c)" and "1. … 2." lines as separate paragraphs', () => {
    const blocks = sectionTextToBlocks('Kết quả như sau:\na) Ban hành kế hoạch;\nb) Tổ chức kiểm tra\ntại 03 phòng;\nđ) Khác.\n1. Một\n2) Hai');
    expect(blocks.map((b) => (b.type === 'paragraph' ? b.runs.join('') : b.type))).toEqual([
      'Kết quả như sau:',
      'a) Ban hành kế hoạch;',
      'b) Tổ chức kiểm tra tại 03 phòng;',
      'đ) Khác.',
      '1. Một',
      '2) Hai',
    ]);
  });
});
