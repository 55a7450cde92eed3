import type { EvidenceFileView, EvidenceMeta, EvidenceMetaSuggestions } from '../../../../shared/contract/evidence';
import { MAX_PREVIEW_BYTES, parseItemTargetKey } from '../../../../shared/contract/evidence';
import { formatDateVi } from '../../../../shared/text/vi';
import { dateForForm, emptyDraft, type MetadataDraft } from './metadata-form';

/** "47/KH-UBND" as printed, from the number and symbol kept apart in the store. */
export function numberSymbol(meta: Pick<EvidenceMeta, 'docNumber' | 'docSymbol'>): string {
  if (meta.docNumber && meta.docSymbol) return `${meta.docNumber}/${meta.docSymbol}`;
  return meta.docNumber || meta.docSymbol;
}

/** Reads "47/KH-UBND" back into number and symbol; a lone number or a lone symbol is kept as such. */
function splitNumberSymbol(text: string): { docNumber: string; docSymbol: string } {
  const value = text.trim();
  const slash = value.indexOf('/');
  if (slash >= 0) return { docNumber: value.slice(0, slash).trim(), docSymbol: value.slice(slash + 1).trim() };
  return /^\d+$/.test(value) ? { docNumber: value, docSymbol: '' } : { docNumber: '', docSymbol: value };
}

export function hasAnyMeta(meta: EvidenceMeta): boolean {
  return !!(meta.docType || meta.docNumber || meta.docSymbol || meta.issueDate || meta.issuer || meta.summary || meta.period);
}

function metaToDraft(meta: EvidenceMeta): MetadataDraft {
  return {
    docType: meta.docType,
    numberSymbol: numberSymbol(meta),
    issueDate: dateForForm(meta.issueDate),
    issuer: meta.issuer,
    summary: meta.summary,
    period: meta.period,
  };
}

/** The recognised values in the shape the form shows (number and symbol joined, date dd/mm/yyyy). */
export function suggestionsToDraft(s: EvidenceMetaSuggestions): Partial<MetadataDraft> {
  const out: Partial<MetadataDraft> = {};
  if (s.docType?.value) out.docType = s.docType.value;
  const ns = numberSymbol({ docNumber: s.docNumber?.value ?? '', docSymbol: s.docSymbol?.value ?? '' });
  if (ns) out.numberSymbol = ns;
  if (s.issueDate?.value) out.issueDate = formatDateVi(s.issueDate.value);
  if (s.issuer?.value) out.issuer = s.issuer.value;
  if (s.summary?.value) out.summary = s.summary.value;
  if (s.period?.value) out.period = s.period.value;
  return out;
}

/** Where each suggested form field was read; number and symbol share one field. */
export function suggestionSources(s: EvidenceMetaSuggestions): Partial<Record<keyof MetadataDraft, 'name' | 'text'>> {
  const out: Partial<Record<keyof MetadataDraft, 'name' | 'text'>> = {};
  const numberFrom = s.docNumber?.from ?? s.docSymbol?.from;
  if (numberFrom) out.numberSymbol = numberFrom;
  for (const key of ['docType', 'issueDate', 'issuer', 'summary', 'period'] as const) {
    const from = s[key]?.from;
    if (from) out[key] = from;
  }
  return out;
}

/** Saved values win; where nothing is saved yet, the suggestion fills the field. */
export function draftFor(meta: EvidenceMeta, confirmed: boolean, suggested: Partial<MetadataDraft>): MetadataDraft {
  const saved = metaToDraft(meta);
  if (confirmed) return saved;
  const draft = emptyDraft();
  for (const key of Object.keys(draft) as (keyof MetadataDraft)[]) draft[key] = saved[key] || suggested[key] || '';
  return draft;
}

export function draftToMeta(draft: MetadataDraft, isoDate: string | null): EvidenceMeta {
  return {
    docType: draft.docType,
    ...splitNumberSymbol(draft.numberSymbol),
    issueDate: isoDate,
    issuer: draft.issuer,
    summary: draft.summary,
    period: draft.period,
  };
}

/** The image types the window decodes and shows itself. */
export const PREVIEW_IMAGE_TYPES: ReadonlySet<string> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/**
 * What the window itself can show: the image types it decodes, and PDFs where a built-in viewer
 * exists (Chromium has one; an Electron window only with plugins enabled, which
 * navigator.pdfViewerEnabled reports). Elsewhere «Mở» opens the system viewer.
 */
export function canPreview(file: Pick<EvidenceFileView, 'mime' | 'size'>): boolean {
  if (file.size > MAX_PREVIEW_BYTES) return false;
  if (file.mime === 'application/pdf') return navigator.pdfViewerEnabled;
  return PREVIEW_IMAGE_TYPES.has(file.mime);
}

/** The item codes a file supports, with their year. */
export function linkedItems(file: EvidenceFileView): { year: number; code: string }[] {
  return file.links.flatMap((link) => {
    const parsed = link.type === 'item' ? parseItemTargetKey(link.key) : null;
    return parsed ? [parsed] : [];
  });
}
