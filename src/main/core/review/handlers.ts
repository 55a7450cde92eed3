import type { Handlers } from '../registry';
import { exportAudit } from './audit-export';
import { listAudit, verifyAudit } from './audit-log';
import { attachSignedCopy } from './signed-copy';
import { approvedAnchors } from './version-store';
import {
  approve,
  approvedDocument,
  approvedVersion,
  commentsOf,
  resolveComment,
  returnWithComments,
  reviewStatus,
  submitForReview,
  verifyVersion,
  checkBefore,
  draftsOf,
  historyOf,
  keepDraft,
  openNewVersion,
} from './workflow';

type ReviewChannel =
  | 'review/status'
  | 'review/submit'
  | 'review/return'
  | 'review/approve'
  | 'review/comments'
  | 'review/resolve-comment'
  | 'review/version'
  | 'review/verify-version'
  | 'review/document'
  | 'review/attach-signed'
  | 'audit/list'
  | 'audit/verify'
  | 'audit/export'
  | 'review/drafts'
  | 'review/save-draft'
  | 'review/history'
  | 'review/open-version'
  | 'review/check';

export const reviewHandlers: Pick<Handlers, ReviewChannel> = {
  'review/status': ({ kind, key }, ctx) => reviewStatus(ctx, kind, key),
  'review/submit': ({ kind, key, note }, ctx) => submitForReview(ctx, kind, key, note),
  'review/return': ({ kind, key, comments }, ctx) => returnWithComments(ctx, kind, key, comments),
  'review/approve': ({ kind, key, comment }, ctx) => approve(ctx, kind, key, comment),
  'review/comments': ({ kind, key, unresolvedOnly }, ctx) => commentsOf(ctx, kind, key, unresolvedOnly),
  'review/resolve-comment': ({ id, note }, ctx) => resolveComment(ctx, id, note),
  'review/version': ({ kind, key, versionNo }, ctx) => approvedVersion(ctx, kind, key, versionNo),
  'review/verify-version': ({ kind, key, versionNo }, ctx) => verifyVersion(ctx, kind, key, versionNo),
  'review/document': ({ kind, key, versionNo, position }, ctx) => approvedDocument(ctx, kind, key, versionNo, position),
  'review/attach-signed': ({ kind, key, versionNo, fileName, contentBase64 }, ctx) => attachSignedCopy(ctx, kind, key, versionNo, fileName, contentBase64),
  'audit/list': ({ filter, offset, limit }, ctx) => listAudit(ctx.db, filter, offset, limit),
  'audit/verify': (_input, ctx) => verifyAudit(ctx.db, approvedAnchors(ctx.db)),
  'audit/export': ({ format, filter }, ctx) => exportAudit(ctx.db, format, filter, ctx.now(), ctx.appVersion),
  'review/drafts': ({ kind, key }, ctx) => draftsOf(ctx, kind, key),
  'review/save-draft': ({ kind, key, target, body }, ctx) => keepDraft(ctx, kind, key, target, body),
  'review/history': ({ kind, key }, ctx) => historyOf(ctx, kind, key),
  'review/open-version': ({ kind, key, reason }, ctx) => openNewVersion(ctx, kind, key, reason),
  'review/check': ({ kind, key, action }, ctx) => checkBefore(ctx, kind, key, action),
};
