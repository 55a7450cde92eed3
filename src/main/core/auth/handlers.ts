import type { AccountInfo } from '../../../shared/contract/auth';
import type { Role } from '../../../shared/contract/define';
import { toNfc } from '../../../shared/text/vi';
import { lockAfterMinutes, setMeta } from '../app-meta';
import type { CoreContext } from '../context';
import { AppError } from '../errors';
import { appendAudit } from '../review';
import type { Handlers } from '../registry';
import { countAccounts, findAccountWithHash, getAccount, insertAccount, listAccounts, updateAccount } from './account-store';
import { accountThrottle, beginAttempt } from './login-throttle';
import { hashPassword, verifyPassword } from './password';
import { refreshSessionUser, type Session } from './session';

type AuthChannel =
  | 'auth/status'
  | 'auth/create-first-admin'
  | 'auth/login'
  | 'auth/logout'
  | 'auth/unlock'
  | 'auth/lock'
  | 'auth/activity'
  | 'auth/change-password'
  | 'accounts/list'
  | 'accounts/create'
  | 'accounts/update'
  | 'accounts/reset-password'
  | 'accounts/set-lock-minutes';

const WRONG_LOGIN = 'Tên đăng nhập hoặc mật khẩu không đúng.';
// A hash of nothing in particular: verified against when the name is unknown, so the answer time
// does not reveal which names exist.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA';

/**
 * Checks a password, counting the attempt for this connection and for the account name before
 * the (slow, asynchronous) hash, so attempts sent at once cannot all slip past the throttle.
 * Refused outright while either has to wait after too many wrong passwords.
 */
async function passwordMatches(ctx: CoreContext, session: Session, username: string, password: string, hash: string): Promise<boolean> {
  const now = ctx.now();
  const attempt = beginAttempt([session.throttle, accountThrottle(ctx.db, username, now)], now);
  if (attempt.wait > 0) throw new AppError('FORBIDDEN', `Đã nhập sai mật khẩu nhiều lần. Hãy đợi ${attempt.wait} giây rồi thử lại.`);
  const ok = await verifyPassword(password, hash);
  if (ok) attempt.succeeded();
  return ok;
}

function requireSession(ctx: CoreContext) {
  if (!ctx.session) throw new AppError('INVALID_INPUT', 'Đăng nhập chỉ dùng trong cửa sổ ứng dụng; dòng lệnh chạy với quyền của người dùng máy tính.');
  return ctx.session;
}

/** Each role once, whatever the form sent. */
function distinct(roles: Role[]): Role[] {
  return [...new Set(roles)];
}

export const authHandlers: Pick<Handlers, AuthChannel> = {
  'auth/status': (_input, ctx) => {
    const session = ctx.session;
    // Public, so the registry has not re-read the account: do it here, so the window shows the
    // roles the person has now and drops a disabled account back to sign-in.
    if (session) refreshSessionUser(ctx.db, session);
    const minutes = lockAfterMinutes(ctx.db);
    return {
      hasAccounts: countAccounts(ctx.db) > 0,
      user: session?.user ?? null,
      locked: session ? session.isLocked(ctx.now(), minutes) : false,
      lockAfterMinutes: minutes,
    };
  },

  'auth/create-first-admin': async ({ username, displayName, password, roles }, ctx) => {
    const passwordHash = await hashPassword(password);
    // Check and insert in one transaction, so two first starts cannot both become administrator.
    const created = ctx.db.transaction(() => {
      if (countAccounts(ctx.db) > 0) throw new AppError('CONFLICT', 'Đã có tài khoản quản trị; hãy đăng nhập.');
      const allRoles: Role[] = distinct(['admin', ...(roles ?? ['officer', 'leader', 'submitter'])]);
      const account = insertAccount(ctx.db, { username, displayName: toNfc(displayName), passwordHash, roles: allRoles }, ctx.now());
      auditAccount(ctx, 'account.create', account, null, accountFacts(account));
      return account;
    })();
    ctx.session?.signIn(created, ctx.now());
    return created;
  },

  'auth/login': async ({ username, password }, ctx) => {
    const session = requireSession(ctx);
    const found = findAccountWithHash(ctx.db, username);
    const ok = await passwordMatches(ctx, session, username, password, found?.passwordHash ?? DUMMY_HASH);
    if (!found || !ok) throw new AppError('UNAUTHENTICATED', WRONG_LOGIN);
    if (found.account.disabled) throw new AppError('FORBIDDEN', 'Tài khoản này đã bị vô hiệu hóa; hãy liên hệ người quản trị.');
    session.signIn(found.account, ctx.now());
    return found.account;
  },

  'auth/logout': (_input, ctx) => {
    ctx.session?.signOut();
    return null;
  },

  'auth/unlock': async ({ password }, ctx) => {
    const session = requireSession(ctx);
    if (!session.user) throw new AppError('UNAUTHENTICATED', 'Chưa đăng nhập.');
    const found = findAccountWithHash(ctx.db, session.user.username);
    if (!found || found.account.disabled) {
      session.signOut();
      throw new AppError('UNAUTHENTICATED', 'Tài khoản không còn hoạt động; hãy đăng nhập lại.');
    }
    if (!(await passwordMatches(ctx, session, found.account.username, password, found.passwordHash))) throw new AppError('UNAUTHENTICATED', 'Mật khẩu không đúng.');
    session.unlock(ctx.now());
    session.user = found.account;
    return found.account;
  },

  'auth/lock': (_input, ctx) => {
    ctx.session?.lock();
    return null;
  },

  // The registry has already recorded the activity (it touches the session on every allowed call).
  'auth/activity': () => null,

  'auth/change-password': async ({ currentPassword, newPassword }, ctx) => {
    const session = requireSession(ctx);
    const found = session.user ? findAccountWithHash(ctx.db, session.user.username) : null;
    if (!found || !(await passwordMatches(ctx, session, found.account.username, currentPassword, found.passwordHash))) {
      throw new AppError('UNAUTHENTICATED', 'Mật khẩu hiện tại không đúng.');
    }
    const passwordHash = await hashPassword(newPassword);
    ctx.db.transaction(() => {
      updateAccount(ctx.db, found.account.id, { passwordHash }, ctx.now());
      auditAccount(ctx, 'account.change-password', found.account, null, null);
    })();
    return null;
  },

  'accounts/list': (_input, ctx) => listAccounts(ctx.db),

  'accounts/create': async ({ username, displayName, password, roles }, ctx) => {
    if (findAccountWithHash(ctx.db, username)) throw new AppError('CONFLICT', `Tên đăng nhập «${username}» đã có.`);
    const passwordHash = await hashPassword(password);
    return ctx.db.transaction(() => {
      const account = insertAccount(ctx.db, { username, displayName: toNfc(displayName), passwordHash, roles: distinct(roles) }, ctx.now());
      auditAccount(ctx, 'account.create', account, null, accountFacts(account));
      return account;
    })();
  },

  'accounts/update': ({ id, displayName, roles, disabled }, ctx) => {
    const target = getAccount(ctx.db, id);
    if (!target) throw new AppError('NOT_FOUND', 'Không tìm thấy tài khoản.');
    const nextRoles = roles ?? target.roles;
    const nextDisabled = disabled ?? target.disabled;
    // Never leave the machine without an administrator who can sign in.
    const admins = listAccounts(ctx.db).filter((a) => a.roles.includes('admin') && !a.disabled && a.id !== id);
    if (admins.length === 0 && (!nextRoles.includes('admin') || nextDisabled)) {
      throw new AppError('CONFLICT', 'Phải còn ít nhất một tài khoản quản trị đang hoạt động.');
    }
    return ctx.db.transaction(() => {
      const updated = updateAccount(ctx.db, id, { ...(displayName ? { displayName: toNfc(displayName) } : {}), roles: nextRoles, disabled: nextDisabled }, ctx.now()) as AccountInfo;
      auditAccount(ctx, 'account.update', updated, accountFacts(target), accountFacts(updated));
      return updated;
    })();
  },

  'accounts/reset-password': async ({ id, newPassword }, ctx) => {
    const target = getAccount(ctx.db, id);
    if (!target) throw new AppError('NOT_FOUND', 'Không tìm thấy tài khoản.');
    const passwordHash = await hashPassword(newPassword);
    ctx.db.transaction(() => {
      updateAccount(ctx.db, id, { passwordHash }, ctx.now());
      auditAccount(ctx, 'account.reset-password', target, null, null);
    })();
    return null;
  },

  'accounts/set-lock-minutes': ({ minutes }, ctx) => {
    const before = lockAfterMinutes(ctx.db);
    ctx.db.transaction(() => {
      setMeta(ctx.db, 'lockAfterMinutes', String(minutes));
      appendAudit(ctx.db, { at: ctx.now(), actor: ctx.actor, action: 'settings.lock-minutes', old: before, new: minutes });
    })();
    return lockAfterMinutes(ctx.db);
  },
};

/** What the audit log keeps of an account: never the password hash, only who it is and may do. */
function accountFacts(a: AccountInfo): { displayName: string; roles: Role[]; disabled: boolean } {
  return { displayName: a.displayName, roles: [...a.roles], disabled: a.disabled };
}

/** Role and account changes belong in the audit log (issue 6), inside the same transaction. */
function auditAccount(ctx: CoreContext, action: string, account: AccountInfo, old: unknown, next: unknown): void {
  appendAudit(ctx.db, { at: ctx.now(), actor: ctx.actor, action, subject: 'accounts', target: account.username, old, new: next });
}
