import { randomUUID } from 'node:crypto';
import { isAbsolute } from 'node:path';
import type { Db } from './db/open';
import { perDatabase } from './db/per-database';
import { AppError } from './errors';

/**
 * Files the officer picked or dropped in the desktop window, by path, without the page ever
 * naming a path. The desktop shell grants a path only for a File from the officer's own pick or
 * drop (the preload asks Electron for that File's path; a File made up by script has none) and
 * hands the page an unguessable one-time token, which a channel then takes back here. The browser
 * host and the page have no way to create a grant; the CLI, trusted, grants its own paths.
 * Used by evidence imports and by opening or verifying a package.
 */

const GRANT_TTL_MS = 10 * 60_000;
const MAX_GRANTS = 1000;

interface Grant {
  path: string;
  expires: number;
}

/** Per open database, like upload sessions: the app, each test and the CLI have their own. */
const grantsOf = perDatabase(() => new Map<string, Grant>());

/** For the desktop shell (and the CLI): one token per path, valid once, for GRANT_TTL_MS. */
export function grantLocalFiles(db: Db, paths: readonly string[], nowMs = Date.now()): string[] {
  const grants = grantsOf(db);
  for (const [token, grant] of grants) if (grant.expires < nowMs) grants.delete(token);
  if (grants.size + paths.length > MAX_GRANTS) throw new AppError('CONFLICT', 'Quá nhiều tệp đang chờ mở; hãy xử lý bớt rồi chọn tiếp.');
  return paths.map((path) => {
    if (!isAbsolute(path)) throw new AppError('INVALID_INPUT', `Đường dẫn tệp phải là đường dẫn đầy đủ: «${path}».`);
    const token = randomUUID();
    grants.set(token, { path, expires: nowMs + GRANT_TTL_MS });
    return token;
  });
}

/** The path behind a grant, which is used up; refused when unknown, used or expired. */
export function takeLocalFileGrant(db: Db, token: string): string {
  const grants = grantsOf(db);
  const grant = grants.get(token);
  grants.delete(token);
  if (!grant || grant.expires < Date.now()) {
    throw new AppError('FORBIDDEN', 'Tệp này chưa được chọn trong cửa sổ ứng dụng (hoặc đã dùng rồi, hoặc chọn đã quá 10 phút); hãy chọn hoặc kéo thả lại tệp.');
  }
  return grant.path;
}
