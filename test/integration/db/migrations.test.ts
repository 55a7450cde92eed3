import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dumpSchema, openDatabase, schemaVersion } from '../../../src/main/core/db/open';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../src/main/core/db/migrations';
import { makeTempDir } from '../../helpers/temp-dir';

const SNAPSHOT = resolve(__dirname, '../../../src/main/core/db/schema.snapshot.sql');

describe('the store and its migrations', () => {
  const temps: { cleanup(): void }[] = [];
  const temp = () => {
    const t = makeTempDir();
    temps.push(t);
    return t.dir;
  };
  afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

  it('numbers migrations 1, 2, 3 … with no gap', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(migrations.length);
  });

  it('migrates a new database to the latest version with WAL and foreign keys on', () => {
    const db = openDatabase(join(temp(), 'a.sqlite'));
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('matches the committed schema snapshot (regenerate with npm run db:snapshot after adding a migration)', () => {
    const db = openDatabase(join(temp(), 'b.sqlite'));
    expect(dumpSchema(db)).toBe(readFileSync(SNAPSHOT, 'utf8'));
    db.close();
  });

  it('refuses a database from a newer version and leaves it untouched', () => {
    const file = join(temp(), 'newer.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future_thing (x INTEGER)');
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const before = readFileSync(file);

    expect(() => openDatabase(file)).toThrowError(/phiên bản CCHC Desk mới hơn/);
    try {
      openDatabase(file);
    } catch (error) {
      expect((error as { code: string }).code).toBe('DB_TOO_NEW');
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('rolls back a failing migration together with its version bump', () => {
    const file = join(temp(), 'c.sqlite');
    const broken = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: 'broken',
        up(db: Database.Database) {
          db.exec('CREATE TABLE half_done (x INTEGER)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => openDatabase(file, { migrations: broken })).toThrow('boom');
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half_done'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('upgrades a database left at an older version, keeping its data (001 → latest)', () => {
    const file = join(temp(), 'd.sqlite');
    const old = openDatabase(file, { migrations: migrations.slice(0, 1) });
    old.prepare(
      `INSERT INTO unit_profile (year, name, short_name, unit_type, parent_body, province, focal_officer_name, leader_name, leader_title, updated_at)
       VALUES (2024, 'UBND huyện Đức Trọng', 'UBND', 'ubnd-huyen', 'UBND tỉnh Lâm Đồng', 'Lâm Đồng', 'A', 'B', 'Chủ tịch', '2024-01-01T00:00:00Z')`,
    ).run();
    old.close();
    const db = openDatabase(file);
    expect(schemaVersion(db)).toBe(LATEST_SCHEMA_VERSION);
    expect(db.prepare('SELECT name FROM unit_profile WHERE year = 2024').get()).toEqual({ name: 'UBND huyện Đức Trọng' });
    db.close();
  });
});
