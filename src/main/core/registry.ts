import { contract, isChannelName, type ChannelName, type OutputOf, type ParsedInputOf, type Result } from '../../shared/contract';
import type { CoreContext } from './context';
import { AppError, isAppError } from './errors';
import { describeIssues } from './validation-messages';

export type Handler<C extends ChannelName> = (input: ParsedInputOf<C>, ctx: CoreContext) => OutputOf<C> | Promise<OutputOf<C>>;
export type Handlers = { [C in ChannelName]: Handler<C> };

export interface Registry {
  /** Validates the raw input against the contract, runs the handler, and never throws. */
  invoke(channel: string, rawInput: unknown): Promise<Result<unknown>>;
  readonly channels: readonly ChannelName[];
}

export type Logger = (message: string, detail?: unknown) => void;

const defaultLogger: Logger = (message, detail) => console.error(`[cchc] ${message}`, detail ?? '');

/** The one place every transport (Electron IPC, the browser host, the CLI, tests) goes through. */
export function createRegistry(handlers: Handlers, ctx: CoreContext, log: Logger = defaultLogger): Registry {
  return {
    channels: Object.keys(handlers) as ChannelName[],
    async invoke(channel, rawInput) {
      if (!isChannelName(channel)) {
        return fail(new AppError('UNKNOWN_CHANNEL', `Không có chức năng «${String(channel).slice(0, 80)}».`));
      }
      const parsed = contract[channel].input.safeParse(rawInput ?? {}, { reportInput: true });
      if (!parsed.success) {
        const problems = describeIssues(parsed.error.issues);
        return fail(new AppError('INVALID_INPUT', `Dữ liệu gửi lên không hợp lệ. ${problems.join(' ')}`));
      }
      try {
        const handler = handlers[channel] as (input: unknown, ctx: CoreContext) => unknown;
        const value = await handler(parsed.data, ctx);
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

function fail(error: AppError): Result<never> {
  return { ok: false, error: { code: error.code, message: error.message } };
}
