import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore } from '../../../src/main/core/app';
import { runCliCaptured } from '../../helpers/cli';
import { makeTempDir } from '../../helpers/temp-dir';
import { sampleProfile } from '../../helpers/sample-profile';

describe('cchc appraisal and the official score', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(async () => {
    temp = makeTempDir();
    const core = openCore({ dataDir: temp.dir });
    await core.registry.invoke('profile/save', { profile: sampleProfile({ name: 'Sở Tư pháp', shortName: 'STP' }) });
    await core.registry.invoke('assessment/open', { year: 2026 });
    await core.registry.invoke('assessment/save-entry', { year: 2026, code: '1.1.3', answer: { kind: 'yes-no', value: true } });
    core.close();
  });
  afterEach(() => temp.cleanup());
  const cli = (...args: string[]) => runCliCaptured(args, { dataDir: temp.dir });

  it('prints the score JSON with what each total is, before and after the appraisal file is imported', async () => {
    const before = await cli('assessment', 'score', '2026', '--json');
    expect(before.code).toBe(0);
    expect(JSON.parse(before.out)).toMatchObject({ self: { points: 0.5, max: 77 }, appraised: null, survey: null, index: null, band: null, provisional: true });

    const template = join(temp.dir, 'mau.json');
    expect((await cli('appraisal', 'template', '2026', '--format', 'json', '--out', template)).code).toBe(0);
    const file = JSON.parse(readFileSync(template, 'utf8'));
    file.items.find((i: { code: string }) => i.code === '1.1.3').points = 0.25;
    for (const code of ['3.3.1', '3.3.2', '2.3.3', '7.4', '8.1', '8.2']) file.items.find((i: { code: string }) => i.code === code).points = 0;
    file.final = true;
    writeFileSync(template, JSON.stringify(file));
    const imported = await cli('appraisal', 'import', template);
    expect(imported.code, imported.err).toBe(0);
    expect(imported.out).toContain('Đã nhập kết quả thẩm định lần 1 năm 2026: 67 tiêu chí, 0 tiêu chí yêu cầu giải trình.');
    expect(imported.out).toContain('Điểm thẩm định lần 1: 0,25/80,00 điểm');
    expect(imported.out).toContain('Chỉ số chính thức: 0,25%');

    const after = JSON.parse((await cli('assessment', 'score', '2026', '--json')).out);
    expect(after).toMatchObject({ self: { points: 0.5, max: 77 }, appraised: { round: 1, points: 0.25, max: 80 }, survey: { points: 0, max: 20 }, index: 0.25, band: 'Yếu', provisional: false });
    const xlsx = join(temp.dir, 'mau.xlsx');
    expect((await cli('appraisal', 'template', '2026', '--format', 'xlsx', '--out', xlsx)).code).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses a broken file with every problem listed and exit code 1', async () => {
    const path = join(temp.dir, 'sai.json');
    writeFileSync(path, JSON.stringify({ formatVersion: 1, kind: 'appraisal', year: 2026, unit: 'SNV', round: 1, items: [{ code: '1.1.3', points: 9 }] }));
    const result = await cli('appraisal', 'import', path);
    expect(result.code).toBe(1);
    expect(result.err).toContain('có 2 lỗi');
    expect(result.err).toContain('vượt điểm tối đa');
  });
});
