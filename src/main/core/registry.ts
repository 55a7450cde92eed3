import { accessOf, ROLE_LABELS } from '../../shared/contract/access';
import { contract, isChannelName, type ChannelName, type OutputOf, type ParsedInputOf, type Result } from '../../shared/contract';
import { lockAfterMinutes } from './app-meta';
import { refreshSessionUser, SYSTEM_ACTOR, type Actor, type Session } from './auth/session';
import type { CoreContext } from './context';
import { AppError, isAppError } from './errors';
import { describeIssues, fieldErrorsOf } from './validation-messages';

export type Handler<C extends ChannelName> = (input: ParsedInputOf<C>, ctx: CoreContext) => OutputOf<C> | Promise<OutputOf<C>>;
export type Handlers = { [C in ChannelName]: Handler<C> };

export interface Registry {
  /**
   * Validates the raw input against the contract, checks the caller's session against the
   * channel's access rule, runs the handler, and never throws. Without a session the caller is the
   * trusted local system (CLI, tests); the window and the browser host always pass theirs.
   */
  invoke(channel: string, rawInput: unknown, session?: Session): Promise<Result<unknown>>;
  readonly channels: readonly ChannelName[];
}

export type Logger = (message: string, detail?: unknown) => void;

/** Where errors go when the host gives no logger: stderr, tagged. */
export const defaultLogger: Logger = (message, detail) => console.error(`[cchc] ${message}`, detail ?? '');

type BaseContext = Omit<CoreContext, 'session' | 'actor'>;

/** The one place every transport (Electron IPC, the browser host, the CLI, tests) goes through. */
export function createRegistry(handlers: Handlers, base: BaseContext, log: Logger = defaultLogger): Registry {
  return {
    channels: Object.keys(handlers) as ChannelName[],
    async invoke(channel, rawInput, session) {
      if (!isChannelName(channel)) {
        return fail(new AppError('UNKNOWN_CHANNEL', `Không có chức năng «${String(channel).slice(0, 80)}».`));
      }
      const parsed = contract[channel].input.safeParse(rawInput ?? {}, { reportInput: true });
      if (!parsed.success) {
        const problems = describeIssues(parsed.error.issues);
        // Every field's problem at once, in the message (CLI, log) and per field (the window's forms).
        return fail(new AppError('INVALID_INPUT', `Dữ liệu gửi lên không hợp lệ. ${problems.join(' ')}`, undefined, fieldErrorsOf(parsed.error.issues)));
      }
      try {
        const actor = session ? authorise(channel, session, base) : SYSTEM_ACTOR;
        const handler = handlers[channel] as (input: unknown, ctx: CoreContext) => unknown;
        const value = await handler(parsed.data, { ...base, session: session ?? null, actor });
        return { ok: true, value };
      } catch (error) {
        if (isAppError(error)) {
          if (error.detail !== undefined) log(`${channel}: ${error.code}`, error.detail);
          return fail(error);
        }
        log(`${channel}: unexpected error`, error);
        return fail(new AppError('INTERNAL', 'Đã xảy ra lỗi không mong muốn; thao tác chưa được thực hiện. Chi tiết đã được ghi vào nhật ký.'));
      }
    },
  };
}

/**
 * Enforces the access table (src/shared/contract/access.ts) for a session: signed in, not
 * locked, still enabled, and holding a role the channel needs. Roles are re-read from the store
 * on every call, so a change by the administrator takes effect at once.
 */
function authorise(channel: ChannelName, session: Session, base: BaseContext): Actor {
  const access = accessOf(channel);
  if (access === 'public') {
    return session.user ? userActor(session) : SYSTEM_ACTOR;
  }
  if (!session.user) throw new AppError('UNAUTHENTICATED', 'Hãy đăng nhập để dùng chức năng này.');
  const now = base.now();
  const minutes = lockAfterMinutes(base.db);
  if (session.isLocked(now, minutes)) {
    throw new AppError('LOCKED', `Ứng dụng đã tự khóa sau ${minutes} phút không thao tác. Hãy nhập mật khẩu để tiếp tục.`);
  }
  const fresh = refreshSessionUser(base.db, session);
  if (!fresh) throw new AppError('UNAUTHENTICATED', 'Tài khoản không còn hoạt động; hãy đăng nhập lại.');
  if (access !== 'signed-in' && !access.some((role) => fresh.roles.includes(role))) {
    const needed = access.map((r) => ROLE_LABELS[r]).join(' hoặc ');
    throw new AppError('FORBIDDEN', `Chức năng này dành cho ${needed}; tài khoản «${fresh.username}» không có vai trò đó.`);
  }
  session.touch(now);
  return userActor(session);
}

function userActor(session: Session): Actor {
  const u = session.user!;
  return { kind: 'user', id: u.id, username: u.username, displayName: u.displayName };
}

function fail(error: AppError): Result<never> {
  const fields = error.fields?.length ? { fields: error.fields } : {};
  return { ok: false, error: { code: error.code, message: error.message, ...fields } };
}
