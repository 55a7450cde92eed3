import { createHash } from 'node:crypto';
import type { ExportedFile } from '../../../shared/contract/criteria';
import type {
  ApprovedVersionView,
  CheckAction,
  CheckResult,
  DraftComment,
  ReviewRound,
  DossierSnapshot,
  DossierVersionInfo,
  ReviewComment,
  ReviewStatus,
  ReviewTarget,
  SubjectKind,
  VersionVerifyResult,
} from '../../../shared/contract/review';
import { subjectId } from '../../../shared/review-labels';
import { toNfc } from '../../../shared/text/vi';
import { actorLabel } from '../auth/session';
import type { CoreContext } from '../context';
import { canonicalJson } from '../criteria/canonical';
import { AppError } from '../errors';
import { assessmentSubject } from './assessment-subject';
import { appendAudit, approvalRecord, auditHead } from './audit-log';
import { runCheck } from './pre-send-check';
import { clearDrafts, listDrafts, saveDraft } from './draft-comments';
import { reviewRounds } from './history';
import { giaiTrinhSubject } from './giai-trinh-subject';
import { parseGiaiTrinhSubjectKey } from '../../../shared/contract/appraisal';
import { reportSubject } from './report-subject';
import type { ReviewSubjectProvider } from './subject-provider';
import {
  actorId,
  commentOf,
  countUnresolved,
  getCommentRow,
  getVersion,
  insertComment,
  insertDocument,
  insertDraftVersion,
  latestVersion,
  listComments,
  listVersions,
  markApproved,
  markReturned,
  markSubmitted,
  readDocument,
  resolveCommentRow,
  versionInfo,
  type VersionRow,
} from './version-store';
import { loadOnFirstCall } from '../load-on-first-call';

// Loaded with its document library when first used (see load-on-first-call.ts).
const officeDocumentProblem = loadOnFirstCall(() => import('./document-readback').then((m) => m.officeDocumentProblem));

/** A comment about the dossier as a whole rather than one item or section. */
export const GENERAL_TARGET = '*';
const GENERAL_TITLE = 'Chung (toàn bộ hồ sơ)';

const providers: Record<SubjectKind, ReviewSubjectProvider> = {
  assessment: assessmentSubject,
  report: reportSubject,
};

interface Subject {
  kind: SubjectKind;
  key: string;
  id: string;
  title: string;
  provider: ReviewSubjectProvider;
  /**
   * Read once per call: building them means building the whole assessment or report. No review
   * step changes them (they are the items of the year's set, the sections of the outline), so the
   * status returned after a step reuses them.
   */
  targets: ReviewTarget[];
}

/** A giải trình round ('2026:giai-trinh-1') is an assessment dossier of its own, with its own provider. */
function providerFor(kind: SubjectKind, key: string): ReviewSubjectProvider {
  return kind === 'assessment' && parseGiaiTrinhSubjectKey(key) ? giaiTrinhSubject : providers[kind];
}

function requireSubject(ctx: CoreContext, kind: SubjectKind, key: string): Subject {
  const provider = providerFor(kind, key);
  const problem = provider.keyProblem(key);
  if (problem) throw new AppError('INVALID_INPUT', problem);
  const found = provider.describe(ctx, key);
  if (!found) {
    const missing = parseGiaiTrinhSubjectKey(key)
      ? `Chưa nhập kết quả thẩm định lần ${parseGiaiTrinhSubjectKey(key)!.round} năm ${parseGiaiTrinhSubjectKey(key)!.year} nên chưa có hồ sơ giải trình.`
      : kind === 'assessment'
        ? `Chưa có bản tự đánh giá năm ${key}.`
        : `Chưa có báo cáo định kỳ ${key}.`;
    throw new AppError('NOT_FOUND', missing);
  }
  return { kind, key, id: subjectId(kind, key), title: found.title, provider, targets: provider.targets(ctx, key) };
}

function titleLookup(subject: Subject): (code: string) => string {
  const titles = new Map(subject.targets.map((t) => [t.code, t.title]));
  return (code) => (code === GENERAL_TARGET ? GENERAL_TITLE : (titles.get(code) ?? code));
}

function virtualDraft(): DossierVersionInfo {
  return {
    versionNo: 1,
    status: 'draft',
    persisted: false,
    opened: null,
    submitted: null,
    decided: null,
    decisionComment: '',
    snapshotSha256: null,
    documents: [],
    signedCopy: null,
  };
}

export function reviewStatus(ctx: CoreContext, kind: SubjectKind, key: string): ReviewStatus {
  return statusOf(ctx, requireSubject(ctx, kind, key));
}

function statusOf(ctx: CoreContext, subject: Subject): ReviewStatus {
  const { kind, key } = subject;
  const rows = listVersions(ctx.db, kind, key);
  const titleOf = titleLookup(subject);
  const versions = rows.map((r) => versionInfo(ctx.db, r));
  const latest = rows[0];
  return {
    subject: { kind, key, title: subject.title },
    current: versions[0] ?? virtualDraft(),
    versions,
    comments: latest ? listComments(ctx.db, latest.id, latest.version_no, titleOf) : [],
    targets: [{ code: GENERAL_TARGET, title: GENERAL_TITLE }, ...subject.targets],
  };
}

const statusWord: Record<VersionRow['status'], string> = {
  draft: 'đang soạn',
  submitted: 'đang chờ lãnh đạo duyệt',
  returned: 'đã bị trả lại',
  approved: 'đã được duyệt',
};

/** Officer: draft or returned → submitted. A returned version goes back only once every comment is dealt with. */
export function submitForReview(ctx: CoreContext, kind: SubjectKind, key: string, note = ''): ReviewStatus {
  const subject = requireSubject(ctx, kind, key);
  // What the rules make blocking (shared/review/check-rules.ts) stops the send here, not only on the page.
  const check = runCheck(ctx, kind, key, 'submit');
  const blocking = check.findings.filter((f) => f.severity === 'blocking' && f.kind !== 'open-comments');
  if (blocking.length > 0) {
    throw new AppError('CONFLICT', `Chưa trình được: ${blocking.map((f) => f.message).join(' ')}`);
  }
  const at = ctx.now();
  ctx.db.transaction(() => {
    let version = latestVersion(ctx.db, kind, key);
    if (!version) version = insertDraftVersion(ctx.db, kind, key, 1, ctx.actor, at);
    if (version.status === 'submitted') throw new AppError('CONFLICT', `Phiên bản ${version.version_no} đã được trình và đang chờ lãnh đạo duyệt.`);
    if (version.status === 'approved') {
      throw new AppError('CONFLICT', `Phiên bản ${version.version_no} đã được duyệt. Muốn trình lại, hãy mở phiên bản mới để sửa (ghi lý do) rồi trình phiên bản đó.`);
    }
    const open = countUnresolved(ctx.db, version.id);
    if (open.length > 0) {
      const where = [...new Set(open.map((c) => (c.target_code === GENERAL_TARGET ? GENERAL_TITLE : `mục ${c.target_code}`)))].join(', ');
      throw new AppError('CONFLICT', `Còn ${open.length} ý kiến của lãnh đạo chưa xử lý (${where}). Hãy xử lý hết rồi trình lại.`);
    }
    markSubmitted(ctx.db, version.id, ctx.actor, at);
    appendAudit(ctx.db, {
      at,
      actor: ctx.actor,
      action: 'review.submit',
      subject: subject.id,
      old: { versionNo: version.version_no, status: version.status },
      new: { versionNo: version.version_no, status: 'submitted', ...(note.trim() ? { note: toNfc(note.trim()) } : {}) },
    });
  })();
  return statusOf(ctx, subject);
}

function requireSubmitted(ctx: CoreContext, kind: SubjectKind, key: string): VersionRow {
  const version = latestVersion(ctx.db, kind, key);
  if (!version || version.status !== 'submitted') {
    const state = version ? `Phiên bản ${version.version_no} ${statusWord[version.status]}` : 'Hồ sơ chưa được trình';
    throw new AppError('CONFLICT', `${state}; chỉ hồ sơ đang chờ duyệt mới trả lại hoặc duyệt được.`);
  }
  return version;
}

/** Leader: submitted → returned, with at least one comment on an item or section. */
export function returnWithComments(ctx: CoreContext, kind: SubjectKind, key: string, comments: { target: string; body: string }[]): ReviewStatus {
  const subject = requireSubject(ctx, kind, key);
  const valid = new Set([GENERAL_TARGET, ...subject.targets.map((t) => t.code)]);
  const cleaned = comments.map((c) => ({ target: c.target.trim(), body: toNfc(c.body.trim()) }));
  for (const c of cleaned) {
    if (!valid.has(c.target)) throw new AppError('INVALID_INPUT', `Hồ sơ không có mục «${c.target}» để ghi ý kiến.`);
    if (!c.body) throw new AppError('INVALID_INPUT', `Ý kiến cho mục ${c.target === GENERAL_TARGET ? GENERAL_TITLE : c.target} đang để trống.`);
  }
  if (cleaned.length === 0) throw new AppError('INVALID_INPUT', 'Cần ít nhất một ý kiến khi trả lại hồ sơ.');
  const at = ctx.now();
  ctx.db.transaction(() => {
    const version = requireSubmitted(ctx, kind, key);
    for (const c of cleaned) insertComment(ctx.db, version.id, c.target, c.body, ctx.actor, at);
    markReturned(ctx.db, version.id, ctx.actor, at);
    clearDrafts(ctx.db, kind, key, ctx.actor);
    appendAudit(ctx.db, {
      at,
      actor: ctx.actor,
      action: 'review.return',
      subject: subject.id,
      old: { versionNo: version.version_no, status: 'submitted' },
      new: { versionNo: version.version_no, status: 'returned', comments: cleaned },
    });
  })();
  return statusOf(ctx, subject);
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Leader: submitted → approved. Freezes the snapshot (content, documents' hashes, approver, the
 * audit head) as canonical JSON with its SHA-256, and the documents' bytes, in one transaction.
 */
export async function approve(ctx: CoreContext, kind: SubjectKind, key: string, comment = ''): Promise<ReviewStatus> {
  const subject = requireSubject(ctx, kind, key);
  const before = requireSubmitted(ctx, kind, key);
  // Generated before the transaction (it may be slow); the content cannot change meanwhile,
  // because edits are refused while the version is submitted, and the state is checked again.
  const documents = (await subject.provider.documents(ctx, key)).map((d) => ({ ...d, sha256: sha256Hex(d.data) }));
  // Frozen means never regenerated: a document that would not open must not be frozen.
  for (const d of documents) {
    const problem = await officeDocumentProblem(d.fileName, d.data);
    if (problem) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Chưa duyệt được: văn bản tạo ra bị lỗi nên Word/Excel sẽ không mở được (${problem}). Hồ sơ vẫn chờ duyệt; hãy báo cho người quản trị.`,
      );
    }
  }
  const at = ctx.now();
  ctx.db.transaction(() => {
    const version = requireSubmitted(ctx, kind, key);
    if (version.id !== before.id) throw new AppError('CONFLICT', 'Hồ sơ vừa thay đổi trong lúc tạo văn bản; hãy duyệt lại.');
    const snapshot: DossierSnapshot = {
      format: 'cchc-dossier-snapshot/1',
      subject: { kind, key, title: subject.title },
      versionNo: version.version_no,
      approvedAt: at.toISOString(),
      approvedBy: { id: actorId(ctx.actor), name: actorLabel(ctx.actor) },
      comment: toNfc(comment.trim()),
      appVersion: ctx.appVersion,
      content: subject.provider.content(ctx, key),
      documents: documents.map((d) => ({ fileName: d.fileName, sha256: d.sha256, size: d.data.length })),
      auditHead: auditHead(ctx.db),
    };
    const json = canonicalJson(snapshot);
    const sha256 = sha256Hex(json);
    documents.forEach((d, position) => insertDocument(ctx.db, version.id, position, d));
    markApproved(ctx.db, version.id, ctx.actor, snapshot.approvedAt, snapshot.comment, json, sha256);
    clearDrafts(ctx.db, kind, key, null);
    // Allowed (a small unit may have one person), but written on the record, not hidden.
    const sameSubmitter = version.submitted_by_id !== null && version.submitted_by_id === actorId(ctx.actor);
    appendAudit(ctx.db, {
      at,
      actor: ctx.actor,
      action: 'review.approve',
      subject: subject.id,
      old: { versionNo: version.version_no, status: 'submitted' },
      new: {
        versionNo: version.version_no,
        status: 'approved',
        comment: snapshot.comment,
        snapshotSha256: sha256,
        ...(sameSubmitter ? { sameSubmitterAndApprover: true } : {}),
      },
    });
  })();
  return statusOf(ctx, subject);
}

export function commentsOf(ctx: CoreContext, kind: SubjectKind, key: string, unresolvedOnly = false): ReviewComment[] {
  const subject = requireSubject(ctx, kind, key);
  const latest = latestVersion(ctx.db, kind, key);
  if (!latest) return [];
  const all = listComments(ctx.db, latest.id, latest.version_no, titleLookup(subject));
  return unresolvedOnly ? all.filter((c) => !c.resolved) : all;
}

/** Officer: marks a leader's comment on the current version as dealt with. */
export function resolveComment(ctx: CoreContext, id: number, note = ''): ReviewComment {
  const row = getCommentRow(ctx.db, id);
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy ý kiến này.');
  const subject = requireSubject(ctx, row.subject_kind, row.subject_key);
  const at = ctx.now();
  const cleanNote = toNfc(note.trim());
  ctx.db.transaction(() => {
    const current = getCommentRow(ctx.db, id)!;
    if (current.resolved_at) throw new AppError('CONFLICT', 'Ý kiến này đã được xử lý.');
    const latest = latestVersion(ctx.db, row.subject_kind, row.subject_key);
    if (!latest || latest.id !== current.version_id || latest.status !== 'returned') {
      throw new AppError('CONFLICT', 'Chỉ xử lý được ý kiến của phiên bản đang bị trả lại.');
    }
    resolveCommentRow(ctx.db, id, cleanNote, ctx.actor, at);
    appendAudit(ctx.db, {
      at,
      actor: ctx.actor,
      action: 'review.resolve-comment',
      subject: subject.id,
      target: current.target_code,
      old: { commentId: id, body: current.body, resolved: false },
      new: { commentId: id, resolved: true, note: cleanNote },
    });
  })();
  return commentOf(getCommentRow(ctx.db, id)!, row.version_no, titleLookup(subject));
}

function requireApproved(ctx: CoreContext, kind: SubjectKind, key: string, versionNo: number): VersionRow {
  const version = getVersion(ctx.db, kind, key, versionNo);
  if (!version) throw new AppError('NOT_FOUND', `Không có phiên bản ${versionNo} của hồ sơ này.`);
  if (version.status !== 'approved') throw new AppError('NOT_FOUND', `Phiên bản ${versionNo} chưa được duyệt nên chưa có bản chốt.`);
  return version;
}

/** An approved version, read-only: what was approved, exactly as frozen. */
export function approvedVersion(ctx: CoreContext, kind: SubjectKind, key: string, versionNo: number): ApprovedVersionView {
  const version = requireApproved(ctx, kind, key, versionNo);
  return { info: versionInfo(ctx.db, version), snapshot: JSON.parse(version.snapshot_json!) as DossierSnapshot, snapshotJson: version.snapshot_json! };
}

/**
 * Recomputes the snapshot's SHA-256 and each frozen document's, against what approval recorded:
 * the hash stored beside the snapshot and the one the approval's audit entry holds. Someone who
 * edits the snapshot outside the app can recompute the first; the second sits in the hash chain.
 */
export function verifyVersion(ctx: CoreContext, kind: SubjectKind, key: string, versionNo: number): VersionVerifyResult {
  const version = requireApproved(ctx, kind, key, versionNo);
  const expected = version.snapshot_sha256!;
  let actual = sha256Hex(version.snapshot_json!);
  // The stored text is canonical JSON; text that no longer parses, or no longer is canonical,
  // has been edited outside the app even if someone recomputed the hash column.
  let snapshot: DossierSnapshot | null;
  try {
    snapshot = JSON.parse(version.snapshot_json!) as DossierSnapshot;
    if (canonicalJson(snapshot) !== version.snapshot_json) actual = sha256Hex(canonicalJson(snapshot));
  } catch {
    snapshot = null;
  }
  const documents = (snapshot?.documents ?? []).map((d, position) => {
    const stored = readDocument(ctx.db, version.id, position);
    return { fileName: d.fileName, ok: !!stored && stored.fileName === d.fileName && sha256Hex(stored.data) === d.sha256 };
  });
  const audit = approvalRecord(ctx.db, subjectId(kind, key), versionNo);
  const auditAgrees = !!audit && audit.intact && audit.snapshotSha256 === actual;
  const ok = !!snapshot && actual === expected && auditAgrees && documents.every((d) => d.ok);
  const broken = documents.filter((d) => !d.ok).map((d) => d.fileName);
  const message = ok
    ? `Phiên bản ${versionNo} còn nguyên vẹn: mã SHA-256 khớp với lúc duyệt và với nhật ký (dòng số ${audit!.seq}).`
    : actual !== expected || !snapshot
      ? `Phiên bản ${versionNo} đã bị thay đổi sau khi duyệt: mã SHA-256 không còn khớp.`
      : !audit
        ? `Không tìm thấy dòng ghi việc duyệt phiên bản ${versionNo} trong nhật ký: không xác nhận được bản đã duyệt (nhật ký có thể đã bị cắt hoặc sửa ngoài ứng dụng).`
        : !auditAgrees
          ? `Phiên bản ${versionNo} đã bị thay đổi sau khi duyệt: mã SHA-256 không khớp với mã ghi trong nhật ký lúc duyệt (dòng số ${audit.seq}).`
          : `Văn bản đã bị thay đổi sau khi duyệt: ${broken.join(', ')}.`;
  return { ok, expectedSha256: expected, actualSha256: actual, documents, message };
}

export function approvedDocument(ctx: CoreContext, kind: SubjectKind, key: string, versionNo: number, position: number): ExportedFile {
  const version = requireApproved(ctx, kind, key, versionNo);
  const doc = readDocument(ctx.db, version.id, position);
  if (!doc) throw new AppError('NOT_FOUND', 'Không tìm thấy văn bản này trong phiên bản đã duyệt.');
  return { fileName: doc.fileName, contentBase64: doc.data.toString('base64') };
}

/** Officer: after approval, the next version opens only on purpose, with a reason kept in the log. */
export function openNewVersion(ctx: CoreContext, kind: SubjectKind, key: string, reason: string): ReviewStatus {
  const subject = requireSubject(ctx, kind, key);
  const why = toNfc(reason.trim());
  if (!why) throw new AppError('INVALID_INPUT', 'Hãy ghi lý do mở phiên bản mới.');
  const at = ctx.now();
  ctx.db.transaction(() => {
    const latest = latestVersion(ctx.db, kind, key);
    if (!latest || latest.status !== 'approved') {
      const state = latest ? `Phiên bản ${latest.version_no} ${statusWord[latest.status]}` : 'Hồ sơ chưa có phiên bản nào được duyệt';
      throw new AppError('CONFLICT', `${state}; chỉ mở phiên bản mới sau khi phiên bản hiện tại đã được duyệt.`);
    }
    const versionNo = latest.version_no + 1;
    insertDraftVersion(ctx.db, kind, key, versionNo, ctx.actor, at);
    appendAudit(ctx.db, {
      at,
      actor: ctx.actor,
      action: 'review.version-open',
      subject: subject.id,
      old: { versionNo: latest.version_no, status: 'approved' },
      new: { versionNo, status: 'draft', reason: why },
    });
  })();
  return statusOf(ctx, subject);
}

/** Leader: their unsent comments on the dossier (kept across pages and sessions). */
export function draftsOf(ctx: CoreContext, kind: SubjectKind, key: string): DraftComment[] {
  requireSubject(ctx, kind, key);
  return listDrafts(ctx.db, kind, key, ctx.actor);
}

/** Leader: keeps one unsent comment; only while the dossier waits for them, on a target it has. */
export function keepDraft(ctx: CoreContext, kind: SubjectKind, key: string, target: string, body: string): DraftComment[] {
  const subject = requireSubject(ctx, kind, key);
  const valid = new Set([GENERAL_TARGET, ...subject.targets.map((t) => t.code)]);
  if (!valid.has(target)) throw new AppError('INVALID_INPUT', `Hồ sơ không có mục «${target}» để ghi ý kiến.`);
  requireSubmitted(ctx, kind, key);
  saveDraft(ctx.db, kind, key, ctx.actor, target, body, ctx.now());
  return listDrafts(ctx.db, kind, key, ctx.actor);
}

export function historyOf(ctx: CoreContext, kind: SubjectKind, key: string): ReviewRound[] {
  const subject = requireSubject(ctx, kind, key);
  return reviewRounds(ctx.db, kind, key, titleLookup(subject));
}

export function checkBefore(ctx: CoreContext, kind: SubjectKind, key: string, action: CheckAction): CheckResult {
  // A document can be asked for before its report or assessment is started: the check says what
  // that means rather than refusing.
  const provider = providerFor(kind, key);
  const unstarted = action === 'generate' && !provider.keyProblem(key) && !provider.describe(ctx, key);
  if (!unstarted) requireSubject(ctx, kind, key);
  return runCheck(ctx, kind, key, action);
}
