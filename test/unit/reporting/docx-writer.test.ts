import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { writeDecree30Docx, recipientLines, documentNumberText } from '../../../src/main/core/reporting/docx-writer';
import { textWidthTwips } from '../../../src/main/core/reporting/text-width';
import { sampleDocument, sampleHeader } from '../../fixtures/reporting/sample-document';
import { ooxmlErrors, paragraphOf, part, plainText, runPropsOf, zipParts } from '../../fixtures/reporting/ooxml';

const has = (xml: string, fragment: string) => expect(xml).toContain(fragment);

describe('writeDecree30Docx', async () => {
  const buffer = await writeDecree30Docx(sampleDocument());
  const parts = await zipParts(buffer);
  const doc = part(parts, 'word/document.xml');
  const styles = part(parts, 'word/styles.xml');
  const sections = doc.match(/<w:sectPr[ >].*?<\/w:sectPr>/gs) ?? [];

  it('lays the page out as A4 portrait with the Decree-30 margins, then a landscape phụ lục', () => {
    expect(sections).toHaveLength(2);
    const [main, appendix] = sections as [string, string];
    expect(main).toMatch(/<w:pgSz w:w="11906" w:h="16838"(?: w:orient="portrait")?\/>/);
    // 20 mm top/bottom, 30 mm left, 15 mm right
    expect(main).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/);
    expect(appendix).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    expect(appendix).toContain('<w:pgNumType w:start="1"/>');
  });

  it('uses Times New Roman for every script and no other font anywhere', () => {
    const defaults = /<w:docDefaults>.*?<\/w:docDefaults>/s.exec(styles)?.[0] ?? '';
    has(defaults, 'w:ascii="Times New Roman"');
    has(defaults, 'w:hAnsi="Times New Roman"');
    has(defaults, 'w:eastAsia="Times New Roman"');
    has(defaults, 'w:cs="Times New Roman"');
    for (const [name, xml] of parts) {
      const names = [...xml.matchAll(/w:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"/g)].map((m) => m[1]);
      expect(new Set(names), name).toEqual(names.length ? new Set(['Times New Roman']) : new Set());
    }
  });

  it('writes the header: Quốc hiệu 13 pt bold, Tiêu ngữ 14 pt bold, cơ quan 13 pt, date 14 pt italic', () => {
    const [quocHieu] = runPropsOf(doc, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(quocHieu).toMatch(/<w:b\/>/);
    expect(quocHieu).toContain('<w:sz w:val="26"/>');
    const [motto] = runPropsOf(doc, 'Độc lập - Tự do - Hạnh phúc');
    expect(motto).toMatch(/<w:b\/>/);
    expect(motto).toContain('<w:sz w:val="28"/>');
    const [parent] = runPropsOf(doc, 'UBND TỈNH LÂM ĐỒNG');
    expect(parent).toContain('<w:sz w:val="26"/>');
    expect(parent).not.toMatch(/<w:b\/>/);
    const [issuer] = runPropsOf(doc, 'SỞ NỘI VỤ');
    expect(issuer).toMatch(/<w:b\/>/);
    expect(issuer).toContain('<w:sz w:val="26"/>');
    const [date] = runPropsOf(doc, 'Lâm Đồng, ngày 05 tháng 01 năm 2026');
    expect(date).toMatch(/<w:i\/>/);
    expect(date).toContain('<w:sz w:val="28"/>');
  });

  it('leaves the number for the văn thư and pads a given one below 10', async () => {
    expect(runPropsOf(doc, 'Số:       /BC-SNV')).toHaveLength(1);
    expect(documentNumberText({ number: '5', docTypeAbbrev: 'BC', unitShortName: 'SNV' })).toBe('05/BC-SNV');
    const numbered = await writeDecree30Docx({ ...sampleDocument(), header: sampleHeader({ number: '125' }) });
    expect(plainText(part(await zipParts(numbered), 'word/document.xml'))).toContain('Số: 125/BC-SNV');
  });

  it('draws the Tiêu ngữ rule as long as the text and the issuer rule shorter than the name', () => {
    const motto = paragraphOf(doc, 'Độc lập - Tự do - Hạnh phúc');
    const after = doc.slice(doc.indexOf(motto) + motto.length);
    const rule = /<w:p>.*?<\/w:p>/s.exec(after)?.[0] ?? '';
    has(rule, '<w:bottom w:val="single"');
    const ind = /<w:ind w:left="(\d+)" w:right="(\d+)"\/>/.exec(rule);
    expect(ind).not.toBeNull();
    const cellWidth = Number(/<w:gridCol w:w="\d+"\/><w:gridCol w:w="(\d+)"\/>/.exec(doc)?.[1]) - 2 * 57;
    const ruleWidth = cellWidth - Number(ind?.[1]) - Number(ind?.[2]);
    expect(Math.abs(ruleWidth - textWidthTwips('Độc lập - Tự do - Hạnh phúc', 28, true))).toBeLessThanOrEqual(2);
  });

  it('titles the report: tên loại and trích yếu 14 pt bold centred', () => {
    for (const text of ['BÁO CÁO', 'Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2025']) {
      const p = paragraphOf(doc, text);
      has(p, '<w:jc w:val="center"/>');
      const [props] = runPropsOf(doc, text);
      expect(props).toMatch(/<w:b\/>/);
      expect(props).toContain('<w:sz w:val="28"/>');
    }
  });

  it('sets the body justified, 14 pt, first line 1.27 cm, ≥ 6 pt after, 1.2 lines', () => {
    const body = /<w:style w:type="paragraph" w:styleId="CchcBody">.*?<\/w:style>/s.exec(styles)?.[0] ?? '';
    has(body, '<w:jc w:val="both"/>');
    has(body, 'w:firstLine="720"');
    expect(Number(/w:after="(\d+)"/.exec(body)?.[1])).toBeGreaterThanOrEqual(120);
    const line = Number(/w:line="(\d+)"/.exec(body)?.[1]);
    expect(line).toBeGreaterThanOrEqual(276);
    expect(line).toBeLessThanOrEqual(360);
    has(body, '<w:sz w:val="28"/>');
    expect(paragraphOf(doc, 'Sở đã ban hành kế hoạch đúng thời hạn, ')).toContain('<w:pStyle w:val="CchcBody"/>');
  });

  it('numbers headings I., 1., a) and bolds the emphasised run', () => {
    const text = plainText(doc);
    expect(text).toContain('I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH');
    expect(text).toContain('1. Ban hành kế hoạch');
    expect(text).toContain('a) Kiểm tra công tác CCHC');
    expect(text).toContain('II. KIẾN NGHỊ');
    expect(runPropsOf(doc, 'tỷ lệ hoàn thành 82,22%')[0]).toMatch(/<w:b\/>/);
  });

  it('puts the page number in the top margin from page 2 only', () => {
    const main = sections[0] ?? '';
    has(main, '<w:titlePg/>');
    const defaultRef = /<w:headerReference w:type="default" r:id="(rId\d+)"\/>/.exec(main)?.[1];
    const firstRef = /<w:headerReference w:type="first" r:id="(rId\d+)"\/>/.exec(main)?.[1];
    expect(defaultRef && firstRef).toBeTruthy();
    const rels = part(parts, 'word/_rels/document.xml.rels');
    const target = (id: string | undefined) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
    const defaultHeader = part(parts, `word/${target(defaultRef)}`);
    expect(defaultHeader).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    has(defaultHeader, '<w:jc w:val="center"/>');
    has(defaultHeader, '<w:sz w:val="26"/>');
    expect(part(parts, `word/${target(firstRef)}`)).not.toContain('PAGE');
  });

  it('closes with Nơi nhận 12 pt bold italic, the list 11 pt ending with Lưu, and a blank signature area', () => {
    const [label] = runPropsOf(doc, 'Nơi nhận:');
    expect(label).toMatch(/<w:b\/>/);
    expect(label).toMatch(/<w:i\/>/);
    expect(label).toContain('<w:sz w:val="24"/>');
    const lines = recipientLines(sampleHeader());
    expect(lines[0]).toBe('- Như trên;');
    expect(lines.at(-1)).toBe('- Lưu: VT, CCHC.');
    for (const line of lines) expect(runPropsOf(doc, line)[0]).toContain('<w:sz w:val="22"/>');
    for (const text of ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', 'Trần Thị Ặng Đữ']) {
      const [props] = runPropsOf(doc, text);
      expect(props).toMatch(/<w:b\/>/);
      expect(props).toContain('<w:sz w:val="28"/>');
    }
    // the name sits well below the title: the signature and seal go there, and nothing else does
    expect(Number(/w:before="(\d+)"/.exec(paragraphOf(doc, 'Trần Thị Ặng Đữ'))?.[1])).toBeGreaterThanOrEqual(1400);
    expect(doc).not.toMatch(/<w:drawing>|<w:pict>/);
  });

  it('writes the phụ lục heading, its upper-case title and the italic "Kèm theo" line', () => {
    expect(runPropsOf(doc, 'Phụ lục I')[0]).toMatch(/<w:b\/>/);
    expect(runPropsOf(doc, 'DANH MỤC TÀI LIỆU KIỂM CHỨNG')[0]).toMatch(/<w:b\/>/);
    // The body's last word pair is kept on one line ("Nội\u00A0vụ"), never "… Nội / vụ)".
    const [ref] = runPropsOf(doc, '(Kèm theo Báo cáo số       /BC-SNV ngày 05/01/2026 của Sở Nội\u00A0vụ)');
    expect(ref).toMatch(/<w:i\/>/);
    expect(ref).toContain('<w:sz w:val="28"/>');
  });

  it('stores text in NFC even when given decomposed letters', async () => {
    const nfd = 'Ặ ỹ Đ ữ'.normalize('NFD');
    const model = sampleDocument();
    model.body = [{ type: 'paragraph', runs: [nfd] }];
    const xml = part(await zipParts(await writeDecree30Docx(model)), 'word/document.xml');
    expect(xml).toContain('Ặ ỹ Đ ữ'.normalize('NFC'));
    expect(xml).not.toContain(nfd);
    expect(xml.normalize('NFC')).toBe(xml);
  });

  it('passes OOXML schema validation (and the validator does catch a broken file)', async () => {
    expect(await ooxmlErrors(buffer, 'docx')).toEqual([]);
    const zip = await JSZip.loadAsync(buffer);
    zip.file('word/document.xml', doc.replace('<w:body>', '<w:body><w:bogus/>'));
    const broken = await zip.generateAsync({ type: 'nodebuffer' });
    expect((await ooxmlErrors(broken, 'docx')).length).toBeGreaterThan(0);
  });
});
