/**
 * Vietnamese words are mostly two syllables written apart ("hành chính", "thể thao"), so a line
 * that wraps at any space may leave half a word alone on the next line ("… CẢI CÁCH HÀNH / CHÍNH",
 * "… của Sở Văn hóa và Thể / thao)"). Word keeps text together only across a no-break space, so
 * the last two syllables of a heading or a body's name are joined with one: the line then breaks
 * before the pair. (The header's narrow column has its own rule, header-lines.ts.)
 */
export const NO_BREAK_SPACE = '\u00A0';

/** "… cải cách hành chính" → "… cải cách hành\u00A0chính"; a single word is returned as it is. */
export function bindLastPair(text: string): string {
  return text.replace(/ +(\S+)$/u, `${NO_BREAK_SPACE}$1`);
}

/** A short phrase that reads as one unit ("6 tháng đầu năm 2026"): it moves to the next line whole. */
export function keepTogether(text: string): string {
  return text.replace(/ +/gu, NO_BREAK_SPACE);
}
