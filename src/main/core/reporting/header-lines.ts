import { textWidthTwips } from './text-width';

/**
 * Breaks an upper-case body name over the lines of the header's narrow left column without
 * splitting a Vietnamese word pair ("SỞ VĂN HÓA VÀ THỂ / THAO" must read "SỞ VĂN HÓA / VÀ THỂ
 * THAO"). Most words of a body's name are two syllables after a one-syllable head (SỞ, BAN, PHÒNG),
 * so a break is allowed before a joining word (VÀ, VỀ, CÁC, CỦA) or after an even number of
 * syllables following the head; among the breaks that fit, the most balanced wins. A name that
 * fits stays on one line; lines the officer broke with "\n" are kept.
 */

const JOINERS = new Set(['VÀ', 'VỀ', 'CÁC', 'CỦA', 'THUỘC', 'TRỰC']);
const HEADS = new Set(['SỞ', 'BAN', 'PHÒNG', 'CỤC', 'CHI', 'VĂN', 'TRUNG']);

export function breakHeaderName(text: string, width: number, size: number, bold: boolean): string {
  if (text.includes('\n') || textWidthTwips(text, size, bold) <= width) return text;
  const words = text.trim().split(/\s+/);
  const headLength = HEADS.has(words[0] ?? '') ? 1 : 0;
  let best: { at: number; score: number } | null = null;
  for (let at = 1; at < words.length; at++) {
    const first = words.slice(0, at).join(' ');
    const second = words.slice(at).join(' ');
    const w1 = textWidthTwips(first, size, bold);
    const w2 = textWidthTwips(second, size, bold);
    if (w1 > width || w2 > width) continue;
    const joiner = JOINERS.has(words[at] ?? '');
    const pairBoundary = (at - headLength) % 2 === 0 && at > headLength;
    if (!joiner && !pairBoundary) continue;
    // A joiner is the natural place; otherwise balance the two lines.
    const score = Math.abs(w1 - w2) - (joiner ? width : 0);
    if (!best || score < best.score) best = { at, score };
  }
  return best ? `${words.slice(0, best.at).join(' ')}\n${words.slice(best.at).join(' ')}` : text;
}
