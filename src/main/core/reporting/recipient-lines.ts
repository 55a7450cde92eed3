import type { ReportHeader } from './document-model';

/**
 * The recipient lines of ô 9b: "- Như trên;" first when there is a Kính gửi, "- Lưu: VT, …." last.
 * Apart from the docx writer so that the report page's preview does not load the docx library.
 */
export function recipientLines(h: Pick<ReportHeader, 'kinhGui' | 'recipients' | 'drafter'>): string[] {
  const names = [...h.recipients];
  if ((h.kinhGui?.length ?? 0) > 0 && !names.some((n) => /^như trên$/i.test(n.trim()))) names.unshift('Như trên');
  return [...names.map((n) => `- ${n};`), `- Lưu: VT, ${h.drafter}.`];
}
