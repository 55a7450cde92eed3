import type { AssessmentEntry } from '../../../shared/contract/assessment';
import type { NotCarriedEntry, SetSwitchRecord } from '../../../shared/contract/set-version';
import type { Db } from '../db/open';

/** The year's assessment moves to another version of its set (the switch record says from what). */
export function setAssessmentSetVersion(db: Db, year: number, version: number): void {
  db.prepare('UPDATE assessment SET set_version = ? WHERE year = ?').run(version, year);
}

/** Removes an entry whose item the new set version no longer has; the switch record keeps it. */
export function deleteEntry(db: Db, year: number, code: string): void {
  db.prepare('DELETE FROM assessment_entry WHERE year = ? AND item_code = ?').run(year, code);
}

export function insertSwitchRecord(
  db: Db,
  row: { year: number; setId: string; fromVersion: number; toVersion: number; at: string; actor: string; entriesBefore: AssessmentEntry[]; notCarried: NotCarriedEntry[] },
): void {
  db.prepare(
    `INSERT INTO assessment_set_switch (year, set_id, from_version, to_version, switched_at, actor, entries_before_json, not_carried_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.year, row.setId, row.fromVersion, row.toVersion, row.at, row.actor, JSON.stringify(row.entriesBefore), JSON.stringify(row.notCarried));
}

export function listSwitchRecords(db: Db, year: number): SetSwitchRecord[] {
  const rows = db
    .prepare('SELECT from_version, to_version, switched_at, actor, not_carried_json FROM assessment_set_switch WHERE year = ? ORDER BY id')
    .all(year) as { from_version: number; to_version: number; switched_at: string; actor: string; not_carried_json: string }[];
  return rows.map((r) => ({
    fromVersion: r.from_version,
    toVersion: r.to_version,
    switchedAt: r.switched_at,
    actor: r.actor,
    notCarried: JSON.parse(r.not_carried_json) as NotCarriedEntry[],
  }));
}
