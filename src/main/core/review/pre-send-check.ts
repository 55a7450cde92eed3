import type { CheckAction, CheckFinding, CheckKind, CheckResult, CheckTarget, SubjectKind } from '../../../shared/contract/review';
import { selfScoredLeaves } from '../../../shared/criteria/tree';
import { severityOf } from '../../../shared/review/check-rules';
import { formatDateVi } from '../../../shared/text/vi';
import type { CoreContext } from '../context';
import { assessmentAccess } from './assessment-access';
import { criteriaAccess } from './criteria-access';
import { evidenceAccess } from './evidence-access';
import { reportingAccess } from './reporting-access';
import { reportSubject } from './report-subject';
import { countUnresolved, latestApproved, latestVersion } from './version-store';

/**
 * One list of what is missing before the officer sends, generates or exports: each finding names
 * the item or section and where to fix it. Which findings block is data (check-rules.ts); a kind
 * the rules do not list for the action is not looked at.
 */
export function runCheck(ctx: CoreContext, kind: SubjectKind, key: string, action: CheckAction): CheckResult {
  const findings: CheckFinding[] = [];
  const add = (checkKind: CheckKind, message: string, target: CheckTarget | null) => {
    const severity = severityOf(checkKind, action);
    if (severity) findings.push({ kind: checkKind, severity, message, target });
  };

  const latest = latestVersion(ctx.db, kind, key);
  if (latest?.status === 'returned') {
    const open = countUnresolved(ctx.db, latest.id);
    for (const c of open) add('open-comments', `Ý kiến của lãnh đạo về ${c.target_code === '*' ? 'toàn bộ hồ sơ' : `tiêu chí ${c.target_code}`} chưa được xử lý.`, c.target_code === '*' ? null : { type: 'item', code: c.target_code });
  }
  if (kind === 'assessment') {
    const started = checkAssessment(ctx, Number(key), add);
    if (started && action === 'generate') checkAssessmentDocuments(ctx, Number(key), add);
  } else checkReport(ctx, key, add);

  if (severityOf('signed-copy-missing', action)) {
    const approved = latestApproved(ctx.db, kind, key);
    if (approved && !approved.signed_sha256) {
      add('signed-copy-missing', `Phiên bản ${approved.version_no} đã duyệt chưa có bản đã ký (PDF hoặc ảnh quét).`, { type: 'version', versionNo: approved.version_no });
    }
  }

  // Blocking first, then in the order found (the set's order).
  findings.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'blocking' ? -1 : 1));
  return {
    action,
    findings,
    blocking: findings.filter((f) => f.severity === 'blocking').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

type Add = (kind: CheckKind, message: string, target: CheckTarget | null) => void;

/** Returns whether the year's assessment is started (the documents' check needs it). */
function checkAssessment(ctx: CoreContext, year: number, add: Add): boolean {
  const view = assessmentAccess.getAssessmentView(ctx, year);
  if (!view) {
    add('unanswered', `Chưa bắt đầu tự đánh giá năm ${year}: chưa có câu trả lời nào để đưa vào văn bản.`, null);
    return false;
  }
  const leaves = selfScoredLeaves(view.set);
  const keyOf = (code: string) => assessmentAccess.itemEvidenceKey(year, code);
  const details = evidenceAccess.linkedDetails(
    ctx.db,
    leaves.map((l) => keyOf(l.item.code)),
  );
  for (const { item } of leaves) {
    const target: CheckTarget = { type: 'item', code: item.code };
    const entry = view.entries[item.code];
    const answered = !!view.score.items[item.code]?.answered;
    const files = details[keyOf(item.code)] ?? [];
    const label = `Tiêu chí ${item.code}`;
    if (!answered) {
      add('unanswered', `${label} chưa có câu trả lời.`, target);
      continue;
    }
    if (item.evidenceRequired && files.length === 0 && !entry?.explanation.trim()) {
      add('no-evidence-or-explanation', `${label} chưa có tài liệu kiểm chứng và chưa giải trình vì sao.`, target);
    }
    for (const f of files) {
      if (!f.metaConfirmed) add('evidence-unconfirmed', `${label}: thông tin văn bản «${f.name}» (số, ngày, trích yếu) chưa được xác nhận.`, target);
      if (f.issueDate && Number(f.issueDate.slice(0, 4)) !== year) {
        add('evidence-other-year', `${label}: «${f.name}» ban hành ngày ${formatDateVi(f.issueDate)}, không thuộc năm ${year}.`, target);
      }
    }
  }
  const newest = criteriaAccess.latestSetVersion(ctx.db, view.setId);
  if (newest !== null && newest > view.setVersion) {
    add('set-update', `Bộ chỉ số «${view.setName}» đã có phiên bản ${newest}; hồ sơ đang chấm theo phiên bản ${view.setVersion}. Xem thay đổi và chuyển phiên bản ở trang «Tự đánh giá».`, { type: 'criteria' });
  }
  return true;
}

function checkReport(ctx: CoreContext, key: string, add: Add): void {
  const content = reportSubject.content(ctx, key) as { sections: { code: string; label: string; title: string; text: string }[] } | null;
  if (!content) {
    const first = reportSubject.targets(ctx, key)[0];
    add('empty-section', 'Báo cáo kỳ này chưa được soạn: mọi mục của văn bản sẽ để trống.', first ? { type: 'section', code: first.code } : null);
    return;
  }
  for (const s of content?.sections ?? []) {
    if (!s.text.trim()) add('empty-section', `Mục ${s.label}. ${s.title} chưa có nội dung.`, { type: 'section', code: s.code });
  }
}

/**
 * What the self-assessment documents would print as placeholders (the reporting domain's own
 * list, so the check and the writer agree): «chưa có thuyết minh», a file name standing in for an
 * unconfirmed document, the empty «Khó khăn, vướng mắc và kiến nghị». One finding per item, so
 * each links to where it is fixed.
 */
function checkAssessmentDocuments(ctx: CoreContext, year: number, add: Add): void {
  for (const w of reportingAccess.documentWarnings(ctx, year)) {
    if (w.kind === 'no-explanation') {
      for (const code of w.codes) add('explanation-placeholder', `Tiêu chí ${code} cần giải trình nhưng chưa có thuyết minh; văn bản sẽ in «chưa có thuyết minh».`, { type: 'item', code });
    } else if (w.kind === 'unconfirmed-evidence') {
      for (const code of w.codes) add('evidence-bare-name', `Tiêu chí ${code}: tài liệu kiểm chứng chưa có số, ký hiệu (chưa xác nhận thông tin văn bản) nên văn bản chỉ in tên tệp.`, { type: 'item', code });
    } else if (w.kind === 'no-difficulties') {
      add('empty-section', 'Mục «Khó khăn, vướng mắc và kiến nghị» còn trống; văn bản sẽ in «(Chưa có nội dung.)».', null);
    }
  }
}
