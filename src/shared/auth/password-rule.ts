/**
 * The password strength rule, shared so the first-start form can say what is wrong before the
 * call and main refuses the same passwords anyway. Long enough, with letters and digits: a rule
 * an officer can follow without a password manager.
 */
export const MIN_PASSWORD_LENGTH = 8;

export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Mật khẩu cần ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`;
  if (!/\p{L}/u.test(password) || !/\p{N}/u.test(password)) return 'Mật khẩu cần có cả chữ cái và chữ số.';
  if (/^(.)\1*$/u.test(password)) return 'Mật khẩu không được chỉ lặp lại một ký tự.';
  return null;
}

/** What a form says when the new password and its repetition differ. */
export const PASSWORDS_DIFFER = 'Hai lần nhập mật khẩu không giống nhau.';

/** A new password typed twice, as the forms setting one check it: the two must match, then the rule. */
export function newPasswordProblem(password: string, again: string): string | null {
  if (password !== again) return PASSWORDS_DIFFER;
  return passwordProblem(password);
}
