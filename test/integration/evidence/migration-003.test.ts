import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../../src/main/core/db/migrations';
import { openDatabase, type Db } from '../../../src/main/core/db/open';
import { makeTempDir } from '../../helpers/temp-dir';
import { join } from 'node:path';

let temp: { dir: string; cleanup(): void };
let db: Db;
beforeEach(() => {
  temp = makeTempDir('cchc-migration-003-');
  db = openDatabase(join(temp.dir, 'm.sqlite'), { migrations: migrations.slice(0, 3) });
});
afterEach(() => {
  db.close();
  temp.cleanup();
});

const NOW = '2026-01-05T00:00:00.000Z';
function insertFile(sha: string, overrides: Record<string, unknown> = {}): number {
  const row = { size: 10, stored_path: `files/${sha.slice(0, 2)}/${sha.slice(2)}.pdf`, mime: 'application/pdf', text_status: 'ok', ...overrides };
  return Number(
    db
      .prepare('INSERT INTO evidence_file (sha256, size, stored_path, mime, original_name, text_status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(sha, row.size, row.stored_path, row.mime, 'a.pdf', row.text_status, NOW).lastInsertRowid,
  );
}
const link = (fileId: number, key: string, type = 'item') =>
  db.prepare('INSERT INTO evidence_link (file_id, target_type, target_key, created_at) VALUES (?, ?, ?, ?)').run(fileId, type, key, NOW);

describe('migration 003: evidence', () => {
  it('keeps one file per content and one link per (file, target)', () => {
    const id = insertFile('a'.repeat(64));
    expect(() => insertFile('a'.repeat(64), { stored_path: 'files/aa/other.pdf' })).toThrow(/UNIQUE/);
    link(id, '2026:1.1');
    link(id, '2026:1.1', 'report-section');
    expect(() => link(id, '2026:1.1')).toThrow(/UNIQUE/);
  });

  it('refuses bad values', () => {
    expect(() => insertFile('short')).toThrow(/CHECK/);
    expect(() => insertFile('b'.repeat(64), { size: 0 })).toThrow(/CHECK/);
    expect(() => insertFile('c'.repeat(64), { text_status: 'maybe' })).toThrow(/CHECK/);
    const id = insertFile('d'.repeat(64));
    expect(() => link(id, '2026:1.1', 'folder')).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO evidence_meta (file_id, issue_date, updated_at) VALUES (?, '11/01/2022', ?)").run(id, NOW)).toThrow(/CHECK/);
  });

  it('removing a file removes its metadata, links and text (not other files’)', () => {
    const a = insertFile('e'.repeat(64));
    const b = insertFile('f'.repeat(64));
    for (const id of [a, b]) {
      db.prepare('INSERT INTO evidence_meta (file_id, issue_date, updated_at) VALUES (?, ?, ?)').run(id, '2022-01-11', NOW);
      db.prepare('INSERT INTO evidence_text (file_id, body) VALUES (?, ?)').run(id, 'x');
      link(id, '2026:1.1');
    }
    db.prepare('DELETE FROM evidence_file WHERE id = ?').run(a);
    for (const table of ['evidence_meta', 'evidence_text']) {
      expect(db.prepare(`SELECT file_id FROM ${table}`).pluck().all()).toEqual([b]);
    }
    expect(db.prepare('SELECT file_id FROM evidence_link').pluck().all()).toEqual([b]);
  });

  it('indexes folded text with prefix queries', () => {
    db.prepare('INSERT INTO evidence_fts (rowid, name, meta, body) VALUES (1, ?, ?, ?)').run('ke hoach.pdf', '', 'cai cach hanh chinh');
    expect(db.prepare(`SELECT rowid FROM evidence_fts WHERE evidence_fts MATCH '"hanh"* "chi"*'`).pluck().all()).toEqual([1]);
  });
});
