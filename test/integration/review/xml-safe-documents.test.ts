import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { officeDocumentProblem } from '../../../src/main/core/review/document-readback';
import { reportingAccess } from '../../../src/main/core/review/reporting-access';
import type { ExportedFile } from '../../../src/shared/contract/criteria';
import type { AssessmentView } from '../../../src/shared/contract/assessment';
import type { ReportView } from '../../../src/shared/contract/reports';
import type { ReviewStatus } from '../../../src/shared/contract/review';
import { openEvidenceCoreWithAssessment, value, type EvidenceFixture } from '../evidence/helpers';

const FORBIDDEN = '\uFFFE\uFFFF\u0001\u000B\uD800';

/** Every XML part of a generated document, as Word reads it: strictly. */
async function documentText(data: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const main = zip.file('word/document.xml') ?? zip.file('xl/sharedStrings.xml') ?? zip.file('xl/worksheets/sheet1.xml');
  return main ? main.async('string') : '';
}

/**
 * A character XML forbids, typed into a thuyết minh or a section, must never freeze an approved
 * dossier into a .docx that cannot be opened: dropped at input, dropped again by the generators,
 * and every document parsed back before approval freezes it.
 */
describe('documents frozen at approval are well-formed XML', () => {
  let fx: EvidenceFixture;
  const A = { kind: 'assessment', key: '2026' } as const;
  const call = (channel: string, input: unknown = {}) => fx.core.registry.invoke(channel, input);

  beforeEach(async () => {
    fx = await openEvidenceCoreWithAssessment();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    fx.cleanup();
  });

  async function approvedDocuments(kind: 'assessment' | 'report', key: string): Promise<ExportedFile[]> {
    const status = await value<ReviewStatus>(call('review/status', { kind, key }));
    return Promise.all(
      status.current.documents.map((d) => value<ExportedFile>(call('review/document', { kind, key, versionNo: status.current.versionNo, position: d.position }))),
    );
  }

  it('drops the characters typed into a thuyết minh and a report section; the frozen documents open', async () => {
    await value(call('assessment/save-entry', { year: 2026, code: '1.1.3', explanation: `Đã ban hành${FORBIDDEN} Kế hoạch 47/KH-UBND` }));
    const view = await value<AssessmentView>(call('assessment/get', { year: 2026 }));
    expect(view.entries['1.1.3']!.explanation).toBe('Đã ban hành Kế hoạch 47/KH-UBND');

    await value(call('reports/save-section', { year: 2026, period: 'q1', code: 'chi-dao', text: `Chỉ đạo${FORBIDDEN} điều hành` }));
    const report = await value<ReportView>(call('reports/get', { year: 2026, period: 'q1' }));
    expect(report.sections.find((s) => s.code === 'chi-dao')!.text).toBe('Chỉ đạo điều hành');

    for (const [kind, key] of [['assessment', '2026'], ['report', '2026:q1']] as const) {
      await value(call('review/submit', { kind, key }));
      await value(call('review/approve', { kind, key }));
      const docs = await approvedDocuments(kind, key);
      expect(docs.length).toBeGreaterThan(0);
      for (const d of docs) expect(await officeDocumentProblem(d.fileName, Buffer.from(d.contentBase64, 'base64'))).toBeNull();
    }
  });

  it('the generators drop them from text that reached the store another way', async () => {
    await value(call('assessment/save-entry', { year: 2026, code: '1.1.3', explanation: 'Thuyết minh' }));
    fx.core.db.prepare("UPDATE assessment_entry SET explanation = ? WHERE year = 2026 AND item_code = '1.1.3'").run(`Thuyết minh\uFFFE\uFFFF\u0001\u000B cũ`); // (SQLite turns a lone surrogate into U+FFFD itself)
    await value(call('review/submit', A));
    await value(call('review/approve', A));
    const docs = await approvedDocuments('assessment', '2026');
    for (const d of docs) {
      const data = Buffer.from(d.contentBase64, 'base64');
      expect(await officeDocumentProblem(d.fileName, data)).toBeNull();
    }
    // The self-score table lists every item's thuyết minh: the text is there, without the characters.
    const texts = await Promise.all(docs.map((d) => documentText(Buffer.from(d.contentBase64, 'base64'))));
    expect(texts.some((t) => t.includes('Thuyết minh cũ'))).toBe(true);
  });

  it('refuses to approve when a generated document does not parse back, and the dossier stays submitted', async () => {
    const broken = new JSZip();
    broken.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
    broken.file('word/document.xml', '<w:document xmlns:w="x"><w:t>Hỏng\uFFFF</w:t></w:document>');
    const data = await broken.generateAsync({ type: 'nodebuffer' });
    vi.spyOn(reportingAccess, 'generateDossierDocuments').mockResolvedValue([{ fileName: 'bao-cao.docx', data, mime: 'x' } as never]);

    await value(call('review/submit', A));
    const refused = await call('review/approve', A);
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (!refused.ok) {
      expect(refused.error.message).toContain('Chưa duyệt được');
      expect(refused.error.message).toContain('«bao-cao.docx», phần word/document.xml');
    }
    expect((await value<ReviewStatus>(call('review/status', A))).current).toMatchObject({ versionNo: 1, status: 'submitted' });
  });

  it('reads back: a zip that is not one, and a part that is not XML', async () => {
    expect(await officeDocumentProblem('a.docx', Buffer.from('không phải zip'))).toContain('không phải tệp Office hợp lệ');
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/sharedStrings.xml', '<sst><si><t>a</t></si>');
    expect(await officeDocumentProblem('b.xlsx', await zip.generateAsync({ type: 'nodebuffer' }))).toContain('phần xl/sharedStrings.xml');
  });
});
