import type { z } from 'zod';

/**
 * What a person may do. One person may hold several roles; the first account is also the
 * administrator (manages accounts). Enforced in main by the registry, never only in the renderer.
 */
export type Role = 'admin' | 'officer' | 'leader' | 'submitter';
export const ROLES = ['admin', 'officer', 'leader', 'submitter'] as const satisfies readonly Role[];

/**
 * One IPC channel: the zod schema its input must pass in main, and (as a phantom type) what it
 * returns. Main's registry, the preload bridge and the renderer client all derive from these.
 */
export interface ChannelSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  /** Never set at run time: carries the output type (a function type keeps inference exact). */
  readonly output?: (value: O) => O;
}

/** `channel<Output>()(inputSchema)` — the output type is given, the input type is inferred. */
export function channel<O>() {
  return <I extends z.ZodType>(input: I): ChannelSpec<I, O> => ({ input });
}

/** The error every transport carries back: a stable code and a message the officer can read. */
export interface AppErrorShape {
  code: ErrorCode;
  message: string;
  /** Every field that failed its check (INVALID_INPUT), so a form shows each under its field at once. */
  fields?: FieldError[];
}

/** One field's problem: its path in the input ("profile.shortName"), its Vietnamese name and the message. */
export interface FieldError {
  path: string;
  label: string;
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
  | 'INTERNAL'
  | 'DB_UNUSABLE';

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
