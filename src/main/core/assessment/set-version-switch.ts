import type { AssessmentEntry } from '../../../shared/contract/assessment';
import type { NotCarriedEntry, SetStatus, SetSwitchResult, SetUpdateInfo } from '../../../shared/contract/set-version';
import type { Answer, CriteriaItem, CriteriaSet } from '../../../shared/criteria/format';
import { formatPointsVi } from '../../../shared/text/vi';
import { answerText } from '../../../shared/criteria/answer-text';
import { diffSets } from '../../../shared/criteria/set-diff';
import { flattenItems, selfScoredLeaves } from '../../../shared/criteria/tree';
import { subjectId } from '../../../shared/review-labels';
import { actorLabel } from '../auth/session';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { appendAudit, beforeEdit, editRefusal } from '../review';
import { answerFitsRule } from './answer-fit';
import { requireRow, requireSetVersion } from './assessment-service';
import { getAssessmentRow, listEntries, upsertEntry } from './assessment-store';
import { criteriaAccess } from './criteria-access';
import { deleteEntry, insertSwitchRecord, listSwitchRecords, setAssessmentSetVersion } from './set-switch-store';

/** What a switch does with each stored entry: keep it, keep only its thuyết minh, or set it aside. */
interface SwitchPlan {
  carried: string[];
  notCarried: NotCarriedEntry[];
  /** Entries rewritten on the new version (answer cleared, or status back to "đang làm"). */
  rewrite: AssessmentEntry[];
  /** Codes the new version no longer answers: removed here, kept in the switch record. */
  drop: string[];
}

const hasContent = (e: AssessmentEntry) => !!e.answer || !!e.explanation.trim();

/**
 * Answers move by item code. An item the new version no longer has (or no longer lets the unit
 * score) does not carry; an answer whose kind the new rule does not read (or a manual score above
 * the new maximum) does not carry, though its thuyết minh stays on the item. An item whose rule or
 * maximum changed keeps its answer but goes back to "đang làm", so the officer looks at it again.
 */
function planSwitch(older: CriteriaSet, newer: CriteriaSet, entries: AssessmentEntry[], changes = diffSets(older, newer)): SwitchPlan {
  const leaves = new Map(selfScoredLeaves(newer).map((l) => [l.item.code, l.item]));
  const anyNew = new Set(flattenItems(newer).map((f) => f.item.code));
  const oldItems = new Map(flattenItems(older).map((f) => [f.item.code, f.item]));
  const changed = new Set(changes.filter((c) => c.change === 'rule-changed' || c.change === 'max-changed').map((c) => c.code));
  const plan: SwitchPlan = { carried: [], notCarried: [], rewrite: [], drop: [] };
  for (const e of entries) {
    if (!hasContent(e)) continue;
    const leaf = leaves.get(e.code);
    const old = oldItems.get(e.code);
    const title = leaf?.title ?? old?.title ?? e.code;
    const answerWords = old ? answerText(old, e.answer) : e.answer ? e.answer.kind : '';
    const lost = (reason: string) => plan.notCarried.push({ code: e.code, title, reason, answer: e.answer, answerText: answerWords, explanation: e.explanation });
    if (!leaf) {
      lost(anyNew.has(e.code) ? 'Ở phiên bản mới, tiêu chí này không do đơn vị tự chấm.' : 'Phiên bản mới không còn tiêu chí này.');
      plan.drop.push(e.code);
      continue;
    }
    const problem = e.answer ? answerFitsRule(leaf, e.answer) : null;
    if (problem) {
      lost(`${misfitReason(leaf, e.answer!)}${e.explanation.trim() ? '; thuyết minh vẫn giữ trên tiêu chí' : ''}.`);
      plan.rewrite.push({ ...e, answer: null, status: 'dang-lam' });
      continue;
    }
    plan.carried.push(e.code);
    if (changed.has(e.code) && e.status === 'xong') plan.rewrite.push({ ...e, status: 'dang-lam' });
  }
  return plan;
}

/** Why an answer no longer fits, in the officer's words (the old answer itself is shown beside it). */
function misfitReason(leaf: CriteriaItem, answer: Answer): string {
  if (answer.kind === 'choice' && leaf.scoring?.type === 'choice') return 'Phiên bản mới không còn mức lựa chọn này';
  if (answer.kind === 'manual' && leaf.scoring?.type === 'manual') return `Điểm tự chấm vượt điểm tối đa mới (${formatPointsVi(leaf.maxPoints)})`;
  if (answer.kind === 'not-applicable') return 'Phiên bản mới không cho chọn «Không áp dụng» ở tiêu chí này';
  return 'Cách tính điểm mới cần loại dữ liệu khác, hãy nhập lại';
}

/** The set version the year is scored on, a newer stored one with what changed, and past switches. */
export function setStatus(ctx: CoreContext, year: number): SetStatus | null {
  const row = getAssessmentRow(ctx.db, year);
  if (!row) return null;
  const current = requireSetVersion(ctx, row.set_id, row.set_version);
  const newest = criteriaAccess.latestVersion(ctx.db, row.set_id) ?? row.set_version;
  let update: SetUpdateInfo | null = null;
  if (newest > row.set_version) {
    const newer = requireSetVersion(ctx, row.set_id, newest);
    const changes = diffSets(current, newer);
    const plan = planSwitch(current, newer, listEntries(ctx.db, year), changes);
    update = {
      setId: row.set_id,
      setName: newer.name,
      currentVersion: row.set_version,
      newestVersion: newest,
      changes,
      willCarry: plan.carried,
      willNotCarry: plan.notCarried,
      refusal: editRefusal(ctx.db, { kind: 'assessment', key: String(year) }),
    };
  }
  return { setId: row.set_id, setName: current.name, version: row.set_version, update, history: listSwitchRecords(ctx.db, year) };
}

/**
 * Moves the year's assessment to a newer version of its set in one transaction: entries carried
 * by item code, what did not carry kept in the switch record (with every entry as it was) and
 * listed, one audit entry. Refused while the dossier is with the leader or approved (the officer
 * opens a new version first), as any other edit.
 */
export function switchSetVersion(ctx: CoreContext, year: number, toVersion: number): SetSwitchResult {
  return ctx.db.transaction((): SetSwitchResult => {
    const row = requireRow(ctx, year);
    if (toVersion <= row.set_version) {
      throw new AppError('INVALID_INPUT', `Phiên bản ${toVersion} không mới hơn phiên bản bộ chỉ số đang dùng (phiên bản ${row.set_version}).`);
    }
    const older = requireSetVersion(ctx, row.set_id, row.set_version);
    const newer = requireSetVersion(ctx, row.set_id, toVersion);
    const refusal = editRefusal(ctx.db, { kind: 'assessment', key: String(year) });
    if (refusal) throw new AppError('CONFLICT', `Chưa đổi được sang phiên bản ${toVersion} của bộ chỉ số: ${refusal}`);
    beforeEdit(ctx.db, { kind: 'assessment', key: String(year) }, ctx.actor, ctx.now());

    const before = listEntries(ctx.db, year);
    const plan = planSwitch(older, newer, before);
    const at = ctx.now().toISOString();
    for (const code of plan.drop) deleteEntry(ctx.db, year, code);
    for (const e of plan.rewrite) upsertEntry(ctx.db, year, { ...e, updatedAt: at });
    setAssessmentSetVersion(ctx.db, year, toVersion);
    insertSwitchRecord(ctx.db, {
      year,
      setId: row.set_id,
      fromVersion: row.set_version,
      toVersion,
      at,
      actor: actorLabel(ctx.actor),
      entriesBefore: before,
      notCarried: plan.notCarried,
    });
    appendAudit(ctx.db, {
      at: ctx.now(),
      actor: ctx.actor,
      action: 'assessment.set-switch',
      subject: subjectId('assessment', String(year)),
      old: { setId: row.set_id, setVersion: row.set_version },
      new: { setId: row.set_id, setVersion: toVersion, carried: plan.carried, notCarried: plan.notCarried },
    });
    return { fromVersion: row.set_version, toVersion, carried: plan.carried, notCarried: plan.notCarried };
  })();
}
