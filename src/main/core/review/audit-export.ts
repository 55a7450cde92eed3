import type { ExportedFile } from '../../../shared/contract/criteria';
import type { AuditFilter } from '../../../shared/contract/review';
import { auditActionLabel, formatDateTimeVi, subjectLabel } from '../../../shared/review-labels';
import type { Db } from '../db/open';
import { exportRows, verifyAudit } from './audit-log';

const CSV_HEADER = ['STT', 'Thời điểm', 'Người thực hiện', 'Hành động', 'Đối tượng', 'Mục', 'Giá trị cũ', 'Giá trị mới', 'Mã băm dòng trước', 'Mã băm'];

/**
 * One CSV cell. A cell that begins with = + - @ (or a tab or carriage return, which some programs
 * skip before reading one of those) is a formula to Excel and LibreOffice: a name or comment typed
 * as "=HYPERLINK(…)" would run when the exported log is opened. Such a cell gets a leading
 * apostrophe, which makes it text (OWASP's advice for CSV injection); then quoted as needed.
 */
export function csvCell(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The audit log as a file. CSV opens in Excel with Vietnamese intact (UTF-8 with BOM, CRLF);
 * JSON carries the stored texts and hashes, so the chain can be re-verified away from the app.
 */
export function exportAudit(db: Db, format: 'csv' | 'json', filter: AuditFilter | undefined, now: Date, appVersion: string): ExportedFile {
  const rows = exportRows(db, filter);
  const stamp = now.toISOString().slice(0, 10);
  if (format === 'json') {
    const body = {
      format: 'cchc-audit-log/1',
      exportedAt: now.toISOString(),
      appVersion,
      hashRule:
        'hash = SHA-256 (hex) của JSON chuẩn hóa (khóa sắp xếp) gồm seq, at, actorId, actorName, action, subject, target, oldJson, newJson, prevHash; dòng đầu có prevHash = 64 chữ số 0.',
      filter: filter ?? {},
      verify: verifyAudit(db),
      entries: rows,
    };
    return { fileName: `nhat-ky-thay-doi-${stamp}.json`, contentBase64: Buffer.from(JSON.stringify(body, null, 2), 'utf8').toString('base64') };
  }
  const lines = [CSV_HEADER.map(csvCell).join(',')];
  for (const r of rows) {
    lines.push(
      [
        String(r.seq),
        formatDateTimeVi(r.at),
        r.actorName,
        auditActionLabel(r.action),
        r.subject ? subjectLabel(r.subject) : '',
        r.target,
        r.oldJson ?? '',
        r.newJson ?? '',
        r.prevHash,
        r.hash,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  const text = '\uFEFF' + lines.join('\r\n') + '\r\n';
  return { fileName: `nhat-ky-thay-doi-${stamp}.csv`, contentBase64: Buffer.from(text, 'utf8').toString('base64') };
}
