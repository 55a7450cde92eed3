import type { SavedEntry } from '../../../shared/contract/assessment';
import type { AnswerSuggestion } from '../../../shared/contract/suggestions';
import { answerText } from '../../../shared/criteria/answer-text';
import { findItem } from '../../../shared/criteria/tree';
import { subjectId } from '../../../shared/review-labels';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { appendAudit } from '../review';
import { requireSetVersion, saveEntry } from './assessment-service';
import { getAssessmentRow, listEntries } from './assessment-store';
import { deleteSuggestion, listSuggestionRows } from './suggestion-store';

/**
 * Last year's answers offered on this year's items. They live beside the entries, never in them,
 * so an item with only a suggestion is unanswered and scores nothing until the officer confirms
 * it. An item answered since shows no suggestion (the officer has moved on).
 */
export function listSuggestions(ctx: CoreContext, year: number): AnswerSuggestion[] {
  // The row and its set only: no scoring or evidence counts, which the list does not show.
  const row = getAssessmentRow(ctx.db, year);
  if (!row) return [];
  const set = requireSetVersion(ctx, row.set_id, row.set_version);
  const answered = new Set(listEntries(ctx.db, year).filter((e) => e.answer).map((e) => e.code));
  return listSuggestionRows(ctx.db, year)
    .filter((s) => !answered.has(s.code))
    .flatMap((s) => {
      const item = findItem(set, s.code);
      return item ? [{ ...s, answerText: answerText(item, s.answer) }] : [];
    });
}

/**
 * «Dùng gợi ý»: last year's answer becomes this year's, saved as any edit (refused while with the
 * leader or approved, audited). A thuyết minh already written this year is kept over last year's.
 */
export function useSuggestion(ctx: CoreContext, year: number, code: string): SavedEntry {
  return ctx.db.transaction((): SavedEntry => {
    const suggestion = listSuggestions(ctx, year).find((s) => s.code === code);
    if (!suggestion) throw new AppError('NOT_FOUND', `Tiêu chí ${code} không còn gợi ý từ năm trước (đã dùng, đã bỏ qua hoặc đã có câu trả lời).`);
    const current = listEntries(ctx.db, year).find((e) => e.code === code);
    const explanation = current?.explanation.trim() ? current.explanation : suggestion.explanation;
    const saved = saveEntry(ctx, year, code, { answer: suggestion.answer, explanation });
    deleteSuggestion(ctx.db, year, code);
    return saved;
  })();
}

/** «Bỏ qua»: the suggestion is dropped (noted in the audit log); the item is left as it is. */
export function dismissSuggestion(ctx: CoreContext, year: number, code: string): AnswerSuggestion[] {
  return ctx.db.transaction((): AnswerSuggestion[] => {
    const open = listSuggestions(ctx, year);
    const suggestion = open.find((s) => s.code === code);
    if (!suggestion || !deleteSuggestion(ctx.db, year, code)) throw new AppError('NOT_FOUND', `Tiêu chí ${code} không còn gợi ý từ năm trước.`);
    appendAudit(ctx.db, {
      at: ctx.now(),
      actor: ctx.actor,
      action: 'assessment.suggestion-dismiss',
      subject: subjectId('assessment', String(year)),
      target: code,
      old: { fromYear: suggestion.fromYear, answer: suggestion.answer, explanation: suggestion.explanation },
    });
    return open.filter((s) => s !== suggestion);
  })();
}
