import type { AccountInfo } from '../../../shared/contract/auth';
import type { Role } from '../../../shared/contract/define';
import type { Db } from '../db/open';

interface AccountRow {
  id: number;
  username: string;
  display_name: string;
  password_hash: string;
  roles_json: string;
  disabled: number;
}

function fromRow(row: AccountRow): AccountInfo {
  return { id: row.id, username: row.username, displayName: row.display_name, roles: JSON.parse(row.roles_json) as Role[], disabled: row.disabled === 1 };
}

export function countAccounts(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM account').get() as { n: number }).n;
}

export function listAccounts(db: Db): AccountInfo[] {
  return (db.prepare('SELECT * FROM account ORDER BY id').all() as AccountRow[]).map(fromRow);
}

export function getAccount(db: Db, id: number): AccountInfo | null {
  const row = db.prepare('SELECT * FROM account WHERE id = ?').get(id) as AccountRow | undefined;
  return row ? fromRow(row) : null;
}

export function findAccountWithHash(db: Db, username: string): { account: AccountInfo; passwordHash: string } | null {
  const row = db.prepare('SELECT * FROM account WHERE username = ?').get(username) as AccountRow | undefined;
  return row ? { account: fromRow(row), passwordHash: row.password_hash } : null;
}

export function insertAccount(
  db: Db,
  account: { username: string; displayName: string; passwordHash: string; roles: Role[] },
  now: Date,
): AccountInfo {
  const at = now.toISOString();
  const info = db
    .prepare(
      `INSERT INTO account (username, display_name, password_hash, roles_json, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(account.username, account.displayName, account.passwordHash, JSON.stringify(account.roles), at, at);
  return getAccount(db, Number(info.lastInsertRowid))!;
}

export function updateAccount(
  db: Db,
  id: number,
  patch: { displayName?: string; roles?: Role[]; disabled?: boolean; passwordHash?: string },
  now: Date,
): AccountInfo | null {
  const current = db.prepare('SELECT * FROM account WHERE id = ?').get(id) as AccountRow | undefined;
  if (!current) return null;
  db.prepare(
    `UPDATE account SET display_name = ?, roles_json = ?, disabled = ?, password_hash = ?, updated_at = ? WHERE id = ?`,
  ).run(
    patch.displayName ?? current.display_name,
    patch.roles ? JSON.stringify(patch.roles) : current.roles_json,
    patch.disabled === undefined ? current.disabled : patch.disabled ? 1 : 0,
    patch.passwordHash ?? current.password_hash,
    now.toISOString(),
    id,
  );
  return getAccount(db, id);
}
