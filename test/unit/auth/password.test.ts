import * as crypto from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { hashPassword, verifyPassword } from '../../../src/main/core/auth/password';
import { newPasswordProblem, passwordProblem } from '../../../src/shared/auth/password-rule';

// Wrap timingSafeEqual in a spy so the test can see the comparison really goes through it.
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  return { ...real, timingSafeEqual: vi.fn(real.timingSafeEqual) };
});

describe('password hashing (scrypt)', () => {
  it('stores scrypt with its parameters and a random salt: the same password hashes differently twice', async () => {
    const a = await hashPassword('matkhau2026');
    const b = await hashPassword('matkhau2026');
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{88}$/);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
    expect(a).not.toContain('matkhau2026');
  });

  it('verifies the right password and refuses a wrong one, compared in constant time', async () => {
    const stored = await hashPassword('Đồng-Nai-2026');
    const spy = vi.mocked(crypto.timingSafeEqual);
    spy.mockClear();
    expect(await verifyPassword('Đồng-Nai-2026', stored)).toBe(true);
    expect(await verifyPassword('Đồng-Nai-2027', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
    expect(spy).toHaveBeenCalledTimes(3);
  });

  it('treats a password typed in NFD (macOS, some keyboards) like its NFC form', async () => {
    const stored = await hashPassword('Tiếng Việt 1');
    expect(await verifyPassword('Tiếng Việt 1'.normalize('NFD'), stored)).toBe(true);
  });

  it('refuses a malformed or foreign stored hash instead of throwing', async () => {
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
    expect(await verifyPassword('x', '')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$32768$8$1$AAAA')).toBe(false);
  });
});

describe('the password strength rule', () => {
  it('asks for 8 characters with letters and digits, in Vietnamese', () => {
    expect(passwordProblem('abc12')).toBe('Mật khẩu cần ít nhất 8 ký tự.');
    expect(passwordProblem('matkhaumoi')).toBe('Mật khẩu cần có cả chữ cái và chữ số.');
    expect(passwordProblem('12345678')).toBe('Mật khẩu cần có cả chữ cái và chữ số.');
    expect(passwordProblem('matkhau2026')).toBeNull();
    expect(passwordProblem('Đổimật1khẩu')).toBeNull();
  });

  it('checks a new password typed twice: a mismatch first, then the rule', () => {
    expect(newPasswordProblem('matkhau2026', 'matkhau2027')).toBe('Hai lần nhập mật khẩu không giống nhau.');
    expect(newPasswordProblem('abc12', 'abc1')).toBe('Hai lần nhập mật khẩu không giống nhau.');
    expect(newPasswordProblem('abc12', 'abc12')).toBe('Mật khẩu cần ít nhất 8 ký tự.');
    expect(newPasswordProblem('matkhau2026', 'matkhau2026')).toBeNull();
  });
});
