import { z } from 'zod';
import type { Answer, ItemStatus } from '../criteria/format';
import { channel } from './define';
import type { ExportedFile } from './criteria';
import { typedText } from './typed-text';

/**
 * Review and approval of a dossier (an assessment year or a periodic report), its frozen
 * versions, and the tamper-evident audit log.
 */

export type SubjectKind = 'assessment' | 'report';
export type VersionStatus = 'draft' | 'submitted' | 'returned' | 'approved';

/** Who did something and when. `id` is null for the trusted local system (CLI). */
export interface Stamp {
  at: string;
  id: number | null;
  name: string;
}

export interface ApprovedDocumentInfo {
  position: number;
  fileName: string;
  sha256: string;
  size: number;
}

export interface SignedCopyInfo {
  fileId: number;
  sha256: string;
  name: string;
  size: number;
  at: string;
  byName: string;
}

export interface DossierVersionInfo {
  versionNo: number;
  status: VersionStatus;
  /** False for the implicit first draft that no action has written yet. */
  persisted: boolean;
  opened: Stamp | null;
  submitted: Stamp | null;
  decided: Stamp | null;
  decisionComment: string;
  snapshotSha256: string | null;
  documents: ApprovedDocumentInfo[];
  signedCopy: SignedCopyInfo | null;
}

export interface ReviewComment {
  id: number;
  versionNo: number;
  /** Item or section code the comment is about. */
  target: string;
  targetTitle: string;
  body: string;
  created: Stamp;
  resolved: Stamp | null;
  resolutionNote: string;
}

export interface ReviewTarget {
  code: string;
  title: string;
}

export interface ReviewStatus {
  subject: { kind: SubjectKind; key: string; title: string };
  /** The newest version: what the officer edits or the leader reviews. */
  current: DossierVersionInfo;
  /** Every version, newest first (the current one included when written). */
  versions: DossierVersionInfo[];
  /** Comments on the current version, unresolved first. */
  comments: ReviewComment[];
  /** What a comment may point at (items of the assessment, sections of a report). */
  targets: ReviewTarget[];
}

export interface EvidenceRef {
  name: string;
  sha256: string;
  size: number;
}

/** One self-scored item as it was approved. */
export interface SnapshotItem {
  code: string;
  title: string;
  answer: Answer | null;
  points: number;
  maxPoints: number;
  explanation: string;
  status: ItemStatus;
  evidence: EvidenceRef[];
}

/** The assessment part of a snapshot (kind 'assessment'). */
export interface AssessmentSnapshotContent {
  year: number;
  set: { id: string; version: number; name: string };
  items: SnapshotItem[];
  domains: { code: string; title: string; kind: string; points: number; max: number }[];
  total: number;
  max: number;
  percent: number;
  band: string;
}

/** Everything frozen at approval; its canonical JSON is what the SHA-256 is taken over. */
export interface DossierSnapshot {
  format: 'cchc-dossier-snapshot/1';
  subject: { kind: SubjectKind; key: string; title: string };
  versionNo: number;
  approvedAt: string;
  approvedBy: { id: number | null; name: string };
  comment: string;
  appVersion: string;
  /** AssessmentSnapshotContent for an assessment; the reports domain defines its own. */
  content: unknown;
  documents: { fileName: string; sha256: string; size: number }[];
  /** The last audit entry before approval: verify checks it is still in the log. */
  auditHead: { seq: number; hash: string } | null;
}

export interface ApprovedVersionView {
  info: DossierVersionInfo;
  snapshot: DossierSnapshot;
  /** The stored canonical JSON, byte for byte what the SHA-256 is taken over. */
  snapshotJson: string;
}

export interface VersionVerifyResult {
  ok: boolean;
  expectedSha256: string;
  actualSha256: string;
  documents: { fileName: string; ok: boolean }[];
  message: string;
}

export interface AuditRecord {
  seq: number;
  at: string;
  actorId: number | null;
  actorName: string;
  action: string;
  subject: string;
  target: string;
  old: unknown;
  new: unknown;
  prevHash: string;
  hash: string;
}

export interface AuditPage {
  total: number;
  entries: AuditRecord[];
}

export type AuditBreakKind = 'altered' | 'deleted' | 'reordered';

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  head: { seq: number; hash: string } | null;
  /** The first break found, or null when the chain is whole. */
  problem: { seq: number; kind: AuditBreakKind; message: string } | null;
}

/** A leader's comment written during review and not sent yet (kept per leader until «Trả lại»). */
export interface DraftComment {
  target: string;
  body: string;
  updatedAt: string;
}

/** One submission round: sent by the officer, then returned or approved (or still waiting). */
export interface ReviewRound {
  versionNo: number;
  /** 1, 2 … within the version: a returned version is sent again as the next round. */
  round: number;
  submitted: Stamp;
  note: string;
  outcome: 'pending' | 'returned' | 'approved';
  decided: Stamp | null;
  decisionComment: string;
  /** The comments the leader returned this round with. */
  comments: ReviewComment[];
  /** The same account sent and decided (allowed in a small unit, and shown as such). */
  sameSubmitterAndDecider: boolean;
}

/** What the pre-send check looks at; which of them block is data (shared/review/check-rules.ts). */
export type CheckAction = 'submit' | 'generate' | 'export';
export type CheckKind =
  | 'unanswered'
  | 'no-evidence-or-explanation'
  | 'evidence-unconfirmed'
  | 'evidence-other-year'
  | 'empty-section'
  | 'signed-copy-missing'
  | 'set-update'
  | 'open-comments'
  /** A generated document would print «chưa có thuyết minh» for the item. */
  | 'explanation-placeholder'
  /** A linked file has no number or symbol confirmed, so the document prints only its file name. */
  | 'evidence-bare-name';
export type CheckSeverity = 'blocking' | 'warning';

/** Where a finding can be fixed: an item, a report section, or an approved version. */
export type CheckTarget = { type: 'item'; code: string } | { type: 'section'; code: string } | { type: 'version'; versionNo: number } | { type: 'criteria' };

export interface CheckFinding {
  kind: CheckKind;
  severity: CheckSeverity;
  /** Vietnamese, names the item or section. */
  message: string;
  target: CheckTarget | null;
}

export interface CheckResult {
  action: CheckAction;
  findings: CheckFinding[];
  blocking: number;
  warnings: number;
}

/** A signed copy may be up to 40 MB; base64 makes it 4/3 larger. */
export const MAX_SIGNED_COPY_BYTES = 40 * 1024 * 1024;

const subjectInput = {
  kind: z.enum(['assessment', 'report']),
  key: z.string().min(1).max(40),
};
const versionInput = { ...subjectInput, versionNo: z.number().int().min(1).max(10_000) };
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng yyyy-mm-dd.');

export const auditFilterSchema = z.strictObject({
  subject: z.string().max(60).optional(),
  action: z.string().max(60).optional(),
  actor: z.string().max(100).optional(),
  from: isoDay.optional(),
  to: isoDay.optional(),
});
export type AuditFilter = z.output<typeof auditFilterSchema>;

export const reviewChannels = {
  'review/status': channel<ReviewStatus>()(z.strictObject(subjectInput)),
  /** Officer: sends the current draft (or returned) version to the leader. */
  'review/submit': channel<ReviewStatus>()(z.strictObject({ ...subjectInput, note: typedText(z.string().max(2000)).optional() })),
  /** Leader: returns the submitted version with at least one comment on an item or section. */
  'review/return': channel<ReviewStatus>()(
    z.strictObject({
      ...subjectInput,
      comments: z
        .array(z.strictObject({ target: z.string().min(1).max(40), body: typedText(z.string().max(4000)) }))
        .min(1, 'Cần ít nhất một ý kiến khi trả lại hồ sơ.')
        .max(300),
    }),
  ),
  /** Leader: approves the submitted version; freezes its snapshot and documents. */
  'review/approve': channel<ReviewStatus>()(z.strictObject({ ...subjectInput, comment: typedText(z.string().max(4000)).optional() })),
  /** Comments of the current version (all, or only the unresolved ones). */
  'review/comments': channel<ReviewComment[]>()(z.strictObject({ ...subjectInput, unresolvedOnly: z.boolean().optional() })),
  /** Officer: marks a comment as dealt with, optionally saying how. */
  'review/resolve-comment': channel<ReviewComment>()(
    z.strictObject({ id: z.number().int().positive(), note: typedText(z.string().max(2000)).optional() }),
  ),
  'review/version': channel<ApprovedVersionView>()(z.strictObject(versionInput)),
  'review/verify-version': channel<VersionVerifyResult>()(z.strictObject(versionInput)),
  'review/document': channel<ExportedFile>()(z.strictObject({ ...versionInput, position: z.number().int().min(0).max(100) })),
  /** Officer: attaches the copy signed outside the app (PDF or scan) to an approved version. */
  'review/attach-signed': channel<DossierVersionInfo>()(
    z.strictObject({
      ...versionInput,
      fileName: typedText(z.string().min(1).max(200)),
      contentBase64: z.string().min(1).max(Math.ceil(MAX_SIGNED_COPY_BYTES / 3) * 4 + 4, 'Bản ký không được lớn hơn 40 MB.'),
    }),
  ),

  'audit/list': channel<AuditPage>()(
    z.strictObject({
      filter: auditFilterSchema.optional(),
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(500).optional(),
    }),
  ),
  'audit/verify': channel<AuditVerifyResult>()(z.strictObject({})),
  'audit/export': channel<ExportedFile>()(z.strictObject({ format: z.enum(['csv', 'json']), filter: auditFilterSchema.optional() })),
  /** Leader: their unsent comments on the dossier under review. */
  'review/drafts': channel<DraftComment[]>()(z.strictObject(subjectInput)),
  /** Leader: keeps (or, with an empty body, drops) an unsent comment on one item or section. */
  'review/save-draft': channel<DraftComment[]>()(
    z.strictObject({ ...subjectInput, target: z.string().min(1).max(40), body: z.string().max(4000, 'Ý kiến dài quá 4.000 ký tự.') }),
  ),
  /** Every submission round of every version, oldest first, with the comments each was returned with. */
  'review/history': channel<ReviewRound[]>()(z.strictObject(subjectInput)),
  /** Officer: after approval, opens the next version to edit, saying why (audited). */
  'review/open-version': channel<ReviewStatus>()(
    z.strictObject({ ...subjectInput, reason: z.string().trim().min(1, 'Hãy ghi lý do mở phiên bản mới.').max(2000) }),
  ),
  /** The check before sending, generating or exporting: what is missing, blocking or warning. */
  'review/check': channel<CheckResult>()(z.strictObject({ ...subjectInput, action: z.enum(['submit', 'generate', 'export']) })),
};
