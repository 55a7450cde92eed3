import { foldVietnamese } from '../../../shared/text/vi';

/**
 * Folds text for the full-text index the way foldVietnamese does (no marks, đ → d, lower case),
 * but one code point for one code point. The folded body then lines up with the stored original,
 * so a match position found in the index (SQLite instr) is the same position in the original and
 * the snippet can be cut from the text with its diacritics.
 */
const cache = new Map<string, string>();

function foldOne(ch: string): string {
  let folded = cache.get(ch);
  if (folded === undefined) {
    const candidate = foldVietnamese(ch);
    const lower = ch.toLowerCase();
    folded = Array.from(candidate).length === 1 ? candidate : Array.from(lower).length === 1 ? lower : ch;
    if (cache.size < 10_000) cache.set(ch, folded);
  }
  return folded;
}

/** NFC text in, folded text with exactly as many code points out. */
export function foldAligned(text: string): string {
  return text.replace(/[A-Z]|[^\p{ASCII}]/gu, foldOne);
}

/** The words of a query, folded: letters and digits only. */
export function queryWords(query: string): string[] {
  return foldAligned(query.normalize('NFC')).match(/[\p{L}\p{N}]+/gu) ?? [];
}
