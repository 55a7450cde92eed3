import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppraisalImportResult, AppraisalView, OfficialScore } from '../../../src/shared/contract/appraisal';
import type { ExportedFile } from '../../../src/shared/contract/criteria';
import type { EvidenceAttachResult } from '../../../src/shared/contract/evidence';
import type { GeneratedDocument } from '../../../src/shared/contract/reports';
import type { ApprovedVersionView, AuditPage, ReviewStatus } from '../../../src/shared/contract/review';
import { computeIndex } from '../../../src/shared/criteria/index-math';
import { item, openEvidenceCoreWithAssessment, upload, value, type EvidenceFixture } from '../evidence/helpers';
import { part, zipParts } from '../../fixtures/reporting/ooxml';
import { sampleProfile } from '../../helpers/sample-profile';

const BANDS = [
  { name: 'Tốt', minPercent: 80 },
  { name: 'Khá', minPercent: 65 },
  { name: 'Trung bình', minPercent: 50 },
  { name: 'Yếu', minPercent: 0 },
];

const file = (content: unknown, fileName = 'tham-dinh.json') => ({ fileName, contentBase64: Buffer.from(typeof content === 'string' ? content : JSON.stringify(content)).toString('base64') });

const round1 = {
  formatVersion: 1,
  kind: 'appraisal',
  year: 2026,
  unit: 'STP',
  round: 1,
  responseDeadline: '2027-01-15',
  items: [
    { code: '1.1.3', points: 0, note: 'Kế hoạch không xác định sản phẩm, thời hạn.' },
    { code: '3.2.1', points: 2, note: 'Số liệu hồ sơ đúng hạn chưa khớp báo cáo quý IV.', requestExplanation: true },
    { code: '8.3.2', points: 2.5 },
    { code: '3.3.1', points: 1.5 },
    { code: '3.3.2', points: 2 },
    { code: '10.1', points: 1 },
  ],
};

describe('appraisal results and the giải trình round', () => {
  let fx: EvidenceFixture;
  const call = (channel: string, input: unknown = {}) => fx.core.registry.invoke(channel, input);
  const roundsStored = () => (fx.core.db.prepare('SELECT count(*) AS n FROM appraisal_round').get() as { n: number }).n;

  beforeEach(async () => {
    fx = await openEvidenceCoreWithAssessment();
    // A department appraised by Sở Nội vụ (the sample profile is Sở Nội vụ itself).
    await value(call('profile/save', { profile: sampleProfile({ name: 'Sở Tư pháp', shortName: 'STP' }) }));
    for (const [code, answer] of [
      ['1.1.3', { kind: 'yes-no', value: true }],
      ['3.2.1', { kind: 'ratio', numerator: 245, denominator: 250 }],
      ['1.3.1', { kind: 'not-applicable', reason: 'Đơn vị không có đơn vị trực thuộc' }],
      ['4.2.1', { kind: 'yes-no', value: true }],
    ] as const) {
      await value(call('assessment/save-entry', { year: 2026, code, answer }));
    }
  });
  afterEach(() => fx.cleanup());

  it('before appraisal the score is the self-score only, provisional, with no index or band', async () => {
    const score = await value<OfficialScore>(call('appraisal/score', { year: 2026 }));
    expect(score).toMatchObject({ appraised: null, survey: null, index: null, band: null, provisional: true, formula: null });
    expect(score.self).toEqual({ points: 5, max: 76 });
  });

  it('exports templates prefilled with codes, titles, maxima and self-scores; an untouched template imports as "recognised"', async () => {
    const json = await value<ExportedFile>(call('appraisal/template', { year: 2026, format: 'json' }));
    const parsed = JSON.parse(Buffer.from(json.contentBase64, 'base64').toString('utf8'));
    expect(parsed).toMatchObject({ formatVersion: 1, kind: 'appraisal', year: 2026, unit: 'STP', round: 1 });
    const row = parsed.items.find((i: { code: string }) => i.code === '3.2.1');
    expect(row).toMatchObject({ title: expect.stringContaining('đúng hạn'), maxPoints: 3, selfPoints: 3, points: null });
    expect(parsed.items.find((i: { code: string }) => i.code === '3.3.1')).toMatchObject({ assessedBy: 'survey', selfPoints: null });

    const imported = await value<AppraisalImportResult>(call('appraisal/import', { ...file(parsed), year: 2026 }));
    // Everything recognised: appraised = self on the appraised part (the appraisal-only 8.3.2 has no points).
    expect(imported.score.appraised).toEqual({ round: 1, points: 5, max: 79 });
    expect(imported.score.survey).toBeNull();
    expect(imported.score.formula).toBe('appraised-rescaled');
  });

  it('imports the Excel template filled in by Sở Nội vụ, reading Vietnamese numbers and Có/Không', async () => {
    const xlsx = await value<ExportedFile>(call('appraisal/template', { year: 2026, format: 'xlsx' }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.contentBase64, 'base64') as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rowOf = (code: string) => {
      for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === code) return r;
      throw new Error(code);
    };
    ws.getCell(rowOf('3.2.1'), 6).value = '2,5';
    ws.getCell(rowOf('3.2.1'), 7).value = 'Có';
    ws.getCell(rowOf('3.2.1'), 8).value = 'Đề nghị bổ sung sổ theo dõi hồ sơ.';
    ws.getCell(rowOf('3.3.1'), 6).value = 1.5;
    ws.getCell(7, 3).value = '20/01/2027';
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const result = await value<AppraisalImportResult>(call('appraisal/import', { fileName: 'tham-dinh.xlsx', contentBase64: bytes.toString('base64') }));
    expect(result).toMatchObject({ year: 2026, round: 1, explanationRequested: 1 });
    const view = await value<AppraisalView>(call('appraisal/get', { year: 2026 }));
    expect(view.rounds[0]).toMatchObject({ round: 1, responseDeadline: '2027-01-20', sourceName: 'tham-dinh.xlsx' });
    expect(view.items.find((i) => i.code === '3.2.1')).toMatchObject({ selfPoints: 3, round1: { points: 2.5, effective: 2.5, explanationRequested: true }, lost: 0.5 });
    expect(result.score.survey).toEqual({ points: 1.5, max: 20 });

    // A wrong cell is named by its sheet, row and column, in words.
    ws.getCell(rowOf('1.1.3'), 6).value = 'năm';
    const broken = await call('appraisal/import', { fileName: 'x.xlsx', contentBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
    expect(JSON.stringify(broken)).toContain(`Trang «Kết quả thẩm định», dòng ${rowOf('1.1.3')}, cột F`);
  });

  it('computes the appraised part, the survey part and the index with the engine and the set’s bands', async () => {
    const imported = await value<AppraisalImportResult>(call('appraisal/import', file(round1)));
    expect(imported).toMatchObject({ year: 2026, round: 1, itemCount: 6, explanationRequested: 2, replaced: false });
    const score = imported.score;
    // Self: 1.1.3 0,5 + 3.2.1 3 + 4.2.1 1,5 = 5 of 76 (1.3.1 KAD leaves the maximum).
    // Appraised: 0 + 2 + 1,5 + 2,5 (8.3.2) − 1 (10.1 deduction) = 5 of 76 + 3 = 79.
    expect(score.appraised).toEqual({ round: 1, points: 5, max: 79 });
    expect(score.survey).toEqual({ points: 3.5, max: 20 });
    const expected = computeIndex({ appraised: { points: 5, max: 79 }, survey: { points: 3.5, max: 20 }, bands: BANDS, rounding: 'half-up' });
    expect(score).toMatchObject({ index: expected.index, band: 'Yếu', provisional: true, formula: 'appraised-plus-survey' });
    expect(score.index).toBe(8.59);

    const view = await value<AppraisalView>(call('appraisal/get', { year: 2026 }));
    expect(view.toExplain).toEqual(['1.1.3', '3.2.1', '10.1']);
    expect(view.items.find((i) => i.code === '10.1')).toMatchObject({ kind: 'penalty', selfPoints: 0, lost: 1 });
    expect(view.domains.find((d) => d.code === '8')).toMatchObject({ self: { points: 0, max: 7 }, appraised: { points: 2.5, max: 10 } });

    // Round 2 (after giải trình) overrides item by item and makes the result final.
    const two = await value<AppraisalImportResult>(call('appraisal/import', file({ ...round1, round: 2, items: [{ code: '3.2.1', points: 3 }] })));
    expect(two.score).toMatchObject({ appraised: { round: 2, points: 6, max: 79 }, survey: { points: 3.5, max: 20 }, provisional: false });
    const history = (await value<AppraisalView>(call('appraisal/get', { year: 2026 }))).history;
    expect(history).toEqual([{ year: 2026, index: two.score.index, band: 'Yếu', provisional: false, rank: null, rankOf: null }]);
    await value(call('appraisal/set-outcome', { year: 2026, rank: 3, rankOf: 21 }));
    expect((await value<AppraisalView>(call('appraisal/get', { year: 2026 }))).history[0]).toMatchObject({ rank: 3, rankOf: 21 });
  });

  const broken: [string, unknown, string][] = [
    ['not JSON', '{"formatVersion":1,', 'JSON không hợp lệ'],
    ['not an object', '[1,2]', 'phải là một đối tượng JSON'],
    ['wrong format version', { ...round1, formatVersion: 2 }, 'Phiên bản định dạng phải là 1'],
    ['wrong kind', { ...round1, kind: 'criteria-set' }, 'không phải tệp kết quả thẩm định'],
    ['wrong year', { ...round1, year: 2025 }, 'năm 2025, không phải năm 2026'],
    ['wrong unit', { ...round1, unit: 'SNV' }, 'của đơn vị «SNV», không phải của đơn vị «STP»'],
    ['bad round', { ...round1, round: 3 }, 'phải là 1 hoặc 2'],
    ['round 2 first', { ...round1, round: 2 }, 'Chưa nhập kết quả thẩm định lần 1'],
    ['unknown code', { ...round1, items: [{ code: '9.9.9', points: 1 }] }, 'không có tiêu chí 9.9.9'],
    ['parent code', { ...round1, items: [{ code: '1.1', points: 1 }] }, '1.1 là tiêu chí có tiêu chí con'],
    ['malformed code', { ...round1, items: [{ code: '1.a', points: 1 }] }, 'không đúng dạng'],
    ['points above max', { ...round1, items: [{ code: '1.1.3', points: 0.75 }] }, 'vượt điểm tối đa 0,50'],
    ['negative points', { ...round1, items: [{ code: '10.1', points: -1 }] }, 'không được âm'],
    ['points as text', { ...round1, items: [{ code: '1.1.3', points: '0,5' }] }, 'phải là một số'],
    ['duplicate code', { ...round1, items: [{ code: '1.1.3', points: 0 }, { code: '1.1.3', points: 0.5 }] }, 'bị trùng'],
    ['bad deadline', { ...round1, responseDeadline: '2027-02-30' }, 'Hạn gửi giải trình'],
    ['unknown field', { ...round1, comment: 'x' }, 'Trường «comment» không có'],
    ['empty items', { ...round1, items: [] }, 'đang trống'],
    ['not a known file type', 'xin chào', 'không phải kết quả thẩm định'],
  ];

  it.each(broken)('refuses a broken file (%s), names the problem and saves nothing', async (_name, content, message) => {
    const fileName = typeof content === 'string' && !content.startsWith('{') && !content.startsWith('[') ? 'ghi-chu.txt' : 'tham-dinh.json';
    const result = await call('appraisal/import', { ...file(content, fileName), year: 2026 });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(JSON.stringify(result)).toContain(message);
    expect(roundsStored()).toBe(0);
  });

  it('fills the appraisal column of the self-assessment report, prints the officer’s difficulties, and warns of placeholders first', async () => {
    const warnings = await value<{ kind: string; codes: string[] }[]>(call('assessment/document-warnings', { year: 2026 }));
    expect(warnings.map((w) => w.kind)).toEqual(['unanswered', 'no-explanation', 'no-difficulties']);
    expect(warnings.find((w) => w.kind === 'no-explanation')!.codes).toEqual(['1.1.3', '3.2.1', '4.2.1']);
    await value(call('assessment/note-save', { year: 2026, key: 'kho-khan-kien-nghi', text: 'Phần mềm một cửa chưa kết nối Cổng DVC quốc gia.\nĐề nghị Sở Nội vụ tập huấn cách chấm tiêu chí 3.2.' }));
    expect(await value<string>(call('assessment/note-get', { year: 2026, key: 'kho-khan-kien-nghi' }))).toContain('Cổng DVC');
    await upload(fx.core, 'Kế hoạch.txt', Buffer.from('Kế hoạch CCHC'), [item('2026:1.1.3')]);
    const after = await value<{ kind: string; codes: string[] }[]>(call('assessment/document-warnings', { year: 2026 }));
    expect(after.map((w) => w.kind)).toEqual(['unanswered', 'no-explanation', 'unconfirmed-evidence']);
    expect(after.find((w) => w.kind === 'unconfirmed-evidence')!.codes).toEqual(['1.1.3']);

    await value(call('appraisal/import', file(round1)));
    const doc = await value<GeneratedDocument>(call('reports/generate', { kind: 'self-assessment-docx', year: 2026 }));
    const text = part(await zipParts(Buffer.from(doc.base64, 'base64')), 'word/document.xml').replace(/<[^>]+>/g, '');
    expect(text).toContain('Điểm thẩm định lần 1');
    // Criteria rows carry the engine's sum of their appraised children (1.1: self 0,50, appraised 0,00).
    expect(text).toContain('1.1Kế hoạch cải cách hành chính năm3,000,500,00');
    expect(text).toContain('Thẩm định: Kế hoạch không xác định sản phẩm, thời hạn.');
    expect(text).toContain('Phần mềm một cửa chưa kết nối Cổng DVC quốc gia.');
    expect(text).toContain('KAD: Đơn vị không có đơn vị trực thuộc');
  });

  it('lists every problem of a file at once', async () => {
    const result = await call('appraisal/import', file({ ...round1, unit: 'SNV', items: [{ code: '9.9.9', points: 1 }, { code: '1.1.3', points: 7 }] }));
    const text = JSON.stringify(result);
    for (const m of ['«SNV»', '9.9.9', 'vượt điểm tối đa']) expect(text).toContain(m);
    expect(text).toContain('có 3 lỗi');
  });

  it('runs the giải trình through review to an approved Văn bản giải trình with the tài liệu bổ sung', async () => {
    await value(call('appraisal/import', file(round1)));
    const key = '2026:giai-trinh-1';
    await value(call('appraisal/save-giai-trinh', { year: 2026, code: '1.1.3', text: 'Kế hoạch 47/KH-SNV đã nêu rõ sản phẩm, thời hạn tại Phụ lục kèm theo (trang 5).' }));
    const extra = await value<EvidenceAttachResult>(upload(fx.core, 'Phụ lục KH 47.txt', Buffer.from('Phụ lục nhiệm vụ, sản phẩm, thời hạn'), [item('2026:giai-trinh-1:1.1.3')]));
    const view = await value<AppraisalView>(call('appraisal/get', { year: 2026 }));
    expect(view.giaiTrinhKey).toBe(key);
    expect(view.items.find((i) => i.code === '1.1.3')!.giaiTrinh).toMatchObject({ evidenceCount: 1 });

    await value<ReviewStatus>(call('review/submit', { kind: 'assessment', key }));
    const refused = await call('appraisal/save-giai-trinh', { year: 2026, code: '3.2.1', text: 'Sửa khi đang trình' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const approved = await value<ReviewStatus>(call('review/approve', { kind: 'assessment', key, comment: 'Đồng ý gửi Sở Nội vụ' }));
    expect(approved.current.status).toBe('approved');
    expect(approved.subject.title).toBe('Giải trình kết quả thẩm định lần 1 năm 2026');
    // The self-assessment dossier is untouched by the giải trình round.
    expect((await value<ReviewStatus>(call('review/status', { kind: 'assessment', key: '2026' }))).current.status).toBe('draft');

    const version = await value<ApprovedVersionView>(call('review/version', { kind: 'assessment', key, versionNo: 1 }));
    const content = version.snapshot.content as { items: { code: string; text: string; evidence: { sha256: string }[] }[] };
    expect(content.items.find((i) => i.code === '1.1.3')).toMatchObject({ text: expect.stringContaining('47/KH-SNV'), evidence: [{ sha256: extra.file.sha256 }] });
    const doc = await value<ExportedFile>(call('review/document', { kind: 'assessment', key, versionNo: 1, position: 0 }));
    const xml = part(await zipParts(Buffer.from(doc.contentBase64, 'base64')), 'word/document.xml');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('Sở Tư pháp kính đề nghị Sở Nội vụ tỉnh Lâm Đồng xem xét');
    for (const s of ['Kính gửi: Sở Nội vụ tỉnh Lâm Đồng', 'Điểm thẩm định lần 1', 'Nội dung giải trình', 'Tài liệu bổ sung', 'trang 5', 'Phụ lục KH 47.txt', '(Chưa có nội dung giải trình.)']) {
      expect(text).toContain(s);
    }
    const audit = (await value<AuditPage>(call('audit/list', { limit: 100 }))).entries;
    expect(audit.some((e) => e.action === 'appraisal.giai-trinh' && e.subject === `assessment:${key}` && e.target === '1.1.3')).toBe(true);
    expect(audit.some((e) => e.action === 'evidence.link' && e.subject === `assessment:${key}`)).toBe(true);
    expect(audit.some((e) => e.action === 'appraisal.import')).toBe(true);

    const generated = await value<GeneratedDocument>(call('appraisal/generate', { year: 2026 }));
    expect(generated.fileName).toBe('Van-ban-giai-trinh-tham-dinh-lan-1-Chi-so-CCHC-nam-2026-STP.docx');
  });
});
