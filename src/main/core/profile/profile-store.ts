import { toNfc } from '../../../shared/text/vi';
import type { UnitProfile } from '../../../shared/contract/profile';
import type { Db } from '../db/open';

type ProfileFields = Omit<UnitProfile, 'updatedAt'>;

interface ProfileRow {
  year: number;
  name: string;
  short_name: string;
  unit_type: UnitProfile['unitType'];
  parent_body: string;
  province: string;
  focal_officer_name: string;
  focal_officer_phone: string;
  focal_officer_email: string;
  leader_name: string;
  leader_title: string;
  drafting_unit: string;
  updated_at: string;
}

function fromRow(row: ProfileRow): UnitProfile {
  return {
    year: row.year,
    name: row.name,
    shortName: row.short_name,
    unitType: row.unit_type,
    parentBody: row.parent_body,
    province: row.province,
    focalOfficerName: row.focal_officer_name,
    focalOfficerPhone: row.focal_officer_phone,
    focalOfficerEmail: row.focal_officer_email,
    leaderName: row.leader_name,
    leaderTitle: row.leader_title,
    draftingUnit: row.drafting_unit,
    updatedAt: row.updated_at,
  };
}

export function getProfile(db: Db, year: number): UnitProfile | null {
  const row = db.prepare('SELECT * FROM unit_profile WHERE year = ?').get(year) as ProfileRow | undefined;
  return row ? fromRow(row) : null;
}

/** The profile of the most recent year: what the app opens on. */
export function getLatestProfile(db: Db): UnitProfile | null {
  const row = db.prepare('SELECT * FROM unit_profile ORDER BY year DESC LIMIT 1').get() as ProfileRow | undefined;
  return row ? fromRow(row) : null;
}

export function listProfileYears(db: Db): number[] {
  return (db.prepare('SELECT year FROM unit_profile ORDER BY year DESC').all() as { year: number }[]).map((r) => r.year);
}

/** Unit names change between years (mergers of 2025), so each year keeps its own row. */
export function saveProfile(db: Db, profile: ProfileFields, now: Date): UnitProfile {
  const p = Object.fromEntries(
    Object.entries(profile).map(([k, v]) => [k, typeof v === 'string' ? toNfc(v) : v]),
  ) as ProfileFields;
  // A caller built before the field existed (an older package's profile) leaves it blank.
  p.draftingUnit ??= '';
  const updatedAt = now.toISOString();
  db.prepare(
    `INSERT INTO unit_profile (year, name, short_name, unit_type, parent_body, province, focal_officer_name,
       focal_officer_phone, focal_officer_email, leader_name, leader_title, drafting_unit, updated_at)
     VALUES (@year, @name, @shortName, @unitType, @parentBody, @province, @focalOfficerName,
       @focalOfficerPhone, @focalOfficerEmail, @leaderName, @leaderTitle, @draftingUnit, @updatedAt)
     ON CONFLICT (year) DO UPDATE SET
       name = excluded.name, short_name = excluded.short_name, unit_type = excluded.unit_type,
       parent_body = excluded.parent_body, province = excluded.province,
       focal_officer_name = excluded.focal_officer_name, focal_officer_phone = excluded.focal_officer_phone,
       focal_officer_email = excluded.focal_officer_email, leader_name = excluded.leader_name,
       leader_title = excluded.leader_title, drafting_unit = excluded.drafting_unit, updated_at = excluded.updated_at`,
  ).run({ ...p, updatedAt });
  return { ...p, updatedAt };
}
