import type { DraftComment, SubjectKind } from '../../../shared/contract/review';
import { toNfc } from '../../../shared/text/vi';
import type { Actor } from '../auth/session';
import type { Db } from '../db/open';

/**
 * A leader's comments written while walking the dossier, kept (table of migration 012) until they
 * are sent with «Trả lại» or the version is approved, so leaving the page loses nothing. They are
 * the leader's own working notes: nobody else reads them and they are not audited; what is sent
 * becomes review comments, which are.
 */

/** Whose drafts: one key per account; the trusted command line has its own. */
export function draftAuthorKey(actor: Actor): string {
  return actor.kind === 'user' ? `user:${actor.id}` : 'local';
}

interface DraftRow {
  target_code: string;
  body: string;
  updated_at: string;
}

export function listDrafts(db: Db, kind: SubjectKind, key: string, actor: Actor): DraftComment[] {
  const rows = db
    .prepare('SELECT target_code, body, updated_at FROM review_draft_comment WHERE subject_kind = ? AND subject_key = ? AND author_key = ? ORDER BY id')
    .all(kind, key, draftAuthorKey(actor)) as DraftRow[];
  return rows.map((r) => ({ target: r.target_code, body: r.body, updatedAt: r.updated_at }));
}

/** Keeps the text for one target; an empty text drops the draft. */
export function saveDraft(db: Db, kind: SubjectKind, key: string, actor: Actor, target: string, body: string, at: Date): void {
  const text = toNfc(body.trim());
  if (!text) {
    db.prepare('DELETE FROM review_draft_comment WHERE subject_kind = ? AND subject_key = ? AND author_key = ? AND target_code = ?').run(
      kind,
      key,
      draftAuthorKey(actor),
      target,
    );
    return;
  }
  db.prepare(
    `INSERT INTO review_draft_comment (subject_kind, subject_key, author_key, target_code, body, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (subject_kind, subject_key, author_key, target_code) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`,
  ).run(kind, key, draftAuthorKey(actor), target, text, at.toISOString());
}

/** After «Trả lại»: the sender's drafts became comments. After approval: everyone's are moot. */
export function clearDrafts(db: Db, kind: SubjectKind, key: string, actor: Actor | null): void {
  if (actor) {
    db.prepare('DELETE FROM review_draft_comment WHERE subject_kind = ? AND subject_key = ? AND author_key = ?').run(kind, key, draftAuthorKey(actor));
  } else {
    db.prepare('DELETE FROM review_draft_comment WHERE subject_kind = ? AND subject_key = ?').run(kind, key);
  }
}
