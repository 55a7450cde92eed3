import type { DocumentWarning } from '../../../shared/contract/assessment';
import { selfScoredLeaves } from '../../../shared/criteria/tree';
import type { CoreContext } from '../context';
import { annualData } from './generate';
import { explanationItems } from './self-assessment-report';

/**
 * What the self-assessment documents would print as placeholders, so the officer is warned before
 * generating or submitting: items without a thuyết minh where one is required ("chưa có thuyết
 * minh"), items not yet scored, the empty "Khó khăn, vướng mắc và kiến nghị", and evidence whose
 * number, date and trích yếu were never confirmed (it prints as a bare file name).
 */
export function documentWarnings(ctx: CoreContext, year: number): DocumentWarning[] {
  const d = annualData(ctx, year);
  const out: DocumentWarning[] = [];
  const unanswered = selfScoredLeaves(d.view.set).filter((l) => !d.view.score.items[l.item.code]?.answered).map((l) => l.item.code);
  if (unanswered.length) out.push({ kind: 'unanswered', codes: unanswered, message: `${unanswered.length} tiêu chí chưa tự chấm điểm: ${unanswered.join(', ')}.` });
  const input = { profile: d.profile, set: d.view.set, score: d.view.score, explanations: d.explanations, evidence: d.evidence, isoDate: '' };
  const missing = explanationItems(input).filter((x) => !d.explanations[x.item.code]?.trim()).map((x) => x.item.code);
  if (missing.length) {
    out.push({ kind: 'no-explanation', codes: missing, message: `${missing.length} tiêu chí cần giải trình (không có tài liệu kiểm chứng hoặc chưa đạt điểm tối đa) nhưng chưa có thuyết minh; văn bản sẽ in «chưa có thuyết minh»: ${missing.join(', ')}.` });
  }
  if (!d.difficulties.trim()) out.push({ kind: 'no-difficulties', codes: [], message: 'Mục «Khó khăn, vướng mắc và kiến nghị» còn trống; văn bản sẽ in «(Chưa có nội dung.)».' });
  const bare = Object.entries(d.evidence)
    .filter(([, list]) => list.some((e) => !e.docNumber.trim() && !e.docSymbol.trim()))
    .map(([code]) => code);
  if (bare.length) {
    out.push({ kind: 'unconfirmed-evidence', codes: bare, message: `Tài liệu kiểm chứng của ${bare.length} tiêu chí chưa có số, ký hiệu (chưa xác nhận thông tin văn bản) nên chỉ in tên tệp: ${bare.join(', ')}.` });
  }
  return out;
}
