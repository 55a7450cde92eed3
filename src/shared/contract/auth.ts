import { z } from 'zod';
import { channel, ROLES, type Role } from './define';

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
const password = z.string().min(8, 'Mật khẩu cần ít nhất 8 ký tự.').max(200);
const displayName = z.string().trim().min(1).max(100);
const roles = z.array(z.enum(ROLES)).min(1).max(4);

export const authChannels = {
  'auth/status': channel<AuthStatus>()(z.strictObject({})),
  'auth/create-first-admin': channel<AccountInfo>()(
    z.strictObject({ username, displayName, password, roles: roles.optional() }),
  ),
  'auth/login': channel<AccountInfo>()(z.strictObject({ username: z.string().trim().min(1).max(40), password: z.string().min(1).max(200) })),
  'auth/logout': channel<null>()(z.strictObject({})),
  'auth/unlock': channel<AccountInfo>()(z.strictObject({ password: z.string().min(1).max(200) })),
  'auth/change-password': channel<null>()(z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: password })),
  'accounts/list': channel<AccountInfo[]>()(z.strictObject({})),
  'accounts/create': channel<AccountInfo>()(z.strictObject({ username, displayName, password, roles })),
  'accounts/update': channel<AccountInfo>()(
    z.strictObject({ id: z.number().int().positive(), displayName: displayName.optional(), roles: roles.optional(), disabled: z.boolean().optional() }),
  ),
};
