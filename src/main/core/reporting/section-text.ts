import { toNfc } from '../../../shared/text/vi';
import type { Block } from './document-model';

/**
 * The officer's section text → document blocks. The format (see src/shared/contract/reports.ts):
 * blank lines separate paragraphs, a line starting with "- " or "+ " is a bullet item, other
 * consecutive lines join into one paragraph. Kept this small on purpose: it is what officers
 * already type in Word drafts, and it cannot produce a broken document.
 */

const BULLET = /^\s*([-+])\s+(.*)$/;
/** "a) …", "b) …", "đ) …", "1. …", "2) …": an officer's enumerated line is its own paragraph, never joined to the line above. */
const ENUMERATED = /^\s*([a-zđ]\)|\d{1,2}[.)])\s+\S/u;

export function sectionTextToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    const joined = paragraph.join(' ').replace(/\s+/g, ' ').trim();
    if (joined) blocks.push({ type: 'paragraph', runs: [joined] });
    paragraph = [];
  };
  for (const line of toNfc(text).replace(/\r\n?/g, '\n').split('\n')) {
    const bullet = BULLET.exec(line);
    if (bullet) {
      flush();
      const marker = bullet[1] === '+' ? '+' : '-';
      const item = (bullet[2] ?? '').trim();
      const last = blocks.at(-1);
      if (last?.type === 'bullets' && (last.marker ?? '-') === marker) last.items.push([item]);
      else blocks.push({ type: 'bullets', marker, items: [[item]] });
    } else if (!line.trim()) {
      flush();
    } else if (ENUMERATED.test(line)) {
      flush();
      paragraph.push(line.trim());
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}
