import { parseGiaiTrinhTargetKey, parseItemTargetKey, parseReportSectionTargetKey, type EvidenceTarget } from '../../../shared/contract/evidence';
import { giaiTrinhSubjectKey } from '../../../shared/contract/appraisal';
import { reportSubjectKey } from '../../../shared/contract/reports';
import type { Actor } from '../auth/session';
import type { Db } from '../db/open';
import { appendAudit, beforeEdit, type ReviewSubjectRef } from '../review';

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
