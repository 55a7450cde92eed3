import type { ValidationResult } from './criteria-error';
import { parseCriteriaJson } from './json-io';
import { importSetFromXlsx } from './xlsx-io';

/** Reads an uploaded criteria file, JSON or Excel, deciding by content first and name second. */

export type CriteriaFileFormat = 'json' | 'xlsx';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function detectFormat(fileName: string, bytes: Uint8Array): CriteriaFileFormat | null {
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return 'xlsx';
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.json')) return 'json';
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  return head.startsWith('{') || head.startsWith('[') ? 'json' : null;
}

export async function readCriteriaFile(fileName: string, bytes: Buffer): Promise<{ format: CriteriaFileFormat | null; result: ValidationResult }> {
  const format = detectFormat(fileName, bytes);
  if (format === null) {
    return { format, result: { ok: false, errors: [{ where: '(tệp)', message: `Tệp «${fileName}» không phải bộ chỉ số: chỉ nhận tệp .json hoặc .xlsx.` }] } };
  }
  if (format === 'xlsx') return { format, result: await importSetFromXlsx(bytes) };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { format, result: { ok: false, errors: [{ where: '(tệp)', message: 'Tệp JSON không phải văn bản UTF-8; hãy lưu lại với mã hóa UTF-8.' }] } };
  }
  return { format, result: parseCriteriaJson(text) };
}
