import { isDeepStrictEqual } from 'node:util';
import type {
  AssessmentEntry,
  AssessmentSummary,
  AssessmentView,
  CarryOverReport,
  SavedEntry,
  YearComparison,
} from '../../../shared/contract/assessment';
import type { Answer, CriteriaItem, CriteriaSet, ItemStatus } from '../../../shared/criteria/format';
import type { SetScore } from '../../../shared/criteria/score-types';
import { flattenItems, selfScoredLeaves } from '../../../shared/criteria/tree';
import { subjectId } from '../../../shared/review-labels';
import { toNfc } from '../../../shared/text/vi';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { getProfile } from '../profile/profile-store';
import { appendAudit, beforeEdit } from '../review';
import { answerFitsRule } from './answer-fit';
import { emptyEntry, getAssessmentRow, insertAssessment, listAssessmentRows, listEntries, upsertEntry, type AssessmentRow } from './assessment-store';
import { criteriaAccess } from './criteria-access';
import { insertSuggestion } from './suggestion-store';
import { evidenceAccess } from './evidence-access';
import { itemTargetKey } from '../../../shared/contract/evidence';

/** Evidence for an assessment item is linked under this key (the evidence contract's item key). */
export const itemEvidenceKey = itemTargetKey;

/** The year's assessment row; NOT_FOUND in words when the year has none. */
export function requireRow(ctx: CoreContext, year: number): AssessmentRow {
  const row = getAssessmentRow(ctx.db, year);
  if (!row) throw new AppError('NOT_FOUND', `Chưa có bản tự đánh giá năm ${year}.`);
  return row;
}

/** One stored version of a criteria set; NOT_FOUND in words when it is not stored. */
export function requireSetVersion(ctx: CoreContext, id: string, version: number): CriteriaSet {
  const set = criteriaAccess.getSet(ctx.db, id, version);
  if (!set) throw new AppError('NOT_FOUND', `Không tìm thấy bộ chỉ số «${id}» phiên bản ${version}.`);
  return set;
}

function loadSet(ctx: CoreContext, row: AssessmentRow): CriteriaSet {
  return requireSetVersion(ctx, row.set_id, row.set_version);
}

function scoreOf(set: CriteriaSet, entries: AssessmentEntry[]): SetScore {
  const answers: Record<string, Answer> = {};
  const statuses: Record<string, ItemStatus> = {};
  for (const e of entries) {
    if (e.answer) answers[e.code] = e.answer;
    statuses[e.code] = e.status;
  }
  return criteriaAccess.scoreSet(set, answers, statuses);
}

function summaryOf(row: AssessmentRow, set: CriteriaSet): AssessmentSummary {
  return { year: row.year, setId: row.set_id, setVersion: row.set_version, setName: set.name, createdAt: row.created_at };
}

export function listAssessments(ctx: CoreContext): AssessmentSummary[] {
  return listAssessmentRows(ctx.db).map((row) => summaryOf(row, loadSet(ctx, row)));
}

/** Whether the year's assessment was opened, without building it (getAssessmentView does). */
export function hasAssessment(ctx: CoreContext, year: number): boolean {
  return getAssessmentRow(ctx.db, year) !== null;
}

export function getAssessmentView(ctx: CoreContext, year: number): AssessmentView | null {
  const row = getAssessmentRow(ctx.db, year);
  if (!row) return null;
  const set = loadSet(ctx, row);
  const stored = listEntries(ctx.db, year);
  const entries: Record<string, AssessmentEntry> = {};
  for (const { item } of selfScoredLeaves(set)) entries[item.code] = emptyEntry(item.code);
  for (const e of stored) entries[e.code] = e;
  const leafCodes = selfScoredLeaves(set).map((l) => l.item.code);
  const counts = evidenceAccess.countLinks(ctx.db, leafCodes.map((code) => itemEvidenceKey(year, code)));
  const evidenceCounts = Object.fromEntries(leafCodes.map((code) => [code, counts[itemEvidenceKey(year, code)] ?? 0]));
  return { ...summaryOf(row, set), set, entries, score: scoreOf(set, stored), evidenceCounts };
}

/** True when the year's assessment has any saved entry (a stored entry always has its date). */
export function hasSavedEntries(ctx: CoreContext, year: number): boolean {
  return listEntries(ctx.db, year).length > 0;
}

/**
 * Opens a year's assessment, creating it when missing: on the set given, or else the newest set
 * for the year and the unit's type.
 */
export function openAssessment(ctx: CoreContext, year: number, setId?: string, setVersion?: number): AssessmentView {
  const existing = getAssessmentView(ctx, year);
  if (existing) return existing;
  const profile = getProfile(ctx.db, year);
  if (!profile) throw new AppError('NOT_FOUND', `Chưa khai báo thông tin đơn vị cho năm ${year}. Hãy khai báo ở mục «Thông tin đơn vị».`);
  const set = setId ? criteriaAccess.getSet(ctx.db, setId, setVersion) : criteriaAccess.findSetForYear(ctx.db, year, profile.unitType);
  if (!set) {
    throw new AppError(
      'NOT_FOUND',
      setId
        ? `Không tìm thấy bộ chỉ số «${setId}».`
        : `Chưa có bộ chỉ số năm ${year} cho loại đơn vị của bạn. Hãy nhập bộ chỉ số của tỉnh trước.`,
    );
  }
  insertAssessment(ctx.db, { year, set_id: set.id, set_version: set.version, created_at: ctx.now().toISOString() });
  return getAssessmentView(ctx, year)!;
}

export interface EntryPatch {
  answer?: Answer | null;
  explanation?: string;
  status?: ItemStatus;
}

/**
 * Saves what the officer changed on one item and returns the item with the new totals. In one
 * transaction with the change: the review domain is asked first (refused while the dossier is
 * with the leader; a new draft version after approval), and the audit log gets the old and new
 * answer, points, explanation and status.
 */
export function saveEntry(ctx: CoreContext, year: number, code: string, patch: EntryPatch): SavedEntry {
  return ctx.db.transaction(() => saveEntryNow(ctx, year, code, patch))();
}

function saveEntryNow(ctx: CoreContext, year: number, code: string, patch: EntryPatch): SavedEntry {
  const row = requireRow(ctx, year);
  const set = loadSet(ctx, row);
  const flat = selfScoredLeaves(set).find((l) => l.item.code === code);
  const leaf = flat?.item;
  if (!leaf) {
    const any = flattenItems(set).find((f) => f.item.code === code)?.item;
    throw new AppError(
      'INVALID_INPUT',
      any ? `Tiêu chí ${code} không do đơn vị tự chấm (được chấm qua thẩm định, điều tra xã hội học hoặc theo các tiêu chí con).` : `Bộ chỉ số không có tiêu chí ${code}.`,
    );
  }
  if (patch.answer) {
    const problem = answerFitsRule(leaf, patch.answer);
    if (problem) throw new AppError('INVALID_INPUT', `Tiêu chí ${code}: ${problem}`);
  }

  const stored = listEntries(ctx.db, year);
  const previous = stored.find((e) => e.code === code) ?? emptyEntry(code);
  const next: AssessmentEntry = {
    code,
    answer: patch.answer !== undefined ? normaliseAnswer(patch.answer) : previous.answer,
    explanation: patch.explanation !== undefined ? toNfc(patch.explanation) : previous.explanation,
    status: patch.status ?? previous.status,
    updatedAt: ctx.now().toISOString(),
  };
  // Touching an untouched item starts it; clearing the answer of a started one keeps it started.
  if (!patch.status && next.status === 'chua-lam' && (next.answer || next.explanation.trim())) next.status = 'dang-lam';

  const others = stored.filter((e) => e.code !== code);
  const score = scoreOf(set, [...others, next]);
  // Nothing changed (an autosave of the same text): no write, no new version, no audit entry.
  if (isDeepStrictEqual(previous.answer, next.answer) && previous.explanation === next.explanation && previous.status === next.status) {
    return { entry: previous, score };
  }
  beforeEdit(ctx.db, { kind: 'assessment', key: String(year) }, ctx.actor, ctx.now());
  if (next.status === 'xong') {
    const reason = missingExplanationReason(ctx, year, leaf, flat!.kind, next, score);
    if (reason) throw new AppError('VALIDATION_FAILED', `Chưa thể đánh dấu «Xong» tiêu chí ${code}: ${reason}`);
  }
  upsertEntry(ctx.db, year, { ...next, updatedAt: next.updatedAt! });
  const oldPoints = scoreOf(set, stored).items[code]?.points ?? 0;
  appendAudit(ctx.db, {
    at: ctx.now(),
    actor: ctx.actor,
    action: 'assessment.entry',
    subject: subjectId('assessment', String(year)),
    target: code,
    old: { answer: previous.answer, points: oldPoints, explanation: previous.explanation, status: previous.status },
    new: { answer: next.answer, points: score.items[code]?.points ?? 0, explanation: next.explanation, status: next.status },
  });
  return { entry: next, score };
}

function normaliseAnswer(answer: Answer | null): Answer | null {
  if (answer?.kind === 'not-applicable') return { kind: 'not-applicable', reason: toNfc(answer.reason.trim()) };
  return answer;
}

/** Thuyết minh is required where the score is partial or the required evidence is missing. */
function missingExplanationReason(ctx: CoreContext, year: number, item: CriteriaItem, kind: CriteriaItem['kind'], entry: AssessmentEntry, score: SetScore): string | null {
  const itemScore = score.items[item.code];
  if (!entry.answer || !itemScore?.answered) return 'chưa nhập số liệu để chấm điểm.';
  if (entry.explanation.trim()) return null;
  if (itemScore.notApplicable) return null;
  // A deduction or a bonus below its cap is not a shortfall to explain (kind may sit on the domain only).
  if (kind === 'normal' && itemScore.points < itemScore.effectiveMax) return 'điểm chưa đạt tối đa nên cần thuyết minh (giải trình) cách tính điểm.';
  if (item.evidenceRequired.trim()) {
    const key = itemEvidenceKey(year, item.code);
    if ((evidenceAccess.countLinks(ctx.db, [key])[key] ?? 0) === 0) return 'chưa có tài liệu kiểm chứng nên cần thuyết minh cách tính điểm.';
  }
  return null;
}

/**
 * Starts a new year from the previous year's answers, as suggestions to confirm item by item
 * (suggestions.ts), never as answers. An answer is suggested only where the item code exists in
 * the new set with the same rule, maximum and scorer, so no old answer is offered for a rule it
 * was not given for. Last year's evidence is offered on the item, not linked.
 */
export function carryOver(ctx: CoreContext, fromYear: number, toYear: number, setId?: string): CarryOverReport {
  if (toYear <= fromYear) throw new AppError('INVALID_INPUT', 'Năm mới phải sau năm được chuyển kết quả.');
  const fromRow = requireRow(ctx, fromYear);
  if (getAssessmentRow(ctx.db, toYear)) throw new AppError('CONFLICT', `Đã có bản tự đánh giá năm ${toYear}; không chuyển đè lên dữ liệu đã nhập.`);
  const oldSet = loadSet(ctx, fromRow);
  const oldItems = new Map(flattenItems(oldSet).map((f) => [f.item.code, f.item]));
  const oldEntries = new Map(listEntries(ctx.db, fromYear).map((e) => [e.code, e]));

  const run = ctx.db.transaction(() => {
    const view = openAssessment(ctx, toYear, setId);
    const carried: string[] = [];
    const notCarried: CarryOverReport['notCarried'] = [];
    const evidenceLinksCarried = 0;
    let evidenceOffered = 0;
    for (const { item } of selfScoredLeaves(view.set)) {
      const old = oldItems.get(item.code);
      const entry = oldEntries.get(item.code);
      if (!entry || (!entry.answer && !entry.explanation)) continue;
      if (!old) {
        notCarried.push({ code: item.code, title: item.title, reason: 'Tiêu chí mới, năm trước không có.' });
        continue;
      }
      if (!isDeepStrictEqual(old.scoring, item.scoring) || old.maxPoints !== item.maxPoints || old.assessedBy !== item.assessedBy) {
        notCarried.push({ code: item.code, title: item.title, reason: 'Cách tính điểm hoặc điểm tối đa đã thay đổi.' });
        continue;
      }
      // A suggestion, not an answer: it neither counts nor scores until the officer confirms it.
      insertSuggestion(ctx.db, toYear, { code: item.code, fromYear, answer: entry.answer, explanation: entry.explanation }, ctx.now().toISOString());
      // Last year's files are offered on the item (the officer links what still applies), not
      // linked here: a 2025 plan is rarely evidence for 2026.
      evidenceOffered += evidenceAccess.countLinks(ctx.db, [itemEvidenceKey(fromYear, item.code)])[itemEvidenceKey(fromYear, item.code)] ?? 0;
      carried.push(item.code);
    }
    // Items of the old year that are gone from the new set are worth listing too.
    const newCodes = new Set(flattenItems(view.set).map((f) => f.item.code));
    for (const [code, entry] of oldEntries) {
      if (!newCodes.has(code) && (entry.answer || entry.explanation)) {
        notCarried.push({ code, title: oldItems.get(code)?.title ?? code, reason: 'Bộ chỉ số năm mới không còn tiêu chí này.' });
      }
    }
    appendAudit(ctx.db, {
      at: ctx.now(),
      actor: ctx.actor,
      action: 'assessment.carry-over',
      subject: subjectId('assessment', String(toYear)),
      new: { fromYear, carried, asSuggestions: true, evidenceLinksCarried, evidenceOffered },
    });
    return { year: toYear, carried, notCarried, evidenceLinksCarried, evidenceOffered };
  });
  return run();
}

export function compareYears(ctx: CoreContext, year: number, previousYear: number): YearComparison {
  const current = getAssessmentView(ctx, year);
  const previous = getAssessmentView(ctx, previousYear);
  if (!current) throw new AppError('NOT_FOUND', `Chưa có bản tự đánh giá năm ${year}.`);
  if (!previous) throw new AppError('NOT_FOUND', `Chưa có bản tự đánh giá năm ${previousYear}.`);
  const pct = (points: number, max: number) => (max > 0 ? (points / max) * 100 : 0);
  const codes = [...new Set([...current.score.domains.map((d) => d.code), ...previous.score.domains.map((d) => d.code)])];
  return {
    year,
    previousYear,
    total: {
      current: current.score.total,
      previous: previous.score.total,
      currentPercent: current.score.percent,
      previousPercent: previous.score.percent,
    },
    bands: { current: current.score.band, previous: previous.score.band },
    domains: codes.map((code) => {
      const a = current.score.domains.find((d) => d.code === code);
      const b = previous.score.domains.find((d) => d.code === code);
      return {
        code,
        title: a?.title ?? b?.title ?? code,
        current: a ? { points: a.points, max: a.max, percent: pct(a.points, a.max) } : null,
        previous: b ? { points: b.points, max: b.max, percent: pct(b.points, b.max) } : null,
      };
    }),
  };
}

/** One approved item to start a draft from (see startFromApproved). */
export interface ApprovedItemInput {
  code: string;
  answer: Answer | null;
  explanation: string;
  /** Evidence files already in the store (storeFileAsEvidence), to link to this item. */
  fileIds: number[];
}

export interface StartFromApprovedResult {
  carried: string[];
  notCarried: { code: string; reason: string }[];
  linksAdded: number;
  score: SetScore;
}

/**
 * Starts a year's draft from an approved dossier made elsewhere (a submission package): every
 * item's answer and explanation, status "đang làm" so the officer checks each again, and the
 * evidence links. One transaction; refused when the year already has entries (never overwrites)
 * or runs on another set. `audit` says where the content came from, for the one audit entry.
 */
export function startFromApproved(
  ctx: CoreContext,
  input: { year: number; setId: string; setVersion: number; items: ApprovedItemInput[]; audit: Record<string, unknown> },
): StartFromApprovedResult {
  const { year } = input;
  return ctx.db.transaction(() => {
    const row = getAssessmentRow(ctx.db, year);
    if (row && listEntries(ctx.db, year).length > 0) {
      throw new AppError('CONFLICT', `Bản tự đánh giá năm ${year} trên máy này đã có dữ liệu; không ghi đè lên dữ liệu đã nhập.`);
    }
    if (row && (row.set_id !== input.setId || row.set_version !== input.setVersion)) {
      throw new AppError(
        'CONFLICT',
        `Bản tự đánh giá năm ${year} trên máy này dùng bộ chỉ số «${row.set_id}» phiên bản ${row.set_version}, khác bộ chỉ số của hồ sơ («${input.setId}» phiên bản ${input.setVersion}).`,
      );
    }
    // An existing row was checked above; a new one is opened on exactly this set version (or refused).
    const view = openAssessment(ctx, year, input.setId, input.setVersion);
    beforeEdit(ctx.db, { kind: 'assessment', key: String(year) }, ctx.actor, ctx.now());
    const leaves = new Map(selfScoredLeaves(view.set).map((l) => [l.item.code, l.item]));
    const carried: string[] = [];
    const notCarried: StartFromApprovedResult['notCarried'] = [];
    let linksAdded = 0;
    const at = ctx.now().toISOString();
    for (const item of input.items) {
      const leaf = leaves.get(item.code);
      if (!leaf) {
        notCarried.push({ code: item.code, reason: 'Bộ chỉ số trên máy này không có tiêu chí tự chấm với mã này.' });
        continue;
      }
      const problem = item.answer ? answerFitsRule(leaf, item.answer) : null;
      if (problem) {
        notCarried.push({ code: item.code, reason: `Câu trả lời không hợp với cách tính điểm trên máy này: ${problem}` });
        continue;
      }
      const explanation = toNfc(item.explanation);
      // An item left empty in the approved version stays "chưa làm": nothing to carry.
      if (!item.answer && !explanation.trim() && item.fileIds.length === 0) continue;
      if (item.answer || explanation.trim()) {
        upsertEntry(ctx.db, year, { code: item.code, answer: normaliseAnswer(item.answer), explanation, status: 'dang-lam', updatedAt: at });
      }
      const key = itemEvidenceKey(year, item.code);
      for (const fileId of item.fileIds) linksAdded += evidenceAccess.linkToItems(ctx.db, fileId, [key], ctx.now());
      carried.push(item.code);
    }
    appendAudit(ctx.db, {
      at: ctx.now(),
      actor: ctx.actor,
      action: 'package.continue',
      subject: subjectId('assessment', String(year)),
      new: { ...input.audit, carried: carried.length, notCarried: notCarried.map((n) => n.code), linksAdded },
    });
    return { carried, notCarried, linksAdded, score: scoreOf(view.set, listEntries(ctx.db, year)) };
  })();
}
