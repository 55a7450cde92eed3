import type { AppErrorShape, ErrorCode, FieldError } from '../../shared/contract';

/**
 * An error meant for the officer: a stable code and a Vietnamese message. `detail` is for the
 * log only and never crosses the transport.
 */
export class AppError extends Error implements AppErrorShape {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly detail?: unknown,
    /** Per-field problems the window shows under each field (INVALID_INPUT); they do cross the transport. */
    readonly fields?: FieldError[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
