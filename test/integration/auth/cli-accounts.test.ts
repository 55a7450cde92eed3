import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/run-cli';
import { openCore } from '../../../src/main/core/app';
import { Session } from '../../../src/main/core/auth/session';
import { captureIo } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/temp-dir';
import { ADMIN } from './helpers';

describe('cchc accounts', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(async () => {
    temp = makeTempDir();
    const core = openCore({ dataDir: temp.dir });
    await core.registry.invoke('auth/create-first-admin', ADMIN);
    core.close();
  });
  afterEach(() => temp.cleanup());
  const env = () => ({ CCHC_DATA_DIR: temp.dir });

  it('lists the accounts with their roles in Vietnamese', async () => {
    const c = captureIo();
    expect(await runCli(['accounts', 'list'], { io: c.io, env: env() })).toBe(0);
    expect(c.out).toEqual(['quantri\tNguyễn Thị Quản Trị\tquản trị, cán bộ đầu mối, lãnh đạo, người nộp hồ sơ\tđang hoạt động']);
  });

  it('resets a forgotten administrator password from standard input', async () => {
    const c = captureIo('quenmatkhau9');
    expect(await runCli(['accounts', 'reset-password', 'QuanTri'], { io: c.io, env: env() })).toBe(0);
    expect(c.out).toEqual(['Đã đặt lại mật khẩu của «quantri».']);
    const core = openCore({ dataDir: temp.dir });
    const old = await core.registry.invoke('auth/login', { username: 'quantri', password: ADMIN.password }, new Session());
    const fresh = await core.registry.invoke('auth/login', { username: 'quantri', password: 'quenmatkhau9' }, new Session());
    core.close();
    expect(old).toMatchObject({ ok: false });
    expect(fresh).toMatchObject({ ok: true });
  });

  it('refuses a weak password, an unknown name or an empty input, and changes nothing', async () => {
    const weak = captureIo('ngan');
    expect(await runCli(['accounts', 'reset-password', 'quantri'], { io: weak.io, env: env() })).toBe(1);
    expect(weak.err.join('\n')).toContain('Mật khẩu cần ít nhất 8 ký tự.');
    const unknown = captureIo('quenmatkhau9');
    expect(await runCli(['accounts', 'reset-password', 'khongco'], { io: unknown.io, env: env() })).toBe(1);
    expect(unknown.err).toEqual(['Không có tài khoản «khongco».']);
    const empty = captureIo(null);
    expect(await runCli(['accounts', 'reset-password', 'quantri'], { io: empty.io, env: env() })).toBe(2);
    const core = openCore({ dataDir: temp.dir });
    const still = await core.registry.invoke('auth/login', { username: 'quantri', password: ADMIN.password }, new Session());
    core.close();
    expect(still).toMatchObject({ ok: true });
  });
});
