import { describe, expect, it } from 'vitest';
import { authChannels } from '../../../src/shared/contract/auth';
import { profileChannels } from '../../../src/shared/contract/profile';
import { fieldErrorsOf, fieldKeyOf } from '../../../src/shared/validation/field-errors';
import { sampleProfile } from '../../helpers/sample-profile';

describe('field errors: every wrong field at once, in its Vietnamese name', () => {
  it('names each wrong profile field once, in the form’s words', () => {
    const parsed = profileChannels['profile/save'].input.safeParse({ profile: sampleProfile({ name: '  ', shortName: 's nv', leaderTitle: '' }) });
    expect(parsed.success).toBe(false);
    const errors = fieldErrorsOf(parsed.error!.issues);
    expect(errors).toEqual([
      { path: 'profile.name', label: 'Tên đơn vị', message: 'Tên đơn vị: không được để trống.' },
      { path: 'profile.shortName', label: 'Tên viết tắt', message: 'Tên viết tắt chỉ gồm chữ in hoa và chữ số, không dấu cách (ví dụ: SNV).' },
      { path: 'profile.leaderTitle', label: 'Chức vụ lãnh đạo', message: 'Chức vụ lãnh đạo: không được để trống.' },
    ]);
  });

  it('keeps the schema author’s sentence (roles, password) rather than zod’s English default', () => {
    const schema = authChannels['accounts/create'].input;
    const parsed = schema.safeParse({ displayName: 'Nguyễn Văn A', username: 'a b', password: 'ngan1', roles: [] });
    const errors = fieldErrorsOf(parsed.error!.issues);
    expect(errors.map((e) => [e.path, e.message])).toEqual([
      ['username', 'Tên đăng nhập chỉ gồm chữ không dấu, chữ số và . _ -'],
      ['password', 'Mật khẩu cần ít nhất 8 ký tự.'],
      ['roles', 'Hãy chọn ít nhất một vai trò.'],
    ]);
    expect(errors.every((e) => !/Too small|Invalid/.test(e.message))).toBe(true);
  });

  it('keys a nested path by its last named segment, which is what a form field is called', () => {
    expect(fieldKeyOf('profile.shortName')).toBe('shortName');
    expect(fieldKeyOf('tasks.2.title')).toBe('title');
    expect(fieldKeyOf('')).toBe('');
  });
});
