import { parseGiaiTrinhTargetKey, parseItemTargetKey, parseReportSectionTargetKey, type EvidenceTarget } from '../../../shared/contract/evidence';
import { giaiTrinhSubjectKey } from '../../../shared/contract/appraisal';
import { reportSubjectKey } from '../../../shared/contract/reports';
import type { Actor } from '../auth/session';
import type { Db } from '../db/open';
import { appendAudit, approvedHoldersOfFile, beforeEdit, type ReviewSubjectRef } from '../review';

/** Who is linking, when a person (or the CLI as the local system) does it; absent for internal stores. */
export interface LinkRecorder {
  readonly db: Db;
  readonly now: () => Date;
  readonly actor?: Actor;
}

/**
 * A link is part of the dossier it supports: an assessment item ("2026:1.2.3") belongs to the
 * year's self-assessment, a report section ("report:2026:q1:tthc") to that periodic report.
 */
function dossierOf(target: EvidenceTarget): { subject: ReviewSubjectRef; part: string } | null {
  if (target.type === 'item') {
    // Tài liệu bổ sung belong to the giải trình round's dossier, not to the self-assessment.
    const extra = parseGiaiTrinhTargetKey(target.key);
    if (extra) return { subject: { kind: 'assessment', key: giaiTrinhSubjectKey(extra.year, extra.round) }, part: extra.code };
    const item = parseItemTargetKey(target.key);
    return item ? { subject: { kind: 'assessment', key: String(item.year) }, part: item.code } : null;
  }
  const section = parseReportSectionTargetKey(target.key);
  return section ? { subject: { kind: 'report', key: reportSubjectKey(section.year, section.period) }, part: section.section } : null;
}

/**
 * Call inside the transaction that adds or removes the links: the review domain refuses the change
 * while the dossier is with the leader (and opens a new draft after approval), and the audit log
 * gets one entry per target with the file's name and hash.
 */
export function recordLinkChanges(
  env: LinkRecorder,
  action: 'evidence.link' | 'evidence.unlink',
  file: { name: string; sha256: string },
  targets: readonly EvidenceTarget[],
): void {
  if (!env.actor) return;
  const at = env.now();
  for (const target of targets) {
    const dossier = dossierOf(target);
    if (dossier) beforeEdit(env.db, dossier.subject, env.actor, at);
    const value = { file: file.name, sha256: file.sha256 };
    appendAudit(env.db, {
      at,
      actor: env.actor,
      action,
      subject: dossier ? `${dossier.subject.kind}:${dossier.subject.key}` : 'evidence',
      target: dossier?.part ?? target.key,
      ...(action === 'evidence.link' ? { new: value } : { old: value }),
    });
  }
}

/**
 * Why a stored file must be kept, or null: the approved versions (snapshot or signed copy) that
 * name it, joined for a message. Deleting it would leave an approved version that can no longer be
 * exported or checked against its files.
 */
export function approvedHoldersText(db: Db, file: { id: number; sha256: string }): string | null {
  const holders = approvedHoldersOfFile(db, file);
  return holders.length ? holders.map((h) => h.label).join('; ') : null;
}

/**
 * Call inside the transaction that saves a file's document metadata (số ký hiệu, ngày, trích
 * yếu…). The metadata is printed in the documents of every dossier that links the file (danh mục
 * tài liệu kiểm chứng), so changing it is an edit of each of those dossiers: the review domain
 * refuses it while one is with the leader, and the audit log gets one entry per dossier (or one
 * for the store when no dossier links the file) with the changed fields, old and new.
 *
 * A dossier already approved gets a new draft version, like any edit after approval. The approved
 * version does not change: its snapshot and documents froze the metadata as it was (the package is
 * built from them, never from the current metadata), so the rule "an approved version never
 * changes" holds without refusing the officer a correction for the next version.
 */
export function recordMetaChange(
  env: LinkRecorder & { readonly actor: Actor },
  file: { name: string; sha256: string },
  links: readonly EvidenceTarget[],
  old: Record<string, unknown>,
  changed: Record<string, unknown>,
): void {
  const at = env.now();
  const dossiers = new Map<string, ReviewSubjectRef>();
  for (const link of links) {
    const dossier = dossierOf(link);
    if (dossier) dossiers.set(`${dossier.subject.kind}:${dossier.subject.key}`, dossier.subject);
  }
  const entry = { at, actor: env.actor, action: 'evidence.meta', target: file.name, old: { sha256: file.sha256, ...old }, new: changed };
  if (dossiers.size === 0) return void appendAudit(env.db, { ...entry, subject: 'evidence' });
  for (const [id, subject] of dossiers) {
    beforeEdit(env.db, subject, env.actor, at);
    appendAudit(env.db, { ...entry, subject: id });
  }
}
