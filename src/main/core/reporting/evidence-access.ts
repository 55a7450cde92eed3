import type { Db } from '../db/open';

/** A tài liệu kiểm chứng linked to an assessment item or a report section, as the evidence domain describes it. */
export interface LinkedEvidence {
  fileId: string;
  sha256: string;
  size: number;
  originalName: string;
  mime: string;
  storedPath: string;
  /** Loại văn bản: "Kế hoạch". */
  docType: string;
  /** Số: "47". */
  docNumber: string;
  /** Ký hiệu: "KH-UBND". */
  docSymbol: string;
  /** ISO date or null. */
  issueDate: string | null;
  issuer: string;
  /** Trích yếu. */
  summary: string;
}

/**
 * What the reporting domain asks of the evidence domain. Target keys are `${year}:${itemCode}` for
 * assessment items and `report:${year}:${period}:${sectionCode}` for report sections.
 * TEMP: returns no evidence on this branch; the lead wires it to the evidence domain's function
 * `listLinkedEvidence(db: Db, targetKeys: string[]): Record<string, LinkedEvidence[]>`.
 */
export const evidenceAccess = {
  listLinkedEvidence(_db: Db, _targetKeys: string[]): Record<string, LinkedEvidence[]> {
    return {};
  },
};

/** "47/KH-UBND", or the number alone, or the file name when the document has no number. */
export function evidenceNumber(e: Pick<LinkedEvidence, 'docNumber' | 'docSymbol' | 'originalName'>): string {
  const number = e.docNumber.trim();
  const symbol = e.docSymbol.trim();
  if (number && symbol) return `${number}/${symbol}`;
  return number || symbol || e.originalName;
}

export function reportSectionEvidenceKey(year: number, period: string, sectionCode: string): string {
  return `report:${year}:${period}:${sectionCode}`;
}
