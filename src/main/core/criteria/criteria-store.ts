import type { CriteriaSetSummary } from '../../../shared/contract/criteria';
import type { UnitType } from '../../../shared/contract/profile';
import { criteriaSetSchema, type CriteriaSet } from '../../../shared/criteria/format';
import type { Db } from '../db/open';
import { contentOf } from './canonical';
import { overviewOf } from './overview';

/**
 * The store of criteria sets. A set id keeps every version it ever had: assessments point at
 * (id, version), so changing a stored set in place would silently change past scores.
 */

interface SetRow {
  row_id: number;
  set_id: string;
  version: number;
  content_json: string;
  content_sha256: string;
  imported_at: string;
}

function setOf(row: SetRow): CriteriaSet {
  // Parsing restores the format's key order and defaults; stored content was validated on save.
  return criteriaSetSchema.parse({ ...(JSON.parse(row.content_json) as object), version: row.version });
}

/** The newest stored version of a set (one MAX query), or null when the set is unknown. */
export function latestVersion(db: Db, id: string): number | null {
  const row = db.prepare('SELECT MAX(version) AS v FROM criteria_set WHERE set_id = ?').get(id) as { v: number | null };
  return row.v;
}

function summaryOf(db: Db, row: SetRow): CriteriaSetSummary {
  return {
    ...overviewOf(setOf(row)),
    sha256: row.content_sha256,
    importedAt: row.imported_at,
    isLatest: latestVersion(db, row.set_id) === row.version,
  };
}

export interface SaveResult {
  summary: CriteriaSetSummary;
  /** False when identical content was already stored under this id (nothing written). */
  created: boolean;
}

/**
 * Saves a validated set. Same id and same content as a stored version → that version, unchanged.
 * Same id, new content → a new version (the file's own number if still free and higher, else
 * the next one). Never replaces a stored row.
 */
export function saveSet(db: Db, set: CriteriaSet, now: Date): SaveResult {
  const { json, sha256 } = contentOf(set);
  const run = db.transaction((): SaveResult => {
    const same = db.prepare('SELECT * FROM criteria_set WHERE set_id = ? AND content_sha256 = ?').get(set.id, sha256) as SetRow | undefined;
    if (same) return { summary: summaryOf(db, same), created: false };
    const latest = latestVersion(db, set.id);
    const version = latest === null ? set.version : Math.max(latest + 1, set.version);
    db.prepare(
      `INSERT INTO criteria_set (set_id, version, year, unit_type, name, is_sample, decision_number, decision_date,
         decision_issuer, format_version, content_json, content_sha256, imported_at)
       VALUES (@id, @version, @year, @unitType, @name, @isSample, @decisionNumber, @decisionDate,
         @decisionIssuer, @formatVersion, @json, @sha256, @importedAt)`,
    ).run({
      id: set.id,
      version,
      year: set.year,
      unitType: set.unitType,
      name: set.name,
      isSample: set.isSample ? 1 : 0,
      decisionNumber: set.decision?.number ?? null,
      decisionDate: set.decision?.date ?? null,
      decisionIssuer: set.decision?.issuer ?? null,
      formatVersion: set.formatVersion,
      json,
      sha256,
      importedAt: now.toISOString(),
    });
    const row = db.prepare('SELECT * FROM criteria_set WHERE set_id = ? AND version = ?').get(set.id, version) as SetRow;
    return { summary: summaryOf(db, row), created: true };
  });
  return run();
}

/** Every stored version: newest year first, then name, then newest version. */
export function listSets(db: Db): CriteriaSetSummary[] {
  const rows = db.prepare('SELECT * FROM criteria_set ORDER BY year DESC, name, set_id, version DESC').all() as SetRow[];
  return rows.map((row) => summaryOf(db, row));
}

function getRow(db: Db, id: string, version?: number): SetRow | undefined {
  return (
    version === undefined
      ? db.prepare('SELECT * FROM criteria_set WHERE set_id = ? ORDER BY version DESC LIMIT 1').get(id)
      : db.prepare('SELECT * FROM criteria_set WHERE set_id = ? AND version = ?').get(id, version)
  ) as SetRow | undefined;
}

/** A set by id and version; without a version, its latest. */
export function getSet(db: Db, id: string, version?: number): CriteriaSet | null {
  const row = getRow(db, id, version);
  return row ? setOf(row) : null;
}

export function getSetSummary(db: Db, id: string, version?: number): CriteriaSetSummary | null {
  const row = getRow(db, id, version);
  return row ? summaryOf(db, row) : null;
}

/**
 * The set a unit should assess a year with: the province's own set (not a sample) when one is
 * stored, the most recently imported first, at its latest version; otherwise a bundled sample.
 */
export function findSetForYear(db: Db, year: number, unitType: UnitType): CriteriaSet | null {
  const row = db
    .prepare(
      `SELECT c.* FROM criteria_set c
       WHERE c.year = ? AND c.unit_type = ?
         AND c.version = (SELECT MAX(version) FROM criteria_set WHERE set_id = c.set_id)
       ORDER BY c.is_sample ASC, c.imported_at DESC, c.row_id DESC
       LIMIT 1`,
    )
    .get(year, unitType) as SetRow | undefined;
  return row ? setOf(row) : null;
}
