import type { EvidenceCatalog, EvidenceCatalogFilter } from '../../../shared/contract/evidence';
import type { Db } from '../db/open';
import { fileViews } from './evidence-store';
import { planAccess } from './plan-access';

/**
 * Every stored evidence file, filtered the way the officer looks for one: by year (the year of a
 * dossier it is linked to — an assessment item "2026:1.2" or a report section "report:2026:q1:…" —
 * or the year it was issued), by document type ("" = not yet known), linked or not, and whether
 * its document facts still await confirmation. Newest first. Also the years and types present,
 * for the filter's choices.
 */

const FILE_YEARS = `
  SELECT file_id, CAST(substr(target_key, 1, 4) AS INTEGER) AS year FROM evidence_link WHERE target_type = 'item'
  UNION SELECT file_id, CAST(substr(target_key, 8, 4) AS INTEGER) FROM evidence_link WHERE target_type = 'report-section' AND target_key GLOB 'report:[0-9][0-9][0-9][0-9]:*'
  UNION SELECT file_id, CAST(substr(issue_date, 1, 4) AS INTEGER) FROM evidence_meta WHERE issue_date IS NOT NULL`;

const marks = (ids: readonly number[]) => ids.map(() => '?').join(',');

export function evidenceCatalog(db: Db, filter: EvidenceCatalogFilter): EvidenceCatalog {
  const where: string[] = [];
  const params: (string | number)[] = [];
  // Files the CCHC plan names (its document, task results) count as linked, to the plan's year.
  const planUses = planAccess.planFileUses(db);
  const planIds = [...new Set(planUses.map((u) => u.fileId))];
  if (filter.year !== undefined) {
    const ofYear = [...new Set(planUses.filter((u) => u.year === filter.year).map((u) => u.fileId))];
    where.push(`(f.id IN (SELECT file_id FROM (${FILE_YEARS}) WHERE year = ?)${ofYear.length ? ` OR f.id IN (${marks(ofYear)})` : ''})`);
    params.push(filter.year, ...ofYear);
  }
  if (filter.docType !== undefined) {
    where.push(`coalesce(m.doc_type, '') = ?`);
    params.push(filter.docType);
  }
  if (filter.linked === 'linked') {
    where.push(`(EXISTS (SELECT 1 FROM evidence_link l WHERE l.file_id = f.id)${planIds.length ? ` OR f.id IN (${marks(planIds)})` : ''})`);
    params.push(...planIds);
  }
  if (filter.linked === 'unlinked') {
    where.push(`NOT EXISTS (SELECT 1 FROM evidence_link l WHERE l.file_id = f.id)${planIds.length ? ` AND f.id NOT IN (${marks(planIds)})` : ''}`);
    params.push(...planIds);
  }
  if (filter.unconfirmedOnly) where.push('coalesce(m.confirmed, 0) = 0');
  const from = `FROM evidence_file f LEFT JOIN evidence_meta m ON m.file_id = f.id ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
  const total = db.prepare(`SELECT count(*) ${from}`).pluck().get(...params) as number;
  const ids = db.prepare(`SELECT f.id ${from} ORDER BY f.created_at DESC, f.id DESC LIMIT ? OFFSET ?`).pluck().all(...params, filter.limit, filter.offset) as number[];
  const linkedYears = db.prepare(`SELECT DISTINCT year FROM (${FILE_YEARS})`).pluck().all() as number[];
  const years = [...new Set([...linkedYears, ...planUses.map((u) => u.year)])].sort((a, b) => b - a);
  const docTypes = db
    .prepare(`SELECT DISTINCT coalesce(m.doc_type, '') FROM evidence_file f LEFT JOIN evidence_meta m ON m.file_id = f.id`)
    .pluck()
    .all() as string[];
  return { total, files: fileViews(db, ids), years, docTypes: docTypes.sort((a, b) => a.localeCompare(b, 'vi')) };
}
