import type { z } from 'zod';

/** Who may call a channel. Enforced in main by the registry, never only in the renderer. */
export type Role = 'admin' | 'officer' | 'leader' | 'submitter';

/**
 * One IPC channel: the zod schema its input must pass in main, and (as a phantom type) what it
 * returns. Main's registry, the preload bridge and the renderer client all derive from these.
 */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  /** Roles allowed to call; absent means any caller (the app before sign-in, the CLI). */
  readonly roles?: readonly Role[];
  /** Never set at run time: carries the output type (a function type keeps inference exact). */
  readonly output?: (value: O) => O;
}

/** `channel<Output>()(inputSchema)` — the output type is given, the input type is inferred. */
export function channel<O>() {
  return <I extends z.ZodType>(input: I, options: { roles?: readonly Role[] } = {}): ChannelSpec<I, O> => ({
    input,
    ...(options.roles ? { roles: options.roles } : {}),
  });
}

/** The error every transport carries back: a stable code and a message the officer can read. */
export interface AppErrorShape {
  code: ErrorCode;
  message: string;
}

export type ErrorCode =
  | 'INVALID_INPUT'
  | 'UNKNOWN_CHANNEL'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'DB_TOO_NEW'
  | 'VALIDATION_FAILED'
  | 'IO_ERROR'
  | 'LOCKED'
  | 'INTERNAL';

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
