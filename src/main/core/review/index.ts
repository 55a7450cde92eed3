/**
 * What other domains may call in the review domain. Kept free of the workflow (which reads the
 * assessment), so the assessment domain can import it without a cycle.
 */
export { appendAudit, type AuditEntryInput } from './audit-log';
export { beforeEdit, editRefusal, type ReviewSubjectRef } from './edit-guard';
export { latestApproved } from './version-store';
export type { ReviewSubjectProvider } from './subject-provider';
export { approvedDossier, type ApprovedDossier } from './approved-export';
export { approvedHoldersOfFile, type ApprovedHolder } from './approved-holders';
