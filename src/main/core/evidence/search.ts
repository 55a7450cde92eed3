import type { EvidenceSearchResult, EvidenceTargetType, SnippetPart } from '../../../shared/contract/evidence';
import type { Db } from '../db/open';
import { fileViews, getMeta, metaText } from './evidence-store';
import { foldAligned, queryWords } from './fold';

/**
 * Full-text search over names, metadata and text. Both the index and the query are folded (no
 * marks, đ → d, lower case), so "ke hoach", "kế hoạch" and "KẾ HOẠCH" are the same query; every
 * word is a prefix ("hoa" finds "hoạch"); all words must occur. Ranked by BM25 with the name and
 * the metadata weighing more than the body.
 */

const WEIGHTS = { name: 8, meta: 5, body: 1 };
const SNIPPET_TOKENS = 14;
const OPEN = '\u0001';
const CLOSE = '\u0002';
const COLUMNS = ['body', 'meta', 'name'] as const;
const COLUMN_INDEX = { name: 0, meta: 1, body: 2 } as const;

/** "ke hoach 47" → `"ke"* "hoach"* "47"*`; null when the query holds no word. */
export function ftsQuery(query: string): string | null {
  const words = queryWords(query).slice(0, 16);
  // Words are letters and digits only, so quoting them cannot break the FTS5 syntax.
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}

export function searchEvidence(db: Db, query: string, limit: number, targetType?: EvidenceTargetType): EvidenceSearchResult {
  const match = ftsQuery(query);
  if (!match) return { query, hits: [], total: 0 };
  const filter = targetType ? 'AND rowid IN (SELECT file_id FROM evidence_link WHERE target_type = ?)' : '';
  const params: unknown[] = targetType ? [match, targetType] : [match];
  const total = db.prepare(`SELECT count(*) FROM evidence_fts WHERE evidence_fts MATCH ? ${filter}`).pluck().get(...params) as number;
  const ids = db
    .prepare(
      `SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH ? ${filter}
       ORDER BY bm25(evidence_fts, ${WEIGHTS.name}, ${WEIGHTS.meta}, ${WEIGHTS.body}) LIMIT ?`,
    )
    .pluck()
    .all(...params, limit) as number[];
  const views = fileViews(db, ids);
  return { query, total, hits: views.map((file) => ({ file, snippet: snippetFor(db, file.id, file.originalName, match) })) };
}

/**
 * A few words around the match, with the matched words marked, in the original spelling.
 * FTS5 cuts the snippet from the folded column; because folding keeps positions, the same span of
 * the original text (or name, or metadata line) is the snippet with its diacritics.
 */
function snippetFor(db: Db, fileId: number, name: string, match: string): SnippetPart[] {
  for (const column of COLUMNS) {
    const marked = db
      .prepare(
        `SELECT snippet(evidence_fts, ${COLUMN_INDEX[column]}, char(1), char(2), '', ${SNIPPET_TOKENS})
         FROM evidence_fts WHERE evidence_fts MATCH ? AND rowid = ?`,
      )
      .pluck()
      .get(match, fileId) as string | undefined;
    if (!marked || !marked.includes(OPEN)) continue;
    const plainFolded = marked.replaceAll(OPEN, '').replaceAll(CLOSE, '');
    const original = originalSpan(db, fileId, column, name, plainFolded);
    return toParts(marked, original ?? plainFolded, column !== 'body' || original === null);
  }
  return [{ text: name, match: false }];
}

function originalSpan(db: Db, fileId: number, column: (typeof COLUMNS)[number], name: string, folded: string): string | null {
  let candidate: string | undefined;
  if (column === 'body') {
    candidate = db
      .prepare(
        `SELECT substr(t.body, instr(f.body, ?), ?) FROM evidence_fts f JOIN evidence_text t ON t.file_id = f.rowid
         WHERE f.rowid = ? AND instr(f.body, ?) > 0`,
      )
      .pluck()
      .get(folded, Array.from(folded).length, fileId, folded) as string | undefined;
  } else {
    const whole = column === 'name' ? name : metaText(getMeta(db, fileId).meta);
    const at = foldAligned(whole).indexOf(folded);
    if (at >= 0) candidate = whole.slice(at, at + folded.length);
  }
  return candidate !== undefined && foldAligned(candidate) === folded ? candidate : null;
}

/** Splits the marked snippet into parts, taking the characters from `text` (same length). */
function toParts(marked: string, text: string, whole: boolean): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let at = 0;
  let inMatch = false;
  let buffer = '';
  const flush = () => {
    if (buffer) parts.push({ text: text.slice(at - buffer.length, at), match: inMatch });
    buffer = '';
  };
  for (const ch of marked) {
    if (ch === OPEN || ch === CLOSE) {
      flush();
      inMatch = ch === OPEN;
      continue;
    }
    buffer += ch;
    at += ch.length;
  }
  flush();
  if (!whole) {
    // Cut from the middle of a document: show that there is more around it.
    if (parts[0]) parts[0] = { ...parts[0], text: `…${parts[0].text}` };
    const last = parts[parts.length - 1];
    if (last) parts[parts.length - 1] = { ...last, text: `${last.text}…` };
  }
  return parts.map((p) => ({ ...p, text: p.text.replace(/\s+/g, ' ') }));
}
