import JSZip from 'jszip';
import { SaxesParser } from 'saxes';

/**
 * Approval freezes the generated .docx/.xlsx byte for byte, and nobody can regenerate an approved
 * version, so a document Word or Excel cannot open must be caught before it is frozen: open the
 * zip and parse every XML part (strictly, as Office does: a character XML forbids, a broken tag,
 * an undeclared entity all fail). Returns a Vietnamese description of the first problem, or null.
 */
export async function officeDocumentProblem(fileName: string, data: Buffer): Promise<string | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    return `«${fileName}» không phải tệp Office hợp lệ (không đọc được như tệp nén).`;
  }
  const parts = Object.values(zip.files).filter((f) => !f.dir && /\.(xml|rels)$/i.test(f.name));
  if (!parts.some((p) => p.name === '[Content_Types].xml')) return `«${fileName}» thiếu phần [Content_Types].xml của tệp Office.`;
  for (const part of parts) {
    const problem = xmlProblem(await part.async('string'));
    if (problem) return `«${fileName}», phần ${part.name}: ${problem}`;
  }
  return null;
}

/** The parser's own message (line:column: what), or null when the text is well-formed XML. */
function xmlProblem(xml: string): string | null {
  const parser = new SaxesParser();
  try {
    parser.write(xml).close();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
