import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, schemaVersion, type Db } from '../../../src/main/core/db/open';
import { migrations } from '../../../src/main/core/db/migrations';
import { makeTempDir } from '../../helpers/temp-dir';

let temp: ReturnType<typeof makeTempDir>;
let db: Db;

beforeEach(() => {
  temp = makeTempDir('cchc-migration-005-');
  // A database as version 4 left it, with a profile, then opened by the version that adds accounts.
  const file = join(temp.dir, 'm.sqlite');
  const v4 = openDatabase(file, { migrations: migrations.slice(0, 4) });
  v4.prepare(`INSERT INTO app_meta (key, value) VALUES ('marker', 'giữ nguyên')`).run();
  v4.close();
  db = openDatabase(file, { migrations: migrations.slice(0, 5) });
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

const insert = (username: string, overrides: { hash?: string; roles?: string; disabled?: number } = {}) =>
  db
    .prepare(
      `INSERT INTO account (username, display_name, password_hash, roles_json, disabled, created_at, updated_at)
       VALUES (?, 'Nguyễn Văn Á', ?, ?, ?, '2026-01-05T00:00:00.000Z', '2026-01-05T00:00:00.000Z')`,
    )
    .run(username, overrides.hash ?? 'scrypt$32768$8$1$c2FsdA==$aGFzaA==', overrides.roles ?? '["officer"]', overrides.disabled ?? 0);

describe('migration 005: account', () => {
  it('brings a version-4 database to version 5 with an empty account table', () => {
    expect(schemaVersion(db)).toBe(5);
    expect(db.prepare('SELECT count(*) AS n FROM account').get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT value FROM app_meta WHERE key = 'marker'`).get()).toEqual({ value: 'giữ nguyên' });
  });

  it('keeps usernames unique regardless of case', () => {
    insert('nguyenvana');
    expect(() => insert('NguyenVanA')).toThrow(/UNIQUE/);
  });

  it('refuses rows that could not have come from the app (STRICT, checks)', () => {
    expect(() => insert('ab')).toThrow(/CHECK/);
    expect(() => insert('plain', { hash: 'matkhau2026' })).toThrow(/CHECK/);
    expect(() => insert('roles1', { roles: 'officer' })).toThrow(/CHECK|malformed JSON/);
    expect(() => insert('roles2', { roles: '{"officer":true}' })).toThrow(/CHECK/);
    expect(() => insert('flag', { disabled: 2 })).toThrow(/CHECK/);
    expect(db.prepare('SELECT count(*) AS n FROM account').get()).toEqual({ n: 0 });
  });
});
