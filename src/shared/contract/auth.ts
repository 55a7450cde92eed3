import { z } from 'zod';
import { passwordProblem } from '../auth/password-rule';
import { channel, ROLES, type Role } from './define';
import { typedText } from './typed-text';

export interface AccountInfo {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  disabled: boolean;
}

export interface AuthStatus {
  /** False on a fresh install: the first-start screen creates the administrator. */
  hasAccounts: boolean;
  user: AccountInfo | null;
  /** Signed in, but locked after inactivity: the password unlocks. */
  locked: boolean;
  lockAfterMinutes: number;
}

const username = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[a-zA-Z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, chữ số và . _ -');
const password = z
  .string()
  .max(200)
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const displayName = typedText(z.string().trim().min(1).max(100));
const roles = z.array(z.enum(ROLES)).min(1, 'Hãy chọn ít nhất một vai trò.').max(4);
export const LOCK_MINUTES_RANGE = { min: 1, max: 240 } as const;

export const authChannels = {
  'auth/status': channel<AuthStatus>()(z.strictObject({})),
  'auth/create-first-admin': channel<AccountInfo>()(
    z.strictObject({ username, displayName, password, roles: roles.optional() }),
  ),
  'auth/login': channel<AccountInfo>()(z.strictObject({ username: z.string().trim().min(1).max(40), password: z.string().min(1).max(200) })),
  'auth/logout': channel<null>()(z.strictObject({})),
  'auth/unlock': channel<AccountInfo>()(z.strictObject({ password: z.string().min(1).max(200) })),
  /** The "Khóa" button and the renderer's idle timer: locks this connection until the password. */
  'auth/lock': channel<null>()(z.strictObject({})),
  /** Keyboard and mouse activity in the window, so main's idle clock matches what the person does. */
  'auth/activity': channel<null>()(z.strictObject({})),
  'auth/change-password': channel<null>()(z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: password })),
  'accounts/list': channel<AccountInfo[]>()(z.strictObject({})),
  'accounts/create': channel<AccountInfo>()(z.strictObject({ username, displayName, password, roles })),
  'accounts/update': channel<AccountInfo>()(
    z.strictObject({ id: z.number().int().positive(), displayName: displayName.optional(), roles: roles.optional(), disabled: z.boolean().optional() }),
  ),
  'accounts/reset-password': channel<null>()(z.strictObject({ id: z.number().int().positive(), newPassword: password })),
  'accounts/set-lock-minutes': channel<number>()(
    z.strictObject({ minutes: z.number().int().min(LOCK_MINUTES_RANGE.min).max(LOCK_MINUTES_RANGE.max) }),
  ),
};
