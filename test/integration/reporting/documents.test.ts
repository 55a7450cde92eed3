import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../src/main/core/app';
import { evidenceAccess } from '../../../src/main/core/reporting/evidence-access';
import { generateDossierDocuments } from '../../../src/main/core/reporting';
import { statisticsIndicators } from '../../../src/main/core/reporting/content-data';
import { evaluateOnePeriod } from '../../../src/main/core/reporting/statistics-rows';
import type { AssessmentView } from '../../../src/shared/contract/assessment';
import type { CriteriaItem } from '../../../src/shared/criteria/format';
import type { GeneratedDocument } from '../../../src/shared/contract/reports';
import { ooxmlErrors, paragraphOf, part, plainText, runPropsOf, zipParts } from '../../fixtures/reporting/ooxml';
import { fakeEvidence, populatedCore, STATISTICS } from '../../fixtures/reporting/populated-core';
import { makeTempDir } from '../../helpers/temp-dir';

/**
 * Every generated file read back: the zip, the XML that carries the Decree-30 layout, the
 * formulas with the engine's cached values, and the OOXML schema.
 */

const EVIDENCE_ITEMS = ['1.1.3', '2.1.2', '3.2.1'];

let temp: ReturnType<typeof makeTempDir>;
let core: Core;
const files = new Map<string, Buffer>();

async function generate(kind: string, period?: string): Promise<Buffer> {
  const result = await core.registry.invoke('reports/generate', { kind, year: 2026, period });
  if (!result.ok) throw new Error(result.error.message);
  const doc = result.value as GeneratedDocument;
  files.set(kind, Buffer.from(doc.base64, 'base64'));
  return files.get(kind)!;
}

beforeAll(async () => {
  temp = makeTempDir();
  vi.spyOn(evidenceAccess, 'listLinkedEvidence').mockImplementation((_db, keys) => ({
    ...Object.fromEntries(keys.filter((k) => EVIDENCE_ITEMS.some((c) => k === `2026:${c}`)).map((k) => [k, fakeEvidence(2, k.slice(5))])),
    ...(keys.includes('report:2026:q1:tthc') ? { 'report:2026:q1:tthc': fakeEvidence(1, 'tthc') } : {}),
  }));
  core = await populatedCore(temp.dir);
  await generate('periodic-docx', 'q1');
  await generate('self-assessment-docx');
  await generate('self-score-xlsx');
  await generate('statistics-xlsx', 'q1');
});
afterAll(() => {
  vi.restoreAllMocks();
  core.close();
  temp.cleanup();
});

const sectionsOf = (xml: string) => xml.match(/<w:sectPr[ >].*?<\/w:sectPr>/gs) ?? [];

describe.each(['periodic-docx', 'self-assessment-docx'])('%s follows Decree 30', (kind) => {
  let doc = '';
  let styles = '';
  let parts = new Map<string, string>();
  beforeAll(async () => {
    parts = await zipParts(files.get(kind)!);
    doc = part(parts, 'word/document.xml');
    styles = part(parts, 'word/styles.xml');
  });

  it('is A4 portrait with margins 20/20/30/15 mm, and the page number from page 2 in the top margin', () => {
    const [main] = sectionsOf(doc);
    expect(main).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const margin = /<w:pgMar w:top="(\d+)" w:right="(\d+)" w:bottom="(\d+)" w:left="(\d+)"/.exec(main ?? '');
    const mm = (twips: string | undefined) => (Number(twips) / 1440) * 25.4;
    expect(mm(margin?.[1])).toBeGreaterThanOrEqual(19.9);
    expect(mm(margin?.[1])).toBeLessThanOrEqual(25.1);
    expect(mm(margin?.[3])).toBeGreaterThanOrEqual(19.9);
    expect(mm(margin?.[4])).toBeGreaterThanOrEqual(29.9);
    expect(mm(margin?.[4])).toBeLessThanOrEqual(35.1);
    expect(mm(margin?.[2])).toBeGreaterThanOrEqual(14.9);
    expect(mm(margin?.[2])).toBeLessThanOrEqual(20.1);
    expect(main).toContain('<w:titlePg/>');
    const rels = part(parts, 'word/_rels/document.xml.rels');
    const id = /<w:headerReference w:type="default" r:id="(rId\d+)"\/>/.exec(main ?? '')?.[1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    const header = part(parts, `word/${target}`);
    expect(header).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(header).toContain('<w:jc w:val="center"/>');
  });

  it('uses only Times New Roman, body 14 pt justified with a first-line indent', () => {
    for (const [, xml] of parts) {
      const names = new Set([...xml.matchAll(/w:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"/g)].map((m) => m[1]));
      expect([...names].every((n) => n === 'Times New Roman')).toBe(true);
    }
    const body = /<w:style w:type="paragraph" w:styleId="CchcBody">.*?<\/w:style>/s.exec(styles)?.[0] ?? '';
    expect(body).toContain('<w:jc w:val="both"/>');
    expect(body).toMatch(/w:firstLine="(7\d\d|56\d)"/);
    expect(body).toMatch(/<w:sz w:val="2[68]"\/>/);
  });

  it('has the two-column header from the unit profile: bodies in capitals, Quốc hiệu, Số …/BC-SNV, italic place and date', () => {
    expect(runPropsOf(doc, 'UBND TỈNH LÂM ĐỒNG')[0]).not.toMatch(/<w:b\/>/);
    expect(runPropsOf(doc, 'SỞ NỘI VỤ')[0]).toMatch(/<w:b\/>/);
    expect(runPropsOf(doc, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')[0]).toContain('<w:sz w:val="26"/>');
    expect(runPropsOf(doc, 'Độc lập - Tự do - Hạnh phúc')[0]).toMatch(/<w:b\/>/);
    expect(runPropsOf(doc, 'Số:       /BC-SNV')).toHaveLength(1);
    const [date] = runPropsOf(doc, 'Lâm Đồng, ngày 10 tháng 3 năm 2026');
    expect(date).toMatch(/<w:i\/>/);
    expect(date).toContain('<w:sz w:val="28"/>');
    expect(runPropsOf(doc, 'BÁO CÁO')[0]).toMatch(/<w:b\/>/);
    expect(plainText(doc)).toContain('Kính gửi: Ủy ban nhân dân tỉnh Lâm Đồng.');
  });

  it('closes with Nơi nhận (12 pt bold italic, 11 pt list ending with Lưu) beside the signer', () => {
    const [label] = runPropsOf(doc, 'Nơi nhận:');
    expect(label).toMatch(/<w:b\/>/);
    expect(label).toMatch(/<w:i\/>/);
    expect(label).toContain('<w:sz w:val="24"/>');
    for (const line of ['- Như trên;', '- Lãnh đạo Sở;', '- Lưu: VT, CCHC.']) expect(runPropsOf(doc, line)[0]).toContain('<w:sz w:val="22"/>');
    expect(runPropsOf(doc, 'GIÁM ĐỐC')[0]).toMatch(/<w:b\/>/);
    expect(runPropsOf(doc, 'Trần Thị Ặng Đữ')[0]).toMatch(/<w:b\/>/);
  });

  it('keeps every text in NFC, rare letters included', () => {
    expect(doc.normalize('NFC')).toBe(doc);
    expect(doc).toContain('Ặng Đữ');
  });

  it('passes the OOXML schema validator', async () => {
    expect(await ooxmlErrors(files.get(kind)!, 'docx')).toEqual([]);
  });
});

describe('the periodic report', () => {
  it('prints the outline with the officer’s paragraphs and real bullet paragraphs, then the biểu số liệu', async () => {
    const doc = part(await zipParts(files.get('periodic-docx')!), 'word/document.xml');
    const text = plainText(doc);
    expect(text).toContain('Kết quả thực hiện công tác cải cách hành chính quý I năm 2026');
    expect(text).toContain('(số liệu tính từ ngày 15/12/2025 đến ngày 14/03/2026)');
    expect(text).toContain('I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH');
    expect(text).toContain('II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH');
    expect(text).toContain('6. Xây dựng và phát triển Chính phủ điện tử, Chính phủ số');
    expect(text).toContain('V. ĐỀ XUẤT, KIẾN NGHỊ');
    // Two paragraphs of the first section, each its own w:p, and each bullet its own w:p.
    expect(paragraphOf(doc, 'Công tác tuyên truyền được đẩy mạnh:')).toContain('CchcBody');
    expect(text).toMatch(/\n- Đăng tải 15 tin, bài trên Cổng thông tin điện tử;\n/);
    const plus = paragraphOf(doc, '05 tin về chuyển đổi số;');
    expect(plus).toContain('>+ </w:t>');
    expect(plus).toMatch(/w:firstLine="\d+"/);
    expect(text).toContain('(Chưa có nội dung.)');
    // Evidence linked to a section is cited under it.
    expect(runPropsOf(doc, '(Tài liệu kèm theo: 100/QĐ-SNV ngày 15/01/2026.)')[0]).toMatch(/<w:i\/>/);
    // Phụ lục I: every entered number, and the derived ones as the engine computes them.
    const sections = sectionsOf(doc);
    expect(sections).toHaveLength(2);
    expect(text).toContain('BIỂU SỐ LIỆU KẾT QUẢ CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2026');
    for (const value of ['1.200', '1.000', '90,00', '82,23', '2.467']) expect(text).toContain(value);
  });
});

describe('the self-assessment report', () => {
  it('prints the engine’s totals and lists the evidence per item in a landscape Phụ lục', async () => {
    const doc = part(await zipParts(files.get('self-assessment-docx')!), 'word/document.xml');
    const text = plainText(doc);
    const view = (await core.registry.invoke('assessment/get', { year: 2026 })) as { ok: true; value: AssessmentView };
    const points = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(view.value.score.total);
    expect(text).toContain(`Tổng điểm tự chấm (tạm tính): ${points}/`);
    // The self-score covers part of the scale: it says which part, and prints no band as final.
    expect(text).toMatch(/của phần tự chấm [\d,]+\/100,00 điểm \(không tính [\d,]+ điểm đánh giá qua điều tra xã hội học/);
    expect(text).not.toContain(`xếp loại ${view.value.score.band}`);
    expect(text).toContain('Xếp loại chính thức do Sở Nội vụ xác định trên thang điểm 100,00');
    // BNV 383/384: the summary table of every TC/TCTP, giải trình, khó khăn and kiến nghị.
    expect(text).toContain('BẢNG TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM TIÊU CHÍ, TIÊU CHÍ THÀNH PHẦN');
    for (const column of ['STT', 'Tiêu chí', 'Điểm tối đa', 'Điểm tự chấm', 'Điểm thẩm định', 'Ghi chú']) expect(text).toContain(column);
    expect(text).toContain('KHÓ KHĂN, VƯỚNG MẮC VÀ KIẾN NGHỊ');
    expect(text).toContain('DANH MỤC TÀI LIỆU KIỂM CHỨNG');
    const [, appendix] = sectionsOf(doc);
    expect(appendix).toContain('w:orient="landscape"');
    for (const code of EVIDENCE_ITEMS) {
      expect(text).toContain(`${code}-quyet-dinh-1.pdf`);
    }
    expect(text).toContain('100/QĐ-SNV');
    expect(text).toContain('15/01/2026');
    expect(text).toContain('Chưa có tài liệu kiểm chứng.');
    expect(text).toContain('Chưa tổ chức kiểm tra việc thi hành pháp luật — Đỗ Thị Ỹ phụ trách.');
  });
});

async function sheetOf(buffer: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb.worksheets[0]!;
}

type FormulaValue = { formula: string; result: unknown };

/** Cell reference → formula and cached value, straight from the sheet XML. */
function sheetCells(xml: string): Map<string, { f?: string; v?: string }> {
  const out = new Map<string, { f?: string; v?: string }>();
  for (const m of xml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?(?:\/>|>(.*?)<\/c>)/gs)) {
    const inner = m[2] ?? '';
    out.set(m[1]!, { f: /<f>([^<]*)<\/f>/.exec(inner)?.[1]?.replace(/&quot;/g, '"'), v: /<v>([^<]*)<\/v>/.exec(inner)?.[1] });
  }
  return out;
}

function set(view: AssessmentView): Map<string, CriteriaItem> {
  const out = new Map<string, CriteriaItem>();
  const visit = (i: CriteriaItem) => {
    out.set(i.code, i);
    i.children.forEach(visit);
  };
  view.set.domains.forEach(visit);
  return out;
}
const isFormula = (v: unknown): v is FormulaValue => typeof v === 'object' && v !== null && 'formula' in v;

describe.each(['self-score-xlsx', 'statistics-xlsx'])('%s print setup', (kind) => {
  it('is A4 landscape, one page wide, header rows repeated, panes frozen, Times New Roman, schema-valid', async () => {
    const parts = await zipParts(files.get(kind)!);
    const sheet = part(parts, 'xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<pageSetup[^>]*paperSize="9"/);
    expect(sheet).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(sheet).toMatch(/<pageSetup[^>]*fitToWidth="1"/);
    expect(sheet).toMatch(/<pane [^>]*state="frozen"/);
    expect(part(parts, 'xl/workbook.xml')).toMatch(/<definedName name="_xlnm.Print_Titles"[^>]*>[^<]*\$\d+:\$\d+<\/definedName>/);
    const fonts = new Set([...part(parts, 'xl/styles.xml').matchAll(/<name val="([^"]+)"\/>/g)].map((m) => m[1]));
    expect(fonts.has('Times New Roman')).toBe(true);
    expect(part(parts, 'xl/styles.xml')).toContain('formatCode="[$-42A]#,##0');
    expect(await ooxmlErrors(files.get(kind)!, 'xlsx')).toEqual([]);
  });
});

describe('the self-score workbook', () => {
  it('has every item with max and self-score; parents, domains and the total as formulas caching the engine’s values', async () => {
    const ws = await sheetOf(files.get('self-score-xlsx')!);
    const view = ((await core.registry.invoke('assessment/get', { year: 2026 })) as { ok: true; value: AssessmentView }).value;
    const rows = new Map<string, ExcelJS.Row>();
    ws.eachRow((row) => {
      const code = row.getCell(1).value;
      if (typeof code === 'string' && view.score.items[code]) rows.set(code, row);
    });
    expect(rows.size).toBe(Object.keys(view.score.items).length);
    // Read formulas and cached values from the XML itself (ExcelJS reads a cached 0 as missing).
    const cells = sheetCells(part(await zipParts(files.get('self-score-xlsx')!), 'xl/worksheets/sheet1.xml'));
    let formulas = 0;
    for (const [code, row] of rows) {
      const item = set(view).get(code)!;
      const cell = cells.get(`D${row.number}`);
      expect(cells.get(`C${row.number}`)?.v, code).toBe(String(item.maxPoints));
      if (item.children.length) {
        formulas++;
        expect(cell?.f, code).toMatch(/^ROUND\(MIN\(SUM\(D\d+(,D\d+)*\),C\d+\),2\)$/);
      }
      if (item.children.length || item.assessedBy === 'self') expect(Number(cell?.v), code).toBeCloseTo(view.score.items[code]!.points, 9);
    }
    expect(formulas).toBeGreaterThan(20);
    const explained = rows.get('2.1.2')!;
    expect(explained.getCell(5).value).toBe('Đã ban hành kế hoạch rà soát văn bản (Kế hoạch số 12/KH-SNV).');
    expect(String(explained.getCell(6).value)).toContain('100/QĐ-SNV ngày 15/01/2026');
    let total: FormulaValue | undefined;
    ws.eachRow((row) => {
      if (String(row.getCell(1).value).startsWith('TỔNG ĐIỂM')) total = row.getCell(4).value as FormulaValue;
    });
    expect(total?.formula).toMatch(/^ROUND\(/);
    expect(total?.result).toBeCloseTo(view.score.total, 9);
  });
});

describe('the statistics workbook', () => {
  it('holds entered values and derived rows as formulas caching the engine’s results', async () => {
    const ws = await sheetOf(files.get('statistics-xlsx')!);
    const indicators = statisticsIndicators();
    const expected = evaluateOnePeriod(indicators, Object.fromEntries(STATISTICS.map((s) => [s.code, s.value])));
    const byName = new Map<string, ExcelJS.Row>();
    ws.eachRow((row) => byName.set(String(row.getCell(2).value), row));
    for (const ind of indicators) {
      const row = byName.get(ind.name);
      expect(row, ind.name).toBeDefined();
      const value = row!.getCell(4).value;
      const want = expected[ind.code];
      if (ind.formula) {
        expect(isFormula(value), ind.code).toBe(true);
        const cached = (value as FormulaValue).result;
        // No data prints "—", never 0 or an empty cell.
        if (want === null || want === undefined) expect(cached, ind.code).toBe('—');
        else expect(cached as number).toBeCloseTo(ind.unit === 'percent' ? want / 100 : want, 9);
        expect((value as FormulaValue).formula).toMatch(
          ind.formula.op === 'sum' ? /^IF\(COUNT\(D\d+,D\d+\)=0,"—",SUM\(D\d+,D\d+\)\)$/ : /^IF\(OR\(COUNT\(D\d+\)=0,N\(D\d+\)=0\),"—",D\d+\/D\d+\)$/,
        );
      } else {
        expect(value, ind.code).toBe(want ?? '—');
      }
    }
    expect(ws.getCell('D4').value).toBe('Quý I năm 2026');
  });
});

describe('the dossier for the review domain', () => {
  it('returns the self-assessment docx and the self-score xlsx', async () => {
    const ctx = { db: core.db, dataDir: temp.dir, appVersion: 'test', now: () => new Date('2026-03-10T03:00:00Z'), session: null, actor: { kind: 'system' } } as unknown as Parameters<typeof generateDossierDocuments>[0];
    const dossier = await generateDossierDocuments(ctx, 2026);
    expect(dossier.map((f) => f.fileName)).toEqual(['Bao-cao-tu-danh-gia-Chi-so-CCHC-nam-2026-SNV.docx', 'Bang-tu-cham-diem-Chi-so-CCHC-nam-2026-SNV.xlsx']);
    expect(dossier[0]!.data.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a periodic document without a period and an annual one without a self-assessment', async () => {
    const noPeriod = await core.registry.invoke('reports/generate', { kind: 'periodic-docx', year: 2026 });
    expect(noPeriod.ok).toBe(false);
    expect(!noPeriod.ok && noPeriod.error.message).toContain('Hãy chọn kỳ báo cáo');
    const noAssessment = await core.registry.invoke('reports/generate', { kind: 'self-score-xlsx', year: 2025 });
    expect(!noAssessment.ok && noAssessment.error.message).toMatch(/năm 2025/);
  });
});

describe('the statistics workbook with last year’s same period', () => {
  it('adds a "Cùng kỳ năm trước" column before this period when that report has numbers', async () => {
    const saved = await core.registry.invoke('reports/save-statistics', { year: 2025, period: 'q1', values: [{ code: 'hs-dung-han', value: 700 }, { code: 'hs-qua-han', value: 300 }] });
    expect(saved.ok).toBe(true);
    const ws = await sheetOf(await generate('statistics-xlsx', 'q1'));
    expect([ws.getCell('D4').value, ws.getCell('E4').value]).toEqual(['Cùng kỳ năm 2025', 'Quý I năm 2026']);
    let ratio: ExcelJS.Row | undefined;
    ws.eachRow((row) => {
      if (row.getCell(2).value === 'Tỷ lệ hồ sơ giải quyết đúng hạn') ratio = row;
    });
    expect(((ratio!.getCell(4).value as FormulaValue).result as number)).toBeCloseTo(0.7, 12);
    expect(((ratio!.getCell(5).value as FormulaValue).result as number)).toBeCloseTo(0.9, 12);
  });
});
