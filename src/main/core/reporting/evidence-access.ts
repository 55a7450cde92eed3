import { listLinkedEvidence, type LinkedEvidence } from '../evidence';

/**
 * What the reporting domain asks of the evidence domain: the files linked to assessment items
 * (`${year}:${itemCode}`) and to report sections (`report:${year}:${period}:${sectionCode}`).
 */
export type { LinkedEvidence } from '../evidence';
export const evidenceAccess = { listLinkedEvidence };

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
