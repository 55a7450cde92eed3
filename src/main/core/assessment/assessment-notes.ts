import { subjectId } from '../../../shared/review-labels';
import { toNfc } from '../../../shared/text/vi';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { appendAudit, beforeEdit } from '../review';
import { getAssessmentRow } from './assessment-store';

/**
 * Free sections of the self-assessment report that the officer writes (BNV 383/384: "Khó khăn,
 * vướng mắc và kiến nghị"). Part of the year's dossier: the same edit guard and audit as an item.
 */
export const ASSESSMENT_NOTE_KEYS = ['kho-khan-kien-nghi'] as const;
export type AssessmentNoteKey = (typeof ASSESSMENT_NOTE_KEYS)[number];

export function getAssessmentNote(ctx: CoreContext, year: number, key: AssessmentNoteKey): string {
  const row = ctx.db.prepare('SELECT text FROM assessment_note WHERE year = ? AND note_key = ?').get(year, key) as { text: string } | undefined;
  return row?.text ?? '';
}

export function saveAssessmentNote(ctx: CoreContext, year: number, key: AssessmentNoteKey, text: string): string {
  const clean = toNfc(text);
  ctx.db.transaction(() => {
    if (!getAssessmentRow(ctx.db, year)) throw new AppError('NOT_FOUND', `Chưa có bản tự đánh giá năm ${year}.`);
    const old = getAssessmentNote(ctx, year, key);
    if (old === clean) return;
    beforeEdit(ctx.db, { kind: 'assessment', key: String(year) }, ctx.actor, ctx.now());
    ctx.db
      .prepare(
        `INSERT INTO assessment_note (year, note_key, text, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (year, note_key) DO UPDATE SET text = excluded.text, updated_at = excluded.updated_at`,
      )
      .run(year, key, clean, ctx.now().toISOString());
    appendAudit(ctx.db, { at: ctx.now(), actor: ctx.actor, action: 'assessment.note', subject: subjectId('assessment', String(year)), target: key, old, new: clean });
  })();
  return clean;
}
