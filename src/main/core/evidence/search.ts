import type { EvidenceFileView, EvidenceSearchResult, EvidenceTargetType, SnippetPart } from '../../../shared/contract/evidence';
import type { Db } from '../db/open';
import { fileViews, metaText } from './evidence-store';
import { foldAligned, queryWords } from './fold';

/**
 * Full-text search over names, metadata and text. Both the index and the query are folded (no
 * marks, đ → d, lower case), so "ke hoach", "kế hoạch" and "KẾ HOẠCH" are the same query; every
 * word is a prefix ("hoa" finds "hoạch"); all words must occur. Ranked by BM25 with the name and
 * the metadata weighing more than the body.
 */

const WEIGHTS = { name: 8, meta: 5, body: 1 };
const MAX_WORDS = 16;

/** The query's words, folded, at most MAX_WORDS: the MATCH expression and the snippets use the same. */
function searchWords(query: string): string[] {
  return queryWords(query).slice(0, MAX_WORDS);
}

/** ["ke", "hoach", "47"] → `"ke"* "hoach"* "47"*`; null when the query holds no word. */
function ftsQuery(words: readonly string[]): string | null {
  // Words are letters and digits only, so quoting them cannot break the FTS5 syntax.
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}

export function searchEvidence(db: Db, query: string, limit: number, targetType?: EvidenceTargetType): EvidenceSearchResult {
  const words = searchWords(query);
  const match = ftsQuery(words);
  if (!match) return { query, hits: [], total: 0 };
  const filter = targetType ? 'AND rowid IN (SELECT file_id FROM evidence_link WHERE target_type = ?)' : '';
  const params: unknown[] = targetType ? [match, targetType] : [match];
  const ids = db
    .prepare(
      `SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ? ${filter}
       ORDER BY bm25(evidence_fts, ${WEIGHTS.name}, ${WEIGHTS.meta}, ${WEIGHTS.body}) LIMIT ?`,
    )
    .pluck()
    .all(...params, limit) as number[];
  // Counting every match costs a second pass; needed only when there may be more than shown.
  const total =
    ids.length < limit ? ids.length : (db.prepare(`SELECT count(*) FROM evidence_fts WHERE evidence_fts MATCH ? ${filter}`).pluck().get(...params) as number);
  const views = fileViews(db, ids);
  return { query, total, hits: views.map((file) => ({ file, snippet: snippetFor(db, file, words) })) };
}

/**
 * A few words around the first match, with every matched word marked, in the original spelling.
 * The match is found in the folded text (the index's own copy, read by rowid); because folding
 * keeps positions, the same span of the original text is the snippet with its diacritics.
 */
const WINDOW_BEFORE = 60;
const WINDOW_AFTER = 140;

function snippetFor(db: Db, file: EvidenceFileView, words: string[]): SnippetPart[] {
  const { id: fileId, originalName: name } = file;
  const wordStart = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})[\\p{L}\\p{N}]*`, 'gu');
  const folded = (db.prepare('SELECT body FROM evidence_fts WHERE rowid = ?').pluck().get(fileId) as string | undefined) ?? '';
  wordStart.lastIndex = 0;
  const first = wordStart.exec(folded);
  if (first) {
    const start = Math.max(0, first.index - WINDOW_BEFORE);
    const end = Math.min(folded.length, first.index + WINDOW_AFTER);
    // SQLite counts characters (code points); JavaScript counts UTF-16 units: cut by code points.
    const startCp = Array.from(folded.slice(0, start)).length;
    const lengthCp = Array.from(folded.slice(start, end)).length;
    const original = db.prepare('SELECT substr(body, ?, ?) FROM evidence_text WHERE file_id = ?').pluck().get(startCp + 1, lengthCp, fileId) as string | undefined;
    const windowFolded = folded.slice(start, end);
    const text = original !== undefined && foldAligned(original) === windowFolded ? original : windowFolded;
    return markWords(text, windowFolded, wordStart, start > 0, end < folded.length);
  }
  for (const whole of [metaText(file.meta), name]) {
    const f = foldAligned(whole);
    wordStart.lastIndex = 0;
    if (wordStart.test(f)) return markWords(whole, f, wordStart, false, false);
  }
  return [{ text: name, match: false }];
}

/** Splits `text` into parts, marking where `pattern` matches its folded twin (same length). */
function markWords(text: string, folded: string, pattern: RegExp, cutBefore: boolean, cutAfter: boolean): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let at = 0;
  pattern.lastIndex = 0;
  for (const m of folded.matchAll(pattern)) {
    if (m.index > at) parts.push({ text: text.slice(at, m.index), match: false });
    parts.push({ text: text.slice(m.index, m.index + m[0].length), match: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false });
  const cleaned = parts.map((p) => ({ ...p, text: p.text.replace(/\s+/g, ' ') }));
  if (cutBefore && cleaned[0]) cleaned[0] = { ...cleaned[0], text: `…${cleaned[0].text.replace(/^\S*\s/, '')}` };
  const last = cleaned[cleaned.length - 1];
  if (cutAfter && last) cleaned[cleaned.length - 1] = { ...last, text: `${last.match ? last.text : last.text.replace(/\s\S*$/, '')}…` };
  return cleaned;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
