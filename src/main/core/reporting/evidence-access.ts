import { listLinkedEvidence, type LinkedEvidence } from '../evidence';
import { reportSectionTargetKey } from '../../../shared/contract/evidence';

/**
 * What the reporting domain asks of the evidence domain: the files linked to assessment items
 * (`${year}:${itemCode}`) and to report sections (`report:${year}:${period}:${sectionCode}`).
 */
export type { LinkedEvidence } from '../evidence';
export const evidenceAccess = {
  get listLinkedEvidence() {
    return listLinkedEvidence;
  },
};

/** "47/KH-UBND", or the number alone, or the file name when the document has no number. */
export function evidenceNumber(e: Pick<LinkedEvidence, 'docNumber' | 'docSymbol' | 'originalName'>): string {
  const number = e.docNumber.trim();
  const symbol = e.docSymbol.trim();
  if (number && symbol) return `${number}/${symbol}`;
  return number || symbol || e.originalName;
}

/** Evidence for a report section is linked under the evidence contract's section key. */
export const reportSectionEvidenceKey = reportSectionTargetKey;
